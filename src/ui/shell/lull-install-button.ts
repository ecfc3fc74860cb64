import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { installPrompt } from '../../services/install-prompt';
import { ServiceController } from '../shared/service-controller';
import { controlStyles } from '../shared/shared-styles';

/**
 * "Install Lull" where the browser offers installation; on iOS Safari, which has no such offer,
 * the two steps to add it from the Share menu; otherwise nothing.
 */
@customElement('lull-install-button')
export class LullInstallButton extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: contents;
      }
      details {
        align-self: center;
      }
      summary {
        cursor: pointer;
        padding: 0.6rem 0.25rem;
        color: var(--lull-link, var(--lull-accent));
      }
      details p {
        margin: 0.25rem 0 0;
        max-width: 22rem;
      }
    `,
  ];

  private readonly _install = new ServiceController(this, installPrompt);

  private _onInstall(): void {
    void this._install.service.prompt();
  }

  override render() {
    const { service } = this._install;
    if (service.available) return html`<button class="quiet" @click=${() => this._onInstall()}>Install Lull</button>`;
    if (service.iosInstructions) {
      return html`<details>
        <summary>Install on this device</summary>
        <p>In Safari, tap the Share button, then “Add to Home Screen”.</p>
      </details>`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-install-button': LullInstallButton;
  }
}
