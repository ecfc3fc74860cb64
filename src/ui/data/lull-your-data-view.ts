import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { backupReminderAfter, type DataSummary, type DeleteReport, type ImportOutcome } from '../../services/backup-service';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import type { DataServices } from '../../services/data-services';
import { describeFailure } from '../../services/data-store';
import { DataController } from '../shared/data-controller';
import { countOf, formatDay, offerDownload } from '../shared/data-format';
import { describeImport } from './import-summary';
import { formatStorage } from '../shared/offline-format';
import { controlStyles } from '../shared/shared-styles';

type Counts = DataSummary['counts'];

/** Each kind of record, as a person counts it. */
const countLabels: readonly (readonly [keyof Counts, string, string])[] = [
  ['journal', 'journal entry', 'journal entries'],
  ['letters', 'letter', 'letters'],
  ['recordings', 'recording', 'recordings'],
  ['checkIns', 'check-in', 'check-ins'],
  ['sessionHistory', 'session in your history', 'sessions in your history'],
  ['breathPatterns', 'breathing pattern', 'breathing patterns'],
  ['supportContacts', 'support contact', 'support contacts'],
  ['madeSessions', 'session you made', 'sessions you made'],
];

const emptyCounts: Counts = { journal: 0, letters: 0, recordings: 0, checkIns: 0, sessionHistory: 0, breathPatterns: 0, supportContacts: 0, madeSessions: 0 };

function describeCounts(counts: Counts): string[] {
  return countLabels.filter(([key]) => counts[key] > 0).map(([key, one, many]) => countOf(counts[key], one, many));
}

/**
 * The person's data: what is kept, export and import, the last backup and a gentle reminder,
 * storage used, recordings, and deleting everything (after a confirmation that names it all).
 */
@customElement('lull-your-data-view')
export class LullYourDataView extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      h1 {
        margin: 0 0 0.25rem;
      }
      h2 {
        margin: 0 0 0.5rem;
      }
      section {
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 1rem 1.25rem;
        margin-top: 1rem;
      }
      p {
        margin: 0.35rem 0;
      }
      .intro {
        color: var(--lull-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
        margin-top: 0.5rem;
      }
      ul {
        margin: 0.25rem 0;
        padding-left: 1.25rem;
      }
      .problems li {
        overflow-wrap: anywhere;
      }
    `,
  ];

  private readonly _data = new DataController(this, {
    loader: () => this._loadData,
    ready: (services) => void this._refresh(services),
    changed: (change) => {
      if (change === 'deleted') this._summary = { counts: emptyCounts, lastBackupAt: null, newSinceBackup: 0 };
      else if (this._data.services) void this._refresh(this._data.services);
    },
  });

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @state() private _summary: DataSummary | undefined;
  @state() private _estimate: { usage: number; quota: number } | undefined;
  @state() private _problem: string | undefined;
  @state() private _importResult: ImportOutcome | undefined;
  @state() private _busy = false;
  @state() private _confirmingDelete = false;
  @state() private _deleteReport: DeleteReport | undefined;

  private async _refresh(services: DataServices): Promise<void> {
    try {
      this._summary = await services.backup.summary();
      this._estimate = await services.backup.estimate();
    } catch (error) {
      this._problem = describeFailure(error).message;
    }
  }

  private async _onExport(): Promise<void> {
    const services = this._data.services;
    if (!services) return;
    this._busy = true;
    this._problem = undefined;
    try {
      offerDownload(await services.backup.exportFile());
      await this._refresh(services);
    } catch (error) {
      this._problem = `The export did not work: ${describeFailure(error).message}`;
    } finally {
      this._busy = false;
    }
  }

  private async _onImport(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const services = this._data.services;
    if (!file || !services) return;
    this._busy = true;
    this._importResult = undefined;
    this._deleteReport = undefined;
    try {
      this._importResult = await services.backup.importFile(file);
      await this._refresh(services);
    } finally {
      input.value = '';
      this._busy = false;
    }
  }

  private async _onConfirmDelete(): Promise<void> {
    const services = this._data.services;
    if (!services) return;
    this._busy = true;
    this._importResult = undefined;
    try {
      this._deleteReport = await services.backup.deleteEverything();
      this._confirmingDelete = false;
      this._estimate = await services.backup.estimate();
    } catch (error) {
      this._problem = `Deleting did not finish: ${describeFailure(error).message}`;
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`
      <h1>Your data</h1>
      <p class="intro">Everything Lull keeps stays on this device. Nothing leaves it unless you export it.</p>
      ${this._data.failure ? html`<p role="alert">${this._data.failure}</p>` : nothing}
      ${this._data.notice ? html`<p role="alert">${this._data.notice}</p>` : nothing} ${this._problem ? html`<p role="alert">${this._problem}</p>` : nothing}
      ${this._renderStored()} ${this._renderBackup()}
      <section aria-labelledby="recordings-heading">
        <h2 id="recordings-heading">Your recordings</h2>
        <p>Your letter in your own voice is recorded, played and deleted on the <a href="/letters">Letters</a> page.</p>
      </section>
      ${this._renderDelete()}
    `;
  }

  private _renderStored() {
    const summary = this._summary;
    const lines = summary ? describeCounts(summary.counts) : [];
    return html`<section aria-labelledby="stored-heading">
      <h2 id="stored-heading">What is stored</h2>
      ${!summary
        ? html`<p role="status">Counting…</p>`
        : lines.length === 0
          ? html`<p>Nothing of yours yet.</p>`
          : html`<ul aria-label="Stored on this device">
              ${lines.map((line) => html`<li>${line}</li>`)}
            </ul>`}
      ${this._estimate
        ? html`<p>${formatStorage(this._estimate.usage, this._estimate.quota)}</p>`
        : nothing}
    </section>`;
  }

  private _renderBackup() {
    const summary = this._summary;
    const newEntries = summary && summary.newSinceBackup >= backupReminderAfter ? summary.newSinceBackup : undefined;
    return html`<section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backups</h2>
      <p>${summary?.lastBackupAt ? `Last backup: ${formatDay(summary.lastBackupAt)}.` : 'No backup yet.'}</p>
      ${newEntries !== undefined
        ? html`<p class="reminder">
            You have written ${countOf(newEntries, 'new entry', 'new entries')} since ${summary?.lastBackupAt ? 'your last backup' : 'you started'}. Whenever it
            suits you, an export keeps a copy somewhere safe.
          </p>`
        : nothing}
      <p>An export is one file with everything, recordings included. Import it here or on another device to bring it all back.</p>
      <div class="actions">
        <button ?disabled=${this._busy || !this._data.services} @click=${() => this._onExport()}>Export everything</button>
        <span class="file-picker">
          <input id="import-file" type="file" accept=".json,application/json" ?disabled=${this._busy || !this._data.services} @change=${(event: Event) => this._onImport(event)} />
          <label for="import-file" class="button quiet">Import a backup…</label>
        </span>
      </div>
      ${this._renderImportResult()}
    </section>`;
  }

  private _renderImportResult() {
    const result = this._importResult;
    if (!result) return nothing;
    if (result.ok) return html`<p role="status">${describeImport(result.summary)}</p>`;
    return html`<div role="alert">
      <p>This file was not imported, and nothing here was changed.</p>
      <ul class="problems" aria-label="Problems in the file">
        ${result.problems.map((problem) => html`<li>${problem}</li>`)}
      </ul>
    </div>`;
  }

  private _renderDelete() {
    const lines = this._summary ? describeCounts(this._summary.counts) : [];
    const report = this._deleteReport;
    return html`<section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete everything</h2>
      ${this._confirmingDelete
        ? html`<div role="group" aria-label="Confirm deleting everything">
            <p>
              This deletes from this device: ${lines.length > 0 ? `${lines.join(', ')}, ` : ''}your settings and the sessions downloaded for offline use. It cannot be
              undone. If you might want any of it later, export first.
            </p>
            <div class="actions">
              <button ?disabled=${this._busy} @click=${() => this._onConfirmDelete()}>Yes, delete everything</button>
              <button class="quiet" @click=${() => (this._confirmingDelete = false)}>Keep my data</button>
            </div>
          </div>`
        : html`<p>Removes everything Lull keeps on this device.</p>
            <button class="quiet" ?disabled=${this._busy || !this._data.services} @click=${() => (this._confirmingDelete = true)}>Delete everything…</button>`}
      ${report
        ? html`<p role="status">
            ${report.remaining.length === 0
              ? 'Everything was deleted. Nothing of yours remains on this device.'
              : `Deleted, except: ${report.remaining.join(', ')}. Close every Lull tab and try again.`}
          </p>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-your-data-view': LullYourDataView;
  }
}
