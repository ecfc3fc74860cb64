import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startPulse, type PulseServer } from './pulse-server';
import { startXvfb, type VirtualDisplay } from './xvfb';

/** One isolated place to play a session: its own virtual display and its own sound server. */
export interface Rig {
  readonly dir: string;
  readonly display: VirtualDisplay;
  readonly pulse: PulseServer;
  stop(): Promise<void>;
}

export async function startRig(dir: string): Promise<Rig> {
  mkdirSync(dir, { recursive: true });
  const display = await startXvfb();
  try {
    const pulse = await startPulse(join(dir, 'pulse'));
    return {
      dir,
      display,
      pulse,
      async stop() {
        await pulse.process.stop();
        await display.process.stop();
      },
    };
  } catch (error) {
    await display.process.stop();
    throw error;
  }
}
