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
