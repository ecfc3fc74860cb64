import { ChangeSignal } from './change-signal';
import type { LibraryIndex } from '../engine/pack-manifest';
import { filesNoLongerNeeded, isComplete, progressOf, unionOfFiles, type ByteProgress, type PlannedFile } from '../offline/download-plan';
import { isAbortError, OfflineError } from '../offline/offline-error';
import { deleteAudio, fetchPackJson, storedAudioUrls, storeWholeFile } from '../offline/pack-cache';
import { OfflinePlans } from './offline-plans';

export type { ByteProgress };

/** Every session at once ("Download everything"); session ids never contain `*`. */
export const everything = '*';

/**
 * What the break and the pacer need to play (the break's session, the shared cues): kept on the
 * first visit without asking, because help must not depend on having downloaded anything.
 */
export const offlineCore = '#core';

/** A session id, `everything` or `offlineCore`. */
export type DownloadTarget = string;

/** `own` is false when a session downloads as part of "Download everything" (that one has the Cancel). */
export type OfflineStatus =
  | { readonly kind: 'checking' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'queued' | 'downloading'; readonly progress: ByteProgress; readonly own: boolean }
  | { readonly kind: 'paused'; readonly progress: ByteProgress; readonly own: boolean; readonly message: string }
  | { readonly kind: 'downloaded'; readonly bytes: number; readonly removable: boolean }
  | { readonly kind: 'failed'; readonly message: string };

export interface StorageUse {
  readonly usage: number;
  readonly quota: number;
}

interface Job {
  readonly target: DownloadTarget;
  readonly sessions: readonly string[];
  phase: 'queued' | 'running' | 'paused';
  message: string;
  cancelled: boolean;
  readonly abort: AbortController;
  /** Files this job stored: what a cancel or a full disk takes back. */
  readonly stored: string[];
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Which sessions are kept on this device, and the downloads that keep them: one at a time, whole
 * files only, paused when the connection drops and resumed when it is back (finished files stay),
 * taken back entirely when cancelled or when the disk is full.
 */
export class OfflineLibrary {
  private plans: OfflinePlans | undefined;
  private libraryKey = '';
  private attaching: Promise<void> | undefined;
  private checked = false;
  private stored = new Set<string>();
  private readonly arriving = new Map<string, number>();
  private readonly jobs: Job[] = [];
  private coreSessions: readonly string[] = [];
  private readonly failures = new Map<DownloadTarget, string>();
  private storageUse: StorageUse | undefined;
  private readonly changes = new ChangeSignal();

  /** Shows the sessions of this library; what is already stored is read from the cache. */
  attach(index: LibraryIndex, indexUrl: URL): Promise<void> {
    const key = `${indexUrl.href} ${JSON.stringify(index)}`;
    // The same library attached again (the library screen and the offline core both do) waits for the same reading.
    if (this.libraryKey !== key || !this.attaching) {
      this.libraryKey = key;
      this.attaching = this.read(index, indexUrl);
    }
    return this.attaching;
  }

  private async read(index: LibraryIndex, indexUrl: URL): Promise<void> {
    const plans = new OfflinePlans(index, indexUrl);
    this.plans = plans;
    this.checked = false;
    this.notify();
    try {
      this.stored = await storedAudioUrls();
      // Knowing which files a session needs means reading its manifest and script: only worth it once something is stored.
      if (this.stored.size > 0) await this.forgetOutdated(await Promise.allSettled(index.sessions.map((entry) => plans.load(entry.id))));
    } catch {
      // Without Cache Storage nothing is stored; a download says why it cannot start.
    }
    this.checked = true;
    this.notify();
    void this.refreshStorage();
  }

  get storage(): StorageUse | undefined {
    return this.storageUse;
  }

  statusOf(target: DownloadTarget): OfflineStatus {
    if (!this.checked) return { kind: 'checking' };
    const failure = this.failures.get(target);
    if (failure !== undefined) return { kind: 'failed', message: failure };
    const files = this.filesOf(target);
    const complete = files !== undefined && isComplete(files, this.stored);
    const job = this.jobs.find((candidate) => candidate.target === target) ?? this.jobs.find((candidate) => candidate.sessions.includes(target));
    if (job && !complete) {
      const progress = files ? progressOf(files, this.stored, this.arriving) : { done: 0, total: 0 };
      const own = job.target === target;
      if (job.phase === 'paused') return { kind: 'paused', progress, own, message: job.message };
      return { kind: job.phase === 'running' ? 'downloading' : 'queued', progress, own };
    }
    if (complete) return { kind: 'downloaded', bytes: files.reduce((sum, file) => sum + file.bytes, 0), removable: !this.coreSessions.includes(target) };
    return { kind: 'absent' };
  }

  /** Keeps a session (or every session) on this device; already stored files are not fetched again. */
  download(target: DownloadTarget): void {
    if (!this.plans || this.jobs.some((job) => job.target === target)) return;
    this.failures.delete(target);
    const sessions = this.sessionsOf(target);
    this.jobs.push({ target, sessions, phase: 'queued', message: '', cancelled: false, abort: new AbortController(), stored: [] });
    this.notify();
    void this.pump();
  }

  /**
   * Keeps the offline core (these sessions' files) on the device: stores what is missing, quietly,
   * and never lets Remove or a cancelled download take those files away.
   */
  keepCore(sessionIds: readonly string[]): void {
    this.coreSessions = sessionIds;
    if (this.statusOf(offlineCore).kind !== 'downloaded') this.download(offlineCore);
  }

  /** Stops a download and deletes what it stored, except files a downloaded session needs. */
  cancel(target: DownloadTarget): void {
    const job = this.jobs.find((candidate) => candidate.target === target);
    if (!job) return;
    job.cancelled = true;
    job.abort.abort();
    // A running job takes itself back when its fetch stops; a queued or paused one is taken back here.
    if (job.phase !== 'running') void this.end(job, undefined);
  }

  /** Goes on with a download paused by a lost connection. */
  resume(): void {
    const job = this.jobs[0];
    if (job?.phase !== 'paused') return;
    window.removeEventListener('online', this.onOnline);
    job.phase = 'queued';
    void this.pump();
  }

  /** Deletes a session's files, keeping those another downloaded session needs. */
  async remove(sessionId: string): Promise<void> {
    const files = this.plans?.filesOf(sessionId);
    if (!files || !this.plans) return;
    const others = [...this.plans.sessions]
      .filter(([id, other]) => this.coreSessions.includes(id) || (id !== sessionId && (this.isKept(id, other) || this.jobs.some((job) => job.sessions.includes(id)))))
      .map(([, other]) => other);
    const urls = filesNoLongerNeeded(
      files.map((file) => file.url),
      others,
    );
    for (const url of urls) this.stored.delete(url);
    this.failures.delete(sessionId);
    this.notify();
    await deleteAudio(urls);
    await this.refreshStorage();
  }

  /** Files no longer on the device (one found damaged when played was dropped): sessions needing them are not downloaded. */
  forget(urls: readonly string[]): void {
    for (const url of urls) this.stored.delete(url);
    this.notify();
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    return this.changes.subscribe(listener);
  }

  private sessionsOf(target: DownloadTarget): readonly string[] {
    if (target === everything) return this.plans?.index.sessions.map((entry) => entry.id) ?? [];
    return target === offlineCore ? this.coreSessions : [target];
  }

  private filesOf(target: DownloadTarget): PlannedFile[] | undefined {
    return this.plans?.filesOf(...this.sessionsOf(target));
  }

  /** A session whose files must stay: downloaded by the person, or part of the offline core. */
  private isKept(sessionId: string, files: readonly PlannedFile[]): boolean {
    return this.coreSessions.includes(sessionId) || isComplete(files, this.stored);
  }

  /**
   * Deletes stored audio that no session of the library needs any more (a new version of Lull
   * re-encoded it under a new name), once every session's needs are known.
   */
  private async forgetOutdated(plans: readonly PromiseSettledResult<PlannedFile[]>[]): Promise<void> {
    const known = plans.flatMap((plan) => (plan.status === 'fulfilled' ? [plan.value] : []));
    if (known.length < plans.length || this.jobs.length > 0) return;
    const outdated = filesNoLongerNeeded([...this.stored], known);
    for (const url of outdated) this.stored.delete(url);
    await deleteAudio(outdated);
  }

  private async pump(): Promise<void> {
    const job = this.jobs[0];
    if (job?.phase !== 'queued') return;
    job.phase = 'running';
    job.message = '';
    this.notify();
    try {
      await this.run(job);
      await this.end(job, undefined);
      void this.keepPersistently();
    } catch (error) {
      if (!job.cancelled && error instanceof OfflineError && error.code === 'connection-lost') {
        job.phase = 'paused';
        job.message = error.message;
        window.addEventListener('online', this.onOnline);
        this.notify();
      } else {
        await this.end(job, job.cancelled || isAbortError(error) ? undefined : messageOf(error));
      }
    } finally {
      this.arriving.clear();
    }
    void this.pump();
  }

  private async run(job: Job): Promise<void> {
    const { plans } = this;
    if (!plans) return;
    const lists = await Promise.all(job.sessions.map((id) => plans.load(id)));
    // The library list itself, so that it opens offline (reading the plans kept the manifests).
    await fetchPackJson(plans.indexUrl);
    for (const file of unionOfFiles(lists)) {
      job.abort.signal.throwIfAborted();
      if (this.stored.has(file.url)) continue;
      await storeWholeFile(file, {
        signal: job.abort.signal,
        onBytes: (bytes) => {
          this.arriving.set(file.url, bytes);
          this.notify();
        },
      });
      this.arriving.delete(file.url);
      this.stored.add(file.url);
      job.stored.push(file.url);
      this.notify();
    }
    job.abort.signal.throwIfAborted();
  }

  /** Takes a job off the queue; unless it finished, deletes what it stored that no downloaded session needs. */
  private async end(job: Job, failure: string | undefined): Promise<void> {
    const finished = !job.cancelled && failure === undefined && this.filesOf(job.target)?.every((file) => this.stored.has(file.url)) === true;
    if (job.phase === 'paused') window.removeEventListener('online', this.onOnline);
    this.jobs.splice(this.jobs.indexOf(job), 1);
    if (failure !== undefined) this.failures.set(job.target, failure);
    if (!finished) {
      const keep = [...(this.plans?.sessions ?? [])].filter(([id, files]) => this.isKept(id, files)).map(([, files]) => files);
      const urls = filesNoLongerNeeded(job.stored, keep);
      for (const url of urls) this.stored.delete(url);
      this.notify();
      await deleteAudio(urls).catch(() => undefined);
    }
    this.notify();
    await this.refreshStorage();
    if (job.phase !== 'running') void this.pump();
  }

  private readonly onOnline = (): void => {
    this.resume();
  };

  /** After a download, asks the browser not to evict Lull's storage under pressure. */
  private async keepPersistently(): Promise<void> {
    if (!('storage' in navigator)) return;
    try {
      if (!(await navigator.storage.persisted())) await navigator.storage.persist();
    } catch {
      // Only a request: without it the browser may evict under storage pressure, nothing more.
    }
  }

  private async refreshStorage(): Promise<void> {
    if (!('storage' in navigator)) return;
    try {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      this.storageUse = { usage, quota };
    } catch {
      this.storageUse = undefined;
    }
    this.notify();
  }

  private notify(): void {
    this.changes.notify();
  }
}

/** The page's one view of what is kept offline. */
export const offlineLibrary = new OfflineLibrary();
