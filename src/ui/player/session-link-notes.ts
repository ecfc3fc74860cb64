import type { TemplateChoice } from '../../engine/plan-template';
import type { LengthRange } from '../../engine/script-model';
import { say } from '../shared/messages';

const shown = (value: string): string => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

/**
 * What a session's link (`?minutes=999&place=moon`) asked for that the session cannot do, and
 * what it does instead, one sentence each: nothing a link asks for is ignored without a word.
 */
export function sessionLinkNotes(query: URLSearchParams, length: Omit<LengthRange, 'at'>, choices: readonly TemplateChoice[], chosen: Readonly<Record<string, string>>): string[] {
  const notes: string[] = [];
  for (const [key, value] of query) {
    if (key === 'minutes') {
      const minutes = Number(value);
      if (value.trim() === '' || !Number.isFinite(minutes) || minutes <= 0) notes.push(say('link-no-length', shown(value)));
      else if (minutes > length.max) notes.push(say('link-longest', length.max));
      else if (minutes < length.min) notes.push(say('link-shortest', length.min));
      continue;
    }
    const choice = choices.find((candidate) => candidate.name === key);
    if (!choice) {
      notes.push(say('link-no-setting', shown(key)));
      continue;
    }
    if (!choice.options.some((option) => option.id === value)) {
      const instead = choice.options.find((option) => option.id === chosen[key]) ?? choice.options[0];
      notes.push(say('link-no-option', shown(value), instead?.label ?? ''));
    }
  }
  return notes;
}
