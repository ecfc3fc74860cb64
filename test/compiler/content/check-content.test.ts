import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScriptFiles, loadScripts } from '../../../src/compiler/load-scripts';
import { scriptsDir } from '../../../src/compiler/project-paths';
import { formatProblem } from '../../../src/engine/script-problem';

const fixturesDir = 'test/fixtures/scripts';
const shipped = await listScriptFiles(scriptsDir);

async function problemsOf(name: string): Promise<string[]> {
  const { scripts, problems } = await loadScripts([join(fixturesDir, name)], fixturesDir);
  expect(scripts).toEqual([]);
  return problems.map((problem) => `${problem.code} ${formatProblem(problem)}`);
}

describe('the content check', () => {
  it.each(shipped.map((path) => [path.slice(scriptsDir.length + 1), path]))('passes the shipped session %s', async (_name, path) => {
    const { scripts, problems } = await loadScripts([path], scriptsDir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(scripts).toHaveLength(1);
  });

  it('finds promises of a cure or of safety, in what is said and in what is shown, at their words', async () => {
    const file = `${fixturesDir}/content-promises.yaml`;
    const promise = (at: string, phrase: string) =>
      `promise ${file}:${at}: "${phrase}" promises a cure or safety that no session can keep; say what the person may try or notice instead`;
    expect(await problemsOf('content-promises.yaml')).toEqual([
      promise('5:16', 'guaranteed'),
      // Folded over two lines of the content note, and still found where it starts.
      promise('9:3', 'Nothing here can hurt'),
      promise('12:15', 'will heal'),
      promise('14:16', 'you are completely safe'),
      promise('14:65', 'cure'),
      promise('16:36', 'fix'),
    ]);
  });

  it('finds the app talked about in spoken lines, but not the butterfly hug’s own taps nor the screen’s own text', async () => {
    const file = `${fixturesDir}/content-app-talk.yaml`;
    const talk = (at: string, word: string) =>
      `app-talk ${file}:${at}: "${word}" is the app's word, spoken here; leave it to the screen (a caption or the page's own text) and speak to the person`;
    expect(await problemsOf('content-app-talk.yaml')).toEqual([
      talk('13:14', 'tap here'),
      talk('13:37', 'button'),
      talk('13:52', 'screen'),
      talk('14:43', 'saved'),
      talk('14:57', 'journal'),
      talk('18:34', 'app'),
      talk('18:47', 'device'),
      talk('20:34', 'record'),
    ]);
  });

  it('finds words the voice says wrongly, and leaves those the lexicon says right to it', async () => {
    const problems = await problemsOf('content-hard-words.yaml');
    expect(problems.map((problem) => problem.split(': ')[0])).toEqual([`hard-word ${fixturesDir}/content-hard-words.yaml:13:17`]);
    expect(problems[0]).toContain('"read"');
  });

  it('finds an inner-child session that starts without a choice, an anchor and a way out, and one that does not come back to its anchor', async () => {
    const file = `${fixturesDir}/content-no-opening.yaml`;
    const opening = (needs: string) =>
      `no-opening ${file}:16:13: with start = straight, an inner-child session opens, within its first 5 spoken lines, with ${needs}`;
    expect(await problemsOf('content-no-opening.yaml')).toEqual([
      opening('a choice for the eyes (open, or resting shut or lowered)'),
      opening('a choice of how to sit, stand or lie'),
      opening('an anchor in the present (the feet on the floor, the seat, the sounds around)'),
      opening('the reminder that pausing, stopping or taking a break is always fine'),
      `no-return ${file}:27:5: with start = settled, an inner-child session comes back at the end to the anchor it opened with, but none of its last 3 spoken lines mentions it (feet, floor)`,
    ]);
  });

  it('finds more than three minutes without a word at the default length: tones are silence, spoken breathing cues are not', async () => {
    const file = `${fixturesDir}/content-long-silence.yaml`;
    expect(await problemsOf('content-long-silence.yaml')).toEqual([
      `long-silence ${file}:15:5: at the default length (10 min), 3.4 min pass here with no word; let a quiet line come at least every 3 min`,
      `long-silence ${file}:17:5: at the default length (10 min), 3.2 min pass here with no word; let a quiet line come at least every 3 min`,
    ]);
  });

  it('can be left out for scripts no person hears', async () => {
    const { scripts, problems } = await loadScripts([join(fixturesDir, 'content-long-silence.yaml')], fixturesDir, { content: false });
    expect(problems).toEqual([]);
    expect(scripts.map(({ script }) => script.id)).toEqual(['content-long-silence']);
  });
});
