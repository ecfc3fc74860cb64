import { BackupService } from './backup-service';
import { BreathPatternsService } from './breath-patterns-service';
import { CheckInService } from './check-in-service';
import { ContinuityService } from './continuity-service';
import { DataStore } from './data-store';
import { journalKind, type JournalService } from './journal-service';
import { KeepWordsService } from './keep-words-service';
import { letterKind, type LetterService } from './letter-service';
import { MadeSessionsService } from './made-sessions-service';
import { NarrationTakes } from './narration-takes';
import { RecordingService } from './recording-service';
import { ReminderService } from './reminder-service';
import { SupportContactsService } from './support-contacts-service';
import { WritingService } from './writing-service';

/** The services that reach the person's data, sharing one connection. */
export interface DataServices {
  readonly store: DataStore;
  readonly journal: JournalService;
  readonly letters: LetterService;
  readonly backup: BackupService;
  readonly recordings: RecordingService;
  readonly takes: NarrationTakes;
  readonly contacts: SupportContactsService;
  readonly breathPatterns: BreathPatternsService;
  readonly checkIns: CheckInService;
  readonly reminder: ReminderService;
  readonly keepWords: KeepWordsService;
  readonly continuity: ContinuityService;
  readonly madeSessions: MadeSessionsService;
}

export function createDataServices(databaseName?: string): DataServices {
  const store = new DataStore(databaseName);
  return {
    store,
    journal: new WritingService(store, journalKind),
    letters: new WritingService(store, letterKind),
    backup: new BackupService(store),
    recordings: new RecordingService(store),
    takes: new NarrationTakes(store),
    contacts: new SupportContactsService(store),
    breathPatterns: new BreathPatternsService(store),
    checkIns: new CheckInService(store),
    reminder: new ReminderService(store),
    keepWords: new KeepWordsService(store),
    continuity: new ContinuityService(store),
    madeSessions: new MadeSessionsService(store),
  };
}

/** The page's one set: one page, one connection to its database. */
export const dataServices = createDataServices();
