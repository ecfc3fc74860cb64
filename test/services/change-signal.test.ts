import { describe, expect, it } from 'vitest';
import { ChangeSignal } from '../../src/services/change-signal';

describe('a change signal', () => {
  it('tells every listener, once each, until it unsubscribes', () => {
    const signal = new ChangeSignal();
    const heard: string[] = [];
    const stopA = signal.subscribe(() => heard.push('a'));
    signal.subscribe(() => heard.push('b'));
    signal.notify();
    stopA();
    signal.notify();
    expect(heard).toEqual(['a', 'b', 'b']);
  });
});
