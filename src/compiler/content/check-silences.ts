import { planSession } from '../../engine/plan-session';
import { scriptProblem, type ScriptProblem } from '../../engine/script-problem';
import type { Script } from '../../engine/script-model';
import { estimateSpeechSeconds } from '../../engine/speech-estimate';
import type { TimelineEvent } from '../../engine/timeline';
import type { Seconds } from '../../engine/units';
import { answerPaths, describeAnswers } from './answer-paths';

/** The longest a session stays without a word at its default length. */
export const longestWordlessMinutes = 3;

/** A line of the voice, a breathing word or the person's own recording: something said. */
const isWord = (event: TimelineEvent): boolean => event.kind === 'voice' || (event.kind === 'cue' && event.sound.startsWith('word-'));
const endOf = (event: TimelineEvent): Seconds => event.at + (event.kind === 'voice' ? event.duration : 0);

/**
 * Plans every path at the default length (with estimated line durations, as while authoring) and
 * finds each stretch of more than three minutes with no word, located at the step that fills most of it.
 */
export function checkSilences(script: Script): ScriptProblem[] {
  const problems = new Map<string, ScriptProblem>();
  const minutes = script.length.default;
  for (const path of answerPaths(script)) {
    const plan = planSession(script, { minutes, choices: path.choices, speechSeconds: estimateSpeechSeconds, keyOf: (text) => text });
    // The plan marks every step but an ambience change, in path order.
    const marked = path.steps.filter((step) => step.kind !== 'ambience');
    const silences: { start: Seconds; end: Seconds }[] = [];
    let quietSince: Seconds = 0;
    for (const event of plan.events.filter(isWord)) {
      if (event.at > quietSince) silences.push({ start: quietSince, end: event.at });
      quietSince = Math.max(quietSince, endOf(event));
    }
    silences.push({ start: quietSince, end: plan.duration });
    for (const { start, end } of silences) {
      if (end - start <= longestWordlessMinutes * 60) continue;
      const overlap = (index: number): Seconds => {
        const step = plan.steps[index];
        return step ? Math.min(end, step.at + step.duration) - Math.max(start, step.at) : 0;
      };
      const fullest = marked.reduce((best, _step, index) => (overlap(index) > overlap(best) ? index : best), 0);
      const at = marked[fullest]?.at ?? script.length.at;
      const where = `at the default length (${minutes} min), ${describeAnswers(path.choices)}`;
      const problem = scriptProblem('long-silence', script.file, at, where, (end - start) / 60, longestWordlessMinutes);
      const key = `${at.line}:${at.column}`;
      if (!problems.has(key)) problems.set(key, problem);
    }
  }
  return [...problems.values()];
}
