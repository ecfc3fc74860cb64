import { lineKey } from '../engine/line-key';
import { draftLimitProblems, draftOfScript, draftSource, undraftableProblems, type SessionDraft } from '../engine/session-draft';
import { base64ToBytes, bytesToBase64 } from '../storage/base64';
import { formatLimitBytes } from '../storage/limits-text';
import { invalid, list, numberIn, Problems, record, text, type Rule } from '../storage/read-rules';
import { isRecordingType, recordingLimits } from '../storage/recording-rules';
import { putWholeRecording } from '../storage/recordings';
import type { MadeSession } from '../storage/schema';
import type { DataServices } from './data-services';
import { newStepId } from './made-sessions-service';
import { takeLimitSeconds } from './narration-takes';

/** The `format` of a shared session file. */
export const sessionFileFormat = 'lull-session';
export const sessionFileVersion = 1;

/** What a shared session file may hold: a session's script and a take for each of its lines. */
export const sessionFileLimits = {
  fileBytes: 100 * 1024 * 1024,
  scriptCharacters: 256 * 1024,
  takes: 500,
  /** One take: the longest a line may be, in a generous recording. */
  takeBytes: 4 * 1024 * 1024,
} as const;

interface FileTake {
  readonly text: string;
  readonly mimeType: string;
  readonly durationMs: number;
  readonly shape: { readonly start: number; readonly end: number; readonly levelDb: number };
  readonly data: Uint8Array;
}

const takeAudio: Rule<Uint8Array> = {
  expected: `base64-encoded audio of at most ${formatLimitBytes(sessionFileLimits.takeBytes)}`,
  read(value, at, problems) {
    const bytes = typeof value === 'string' && value.length <= Math.ceil(sessionFileLimits.takeBytes / 3) * 4 ? base64ToBytes(value) : undefined;
    return bytes ?? problems.add('wrong-type', at, this.expected);
  },
};

const audioType: Rule<string> = {
  expected: 'an audio type such as "audio/webm;codecs=opus"',
  read: (value, at, problems) => (isRecordingType(value) ? value : problems.add('wrong-type', at, 'an audio type such as "audio/webm;codecs=opus"')),
};

const fileRule = record('a shared Lull session', {
  format: text(20),
  version: numberIn(1, sessionFileVersion, true),
  script: text(sessionFileLimits.scriptCharacters),
  takes: list(
    record('a recorded line', {
      text: text(recordingLimits.lineText),
      mimeType: audioType,
      durationMs: numberIn(0, takeLimitSeconds * 1000 + 5000),
      shape: record('where the speech of a take lies', { start: numberIn(0, takeLimitSeconds + 5), end: numberIn(0, takeLimitSeconds + 5), levelDb: numberIn(-200, 20) }),
      data: takeAudio,
    }),
    sessionFileLimits.takes,
  ),
});

/** One file for one made session: its script in the `audio-scripts/` format and the lines recorded for it. */
export async function exportSessionFile(services: DataServices, id: string): Promise<File> {
  const session = await services.madeSessions.get(id);
  if (!session) throw new Error('This session is no longer on this device.');
  // A take of a line since reworded belongs to no line now: it stays behind, so the file imports.
  const spoken = spokenLines(session);
  const takes = (await services.takes.of(id)).filter((take) => take.line !== undefined && spoken.has(take.line.text));
  const withBytes = await Promise.all(
    takes.map(async (take) => ({
      text: take.line?.text ?? '',
      mimeType: take.mimeType,
      durationMs: take.durationMs,
      ...(take.shape ? { shape: take.shape } : {}),
      data: bytesToBase64(new Uint8Array(await services.takes.bytes(take))),
    })),
  );
  const body = JSON.stringify({ format: sessionFileFormat, version: sessionFileVersion, script: draftSource(session).source, takes: withBytes });
  return new File([body], `${fileNameOf(session.title)}.lull`, { type: 'application/json' });
}

/** The words of every spoken line of a session: the lines a take can belong to. */
function spokenLines(draft: SessionDraft): Set<string> {
  return new Set(draft.steps.flatMap((step) => (step.kind === 'say' || step.kind === 'prompt' ? [step.text] : [])));
}

function fileNameOf(title: string): string {
  const name = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 40);
  return name === '' ? 'my-session' : name;
}

/** What opening a session file came to: kept (with how many recorded lines), or every problem, located. */
export type SessionFileResult = { readonly ok: true; readonly session: MadeSession; readonly takes: number } | { readonly ok: false; readonly problems: readonly string[] };

const refused = (...problems: string[]): SessionFileResult => ({ ok: false, problems });

/** The script and takes of a file: a shared `.lull` file, or a script written by hand. */
function readContainer(source: string): { script: string; takes: readonly FileTake[] } | { problems: string[] } {
  if (!source.trimStart().startsWith('{')) return { script: source, takes: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return { problems: ['The file is damaged or cut off, so Lull cannot read it.'] };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== sessionFileFormat) return { problems: ['This file is not a session shared from Lull, nor a session script.'] };
  const version = (parsed as { version?: unknown }).version;
  if (typeof version === 'number' && version > sessionFileVersion) return { problems: ['This session was shared from a newer version of Lull. Update Lull, then open it again.'] };
  const problems = new Problems(20);
  const read = fileRule.read(parsed, '', problems);
  if (read === invalid) return { problems: problems.list.map((problem) => problem.message) };
  return { script: read.script, takes: read.takes };
}

/**
 * Opens a shared session file or a script written by hand: checks all of it first (the script
 * by the engine's own reader and validator, located by line and column) and keeps nothing
 * unless it passes; then keeps it as a new made session, with its recorded lines.
 */
export async function importSessionFile(services: DataServices, file: File): Promise<SessionFileResult> {
  if (file.size > sessionFileLimits.fileBytes) return refused(`The file is ${formatLimitBytes(file.size)}; a session file can be at most ${formatLimitBytes(sessionFileLimits.fileBytes)}.`);
  if (file.size === 0) return refused('The file is empty.');
  const container = readContainer(await file.text());
  if ('problems' in container) return refused(...container.problems);
  const { checkScript } = await import('../engine/check-script');
  const checked = checkScript(file.name, container.script);
  const where = (problem: { line: number; column: number; message: string }) => `Line ${String(problem.line)}, column ${String(problem.column)}: ${problem.message}.`;
  if (!checked.ok) return refused(...checked.problems.map(where));
  const undraftable = undraftableProblems(checked.script);
  if (undraftable.length > 0) return refused(...undraftable.map(where));
  const draft = draftOfScript(checked.script, 'made-incoming', newStepId);
  const limits = draftLimitProblems(draft, file.name, draftSource(draft).stepLines);
  if (limits.length > 0) return refused(...limits.map((problem) => `${problem.message.charAt(0).toUpperCase()}${problem.message.slice(1)}.`));
  const spoken = spokenLines(draft);
  const stray = container.takes.find((take) => !spoken.has(take.text));
  if (stray) return refused(`A recorded line does not belong to this session: “${stray.text.slice(0, 60)}”.`);
  const { id: _incoming, ...kept } = draft;
  const session = await services.madeSessions.keep(kept);
  const voice = await sharedVoice();
  for (const take of container.takes) {
    const bytes = take.data.slice().buffer;
    await services.store.run((db) =>
      putWholeRecording(
        db,
        {
          id: crypto.randomUUID(),
          slot: 'narration',
          line: { sessionId: session.id, key: lineKey(take.text, voice), text: take.text },
          shape: take.shape,
          mimeType: take.mimeType,
          createdAt: Date.now(),
          durationMs: take.durationMs,
          byteLength: bytes.byteLength,
          chunkCount: 1,
          complete: true,
        },
        bytes,
      ),
    );
  }
  return { ok: true, session, takes: container.takes.length };
}

/** The voice id that keys every line of a session made on the device (the shared sounds' own). */
async function sharedVoice(): Promise<string> {
  const { loadSessionCommon } = await import('./session-pack');
  return (await loadSessionCommon(new URL(document.baseURI))).voice;
}
