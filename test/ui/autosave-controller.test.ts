import type { ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController } from '../../src/ui/writing/autosave-controller';

const host: ReactiveControllerHost = {
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('saving as the person types', () => {
  it('saves every keystroke within a second while typing never pauses for half a second', async () => {
    const saves: { at: number; length: number }[] = [];
    const autosave = new AutosaveController<string>(host, (text) => {
      saves.push({ at: Date.now(), length: text.length });
      return Promise.resolve();
    });
    const typed: { at: number; length: number }[] = [];
    for (let key = 1; key <= 100; key += 1) {
      autosave.edit('a'.repeat(key));
      typed.push({ at: Date.now(), length: key });
      await vi.advanceTimersByTimeAsync(300);
    }
    const waits = typed.map((key) => (saves.find((save) => save.length >= key.length)?.at ?? Infinity) - key.at);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1000);
    expect(saves.length).toBeGreaterThanOrEqual(24);
  });

  it('still saves once, after the pause, when the person types and stops', async () => {
    const saves: string[] = [];
    const autosave = new AutosaveController<string>(host, (text) => {
      saves.push(text);
      return Promise.resolve();
    });
    autosave.edit('a');
    await vi.advanceTimersByTimeAsync(100);
    autosave.edit('ab');
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual(['ab']);
    expect(autosave.status.kind).toBe('saved');
  });

  it('reports a failed save to the one waiting for it, and keeps the value to save again', async () => {
    let full = true;
    const autosave = new AutosaveController<string>(host, () => (full ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : Promise.resolve()));
    autosave.edit('words');
    expect(await autosave.settle()).toBe(false);
    expect(autosave.unsaved).toBe(true);
    full = false;
    expect(await autosave.settle()).toBe(true);
    expect(autosave.unsaved).toBe(false);
  });
});
