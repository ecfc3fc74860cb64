// Writes test/fixtures/seed-runs.txt: the fingerprint of every seven-word run of the article the
// practices come from, so a test can keep the sessions' words our own without storing the article.
// Usage: npx tsx test/tools/write-seed-runs.ts PATH-TO-ARTICLE.txt
import { readFileSync, writeFileSync } from 'node:fs';
import { runFingerprints } from '../helpers/word-runs';

const [articlePath] = process.argv.slice(2);
if (articlePath === undefined) {
  console.error('Usage: npx tsx test/tools/write-seed-runs.ts PATH-TO-ARTICLE.txt');
  process.exit(2);
}
const prints = [...new Set(runFingerprints(readFileSync(articlePath, 'utf8')))].sort();
writeFileSync('test/fixtures/seed-runs.txt', `${prints.join('\n')}\n`);
console.log(`Wrote ${prints.length} fingerprints to test/fixtures/seed-runs.txt.`);
