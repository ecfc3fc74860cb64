import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openLullDatabase } from '../../src/storage/database';
import { deleteMadeSession, getMadeSession, listMadeSessions, saveMadeSession } from '../../src/storage/made-sessions';
import { createRecording, appendRecordingChunk, getTakes } from '../../src/storage/recordings';
import type { MadeSession } from '../../src/storage/schema';
import { freshName } from './db-fixtures';

const at = Date.UTC(2025, 0, 1);
const now = Date.UTC(2025, 5, 1);
const session: Omit<MadeSession, 'revision'> = {
  id: 'made-abc123',
  title: 'For the little one',
  description: 'Words I needed.',
  practice: 'self-compassion',
  length: { min: 3, default: 5, max: 8 },
  steps: [{ id: 's1', kind: 'say', text: 'Hello.' }],
  createdAt: at,
  updatedAt: at,
};

describe('sessions the person made, on the device', () => {
  it('saves edits in order, and keeps an edit from a stale window as a copy rather than overwriting', async () => {
    const db = await openLullDatabase({ name: freshName('made') });
    const first = await saveMadeSession(db, session, 0, () => 'made-copy01');
    expect(first).toMatchObject({ outcome: 'saved', session: { revision: 1 } });
    const here = await saveMadeSession(db, { ...session, title: 'Edited here', updatedAt: at + 1 }, 1, () => 'made-copy01');
    expect(here.session.revision).toBe(2);
    // Another window still holds revision 1: its edit is kept beside, under a new id.
    const stale = await saveMadeSession(db, { ...session, title: 'Edited there', updatedAt: at + 2 }, 1, () => 'made-copy01');
    expect(stale).toMatchObject({ outcome: 'kept-as-copy', session: { id: 'made-copy01', title: 'Edited there (copy)', revision: 1 } });
    expect((await listMadeSessions(db, now)).map((made) => made.title)).toEqual(['Edited there (copy)', 'Edited here']);
    db.close();
  });

  it('leaves a stored session that breaks the rules out of the list, without deleting it', async () => {
    const db = await openLullDatabase({ name: freshName('made') });
    await db.put('madeSessions', { ...session, revision: 1, steps: [{ id: 's1', kind: 'say', text: 'x'.repeat(5000) }] });
    expect(await listMadeSessions(db, now)).toEqual([]);
    expect(await getMadeSession(db, session.id, now)).toBeUndefined();
    expect(await db.count('madeSessions')).toBe(1);
    db.close();
  });

  it('deletes a session together with every take of its lines, and no other session’s', async () => {
    const db = await openLullDatabase({ name: freshName('made') });
    await saveMadeSession(db, session, 0, () => 'made-copy01');
    for (const [id, sessionId] of [['t1', session.id], ['t2', 'check-in']] as const) {
      await createRecording(db, { id, slot: 'narration', line: { sessionId, key: 'k', text: 'Hello.' }, shape: { start: 0, end: 1, levelDb: -20 }, mimeType: 'audio/webm', createdAt: at, durationMs: 1000, byteLength: 0, chunkCount: 0, complete: true });
      await appendRecordingChunk(db, id, 0, new Uint8Array([1, 2, 3]).buffer, 1000);
    }
    await deleteMadeSession(db, session.id);
    expect(await db.count('madeSessions')).toBe(0);
    expect(await getTakes(db, session.id)).toEqual([]);
    expect((await getTakes(db, 'check-in')).map((take) => take.id)).toEqual(['t2']);
    expect(await db.count('recordingChunks')).toBe(1);
    db.close();
  });
});
