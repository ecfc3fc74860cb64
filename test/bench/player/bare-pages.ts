import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the bare pages live in the served build. */
export const barePagesPath = '/bench-bare';

/**
 * Two pages with nothing of the app in them, the yardsticks the player is measured against
 * (scripts in files of their own: the host's CSP allows no inline script):
 * - `tone.html`: a button that starts an oscillator on the click, as soon as the context can;
 * - `narration.html?src=…`: a plain `<audio>` element playing one file in a loop.
 */
export function writeBarePages(distDir: string): void {
  const dir = join(distDir, barePagesPath);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'tone.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tone</title><script type="module" src="tone.js"></script></head>
<body><button type="button" id="start" style="width:200px;height:80px">Start</button></body></html>\n`,
  );
  writeFileSync(
    join(dir, 'tone.js'),
    `const context = new AudioContext();
document.getElementById('start').addEventListener('click', () => {
  void context.resume();
  const tone = new OscillatorNode(context, { frequency: 440 });
  const level = new GainNode(context, { gain: 0.5 });
  tone.connect(level).connect(context.destination);
  tone.start();
  document.body.dataset.started = 'yes';
});
`,
  );
  writeFileSync(
    join(dir, 'narration.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Narration</title><script type="module" src="narration.js"></script></head>
<body><audio id="narration" controls loop></audio><button type="button" id="start" style="width:200px;height:80px">Start</button></body></html>\n`,
  );
  writeFileSync(
    join(dir, 'narration.js'),
    `const audio = document.getElementById('narration');
audio.src = new URLSearchParams(location.search).get('src');
document.getElementById('start').addEventListener('click', () => {
  void audio.play().then(() => { document.body.dataset.started = 'yes'; });
});
document.body.dataset.ready = 'yes';
`,
  );
}
