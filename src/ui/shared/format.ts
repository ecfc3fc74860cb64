/** "3–20 min", or "5 min" when the range is a single length. */
export function formatMinutesRange(min: number, max: number): string {
  return min === max ? `${String(min)} min` : `${String(min)}–${String(max)} min`;
}

/** Download and storage sizes as a person reads them: "840 KB", "1.4 MB", "12.3 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${String(bytes)} B`;
  if (bytes < 1_000_000) return `${String(Math.round(bytes / 1000))} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
}

/** A clock reading: "3:05", "1:02:09". */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${String(hours)}:${String(minutes).padStart(2, '0')}:${rest}` : `${String(minutes)}:${rest}`;
}

/** A duration as a screen reader should say it: "3 minutes 5 seconds". */
export function formatSpokenDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${String(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (rest > 0 || minutes === 0) parts.push(`${String(rest)} ${rest === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

/** "4:12 of 12:00", or what the session is doing when it is not playing. */
export function nowPlayingStatus(state: string, position: number, duration: number): string {
  if (state === 'ended') return 'Finished';
  const clock = `${formatClock(position)} of ${formatClock(duration)}`;
  if (state === 'paused') return `Paused at ${clock}`;
  if (state === 'waiting') return `Waiting for you at ${formatClock(position)}`;
  return clock;
}
