import { putBreathPattern } from '../../src/storage/breath-patterns';
import type { BackupData } from '../../src/storage/backup-format';
import { putCheckIn } from '../../src/storage/check-ins';
import { appendRecordingChunk, createRecording } from '../../src/storage/recordings';
import type { LullDatabase } from '../../src/storage/schema';
import { putResumePosition, putSessionRun } from '../../src/storage/session-history';
import { putSetting } from '../../src/storage/settings';
import { putSupportContact } from '../../src/storage/support-contacts';

/** Writes data through the app's own repository functions (recordings chunk by chunk, as a recorder would). */
export async function seedDatabase(db: LullDatabase, data: BackupData, chunkBytes = 700): Promise<void> {
  for (const setting of data.settings) await putSetting(db, setting.key, setting.value);
  // Entries and letters as they are, revision or none: a save would check and set revisions.
  for (const entry of data.journal) await db.put('journal', entry);
  for (const letter of data.letters) await db.put('letters', letter);
  for (const checkIn of data.checkIns) await putCheckIn(db, checkIn);
  for (const run of data.sessionHistory) await putSessionRun(db, run);
  for (const position of data.resumePositions) await putResumePosition(db, position);
  for (const pattern of data.breathPatterns) await putBreathPattern(db, pattern);
  for (const contact of data.supportContacts) await putSupportContact(db, contact);
  for (const session of data.madeSessions) await db.put('madeSessions', session);
  for (const { bytes, ...recording } of data.recordings) {
    await createRecording(db, { ...recording, byteLength: 0, chunkCount: 0 });
    for (let start = 0, index = 0; start < bytes.length; start += chunkBytes, index += 1) {
      await appendRecordingChunk(db, recording.id, index, bytes.slice(start, start + chunkBytes).buffer, 0);
    }
  }
}
