/**
 * The words a shipped session keeps out of what it says and shows. Each pattern joins its words
 * with `\s+`, so it also finds a phrase folded over two lines of YAML (see `locateMatch`).
 */

/** A promise of a cure, an outcome or safety: no session can keep one. Checked in every text. */
export const promisePatterns: readonly RegExp[] = [
  /\bheal(?:s|ed|ing)?\s+(?:you|your|yourself)\b/iu,
  /\b(?:will|can)\s+heal\b/iu,
  /\bcur(?:e|es|ed|ing)\b/iu,
  /\bfix(?:es|ed|ing)?\b/iu,
  /\bguarantee(?:s|d)?\b/iu,
  /\bnothing\s+(?:here\s+|in\s+here\s+)?(?:can|could|will)\s+hurt\b/iu,
  /\b(?:can(?:no|['’])t|cannot|will\s+not|won['’]t)\s+hurt\s+you\b/iu,
  /\byou(?:['’]re|\s+are|\s+will\s+be)\s+(?:completely\s+|totally\s+|perfectly\s+|always\s+)?safe\b/iu,
  /\b(?:completely|totally|perfectly|always)\s+safe\b/iu,
  /\byou\s+will\s+(?:feel\s+better|be\s+better|be\s+well|be\s+whole)\b/iu,
];

/**
 * The app's own words (the journal, the screen, recording, saving). Checked in spoken lines only:
 * the screen says them in its own text. The taps of the butterfly hug and of a beat are the
 * person's own hands and are not app talk; only tapping or pressing something on the screen is.
 */
export const appTalkPatterns: readonly RegExp[] = [
  /\bjournal(?:s|ing|ed)?\b/iu,
  /\bscreens?\b/iu,
  /\bapps?\b/iu,
  /\bdevices?\b/iu,
  /\bbuttons?\b/iu,
  /\bclick(?:s|ed|ing)?\b/iu,
  /\bswip(?:e|es|ed|ing)\b/iu,
  /\bscroll(?:s|ed|ing)?\b/iu,
  /\btyping\b/iu,
  /\brecord(?:s|ed|ing|ings|er)?\b/iu,
  /\bsav(?:e|es|ed|ing)\b/iu,
  /\bdownload(?:s|ed|ing)?\b/iu,
  /\bcaptions?\b/iu,
  /\b(?:tap|press)(?:\s+on)?\s+(?:here|continue|next|start|done|play|pause)\b/iu,
];

/**
 * Words the voices say wrongly and the lexicon (audio-scripts/lexicon.yaml) cannot fix, because
 * their sound depends on the sense, with what to say instead. "close" as a verb and "collarbones"
 * are in the lexicon.
 */
export const hardWords: readonly { readonly pattern: RegExp; readonly instead: string }[] = [
  { pattern: /\bread\b/iu, instead: 'it is said like "red", the past tense; say "look over" or "go back over"' },
  { pattern: /\bcosy\b/iu, instead: 'say "cozy"' },
  { pattern: /\bwound\b/iu, instead: 'it is said like "wound up"; say "hurt" or "old pain"' },
];
