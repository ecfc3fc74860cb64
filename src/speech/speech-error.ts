/** What went wrong while making or reading speech audio; tests assert the code. */
export type SpeechErrorCode = 'wav-malformed' | 'wav-unsupported-format' | 'wav-unsupported-channels' | 'bad-sample-rate' | 'speech-empty-text' | 'speech-failed';

const messages: Record<SpeechErrorCode, string> = {
  'wav-malformed': 'Not a readable WAV file',
  'wav-unsupported-format': 'WAV sample format not supported (only 16-bit PCM and 32-bit float)',
  'wav-unsupported-channels': 'WAV channel count not supported (only mono and stereo)',
  'bad-sample-rate': 'Sample rate must be a positive whole number of hertz',
  'speech-empty-text': 'Nothing to speak: the text is empty',
  'speech-failed': 'Speech synthesis failed',
};

export class SpeechError extends Error {
  override readonly name = 'SpeechError';

  constructor(
    readonly code: SpeechErrorCode,
    detail?: string,
  ) {
    super(detail === undefined ? messages[code] : `${messages[code]}: ${detail}`);
  }
}
