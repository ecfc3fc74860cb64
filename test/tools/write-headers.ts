// Writes public/_headers (the static host's header rules) from src/security-headers.ts.
import { writeFileSync } from 'node:fs';
import { headersFile } from '../../src/security-headers';

writeFileSync('public/_headers', headersFile());
console.log('Wrote public/_headers.');
