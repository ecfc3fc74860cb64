/** How a copy an import kept of an earlier version is marked in the journal and the letters. */
export const earlierVersionNote = 'Earlier version (kept when a backup was imported)';

/** "27 November 2025", in the person's own locale. */
export function formatDay(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** "27 Nov 2025, 14:05": when an entry was written. */
export function formatMoment(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** An entry's first non-empty line, shortened for a list. */
export function firstLine(text: string, max = 120): string {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${cutToLength(line, max)}…` : line;
}

/** "1:05" for 65 seconds; "1:02:03" past an hour. */
export function formatElapsed(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${String(hours)}:${String(minutes).padStart(2, '0')}:${seconds}` : `${String(minutes)}:${seconds}`;
}

/** "1 journal entry", "3 journal entries". */
export function countOf(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** Cuts text to at most `max` UTF-16 units without splitting an emoji's surrogate pair. */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Offers a file to the person as a download. */
export function offerDownload(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}
