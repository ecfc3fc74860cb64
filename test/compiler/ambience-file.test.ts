import { describe, expect, it } from 'vitest';
import { ambienceAudio, ambienceBedSeconds, ambienceLoudnessAtFullVolume, ambienceUnderVoice, voiceLoudness } from '../../src/compiler/ambience-file';
import { pcmFrames, type Pcm } from '../../src/speech/pcm';
import { integratedLoudness } from '../../src/compiler/render/loudness-lufs';
import { previewAmbience } from '../../src/compiler/synth/ambience-preview';
import { ambienceScatter } from '../../src/engine/ambience-scatter';

const sampleRate = 48_000;
const rain = ambienceAudio('rain', sampleRate);

const cut = (pcm: Pcm, start: number, seconds: number): Pcm => ({
  sampleRate,
  channels: pcm.channels.map((channel) => channel.slice(Math.round(start * sampleRate), Math.round((start + seconds) * sampleRate))),
});

describe('an ambience’s file', () => {
  it('puts the bed first, a minute long, then each of its separate sounds after it', () => {
    const { manifest } = rain;
    expect(manifest.loopSeconds).toBe(ambienceBedSeconds);
    expect(manifest.events).toHaveLength(ambienceScatter.rain?.variants ?? 0);
    let previousEnd = manifest.loopSeconds;
    for (const clip of manifest.events ?? []) {
      expect(clip.start).toBeGreaterThan(previousEnd);
      previousEnd = clip.start + clip.duration;
    }
    expect(pcmFrames(rain.pcm) / sampleRate).toBeGreaterThanOrEqual(previousEnd);
  });

  it('is brought to one measured loudness, bed and events together as a session plays them', () => {
    const { pcm, manifest } = rain;
    const bed = cut(pcm, 0, manifest.loopSeconds);
    const events = (manifest.events ?? []).map((clip) => cut(pcm, clip.start, clip.duration));
    expect(manifest.loudness).toBe(ambienceLoudnessAtFullVolume);
    expect(integratedLoudness(previewAmbience('rain', bed, events, 180))).toBeCloseTo(ambienceLoudnessAtFullVolume, 1);
  });

  it('sits, at the scripts’ default volume of one half, at least 12 LU under the voice', () => {
    expect(ambienceUnderVoice).toBeGreaterThanOrEqual(12);
    expect(voiceLoudness - (ambienceLoudnessAtFullVolume + 20 * Math.log10(0.5))).toBeCloseTo(ambienceUnderVoice, 6);
  });
});
