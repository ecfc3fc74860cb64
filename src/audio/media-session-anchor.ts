/**
 * A silent, looping <audio> element that plays while a session plays. Browsers show lock-screen
 * and notification controls (Media Session) only while a media element plays, and pure Web Audio
 * has none; this element owns the media session for the sounds Web Audio makes.
 */
export class MediaSessionAnchor {
  private readonly element = new Audio();
  private readonly url = URL.createObjectURL(silentWav(10, 8000));

  constructor() {
    this.element.src = this.url;
    this.element.loop = true;
    this.element.preload = 'auto';
  }

  async start(): Promise<void> {
    try {
      await this.element.play();
    } catch {
      // Without the anchor the session still plays; only the lock-screen controls are missing.
    }
  }

  pause(): void {
    this.element.pause();
  }

  dispose(): void {
    this.element.pause();
    this.element.removeAttribute('src');
    URL.revokeObjectURL(this.url);
  }
}

/** `seconds` of 8-bit mono silence as a WAV file. */
function silentWav(seconds: number, sampleRate: number): Blob {
  const frames = seconds * sampleRate;
  const header = new DataView(new ArrayBuffer(44));
  const text = (offset: number, value: string): void => {
    for (let index = 0; index < value.length; index += 1) header.setUint8(offset + index, value.charCodeAt(index));
  };
  text(0, 'RIFF');
  header.setUint32(4, 36 + frames, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);
  header.setUint16(22, 1, true);
  header.setUint32(24, sampleRate, true);
  header.setUint32(28, sampleRate, true);
  header.setUint16(32, 1, true);
  header.setUint16(34, 8, true);
  text(36, 'data');
  header.setUint32(40, frames, true);
  // Unsigned 8-bit audio is silent at 128.
  return new Blob([header, new Uint8Array(frames).fill(128)], { type: 'audio/wav' });
}
