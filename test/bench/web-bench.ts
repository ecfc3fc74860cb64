import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { build, preview } from 'vite';

/** The quality bars: initial JavaScript ≤ 30 KB gzip; Lighthouse (mobile) performance ≥ 98, accessibility and best practices 100. */
export const webBudgets = { initialJsGzipBytes: 30_000, performance: 98, accessibility: 100, bestPractices: 100 } as const;

export interface WebFigures {
  /** Every script the first screen loads before anything is opened: the entry and its static imports. */
  readonly initialJs: { readonly file: string; readonly gzipBytes: number }[];
  readonly initialJsGzipBytes: number;
  /** Median of the runs, 0–100; each run's scores are kept too. */
  readonly lighthouse: { readonly performance: number; readonly accessibility: number; readonly bestPractices: number };
  readonly lighthouseRuns: { readonly performance: number; readonly accessibility: number; readonly bestPractices: number }[];
  readonly withinBudget: boolean;
}

/** The scripts index.html loads at once: its module entry and the modulepreloads Vite adds for it. */
export function initialScripts(indexHtml: string): string[] {
  const sources = [...indexHtml.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/gu), ...indexHtml.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/gu)];
  return [...new Set(sources.map((match) => match[1] ?? ''))].filter(Boolean);
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function lighthouseRun(url: string, chromePath: string): Promise<WebFigures['lighthouseRuns'][number]> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    if (!result) throw new Error('Lighthouse returned no result.');
    const score = (id: string): number => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
    const failed = Object.values(result.lhr.audits).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary');
    if (failed.length > 0) console.log(`Lighthouse audits not passed: ${failed.map((audit) => audit.id).join(', ')}`);
    return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices') };
  } finally {
    chrome.kill();
  }
}

/**
 * Builds the app into a private folder (never the shared `dist/`), serves it with `vite preview`
 * (the real security headers) and measures the first screen: its JavaScript, gzipped, and
 * Lighthouse's mobile scores (simulated slow 4G and a slowed CPU), median of `runs`.
 */
export async function benchWeb(runs = 3): Promise<WebFigures> {
  const outDir = mkdtempSync(join(tmpdir(), 'lull-web-bench-'));
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const initialJs = initialScripts(readFileSync(join(outDir, 'index.html'), 'utf8')).map((file) => ({
      file,
      gzipBytes: gzipSync(readFileSync(join(outDir, file))).byteLength,
    }));
    const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port: 0, strictPort: false, open: false } });
    try {
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('The preview server did not report its address.');
      const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
      const lighthouseRuns = [];
      for (let run = 0; run < runs; run += 1) lighthouseRuns.push(await lighthouseRun(url, chromePath));
      const scores = {
        performance: median(lighthouseRuns.map((run) => run.performance)),
        accessibility: median(lighthouseRuns.map((run) => run.accessibility)),
        bestPractices: median(lighthouseRuns.map((run) => run.bestPractices)),
      };
      const initialJsGzipBytes = initialJs.reduce((sum, script) => sum + script.gzipBytes, 0);
      return {
        initialJs,
        initialJsGzipBytes,
        lighthouse: scores,
        lighthouseRuns,
        withinBudget:
          initialJsGzipBytes <= webBudgets.initialJsGzipBytes &&
          scores.performance >= webBudgets.performance &&
          scores.accessibility >= webBudgets.accessibility &&
          scores.bestPractices >= webBudgets.bestPractices,
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
