import type { PracticeKind } from '../../engine/script-model';

export const practiceLabels: Readonly<Record<PracticeKind, string>> = {
  'safe-space': 'Safe space',
  'self-soothing': 'Self-soothing',
  breathing: 'Breathing',
  'butterfly-hug': 'Butterfly hug',
  'five-questions': 'Five questions',
  letter: 'Letter to your inner child',
  memories: 'Childhood memories',
  play: 'Do what you loved',
  'self-compassion': 'Self-compassion',
  'check-in': 'Check-in',
};
