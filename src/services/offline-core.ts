import { loadLibrary, libraryUrl } from './library';
import { offlineLibrary } from './offline-library';

/** The session "I need a break" leads to: grounding, a kind hand, a long out-breath. */
export const breakSessionId = 'self-soothing';

/**
 * Stores the offline core on the first visit: the break's session (its narration and the rain it
 * plays) and the shared cues the breathing pacer uses, in the one encoding this browser plays.
 * Without a connection it simply tries again on the next visit.
 */
export async function keepOfflineCore(): Promise<void> {
  const url = libraryUrl();
  const index = await loadLibrary(url);
  await offlineLibrary.attach(index, url);
  offlineLibrary.keepCore([breakSessionId]);
}
