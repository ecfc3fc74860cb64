import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/ui/shared/format';
import { formatProgress, formatStorage, formatUpdateOffer, formatWaitingFor } from '../../src/ui/shared/offline-format';

describe('offline wording', () => {
  it('says a download’s progress in bytes, as the eye and aria-valuetext read it', () => {
    expect(formatProgress({ done: 200_000, total: 1_474_395 })).toBe('200 KB of 1.5 MB');
    expect(formatProgress({ done: 0, total: 0 })).toBe('Preparing…');
  });

  it('says storage sizes up to gigabytes', () => {
    expect(formatBytes(12_345_678_901)).toBe('12.3 GB');
    expect(formatStorage(3_100_000, 10_003_100_000)).toBe('Lull keeps 3.1 MB on this device.');
    expect(formatStorage(3_100_000, 23_100_000)).toBe('Lull keeps 3.1 MB on this device. Space is running low: about 20.0 MB is left.');
    expect(formatStorage(900, 500)).toBe('Lull keeps 900 B on this device. Space is running low: about 0 B is left.');
  });

  it('says what an update waits for', () => {
    expect(formatWaitingFor([])).toBe('');
    expect(formatWaitingFor(['session'])).toBe('your session ends');
    expect(formatWaitingFor(['session', 'recording', 'draft'])).toBe('your session ends, your recording stops and your writing is saved');
  });

  it('offers a new version, saying what it waits for', () => {
    expect(formatUpdateOffer('', false)).toBe('A new version of Lull is ready.');
    expect(formatUpdateOffer('your session ends', false)).toBe('A new version of Lull is ready. It can be applied after your session ends.');
  });

  it('says when a window follows an update another window applied', () => {
    expect(formatUpdateOffer('', true)).toBe('Lull was updated in another window. This window follows when you next change screen.');
    expect(formatUpdateOffer('your writing is saved', true)).toBe(
      'Lull was updated in another window. This window follows after your writing is saved, when you next change screen.',
    );
  });
});
