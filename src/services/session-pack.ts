import { lineKey } from '../engine/line-key';
import { defaultNarrator, type NarratorId } from '../engine/narrators';
import { packFormat, type CommonManifest, type EncodedAudio, type LegacySessionManifest, type NarrationLine, type NarratorNarration } from '../engine/pack-manifest';
import { templateOf } from '../engine/plan-session';
import type { PlanTemplate } from '../engine/plan-template';
import type { Script } from '../engine/script-model';
import { readSessionManifest } from '../engine/session-manifest-schema';
import { estimateSpeechSeconds } from '../engine/speech-estimate';

/** Everything a session plays from: its script, its narration (where it has one) and the shared sounds. */
export interface SessionPack {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly contentNote?: string;
  /** What plays: every step with its real duration and events, as the compiler planned it. */
  readonly template: PlanTemplate;
  /** The voice the lines were rendered in: part of each line's key. */
  readonly voice: string;
  readonly lines: Readonly<Record<string, NarrationLine>>;
  /** The narration sprite; a session built on the device (the pacer) has none. */
  readonly narration?: { readonly audio: EncodedAudio; readonly base: URL };
  /** The other narrators' sprites and lines, under the same keys as `lines`. */
  readonly otherNarrators: Readonly<Partial<Record<NarratorId, NarratorNarration>>>;
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

/**
 * Loads a session's manifest and the shared sounds' manifest. The session plays from the plan
 * template the compiler wrote; a pack kept offline by an earlier version of Lull (which carried
 * only its script) is planned from that script, with the script reader loaded just for it.
 */
export async function loadSessionPack(id: string, base: URL, fetchImpl: typeof fetch = fetch): Promise<SessionPack> {
  if (!sessionIdPattern.test(id)) throw new SessionPackError('not-found', `"${id}" is not a session name.`);
  const manifestUrl = new URL(`/packs/${id}/manifest.json`, base);
  const commonUrl = new URL('/packs/common/common.json', base);
  const [value, common] = await Promise.all([fetchJson(manifestUrl, 'This session', fetchImpl), loadCommon(commonUrl, fetchImpl)]);
  const reading = readSessionManifest(value);
  if (reading.kind === 'other-version') throw new SessionPackError('outdated', 'This session was made for another version of Lull. Reload the page to update.');
  if (reading.kind === 'damaged') throw new SessionPackError('damaged', 'This session’s files are damaged. Reload the page, or download the session again.');
  const { manifest } = reading;
  const template = reading.kind === 'current' ? reading.manifest.template : await templateOfLegacy(reading.manifest);
  return {
    id: manifest.id,
    title: manifest.title,
    description: manifest.description,
    ...(manifest.contentNote ? { contentNote: manifest.contentNote } : {}),
    template,
    voice: manifest.voice,
    lines: manifest.lines,
    narration: { audio: manifest.narration, base: manifestUrl },
    otherNarrators: manifest.narrators ?? {},
    common,
    commonUrl,
  };
}

async function templateOfLegacy(manifest: LegacySessionManifest): Promise<PlanTemplate> {
  const { checkScript } = await import('../engine/check-script');
  const checked = checkScript(manifest.sourceFile, manifest.source);
  if (!checked.ok) throw new SessionPackError('damaged', 'This session’s files are damaged. Reload the page, or download the session again.');
  return templateOf(checked.script, {
    keyOf: (text) => lineKey(text, manifest.voice),
    speechSeconds: (text) => manifest.lines[lineKey(text, manifest.voice)]?.duration ?? estimateSpeechSeconds(text),
  });
}

/** A session made on the device (no narration of its own): it plays only the shared sounds. */
export async function builtSessionPack(script: Script, base: URL, fetchImpl: typeof fetch = fetch): Promise<SessionPack> {
  const commonUrl = new URL('/packs/common/common.json', base);
  const common = await loadCommon(commonUrl, fetchImpl);
  const template = templateOf(script, { speechSeconds: estimateSpeechSeconds, keyOf: (text) => lineKey(text, common.voice) });
  return { id: script.id, title: script.title, description: script.description, template, voice: common.voice, lines: {}, otherNarrators: {}, common, commonUrl };
}

/** The shared sounds' manifest: what every session made on the device plays from. */
export function loadSessionCommon(base: URL, fetchImpl: typeof fetch = fetch): Promise<CommonManifest> {
  return loadCommon(new URL('/packs/common/common.json', base), fetchImpl);
}

async function loadCommon(commonUrl: URL, fetchImpl: typeof fetch): Promise<CommonManifest> {
  const common = await fetchJson(commonUrl, 'The shared sounds', fetchImpl);
  if (!isManifestOfFormat(common)) throw new SessionPackError('outdated', 'The shared sounds were made for another version of Lull. Reload the page to update.');
  return common as CommonManifest;
}

/** The narrators a pack can be heard in: the default one first. None for a session without narration. */
export function packNarrators(pack: SessionPack): NarratorId[] {
  if (!pack.narration) return [];
  return [defaultNarrator, ...(Object.keys(pack.otherNarrators) as NarratorId[]).filter((narrator) => narrator !== defaultNarrator)];
}

/** A narrator's sprite and lines in a pack, or undefined when the pack does not carry that narrator. */
export function narrationOf(pack: SessionPack, narrator: NarratorId): { readonly audio: EncodedAudio; readonly base: URL; readonly lines: Readonly<Record<string, NarrationLine>> } | undefined {
  if (!pack.narration) return undefined;
  if (narrator === defaultNarrator) return { ...pack.narration, lines: pack.lines };
  const other = pack.otherNarrators[narrator];
  return other && { audio: other.narration, base: pack.narration.base, lines: other.lines };
}
