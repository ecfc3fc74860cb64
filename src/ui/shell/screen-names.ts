import type { Route } from './routes';

/** Each screen's name, as the tab's title says it ("Journal · Lull"); a session names itself once open. */
export const screenNames: Readonly<Record<Route['view'], string>> = {
  library: 'Sessions',
  session: 'Session',
  narrate: 'Your own voice',
  make: 'Make a session',
  journal: 'Journal',
  letters: 'Letters',
  about: 'About',
  break: 'Take a break',
  'your-data': 'Your data',
  'check-ins': 'Check-ins',
  breathe: 'Breathe',
  'not-found': 'Nothing here',
};

/** The tab's title for a screen's name. */
export const tabTitle = (name: string): string => `${name} · Lull`;
