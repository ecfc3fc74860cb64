import { html, nothing, type TemplateResult } from 'lit';
import type { AmbienceKind, BreathCue } from '../../engine/script-model';
import { ambienceKinds, breathCueKinds, breathPresets, draftLimits, type DraftRange, type DraftStep } from '../../services/made-sessions-service';

/** What each kind of step is called on the maker's screen. */
export const stepLabels: Readonly<Record<DraftStep['kind'], string>> = {
  say: 'Spoken line',
  pause: 'Quiet pause',
  breathe: 'Breathing',
  taps: 'Butterfly taps',
  bell: 'Bell',
  ambience: 'Background sound',
  prompt: 'Question to reflect on',
};

const ambienceLabels: Readonly<Record<AmbienceKind, string>> = {
  beach: 'Waves on a beach',
  forest: 'A forest with birds',
  room: 'A fire in a quiet room',
  rain: 'Rain',
  'brown-noise': 'Soft brown noise',
};

const cueLabels: Readonly<Record<BreathCue, string>> = {
  voice: 'Words every breath',
  tone: 'Soft tones',
  none: 'No sound, only the picture',
  'voice-then-tone': 'Words at first, then tones',
  'voice-then-quiet': 'Words, then tones, then quiet',
};

const presetLabels: Readonly<Record<string, string>> = {
  'long-exhale': 'Longer breath out (in 4, out 6)',
  box: 'Box (4 in, 4 hold, 4 out, 4 rest)',
  '4-7-8': '4-7-8 (in 4, hold 7, out 8)',
  resonance: 'Even (in 5.5, out 5.5)',
};

/** The step as changed by one field: the maker replaces it in the draft. */
export type StepChange = (step: DraftStep) => void;

const numberOf = (event: Event): number => Number((event.target as HTMLInputElement).value);
const textOf = (event: Event): string => (event.target as HTMLInputElement | HTMLTextAreaElement).value;

/** Two number fields, shortest and longest; equal means it always lasts that long. */
function rangeFields(id: string, unit: 'seconds' | 'minutes', range: DraftRange, change: (range: DraftRange) => void, hint: string): TemplateResult {
  const step = unit === 'minutes' ? 0.1 : 1;
  return html`<div class="range" role="group" aria-labelledby="${id}-label" aria-describedby="${id}-hint">
    <span id="${id}-label" class="group-label">How long, in ${unit}</span>
    <label
      >At least
      <input type="number" inputmode="decimal" min="0" step=${step} .value=${String(range.min)} @input=${(event: Event) => change({ ...range, min: numberOf(event) })} />
    </label>
    <label
      >At most
      <input type="number" inputmode="decimal" min="0" step=${step} .value=${String(range.max)} @input=${(event: Event) => change({ ...range, max: numberOf(event) })} />
    </label>
    <span id="${id}-hint" class="hint">${hint}</span>
  </div>`;
}

const stretchHint = 'It grows toward the longest when you choose a longer session. Make both the same for a fixed length.';

/** The fields of one step, by its kind. */
export function stepFields(step: DraftStep, change: StepChange): TemplateResult {
  const id = `step-${step.id}`;
  switch (step.kind) {
    case 'say':
      return html`<label for="${id}-text">Words to hear</label>
        <textarea id="${id}-text" rows="3" maxlength=${draftLimits.textCharacters} .value=${step.text} @input=${(event: Event) => change({ ...step, text: textOf(event) })}></textarea>`;
    case 'pause':
      return rangeFields(id, 'seconds', step.seconds, (seconds) => change({ ...step, seconds }), stretchHint);
    case 'breathe': {
      const preset = Object.entries(breathPresets).find(([, pattern]) => pattern.inhale === step.pattern.inhale && pattern.hold === step.pattern.hold && pattern.exhale === step.pattern.exhale && pattern.rest === step.pattern.rest)?.[0];
      return html`<label for="${id}-pattern">Pattern</label>
        <select
          id="${id}-pattern"
          @change=${(event: Event) => {
            const pattern = breathPresets[textOf(event)];
            if (pattern) change({ ...step, pattern });
          }}
        >
          ${preset ? nothing : html`<option selected value="">In ${step.pattern.inhale}, hold ${step.pattern.hold}, out ${step.pattern.exhale}, rest ${step.pattern.rest}</option>`}
          ${Object.keys(breathPresets).map((name) => html`<option value=${name} ?selected=${name === preset}>${presetLabels[name] ?? name}</option>`)}
        </select>
        <label for="${id}-cue">Cues</label>
        <select id="${id}-cue" @change=${(event: Event) => change({ ...step, cue: textOf(event) as BreathCue })}>
          ${breathCueKinds.map((cue) => html`<option value=${cue} ?selected=${cue === step.cue}>${cueLabels[cue]}</option>`)}
        </select>
        ${rangeFields(id, 'minutes', step.minutes, (minutes) => change({ ...step, minutes }), `${stretchHint} It is rounded to whole breaths.`)}`;
    }
    case 'taps':
      return html`<label for="${id}-interval">Seconds from one tap to the next</label>
        <input id="${id}-interval" type="number" inputmode="decimal" min="0.3" max="10" step="0.1" .value=${String(step.interval)} @input=${(event: Event) => change({ ...step, interval: numberOf(event) })} />
        ${rangeFields(id, 'minutes', step.minutes, (minutes) => change({ ...step, minutes }), stretchHint)}`;
    case 'bell':
      return html`<label for="${id}-count">Strikes</label>
        <input id="${id}-count" type="number" inputmode="numeric" min="1" max="5" step="1" .value=${String(step.count)} @input=${(event: Event) => change({ ...step, count: numberOf(event) })} />`;
    case 'ambience':
      return html`<label for="${id}-kind">Sound</label>
        <select id="${id}-kind" @change=${(event: Event) => change({ ...step, ambience: textOf(event) === 'stop' ? null : (textOf(event) as AmbienceKind) })}>
          ${ambienceKinds.map((kind) => html`<option value=${kind} ?selected=${kind === step.ambience}>${ambienceLabels[kind]}</option>`)}
          <option value="stop" ?selected=${step.ambience === null}>Fade the sound out</option>
        </select>
        ${step.ambience === null
          ? nothing
          : html`<label for="${id}-volume">Volume (0 to 1; 0.5 or less keeps it well under the voice)</label>
              <input id="${id}-volume" type="number" inputmode="decimal" min="0" max="1" step="0.05" .value=${String(step.volume)} @input=${(event: Event) => change({ ...step, volume: numberOf(event) })} />`}
        <label for="${id}-fade">Fade, in seconds</label>
        <input id="${id}-fade" type="number" inputmode="decimal" min="0" max="60" step="1" .value=${String(step.fade)} @input=${(event: Event) => change({ ...step, fade: numberOf(event) })} />`;
    case 'prompt': {
      const waits = step.seconds === 'wait';
      return html`<label for="${id}-text">The question</label>
        <textarea id="${id}-text" rows="2" maxlength=${draftLimits.textCharacters} .value=${step.text} @input=${(event: Event) => change({ ...step, text: textOf(event) })}></textarea>
        <label class="check"
          ><input type="checkbox" .checked=${step.journal} @change=${(event: Event) => change({ ...step, journal: (event.target as HTMLInputElement).checked })} /> Offer a place to write the answer (kept in
          your journal)</label
        >
        <label class="check"
          ><input type="checkbox" .checked=${waits} @change=${(event: Event) => change({ ...step, seconds: (event.target as HTMLInputElement).checked ? 'wait' : { min: 20, max: 120 } })} /> Wait until I
          continue</label
        >
        ${step.seconds === 'wait' ? nothing : rangeFields(id, 'seconds', step.seconds, (seconds) => change({ ...step, seconds }), `${stretchHint} Writing never races the clock.`)}`;
    }
  }
}
