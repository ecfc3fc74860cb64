import type { EngineName } from '../harness/engines/driver';
import { dataScenarios } from './data-scenarios';
import { deviceScenarios } from './device-scenarios';
import { engineSuite } from './engine-suite';
import { narratorScenarios } from './narrator-scenarios';
import { offlineScenarios } from './offline-scenarios';
import { practiceScenarios } from './practices-scenarios';
import { writingScenarios } from './writing-scenarios';

/** The core of the browser suite, in one engine: the practices, writing, data, offline and install, device features, the voice on the device. */
export function coreScenarios(name: EngineName): void {
  const suite = engineSuite(name);
  practiceScenarios(suite);
  writingScenarios(suite);
  dataScenarios(suite);
  offlineScenarios(suite);
  deviceScenarios(suite);
  narratorScenarios(suite);
}
