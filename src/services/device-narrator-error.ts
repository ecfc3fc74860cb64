import { longestLineSeconds } from '../engine/speech-estimate';

/** Every way the voice on the device can fail, each with the sentence a person reads. */
const messages = {
  offline: () => 'The voice could not be downloaded: you seem to be offline. Connect to the internet and try again; it is downloaded only once.',
  'no-space': () => 'The voice could not be kept: there is not enough free space on this device. Free some space and try again.',
  'no-storage': () => 'This browser does not let Lull keep the voice on this device (in a private window, for example).',
  unavailable: () => 'The voice could not be downloaded just now. Try again in a moment.',
  damaged: () => 'The voice arrived damaged, so it was not kept. Try again.',
  cancelled: () => 'The download of the voice was cancelled. Nothing of it was kept.',
  'not-kept': () => 'The voice is not on this device yet. Download it first (you need to be online once).',
  'no-words': () => 'The voice’s list of how to say some words could not be read. Reload the page and try again.',
  'empty-line': () => 'There is nothing to read: the line is empty.',
  'nothing-to-say': () => 'There are no words in this line for the voice to read.',
  'not-english': () => 'The voice on this device speaks only English, so it cannot read this line. You can record it in your own voice.',
  'line-too-long': (seconds: number) =>
    `This line would take about ${String(Math.round(seconds))} seconds to read; a line can take at most ${String(longestLineSeconds)}. Split it into shorter lines.`,
  'cannot-read': () => 'The voice could not read this line. Try wording it differently.',
  stopped: () => 'The voice was stopped before it finished reading.',
} as const;

export type DeviceNarratorProblem = keyof typeof messages;
type MessageArgs<C extends DeviceNarratorProblem> = Parameters<(typeof messages)[C]>;

export class DeviceNarratorError<C extends DeviceNarratorProblem = DeviceNarratorProblem> extends Error {
  override name = 'DeviceNarratorError';
  readonly code: C;

  constructor(code: C, ...args: MessageArgs<C>) {
    const describe = messages[code] as (...values: MessageArgs<C>) => string;
    super(describe(...args));
    this.code = code;
  }
}
