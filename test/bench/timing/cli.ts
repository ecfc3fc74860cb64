// `npm run bench:timing`: are scripted events on time at the real audio output? See timing-results.md.
import { appendHistory } from '../history';
import { runTimingSection } from './timing-section';

try {
  const timing = await runTimingSection(process.argv.slice(2), 'npm run bench:timing');
  appendHistory({ timing });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
