import { describe, expect, it } from 'vitest';
import { writeBackupText } from '../../../src/storage/backup-file';
import type { BackupData } from '../../../src/storage/backup-format';
import type { EnginePage } from '../harness/engines/driver';
import { databaseInPage } from '../harness/data-pages';
import { eventually } from '../harness/eventually';
import type { EngineSuite } from './engine-suite';

const seed: BackupData = {
  exportedAt: 1_764_000_000_000,
  settings: [{ key: 'voiceVolume', value: 0.7 }],
  journal: [{ id: 'j-1', createdAt: 1_763_000_000_000, updatedAt: 1_763_000_100_000, text: 'שָׁלוֹם 🙂\nA second line', prompt: null }],
  letters: [{ id: 'l-1', createdAt: 1_763_200_000_000, updatedAt: 1_763_200_000_000, title: 'Dear little one', text: 'You were always enough.' }],
  recordings: [{ id: 'r-1', slot: 'letter', mimeType: 'audio/mp4', createdAt: 1_763_300_000_000, durationMs: 1500, complete: true, bytes: new Uint8Array(3000).map((_, index) => index % 256) }],
  checkIns: [{ id: 'c-1', at: 1_763_400_000_000, moodBefore: 2, moodAfter: 4, feeling: 'tired', need: 'rest' }],
  sessionHistory: [],
  resumePositions: [],
  breathPatterns: [{ id: 'p-1', name: 'Slow evening', inhale: 4, hold: 2, exhale: 7, rest: 1, createdAt: 1_763_600_000_000 }],
  supportContacts: [{ id: 'sc-1', name: 'Dr. Rivera', phone: '+1 555 0100', note: 'Tuesdays', createdAt: 1_763_700_000_000 }],
  madeSessions: [
    {
      id: 'made-abcd1234',
      title: 'For the little one',
      description: 'Words I needed to hear.',
      practice: 'self-compassion',
      length: { min: 3, default: 5, max: 8 },
      steps: [
        { id: 's1', kind: 'say', text: 'Hello, little one. You can stop whenever you like.' },
        { id: 's2', kind: 'pause', seconds: { min: 10, max: 480 } },
        { id: 's3', kind: 'bell', count: 1 },
      ],
      createdAt: 1_763_800_000_000,
      updatedAt: 1_763_800_100_000,
      revision: 2,
    },
  ],
};

/** Chooses a file in the import field, as the file picker hands it to the page. */
const chooseFile = (page: EnginePage, name: string, text: string): Promise<void> =>
  page.evaluateOn({ label: 'Import a backup…' }, (input, file) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([file.text], file.name, { type: 'application/json' }));
    (input as HTMLInputElement).files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { name, text });

/**
 * Runs in the page: keeps each file the page offers as a download (a link with `download` to a
 * blob URL) in `window.lullDownloads` instead of handing it to the browser's download manager,
 * whose dialogs differ by engine. The blob is read where it was made: the app's CSP rightly lets
 * nothing fetch a blob URL.
 */
const keepDownloads = (): void => {
  const kept: { name: string; text: string }[] = [];
  const blobs = new Map<string, Blob>();
  (window as unknown as { lullDownloads: typeof kept }).lullDownloads = kept;
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = createObjectURL(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    const { download, href } = this;
    void blobs
      .get(href)
      ?.text()
      .then((text) => kept.push({ name: download, text }));
  };
};

const importStatus = { role: 'status', within: 'lull-your-data-view', text: /^(Added|Nothing new|The backup was empty)/u } as const;

/** Export everything to one file and import it back exactly, in this engine. */
export function dataScenarios(suite: EngineSuite): void {
  describe(`${suite.name}: your data`, () => {
    it('exports everything to one file and, after deleting everything, imports it back exactly', async () => {
      const { page } = await suite.open('/your-data');
      await eventually(() => page.evaluateOn({ label: 'Import a backup…' }, (input) => !(input as HTMLInputElement).disabled), 15_000).toBe(true);
      await chooseFile(page, 'seed.json', writeBackupText(seed));
      await eventually(() => page.text(importStatus)).toMatch(/^Added 1 setting, 1 journal entry, 1 letter, 1 recording/u);
      const before = await page.evaluate(databaseInPage);
      expect(before?.journal).toHaveLength(1);

      await page.evaluate(keepDownloads);
      await page.click({ role: 'button', name: 'Export everything' });
      await eventually(() => page.evaluate(() => (window as unknown as { lullDownloads: unknown[] }).lullDownloads.length)).toBe(1);
      const [file] = await page.evaluate(() => (window as unknown as { lullDownloads: { name: string; text: string }[] }).lullDownloads);
      expect(file?.name).toMatch(/^lull-backup-\d{4}-\d{2}-\d{2}\.json$/u);

      // The export holds the page's buttons until it has finished (its file may be handed over first).
      await eventually(() => page.evaluateOn({ role: 'button', name: 'Delete everything…' }, (button) => !(button as HTMLButtonElement).disabled), 15_000).toBe(true);
      await page.click({ role: 'button', name: 'Delete everything…' });
      await page.click({ role: 'button', name: 'Yes, delete everything' });
      await eventually(() => page.count({ role: 'status', within: 'lull-your-data-view', text: /^Everything was deleted/u })).toBe(1);
      expect(await page.evaluate(databaseInPage)).toBeNull();

      await page.reload();
      await eventually(() => page.evaluateOn({ label: 'Import a backup…' }, (input) => !(input as HTMLInputElement).disabled), 15_000).toBe(true);
      await chooseFile(page, file?.name ?? 'backup.json', file?.text ?? '');
      await eventually(() => page.text(importStatus)).toMatch(/^Added /u);
      expect(await page.evaluate(databaseInPage)).toEqual(before);
      expect(await page.problems()).toEqual([]);
    });
  });
}
