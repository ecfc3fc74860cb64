import type { Pcm } from '../../speech/pcm';
import { Biquad, type BiquadCoefficients } from '../../speech/biquad';

/**
 * ITU-R BS.1770's K-weighting: a +4 dB shelf above about 1.5 kHz (the head), then a 38 Hz
 * high-pass, designed for any sample rate the way libebur128 (and so ffmpeg) designs them.
 */
function kWeighting(sampleRate: number): [Biquad, Biquad] {
  const shelfK = Math.tan((Math.PI * 1681.974450955533) / sampleRate);
  const shelfQ = 0.7071752369554196;
  const high = 10 ** (3.999843853973347 / 20);
  const band = high ** 0.4996667741545416;
  const shelfA0 = 1 + shelfK / shelfQ + shelfK * shelfK;
  const shelf: BiquadCoefficients = {
    b0: (high + (band * shelfK) / shelfQ + shelfK * shelfK) / shelfA0,
    b1: (2 * (shelfK * shelfK - high)) / shelfA0,
    b2: (high - (band * shelfK) / shelfQ + shelfK * shelfK) / shelfA0,
    a1: (2 * (shelfK * shelfK - 1)) / shelfA0,
    a2: (1 - shelfK / shelfQ + shelfK * shelfK) / shelfA0,
  };
  const passK = Math.tan((Math.PI * 38.13547087602444) / sampleRate);
  const passQ = 0.5003270373238773;
  const passA0 = 1 + passK / passQ + passK * passK;
  const highPass: BiquadCoefficients = { b0: 1, b1: -2, b2: 1, a1: (2 * (passK * passK - 1)) / passA0, a2: (1 - passK / passQ + passK * passK) / passA0 };
  return [new Biquad(shelf), new Biquad(highPass)];
}

const blockSeconds = 0.4;
const hopSeconds = 0.1;
const absoluteGate = -70;
const relativeGate = -10;

const loudnessOf = (meanSquare: number): number => -0.691 + 10 * Math.log10(meanSquare);

/**
 * Integrated loudness in LUFS (ITU-R BS.1770-4, as ffmpeg's `ebur128` measures it): K-weighted
 * mean square over 400 ms blocks overlapping by 75 %, gated at −70 LUFS and then 10 LU under the
 * ungated level. Silence is −Infinity.
 */
export function integratedLoudness(pcm: Pcm): number {
  const block = Math.round(blockSeconds * pcm.sampleRate);
  const hop = Math.round(hopSeconds * pcm.sampleRate);
  const hops: number[] = [];
  const squares = pcm.channels.map((channel) => {
    const [shelf, highPass] = kWeighting(pcm.sampleRate);
    const sums: number[] = [];
    let sum = 0;
    channel.forEach((sample, index) => {
      const weighted = highPass.next(shelf.next(sample));
      sum += weighted * weighted;
      if ((index + 1) % hop === 0) {
        sums.push(sum);
        sum = 0;
      }
    });
    return sums;
  });
  const hopCount = Math.min(...squares.map((sums) => sums.length));
  for (let index = 0; index < hopCount; index += 1) hops.push(squares.reduce((total, sums) => total + (sums[index] ?? 0), 0));
  const perBlock = Math.round(block / hop);
  const blocks: number[] = [];
  for (let first = 0; first + perBlock <= hops.length; first += 1) {
    let total = 0;
    for (let index = first; index < first + perBlock; index += 1) total += hops[index] ?? 0;
    blocks.push(total / (perBlock * hop));
  }
  const audible = blocks.filter((meanSquare) => loudnessOf(meanSquare) > absoluteGate);
  if (audible.length === 0) return -Infinity;
  const threshold = loudnessOf(mean(audible)) + relativeGate;
  const gated = audible.filter((meanSquare) => loudnessOf(meanSquare) > threshold);
  return loudnessOf(mean(gated));
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
