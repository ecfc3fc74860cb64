import { css } from 'lit';

/** Buttons, links and focus rings every screen shares: large targets, visible focus. */
export const controlStyles = css`
  button,
  .button {
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
  /* Boxes and dots big enough to touch (WCAG 2.2 asks 24 px at least). */
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.5rem;
    height: 1.5rem;
    flex: none;
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
    border-left: 4px solid var(--lull-danger, #a3412c);
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

/** A screen that lists what the person wrote: a title, a line of intro, a toolbar, and one card per item. */
export const savedListStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.5rem;
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
    font-size: 1.05rem;
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
