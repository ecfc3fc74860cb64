import { createContext } from '@lit/context';
import type { DataServices } from './data-services';

/** Loads the data services when a screen first needs them, so other screens never load IndexedDB code. */
export type DataServicesLoader = () => Promise<DataServices>;

export const dataContext = createContext<DataServicesLoader>(Symbol('lull-data'));

export const loadDataServices: DataServicesLoader = () => import('./data-services').then((module) => module.dataServices);
