export interface VoiceSettings {
  /** Flite's built-in US English female voice; the only one we ship for now. */
  readonly voice: 'slt';
  /** Flite `duration_stretch`: 1 is Flite's normal pace, larger is slower. */
  readonly durationStretch: number;
  /** Flite `int_f0_target_mean`, in Hz (slt speaks around 170 Hz by default). */
  readonly pitchMean: number;
  /** Flite `int_f0_target_stddev`, in Hz (slt's own is about 35): lower is flatter. */
  readonly pitchStddev: number;
}

/** Slower, slightly lower and a little less sing-song than Flite's default slt. */
export const calmVoice: VoiceSettings = {
  voice: 'slt',
  durationStretch: 1.3,
  pitchMean: 160,
  pitchStddev: 28,
};
