/** One-pole attack/release follower of a non-negative signal. */
export function followEnvelope(
  magnitude: Float32Array,
  sampleRate: number,
  attackSeconds: number,
  releaseSeconds: number,
): Float32Array {
  const attack = smoothingCoefficient(sampleRate, attackSeconds);
  const release = smoothingCoefficient(sampleRate, releaseSeconds);
  const envelope = new Float32Array(magnitude.length);
  let level = 0;
  for (let i = 0; i < magnitude.length; i++) {
    const target = magnitude[i] ?? 0;
    const coefficient = target > level ? attack : release;
    level = target + coefficient * (level - target);
    envelope[i] = level;
  }
  return envelope;
}

function smoothingCoefficient(sampleRate: number, seconds: number): number {
  return seconds <= 0 ? 0 : Math.exp(-1 / (seconds * sampleRate));
}
