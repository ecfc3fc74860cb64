// `npm run bench:ambience`: only the ambience figures of `npm run bench`, appended to the history.
import { runAmbienceSection } from './ambience-section';
import { appendHistory } from './history';

appendHistory({ ambience: runAmbienceSection() });
