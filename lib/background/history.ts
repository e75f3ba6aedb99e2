import { siteFromInput } from '../classify/domain.ts';
import { type ImportSettings, importExport } from '../export/import.ts';
import type { BackgroundStatus, MessageMap } from '../messages.ts';
import type { Settings } from '../settings.ts';
import type { DisclosedDb } from '../storage/db.ts';
import type { DroppedCounter } from '../storage/dropped.ts';
import { clearEverything, type ForgetReport, forgetSite } from '../storage/forget.ts';
import type { Recorder } from '../storage/recorder.ts';
import { pruneEvents, pruneHistory } from '../storage/retention.ts';

export interface HistoryDeps {
  db: DisclosedDb;
  recorder: Recorder;
  /** The count of what the recorder could not save, shown to the user until dismissed. */
  dropped?: DroppedCounter;
  /** Told after stored page loads were deleted: per-tab state that points at them must start over. */
  onPagesDeleted: () => void;
  /** The letter settings an import may fill in (a file's residence, when none is set here). */
  settings?: ImportSettings;
  /** Told after an import added or replaced letters: their reminders are to be set in this browser. */
  onLettersImported?: () => Promise<unknown>;
}

/**
 * The browsing history's commands (the stored events and their aggregates): each change that is not the recorder's
 * runs through `recorder.exclusive`, so no batch lands in the middle of it and no stale cached aggregate after it.
 */
export class History {
  private openError: string | null = null;

  constructor(private readonly deps: HistoryDeps) {}

  /**
   * Opens (on a new profile, creates) the database now rather than in the first transaction, which would then stay
   * in flight ~100 ms longer — time in which a stop of the worker can cut it.
   */
  open(): void {
    this.deps.db.open().catch((error) => {
      this.openError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    });
  }

  async status(): Promise<BackgroundStatus> {
    // Read back after a restart of the worker first: the popup asks as soon as it opens.
    await this.deps.dropped?.loaded;
    return {
      storageError: this.deps.recorder.lastError ?? this.openError,
      pendingEvents: this.deps.recorder.pending,
      dropped: this.deps.dropped?.current ?? null,
    };
  }

  async dismissDropped(): Promise<{ dismissed: true }> {
    await this.deps.dropped?.dismiss();
    return { dismissed: true };
  }

  /** Removes every trace of a site, given as the user typed it (an address or a domain). */
  async forgetSite(site: string): Promise<ForgetReport> {
    const target = siteFromInput(site) ?? site;
    const report = await this.deps.recorder.exclusive(async () => {
      const report = await forgetSite(this.deps.db, target);
      // What was observed on the site but could not be stored yet (a failing disk) goes with it.
      this.deps.recorder.discardQueued({ event: (e) => e.site === target, page: (p) => p.site === target });
      return report;
    });
    this.deps.onPagesDeleted();
    return report;
  }

  async importText(text: string): Promise<MessageMap['data/import']['response']> {
    try {
      const report = await this.deps.recorder.exclusive(() => importExport(this.deps.db, text, this.deps.settings));
      if (report.lettersAdded + report.lettersUpdated > 0) await this.deps.onLettersImported?.();
      return { ok: true, report };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async clear(): Promise<{ cleared: true }> {
    await this.deps.recorder.exclusive(async () => {
      await clearEverything(this.deps.db);
      this.deps.recorder.discardQueued({ event: () => true, page: () => true });
    });
    this.deps.onPagesDeleted();
    return { cleared: true };
  }

  /** Drops events, totals and identifier values past the retention limits the user set. */
  async prune(settings: Settings): Promise<unknown> {
    await pruneEvents(this.deps.db, { maxAgeDays: settings.retentionDays, maxEvents: settings.maxEvents });
    // The totals are the recorder's: no batch may count into one that is being deleted.
    return this.deps.recorder.exclusive(() =>
      pruneHistory(this.deps.db, {
        maxAgeDays: settings.historyDays,
        maxTotals: settings.maxTotals,
        maxIdentifiers: settings.maxIdentifiers,
      }),
    );
  }
}
