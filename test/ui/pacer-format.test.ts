import { describe, expect, it } from 'vitest';
import { breathRadius } from '../../src/ui/player/breath-shape';
import { formatPacerLength, pacerRestingWords, phaseSecondsLeft } from '../../src/ui/pacer/pacer-format';
import { matchRoute } from '../../src/ui/shell/routes';

describe('the pacer’s words and numbers', () => {
  it('counts down whole seconds left in a phase', () => {
    expect(phaseSecondsLeft(4)).toBe(4);
    expect(phaseSecondsLeft(3.2)).toBe(4);
    expect(phaseSecondsLeft(0.01)).toBe(1);
  });

  it('says how many breaths and about how long', () => {
    expect(formatPacerLength(8, 160)).toBe('8 breaths, about 3 min');
    expect(formatPacerLength(1, 20)).toBe('1 breath, about 1 min');
  });

  it('has gentle words for the moments between breaths', () => {
    expect(pacerRestingWords('ready')).toBe('Ready when you are');
    expect(pacerRestingWords('ended')).toBe('Well done. Take a moment before you move on.');
  });

  it('grows the circle on the in-breath, keeps it full on hold, shrinks it on the out-breath, keeps it small at rest', () => {
    expect(breathRadius('inhale', 0)).toBeLessThan(breathRadius('inhale', 0.5));
    expect(breathRadius('inhale', 1)).toBe(breathRadius('hold', 0.3));
    expect(breathRadius('exhale', 0.5)).toBeLessThan(breathRadius('exhale', 0));
    expect(breathRadius('rest', 0.7)).toBe(breathRadius('inhale', 0));
  });
});

describe('the /breathe route', () => {
  it('opens the pacer with the link’s settings', () => {
    const route = matchRoute(new URL('https://lull.example/breathe?pattern=box&minutes=5'));
    expect(route.view).toBe('breathe');
    expect(route.view === 'breathe' ? route.query.get('pattern') : undefined).toBe('box');
    expect(matchRoute(new URL('https://lull.example/breathe/')).view).toBe('breathe');
  });
});
