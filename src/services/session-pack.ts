import { checkScript } from '../engine/check-script';
import { packFormat, type CommonManifest, type EncodedAudio, type NarrationLine, type SessionManifest } from '../engine/pack-manifest';
import { formatProblem } from '../engine/script-problem';
import type { Script } from '../engine/script-model';

/** Everything a session plays from: its script, its narration (where it has one) and the shared sounds. */
export interface SessionPack {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly contentNote?: string;
  /** The script, parsed and validated in the browser by the same code the compiler uses. */
  readonly script: Script;
  /** The voice the lines were rendered in: part of each line's key. */
  readonly voice: string;
  readonly lines: Readonly<Record<string, NarrationLine>>;
  /** The narration sprite; a session built on the device (the pacer) has none. */
  readonly narration?: { readonly audio: EncodedAudio; readonly base: URL };
  readonly common: CommonManifest;
  readonly commonUrl: URL;
}

/** Why a session could not open: the screen says it in plain words (the message is for developers). */
export type SessionPackProblem = 'not-found' | 'offline' | 'unavailable' | 'damaged' | 'outdated';

export class SessionPackError extends Error {
  override name = 'SessionPackError';

  constructor(
    readonly code: SessionPackProblem,
    message: string,
  ) {
    super(message);
  }
}

const sessionIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

async function fetchJson(url: URL, what: string, fetchImpl: typeof fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch {
    throw new SessionPackError('offline', `${what} could not be reached. If you are offline, download the session first while online.`);
  }
  // Hosts with an app fallback answer unknown paths with the app's own page rather than a 404.
  const servedPage = response.headers.get('content-type')?.startsWith('text/html') ?? false;
  if (response.status === 404 || servedPage) throw new SessionPackError('not-found', `${what} does not exist (${url.pathname}).`);
  if (!response.ok) throw new SessionPackError('unavailable', `${what} could not be loaded (${response.status} for ${url.pathname}).`);
  try {
    return await response.json();
  } catch {
    throw new SessionPackError('damaged', `${what} at ${url.pathname} is damaged: it is not valid JSON.`);
  }
}

function isManifestOfFormat(value: unknown): value is { format: number } {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === packFormat;
}

/** Loads a session's manifest and the shared sounds' manifest, and validates the session's script. */
export async function loadSessionPack(id: string, base: URL, fetchImpl: typeof fetch = fetch): Promise<SessionPack> {
  if (!sessionIdPattern.test(id)) throw new SessionPackError('not-found', `"${id}" is not a session name.`);
  const manifestUrl = new URL(`/packs/${id}/manifest.json`, base);
  const commonUrl = new URL('/packs/common/common.json', base);
  const [manifest, common] = await Promise.all([fetchJson(manifestUrl, 'This session', fetchImpl), loadCommon(commonUrl, fetchImpl)]);
  if (!isManifestOfFormat(manifest)) {
    throw new SessionPackError('outdated', 'This session was made for another version of Lull. Reload the page to update.');
  }
  const session = manifest as SessionManifest;
  if (typeof session.source !== 'string' || typeof session.sourceFile !== 'string' || typeof session.lines !== 'object') {
    throw new SessionPackError('damaged', `The session at ${manifestUrl.pathname} is damaged: its script is missing.`);
  }
  const checked = checkScript(session.sourceFile, session.source);
  if (!checked.ok) {
    throw new SessionPackError('damaged', `This session's script has problems:\n${checked.problems.map(formatProblem).join('\n')}`);
  }
  return {
    id: session.id,
    title: session.title,
    description: session.description,
    ...(session.contentNote ? { contentNote: session.contentNote } : {}),
    script: checked.script,
    voice: session.voice,
    lines: session.lines,
    narration: { audio: session.narration, base: manifestUrl },
    common,
    commonUrl,
  };
}

/** A session made on the device (no narration of its own): it plays only the shared sounds. */
export async function builtSessionPack(script: Script, base: URL, fetchImpl: typeof fetch = fetch): Promise<SessionPack> {
  const commonUrl = new URL('/packs/common/common.json', base);
  const common = await loadCommon(commonUrl, fetchImpl);
  return { id: script.id, title: script.title, description: script.description, script, voice: common.voice, lines: {}, common, commonUrl };
}

async function loadCommon(commonUrl: URL, fetchImpl: typeof fetch): Promise<CommonManifest> {
  const common = await fetchJson(commonUrl, 'The shared sounds', fetchImpl);
  if (!isManifestOfFormat(common)) throw new SessionPackError('outdated', 'The shared sounds were made for another version of Lull. Reload the page to update.');
  return common as CommonManifest;
}
