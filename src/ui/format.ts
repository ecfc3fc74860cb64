/** "3–20 min", or "5 min" when the range is a single length. */
export function formatMinutesRange(min: number, max: number): string {
  return min === max ? `${String(min)} min` : `${String(min)}–${String(max)} min`;
}

/** Download sizes as a person reads them: "840 KB", "1.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${String(bytes)} B`;
  if (bytes < 1_000_000) return `${String(Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
