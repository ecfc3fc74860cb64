import type { Mood } from '../../services/check-in-service';
import type { LibraryProblem } from '../../services/library';
import type { SessionPackProblem } from '../../services/session-pack';

/**
 * Every sentence the screens say about what went wrong, what a link could not do and how a
 * session ends, in one table, reviewed as a whole: plain words, no file paths, no parser's or
 * browser's own text. Codes come from the services; the words live here.
 */
export const messages = {
  'session-not-found': () => 'There is no session with this name. It may have been renamed or removed.',
  'session-offline': () => 'This session is not on this device yet, and there is no connection. Download it while you are online to use it offline.',
  'session-unavailable': () => 'This session could not be opened just now. Try again in a moment.',
  'session-damaged': () => 'This session’s files are damaged. Reload the page; if it happens again, remove the session from this device and download it again.',
  'session-outdated': () => 'This session was made for another version of Lull. Reload the page to update.',
  'pacer-cannot-open': () => 'The pacer could not open its sounds just now. Reload the page to try again.',
  'library-offline': () => 'The sessions could not be reached. Check your connection and try again.',
  'library-unavailable': () => 'The sessions could not be loaded just now. Reload the page to try again.',
  'link-longest': (minutes: number) => `${formatMinutes(minutes)} is the longest this session plays, so it is set to ${formatMinutes(minutes)}.`,
  'link-shortest': (minutes: number) => `${formatMinutes(minutes)} is the shortest this session plays, so it is set to ${formatMinutes(minutes)}.`,
  'link-no-length': (value: string) => `“${value}” is not a length in minutes, so the session plays its usual length.`,
  'link-no-option': (value: string, instead: string) => `There is no “${value}” to choose in this session, so it begins with ${instead}.`,
  'link-no-setting': (name: string) => `This session has no setting called “${name}”, so the link’s “${name}” is left out.`,
  'storage-used': (used: string) => `Lull keeps ${used} on this device.`,
  'storage-low': (used: string, left: string) => `Lull keeps ${used} on this device. Space is running low: about ${left} is left.`,
  'closing-line': () => 'Well done.',
  'closing-rest': () => 'Take a moment before you move on. There is no hurry.',
} as const;

export type MessageCode = keyof typeof messages;

/** The sentence for `code`. */
export function say<C extends MessageCode>(code: C, ...args: Parameters<(typeof messages)[C]>): string {
  const describe = messages[code] as (...values: Parameters<(typeof messages)[C]>) => string;
  return describe(...args);
}

/** "1 minute", "20 minutes", "7.5 minutes". */
export function formatMinutes(minutes: number): string {
  return `${String(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** The five moods, from the heaviest to the lightest, as a person picks them. */
export const moodWords: Readonly<Record<Mood, string>> = { 1: 'Very heavy', 2: 'Heavy', 3: 'Okay', 4: 'Light', 5: 'Very light' };

/** The code a service's error carries, when it is an error of that service (`SessionPackError`, `LibraryError`). */
function codeOf(error: unknown, name: string): string | undefined {
  if (!(error instanceof Error) || error.name !== name || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

const sessionProblems: Readonly<Record<SessionPackProblem, MessageCode>> = {
  'not-found': 'session-not-found',
  offline: 'session-offline',
  unavailable: 'session-unavailable',
  damaged: 'session-damaged',
  outdated: 'session-outdated',
};

/** Why a session could not open, in plain words. */
export function sessionFailure(error: unknown): string {
  // A made session with problems says how many, and that the maker shows where.
  if (error instanceof Error && error.name === 'MadeSessionProblemError') return error.message;
  const code = codeOf(error, 'SessionPackError');
  return code !== undefined && code in sessionProblems ? say(sessionProblems[code as SessionPackProblem]) : say('session-unavailable');
}

/** Why the library could not load, in plain words. */
export function libraryFailure(error: unknown): string {
  const offline: LibraryProblem = 'offline';
  return codeOf(error, 'LibraryError') === offline ? say('library-offline') : say('library-unavailable');
}
