import { css } from 'lit';

/**
 * The design system every screen shares: one type scale for headings, buttons and links, focus
 * rings, and the form controls (radios, checkboxes, sliders, progress bars, a file picker that is
 * a Lull button, fieldsets) drawn in Lull's palette in light and dark; large targets everywhere.
 */
export const controlStyles = css`
  h1 {
    font-size: var(--lull-size-h1);
    line-height: 1.2;
    letter-spacing: -0.01em;
    margin: 0 0 0.35rem;
  }
  h2 {
    font-size: var(--lull-size-h2);
    line-height: 1.25;
  }
  h3 {
    font-size: var(--lull-size-h3);
    line-height: 1.3;
  }
  button,
  .button {
    box-sizing: border-box;
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1.1rem;
    border-radius: 999px;
    border: 1px solid var(--lull-accent);
    background: var(--lull-accent);
    color: var(--lull-accent-text);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
  }
  button.quiet,
  .button.quiet {
    background: transparent;
    color: var(--lull-text);
    border-color: var(--lull-border);
  }
  button.quiet:hover,
  .button.quiet:hover {
    background: var(--lull-surface-soft);
  }
  /* A file picker that is a Lull button, not the browser's "Choose File": its label is the
     button's face, and the input, unseen, covers it (so a tap anywhere on it opens the picker). */
  .file-picker {
    position: relative;
    display: inline-flex;
  }
  .file-picker input[type='file'] {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    opacity: 0;
    cursor: pointer;
  }
  .file-picker:has(input:focus-visible) .button {
    outline: 3px solid var(--lull-focus);
    outline-offset: 2px;
  }
  .file-picker:has(input:disabled) .button {
    opacity: 0.6;
  }
  .file-picker:hover .button.quiet {
    background: var(--lull-surface-soft);
  }
  /* Boxes and dots big enough to touch (WCAG 2.2 asks 24 px at least); their colour, the theme's accent, is inherited from the page (theme.css). */
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.5rem;
    height: 1.5rem;
    flex: none;
    margin: 0;
  }
  /* Sliders: a soft track and a round thumb in the accent colour, 44 px tall to touch. */
  input[type='range'] {
    appearance: none;
    background: transparent;
    min-height: 44px;
    margin: 0;
    cursor: pointer;
  }
  input[type='range']::-webkit-slider-runnable-track {
    height: 6px;
    border-radius: 999px;
    background: var(--lull-border);
  }
  input[type='range']::-moz-range-track {
    height: 6px;
    border-radius: 999px;
    background: var(--lull-border);
  }
  input[type='range']::-moz-range-progress {
    height: 6px;
    border-radius: 999px;
    background: var(--lull-accent);
  }
  input[type='range']::-webkit-slider-thumb {
    appearance: none;
    width: 24px;
    height: 24px;
    margin-top: -9px;
    border-radius: 50%;
    background: var(--lull-accent);
    border: 3px solid var(--lull-surface);
    box-shadow: 0 0 0 1px var(--lull-accent);
  }
  input[type='range']::-moz-range-thumb {
    width: 18px;
    height: 18px;
    border-radius: 50%;
    background: var(--lull-accent);
    border: 3px solid var(--lull-surface);
    box-shadow: 0 0 0 1px var(--lull-accent);
  }
  progress {
    appearance: none;
    border: none;
    border-radius: 999px;
    background: var(--lull-border);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--lull-border);
  }
  progress::-webkit-progress-value {
    background: var(--lull-accent);
  }
  progress::-moz-progress-bar {
    background: var(--lull-accent);
  }
  /* A question and its answers: the question is a line of its own, never drawn across a border. */
  fieldset {
    border: none;
    margin: 0.75rem 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    float: left;
    width: 100%;
    padding: 0;
    margin: 0 0 0.4rem;
    font-weight: 600;
  }
  legend + * {
    clear: both;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  a {
    color: var(--lull-link, var(--lull-accent));
  }
  :focus-visible {
    outline: 3px solid var(--lull-focus);
    outline-offset: 2px;
  }
  [role='alert'] {
    border-left: 4px solid var(--lull-danger);
    padding: 0.5rem 1rem;
    background: var(--lull-surface);
    border-radius: 6px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/**
 * Answers to pick as large, rounded tiles (a place, a mood): each a label holding its radio, which
 * covers the tile unseen; the chosen tile is filled with the accent's soft tint, bordered and bold.
 */
export const chipStyles = css`
  .chips {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(6rem, 1fr));
    gap: 0.5rem;
  }
  label.chip {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    text-align: center;
    min-height: 48px;
    box-sizing: border-box;
    padding: 0.35rem 0.6rem;
    border: 1px solid var(--lull-border);
    border-radius: 14px;
    background: var(--lull-surface);
    line-height: 1.25;
    cursor: pointer;
  }
  label.chip:hover {
    border-color: var(--lull-accent);
  }
  label.chip:has(input:checked) {
    border: 2px solid var(--lull-accent);
    padding: calc(0.35rem - 1px) calc(0.6rem - 1px);
    background: var(--lull-accent-soft);
    font-weight: 650;
  }
  label.chip:has(input:focus-visible) {
    outline: 3px solid var(--lull-focus);
    outline-offset: 2px;
  }
  label.chip input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
`;

/** One-line text fields (names, numbers, titles, times): a large target with the theme's colours. */
export const fieldStyles = css`
  input:not([type='checkbox'], [type='radio'], [type='range'], [type='file']) {
    box-sizing: border-box;
    font: inherit;
    min-height: 44px;
    padding: 0 0.75rem;
    border: 1px solid var(--lull-muted);
    border-radius: 8px;
    background: var(--lull-bg);
    color: var(--lull-text);
  }
`;

/** A section set apart on its own panel: the player, the pacer, the break and About sections. */
export const panelStyles = css`
  .panel {
    background: var(--lull-surface);
    border: 1px solid var(--lull-border);
    border-radius: var(--lull-radius);
    padding: 1rem 1.25rem;
    margin: 1rem 0;
  }
`;

/** A short list of what the person keeps (contacts, breathing patterns): one line each, its actions beside it, wrapping on a phone. */
export const keptListStyles = css`
  ul {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--lull-border);
  }
  .muted {
    color: var(--lull-muted);
    display: block;
  }
`;

/** A recorder's controls on one line, wrapping on a phone, with the time recorded in even-width digits. */
export const recorderRowStyles = css`
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .elapsed {
    font-variant-numeric: tabular-nums;
  }
`;

/** A screen that lists what the person wrote: a title, a line of intro, a toolbar, and one card per item. */
export const savedListStyles = css`
  :host {
    display: block;
  }
  h1 {
    margin: 0 0 0.25rem;
  }
  .intro {
    color: var(--lull-muted);
    margin: 0 0 1rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 1rem 0;
  }
  .items {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.75rem;
  }
  .items > li {
    background: var(--lull-surface);
    border: 1px solid var(--lull-border);
    border-radius: var(--lull-radius);
    padding: 0.75rem 1rem;
  }
  .item-title {
    font-size: var(--lull-size-h3);
    font-weight: 600;
    margin: 0;
    overflow-wrap: anywhere;
  }
  time {
    color: var(--lull-muted);
  }
  .earlier {
    margin: 0.25rem 0 0;
    font-style: italic;
  }
  .item-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .confirm p {
    margin: 0.5rem 0;
  }
`;
