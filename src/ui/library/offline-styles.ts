import { css } from 'lit';

/** The download rows' shared look: a row that keeps its height while its content changes. */
export const offlineStyles = css`
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    min-height: 44px;
  }
  progress {
    flex: 1 1 8rem;
    max-width: 16rem;
    height: 0.75rem;
  }
  .amount {
    color: var(--lull-muted);
    font-variant-numeric: tabular-nums;
  }
  .done {
    color: var(--lull-accent);
    font-weight: 600;
  }
  .note {
    margin: 0;
    color: var(--lull-muted);
  }
  [role='alert'] {
    margin: 0;
  }
`;
