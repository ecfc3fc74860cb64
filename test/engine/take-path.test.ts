import { describe, expect, it } from 'vitest';
import { checkScript } from '../../src/engine/check-script';
import { formatProblem } from '../../src/engine/script-problem';
import { scriptWithSteps } from '../helpers/scripts';

function takeProblems(take: string): string[] {
  const checked = checkScript('s.yaml', scriptWithSteps(`  - say: Hi.\n    take: ${take}\n  - pause: { min: 1, max: 200 }`), { findTake: () => 'present' });
  return checked.ok ? [] : checked.problems.map((problem) => `${problem.code} ${formatProblem(problem)}`);
}

describe('the path of a recorded take', () => {
  it.each([
    ['../../../../etc/passwd', 'climbs out with ".."'],
    ['takes/../../secret.wav', 'climbs out with ".."'],
    ['/etc/passwd', 'starts with "/"'],
    ['C:/takes/hi.wav', 'uses characters other than letters, digits, "-", "_", "." and "/"'],
    ['takes\\..\\..\\hi.wav', 'uses "\\" where "/" belongs'],
    ['~/hi.wav', 'uses characters other than letters, digits, "-", "_", "." and "/"'],
    ['takes//hi.wav', 'has a part that is empty or starts with "."'],
    ['takes/.hidden.wav', 'has a part that is empty or starts with "."'],
    ['./hi.wav', 'has a part that is empty or starts with "."'],
    ['takes/hi.mp3', 'is not a .wav file'],
    ['takes/hi wav.wav', 'uses characters other than letters, digits, "-", "_", "." and "/"'],
  ])('refuses %s with a located message', (take, reason) => {
    expect(takeProblems(take)).toEqual([`bad-take-path s.yaml:9:11: the recorded take "${take}" ${reason}; write a path inside audio-scripts/, like takes/welcome.wav`]);
  });

  it('accepts a plain path inside the scripts folder', () => {
    expect(takeProblems('takes/welcome-1_b.WAV')).toEqual([]);
    expect(takeProblems('hi.wav')).toEqual([]);
  });

  it('refuses a take that the compiler finds leading outside the folder through a link', () => {
    const checked = checkScript('s.yaml', scriptWithSteps('  - say: Hi.\n    take: takes/link.wav\n  - pause: { min: 1, max: 200 }'), { findTake: () => 'outside' });
    expect(checked.ok ? [] : checked.problems.map(formatProblem)).toEqual([
      's.yaml:8:5: the recorded take "takes/link.wav" leads outside audio-scripts/ through a link; put the file itself inside the folder',
    ]);
  });
});
