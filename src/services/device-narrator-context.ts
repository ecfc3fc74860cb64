import { createContext } from '@lit/context';
import type { DeviceNarrator } from './device-narrator';

/** Loads the voice on the device when a screen first needs it, so other screens never load its code. */
export type DeviceNarratorLoader = () => Promise<DeviceNarrator>;

export const deviceNarratorContext = createContext<DeviceNarratorLoader>(Symbol('lull-device-narrator'));

let narrator: Promise<DeviceNarrator> | undefined;

/** One narrator for the page: its worker and engine are loaded once, whichever screen asks. */
export const loadDeviceNarrator: DeviceNarratorLoader = () => {
  narrator ??= import('./device-narrator').then((module) => new module.DeviceNarrator());
  return narrator;
};
