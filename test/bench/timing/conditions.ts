export type ConditionName = 'plain' | 'busy' | 'hidden';

export interface Condition {
  readonly name: ConditionName;
  readonly description: string;
  /** Page script added before the app's own (in every document of the tab). */
  readonly pageScript: string;
  /** Put a second tab in front once the session plays, so the session's tab is hidden. */
  readonly hideTab: boolean;
}

/** The main thread is busy 250 ms of every 2 s from the moment the page loads. */
const busyLoop = `
  setInterval(() => {
    const end = performance.now() + 250;
    while (performance.now() < end);
    window.__lullBench.busyStalls += 1;
  }, 2000);
`;

export const conditions: readonly Condition[] = [
  { name: 'plain', description: 'visible tab, idle main thread', pageScript: '', hideTab: false },
  { name: 'busy', description: 'visible tab, main thread busy 250 ms of every 2 s', pageScript: busyLoop, hideTab: false },
  { name: 'hidden', description: 'tab hidden behind another for the whole session (silences of over a minute)', pageScript: '', hideTab: true },
];
