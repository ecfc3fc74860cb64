import { deleteAudio } from '../offline/pack-cache';
import { libraryUrl, loadLibrary } from './library';
import { offlineLibrary } from './offline-library';

/**
 * A file found damaged when a session opened is dropped from the device, so no session that
 * needs it is shown downloaded any more, and the library is read (a session opened by its own
 * address never showed it) so that the session can be downloaded again from where it plays.
 * Resolves whether the file was a download at all: a streamed file is not.
 */
export async function forgetDamagedDownload(url: string): Promise<boolean> {
  const dropped = await deleteAudio([url]).catch(() => []);
  if (dropped.length === 0) return false;
  offlineLibrary.forget(dropped);
  void attachLibrary();
  return true;
}

async function attachLibrary(): Promise<void> {
  const url = libraryUrl();
  try {
    await offlineLibrary.attach(await loadLibrary(url), url);
  } catch {
    // Offline with no kept copy of the library: the session still says its download is damaged.
  }
}
