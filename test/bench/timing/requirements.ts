import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromiumPath } from '../../browser/harness/chromium';

/** The programs the rig runs, and the Debian package that brings each. */
const programs: readonly { readonly command: string; readonly aptPackage: string; readonly role: string }[] = [
  { command: 'Xvfb', aptPackage: 'xvfb', role: 'a virtual display for headful Chromium' },
  { command: 'pulseaudio', aptPackage: 'pulseaudio', role: 'the sound server whose null sink is the real audio output' },
  { command: 'parec', aptPackage: 'pulseaudio-utils', role: 'recording the null sink' },
  { command: 'ffmpeg', aptPackage: 'ffmpeg', role: 'decoding the cue sprite for the matched filter' },
  { command: 'chrt', aptPackage: 'util-linux', role: 'real-time priority for the rig\'s audio threads' },
];

export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const enginePrograms: Readonly<Record<string, readonly { readonly command: string; readonly aptPackage: string; readonly role: string }[]>> = {
  firefox: [{ command: 'firefox-esr', aptPackage: 'firefox-esr', role: 'Firefox ESR' }],
  webkit: [{ command: 'WebKitWebDriver', aptPackage: 'webkit2gtk-driver', role: 'WebKitGTK\'s WebDriver and MiniBrowser' }],
};

/** Throws one message naming every missing program (for the engines asked for) and the apt packages that install them. */
export function checkRequirements(engines: readonly string[] = ['chromium']): void {
  if (engines.includes('chromium')) chromiumPath();
  const needed = [...programs, ...engines.flatMap((engine) => enginePrograms[engine] ?? [])];
  const missing = needed.filter(({ command }) => findOnPath(command) === undefined);
  if (missing.length === 0) return;
  const lines = missing.map(({ command, aptPackage, role }) => `  ${command} (${role}): Debian package ${aptPackage}`);
  throw new Error(
    `The timing bench needs programs that are not installed:\n${lines.join('\n')}\n` +
      `Install them with: apt-get update && apt-get install -y ${[...new Set(missing.map(({ aptPackage }) => aptPackage))].join(' ')}`,
  );
}
