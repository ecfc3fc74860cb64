/** What went wrong while rendering audio; tests assert the code, people read the message. */
export type RenderErrorCode =
  | 'bad-sample-rate'
  | 'unsupported-channels'
  | 'bad-bitrate'
  | 'speech-bad-voice'
  | 'speech-failed'
  | 'speech-engine-missing'
  | 'lexicon-invalid'
  | 'mp3-encoder-resampled';

const messages: Record<RenderErrorCode, string> = {
  'bad-sample-rate': 'Sample rate must be a positive whole number of hertz',
  'unsupported-channels': 'Only mono and stereo audio can be encoded',
  'bad-bitrate': 'Bitrate out of range',
  'speech-bad-voice': 'Voice settings out of range',
  'speech-failed': 'Speech synthesis failed',
  'speech-engine-missing': 'The speech engine is not installed; install it with',
  'lexicon-invalid': 'audio-scripts/lexicon.yaml cannot be read',
  'mp3-encoder-resampled': 'The MP3 encoder changed the sample rate unexpectedly',
};

export class RenderError extends Error {
  override readonly name = 'RenderError';

  constructor(
    readonly code: RenderErrorCode,
    detail?: string,
  ) {
    super(detail === undefined ? messages[code] : `${messages[code]}: ${detail}`);
  }
}
