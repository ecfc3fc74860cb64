import { packFormat, type CommonManifest, type LibraryIndex, type SessionManifest } from '../engine/pack-manifest';
import { ambiencesUsed } from '../engine/script-inventory';
import type { Script } from '../engine/script-model';

/** The app's list of sessions; each entry's size counts everything it needs to play offline. */
export function buildLibraryIndex(sessions: readonly { script: Script; manifest: SessionManifest }[], common: CommonManifest): LibraryIndex {
  return {
    format: packFormat,
    common: 'common/common.json',
    sessions: sessions.map(({ script, manifest }) => ({
      id: manifest.id,
      title: manifest.title,
      description: manifest.description,
      practice: manifest.practice,
      length: manifest.length,
      manifest: `${manifest.id}/manifest.json`,
      ambience: ambiencesUsed(script),
      bytes:
        manifest.narration.webm.bytes +
        common.cues.audio.webm.bytes +
        ambiencesUsed(script).reduce((sum, kind) => sum + common.ambience[kind].audio.webm.bytes, 0),
    })),
  };
}
