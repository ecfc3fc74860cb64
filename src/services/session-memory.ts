import type { Minutes, Seconds } from '../engine/units';
import type { EpochMilliseconds, ResumePosition, SessionChoices } from '../storage/schema';

/** How long a session left unfinished is offered to continue: about a day. */
export const resumeWindow: EpochMilliseconds = 24 * 60 * 60 * 1000;
/** Less than this far in, starting again is the same as continuing: nothing is offered. */
export const resumeFrom: Seconds = 5;
/** This close to its end, a session counts as finished: nothing is kept to continue. */
export const resumeUntilEnd: Seconds = 10;

/** What "Continue from 4:12" opens: the place, at the length and with the choices it played. */
export interface ResumeOffer {
  readonly sessionId: string;
  readonly position: Seconds;
  readonly minutes: Minutes;
  readonly choices: SessionChoices;
}

/** Whether a place in a session is worth keeping: far enough in, and not at its very end. */
export function isWorthResuming(position: Seconds, duration: Seconds): boolean {
  return position >= resumeFrom && position <= duration - resumeUntilEnd;
}

/** The offer a kept place makes at `now`: none once it is older than a day (or from a clock ahead of this one). */
export function resumeOffer(kept: ResumePosition | undefined, now: EpochMilliseconds): ResumeOffer | undefined {
  if (!kept) return undefined;
  const age = now - kept.updatedAt;
  if (age > resumeWindow || age < -60_000 || kept.positionSeconds < resumeFrom) return undefined;
  return { sessionId: kept.sessionId, position: kept.positionSeconds, minutes: kept.lengthMinutes, choices: kept.choices };
}

/** The offers still open, the most recently left first. */
export function openOffers(kept: readonly ResumePosition[], now: EpochMilliseconds): ResumeOffer[] {
  return [...kept]
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .flatMap((position) => resumeOffer(position, now) ?? []);
}

/** A session's length and choices, as they are remembered between visits. */
export interface SessionSettings {
  readonly minutes?: Minutes;
  readonly choices: SessionChoices;
}

/** The remembered length and choices as one setting's text, the way a link writes them: `minutes=10&place=forest`. */
export function sessionSettingsText(settings: SessionSettings): string {
  const query = new URLSearchParams();
  if (settings.minutes !== undefined) query.set('minutes', String(settings.minutes));
  for (const [name, option] of Object.entries(settings.choices)) if (name !== 'minutes') query.set(name, option);
  return query.toString();
}

/**
 * What a session opens with, each field from the first that has it: what the link asks for,
 * then the place left unfinished (its length and choices are part of it), then what the person
 * chose last time; the script's defaults fill in the rest when it opens.
 */
export function startingSettings(link: SessionSettings, resume: ResumeOffer | undefined, remembered: SessionSettings | undefined): SessionSettings {
  const minutes = link.minutes ?? resume?.minutes ?? remembered?.minutes;
  const choices = { ...remembered?.choices, ...resume?.choices, ...link.choices };
  return minutes === undefined ? { choices } : { minutes, choices };
}

/** The ids in a favourites setting (`"safe-space butterfly-hug"`), each once, in order. */
export function readFavourites(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [...new Set(value.split(/\s+/u).filter((item) => /^[A-Za-z0-9_-]{1,64}$/u.test(item)))];
}

/** The favourites with `id` added (at the end) or taken out. */
export function toggledFavourites(favourites: readonly string[], id: string, on: boolean): string[] {
  const without = favourites.filter((item) => item !== id);
  return on ? [...without, id] : without;
}

/** Favourites first, in the order the person marked them, then the rest in their own order. */
export function favouritesFirst<T>(items: readonly T[], idOf: (item: T) => string, favourites: readonly string[]): T[] {
  const rank = (item: T) => {
    const index = favourites.indexOf(idOf(item));
    return index === -1 ? favourites.length : index;
  };
  return items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map(({ item }) => item);
}
