import { startChromium } from './chromium-engine';
import type { Engine, EngineName } from './driver';
import { startFirefox } from './firefox-engine';
import { startWebKit } from './webkit-engine';

const starters: Readonly<Record<EngineName, () => Promise<Engine>>> = { chromium: startChromium, firefox: startFirefox, webkit: startWebKit };

/** Starts one engine with whatever it needs (display, sound server); `stop()` ends all of it. */
export const startEngine = (name: EngineName): Promise<Engine> => starters[name]();
