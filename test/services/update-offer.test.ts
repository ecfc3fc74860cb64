import { describe, expect, it } from 'vitest';
import { BusyState } from '../../src/services/busy-state';
import { UpdateOffer } from '../../src/services/update-offer';

function setup() {
  const busy = new BusyState();
  const calls: string[] = [];
  const offer = new UpdateOffer(busy, {
    activate: () => calls.push('activate'),
    reload: () => calls.push('reload'),
  });
  return { busy, calls, offer };
}

describe('the update offer', () => {
  it('offers a new version and does nothing until the person accepts', () => {
    const { calls, offer } = setup();
    offer.offer();
    expect(offer.phase).toBe('ready');
    expect(calls).toEqual([]);
  });

  it('activates on acceptance and reloads only once the new version controls the page', () => {
    const { calls, offer } = setup();
    offer.offer();
    offer.accept();
    expect(calls).toEqual(['activate']);
    expect(offer.phase).toBe('applying');
    offer.controlled();
    expect(calls).toEqual(['activate', 'reload']);
  });

  it('waits for a playing session after acceptance, and applies when it is released', () => {
    const { busy, calls, offer } = setup();
    offer.offer();
    const release = busy.hold('session');
    offer.accept();
    expect(offer.phase).toBe('accepted');
    expect(offer.waitingFor).toEqual(['session']);
    expect(calls).toEqual([]);
    release();
    expect(calls).toEqual(['activate']);
    offer.controlled();
    expect(calls).toEqual(['activate', 'reload']);
  });

  it('waits for everything busy: a recording and a draft as well as the session', () => {
    const { busy, calls, offer } = setup();
    offer.offer();
    const stopRecording = busy.hold('recording');
    const saveDraft = busy.hold('draft');
    offer.accept();
    stopRecording();
    expect(calls).toEqual([]);
    expect(offer.waitingFor).toEqual(['draft']);
    saveDraft();
    expect(calls).toEqual(['activate']);
  });

  it('does not reload while something became busy between activation and control', () => {
    const { busy, calls, offer } = setup();
    offer.offer();
    offer.accept();
    const release = busy.hold('session');
    offer.controlled();
    expect(calls).toEqual(['activate']);
    release();
    expect(calls).toEqual(['activate', 'reload']);
  });

  it('offers a reload when another tab applied the new version, without activating anything', () => {
    const { calls, offer } = setup();
    offer.controlled();
    expect(offer.phase).toBe('ready');
    expect(calls).toEqual([]);
    offer.accept();
    expect(calls).toEqual(['reload']);
  });

  it('reloads once, however many times it is told', () => {
    const { busy, calls, offer } = setup();
    offer.offer();
    offer.accept();
    offer.accept();
    offer.controlled();
    offer.controlled();
    busy.hold('draft')();
    expect(calls).toEqual(['activate', 'reload']);
  });

  it('ignores an acceptance when nothing is offered', () => {
    const { calls, offer } = setup();
    offer.accept();
    expect(offer.phase).toBe('none');
    expect(calls).toEqual([]);
  });

  it('loads the new version at the next change of screen once another window applied it, but never while something is busy', () => {
    const { busy, calls, offer } = setup();
    offer.offer();
    expect(offer.appliedElsewhere).toBe(false);
    expect(offer.reloadsOnNavigation).toBe(false);
    const release = busy.hold('session');
    offer.controlled();
    expect(offer.appliedElsewhere).toBe(true);
    expect(offer.reloadsOnNavigation).toBe(false);
    release();
    expect(offer.reloadsOnNavigation).toBe(true);
    // Nothing reloads on its own: only a change of screen, or the person's acceptance.
    expect(calls).toEqual([]);
  });

  it('does not call its own acceptance an update applied elsewhere', () => {
    const { offer } = setup();
    offer.offer();
    offer.accept();
    offer.controlled();
    expect(offer.appliedElsewhere).toBe(false);
  });
});

