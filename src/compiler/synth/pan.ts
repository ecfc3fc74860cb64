// Equal-power panning for a position from −1 (left) to 1 (right); both gains are √½ in the centre.
export const panLeftGain = (position: number): number => Math.cos(((position + 1) * Math.PI) / 4);
export const panRightGain = (position: number): number => Math.sin(((position + 1) * Math.PI) / 4);
