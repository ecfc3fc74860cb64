import { readManifestNarration } from '../engine/manifest-narration';
import { packFormat, type CommonManifest, type EncodedAudio, type LibraryIndex } from '../engine/pack-manifest';
import { sessionFiles, unionOfFiles, type PlannedFile } from '../offline/download-plan';
import { OfflineError } from '../offline/offline-error';
import { fetchPackJson } from '../offline/pack-cache';
import { offlineCodec } from './pack-codec';

function checkFormat(value: unknown, url: URL): { readonly format: typeof packFormat } {
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== packFormat) {
    throw new OfflineError('unreadable-pack', url.pathname);
  }
  return value as { readonly format: typeof packFormat };
}

/** A session manifest of this version or an earlier one: either names the files to keep. */
function sessionManifestOf(value: unknown, url: URL): { readonly narration: EncodedAudio } {
  const narration = readManifestNarration(value);
  if (!narration) throw new OfflineError('unreadable-pack', url.pathname);
  return { narration };
}

/**
 * Which files each session of a library needs offline, read from its manifest and its script
 * (for the ambience it uses). Each session is read once; one that could not be read (offline,
 * say) is tried again next time.
 */
export class OfflinePlans {
  private readonly loading = new Map<string, Promise<PlannedFile[]>>();
  private readonly known = new Map<string, PlannedFile[]>();
  private common: Promise<CommonManifest> | undefined;

  constructor(
    readonly index: LibraryIndex,
    readonly indexUrl: URL,
  ) {}

  /** A session's files if already read; for `ids` of several sessions, all their files once each. */
  filesOf(...ids: readonly string[]): PlannedFile[] | undefined {
    const lists = ids.map((id) => this.known.get(id));
    return lists.every((list) => list !== undefined) ? unionOfFiles(lists) : undefined;
  }

  /** Every session whose files are known, with them. */
  get sessions(): ReadonlyMap<string, PlannedFile[]> {
    return this.known;
  }

  load(sessionId: string): Promise<PlannedFile[]> {
    let plan = this.loading.get(sessionId);
    if (!plan) {
      plan = this.read(sessionId);
      this.loading.set(sessionId, plan);
      plan.catch(() => this.loading.delete(sessionId));
    }
    return plan;
  }

  private commonManifest(commonUrl: URL): Promise<CommonManifest> {
    this.common ??= fetchPackJson(commonUrl).then((value) => checkFormat(value, commonUrl) as CommonManifest);
    return this.common.catch((error: unknown) => {
      this.common = undefined;
      throw error;
    });
  }

  private async read(sessionId: string): Promise<PlannedFile[]> {
    const entry = this.index.sessions.find((candidate) => candidate.id === sessionId);
    if (!entry) throw new Error(`There is no session "${sessionId}".`);
    const manifestUrl = new URL(entry.manifest, this.indexUrl);
    const commonUrl = new URL(this.index.common, this.indexUrl);
    const [manifest, common] = await Promise.all([
      fetchPackJson(manifestUrl).then((value) => sessionManifestOf(value, manifestUrl)),
      this.commonManifest(commonUrl),
    ]);
    const files = sessionFiles({ manifestUrl, manifest, commonUrl, common, ambience: entry.ambience, codec: offlineCodec() });
    this.known.set(sessionId, files);
    return files;
  }
}
