// `npm run bench:narration`: only the narration figures of `npm run bench`, printed and kept in the history.
// `-- --packs DIR` measures another folder of packs (say, an earlier commit's) and keeps no history.
import { parseArgs } from 'node:util';
import { appendHistory } from '../history';
import { benchNarration } from './narration-bench';

const { values } = parseArgs({ options: { packs: { type: 'string' } } });
const narration = benchNarration(values.packs);
console.table(narration);
if (values.packs === undefined) appendHistory({ narration });
