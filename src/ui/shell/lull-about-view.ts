import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { controlStyles, panelStyles } from '../shared/shared-styles';

/**
 * What Lull is and is not: not therapy and not for emergencies, where help is, what stays on the
 * device, how it works offline, and where its voice and sounds come from.
 */
@customElement('lull-about-view')
export class LullAboutView extends LitElement {
  static override styles = [
    controlStyles,
    panelStyles,
    css`
      :host {
        display: block;
        max-width: 42rem;
      }
      h1 {
        margin: 0 0 0.5rem;
      }
      h2 {
        margin: 0 0 0.5rem;
      }
      p,
      ul {
        line-height: 1.6;
      }
      p:last-child,
      ul:last-child {
        margin-bottom: 0;
      }
    `,
  ];

  override render() {
    return html`
      <h1>About Lull</h1>
      <p>
        Lull offers gentle, guided time with the child you once were: a safe place to rest in, ways to soothe yourself, breathing, the butterfly hug,
        questions to write about, a letter to your younger self, and a daily check-in. Go at your own pace, and take only what helps.
      </p>
      <section class="panel" aria-labelledby="not-therapy-heading">
        <h2 id="not-therapy-heading">What Lull is not</h2>
        <p>
          Lull is not therapy, and it does not diagnose or treat anything. It cannot help in an emergency: if you might be in danger, call your local
          emergency number now.
        </p>
        <p>
          Looking back at childhood can stir up strong feelings. A licensed therapist can help you with what comes up, especially with painful
          memories. Asking for that help is a strong thing to do.
        </p>
      </section>
      <section class="panel" aria-labelledby="free-heading">
        <h2 id="free-heading">You are always free to stop</h2>
        <p>
          Every session can be paused or stopped at any moment, and no question has to be answered. “I need a break”, at the top of every screen, fades
          the voice and moves into a slow, grounding breath, with your own support people close by.
        </p>
      </section>
      <section class="panel" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Everything stays on this device</h2>
        <ul>
          <li>There is no account, no server and no tracking. Lull sends nothing anywhere.</li>
          <li>Your journal, letters, recordings, check-ins and support contacts are kept in this browser on this device only.</li>
          <li>On <a href="/your-data">Your data</a> you can see what is kept, save a backup file, bring one back, or delete everything.</li>
          <li>Clearing this site’s data in the browser deletes it too, so a backup now and then is a good idea.</li>
        </ul>
      </section>
      <section class="panel" aria-labelledby="offline-heading">
        <h2 id="offline-heading">Offline and with the screen locked</h2>
        <p>
          Once a session is downloaded, it plays without a connection, and it keeps playing with the screen locked or another app in front. You can add
          Lull to your home screen to open it like any other app.
        </p>
      </section>
      <section class="panel" aria-labelledby="sounds-heading">
        <h2 id="sounds-heading">The voice and the sounds</h2>
        <p>
          The narration is read by computer voices you choose between in the player: a woman’s voice (Festival with the “slt” voice, from the University
          of Edinburgh and Carnegie Mellon University) and a man’s voice (Flite’s “rms”, from Carnegie Mellon University). The bells, taps and the sounds of
          the beach, the forest, the room and the rain are made by Lull itself. Every word of the sessions was written for Lull.
        </p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-about-view': LullAboutView;
  }
}
