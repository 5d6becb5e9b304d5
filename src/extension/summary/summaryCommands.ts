/**
 * "DNSpector: Summarize DNS Traffic" and "DNSpector: Export Summary": the CLI's
 * `summarize` inside VS Code, on the same pipeline (src/node/summaryRun.ts).
 *
 * dnspector.summarize takes the files from its argument (the explorer passes the clicked
 * Uri and the selected Uri[]; an editor title button passes the editor's Uri), else the
 * active capture editor's file, else a file picker (several files, captures and logs). It
 * runs with a cancellable progress notification ("N packets read"), logs every file's
 * problems (damaged capture, unparsed log lines) to the DNSpector log and opens the summary
 * panel, which shows them too. Settings: dnspector.binSize, dnspector.topN,
 * dnspector.extraDnsPorts.
 *
 * dnspector.exportSummary writes the last summary shown (or asks for files as summarize
 * does) as Markdown, JSON or CSV: the exact bytes of `dnspector summarize --format F`.
 * Tests and automation skip the dialogs with `{ format, target, files? }`; the command
 * then resolves to the written Uri.
 *
 * The summary panel's dashboard: a clicked chart element applies its filter in the
 * summarized files' editors (summaryFilter.ts), charts and the dashboard are saved by
 * dashboardExport.ts, and a bin chosen in the view runs the summary again with that bin
 * (the same numbers as `dnspector summarize --bin B`). While a big file is read, the
 * panel shows the report so far every 2 s (runSummary's onPartial; the page updates its
 * charts in place). dnspector.summaryMessage (not in
 * the palette) hands a message to the open panel as if its page had posted it, with an
 * optional `{ target }` that skips a save dialog: how tests drive the host's side.
 */
import * as vscode from 'vscode';
import { readSettings } from '../settings';
import { runSummary, SummaryCancelledError, type SummaryResult } from '../../node/summaryRun';
import { ExitCodes } from '../../node/fileProblems';
import { formatReport } from '../../core/report/reportFormats';
import {
  SUMMARY_EXPORT_FORMATS,
  isSummaryExportFormat,
  type SummaryExportFormat,
} from '../../core/protocol/summaryMessages';
import { SummaryPanel, type SummaryHandlers } from './summaryPanel';
import type { SummaryBin } from '../../core/protocol/summaryMessages';
import type { EditorRegistry } from '../capture/editorRegistry';
import { applySummaryFilter } from './summaryFilter';
import { saveChartCsv, saveChartPng, saveDashboard, type ExportPlace } from './dashboardExport';
import { basename } from 'node:path';
import {
  exportExtensions,
  exportFileName,
  exportLabels,
  filesTitle,
  progressText,
  summaryView,
} from './summaryView';

const binSeconds: Record<string, number | null> = {
  auto: null,
  '1s': 1,
  '1m': 60,
  '1h': 3600,
  '1d': 86400,
};

/** What exportSummary accepts to skip its dialogs (tests, automation, other commands). */
export interface ExportSummaryOptions {
  format?: SummaryExportFormat;
  target?: vscode.Uri;
  /** Summarize these files instead of exporting the last summary shown. */
  files?: vscode.Uri[];
}

interface Summary {
  paths: string[];
  result: SummaryResult;
}

function isUri(x: unknown): x is vscode.Uri {
  return x instanceof vscode.Uri;
}

/** The files a command argument names: (clicked, selected[]) from the explorer, a Uri, a Uri[]. */
export function urisFromArgs(first: unknown, second: unknown): vscode.Uri[] {
  if (Array.isArray(second) && second.length > 0 && second.every(isUri)) return second;
  if (isUri(first)) return [first];
  if (Array.isArray(first) && first.every(isUri)) return first;
  return [];
}

function isExportOptions(x: unknown): x is ExportSummaryOptions {
  if (typeof x !== 'object' || x === null || isUri(x) || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  return (
    (o.format === undefined || isSummaryExportFormat(o.format)) &&
    (o.target === undefined || isUri(o.target)) &&
    (o.files === undefined || (Array.isArray(o.files) && o.files.every(isUri)))
  );
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function pickFiles(): Promise<vscode.Uri[] | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: vscode.l10n.t('Summarize'),
    title: vscode.l10n.t('Captures or DNS query logs to summarize'),
    filters: {
      [vscode.l10n.t('Captures and query logs')]: ['pcap', 'pcapng', 'cap', 'gz', 'log', 'txt'],
      [vscode.l10n.t('All files')]: ['*'],
    },
  });
  return picked && picked.length > 0 ? picked : undefined;
}

export function registerSummaryCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  registry: EditorRegistry,
): void {
  let last: Summary | undefined;
  /** A save target given by dnspector.summaryMessage, used by the next save (no dialog). */
  let nextTarget: vscode.Uri | undefined;
  const activeCapture = (): vscode.Uri | undefined => registry.active?.document.uri;

  /** Runs the summary with a cancellable notification; undefined if cancelled or failed. */
  async function summarize(
    uris: readonly vscode.Uri[],
    bin?: SummaryBin,
    live?: (partial: Summary) => void,
  ): Promise<Summary | undefined> {
    const notLocal = uris.filter((u) => u.scheme !== 'file');
    if (notLocal.length > 0) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'DNSpector can summarize files on disk only, not {0}.',
          notLocal.map((u) => u.toString(true)).join(', '),
        ),
      );
      return undefined;
    }
    const paths = uris.map((u) => u.fsPath);
    const settings = readSettings();
    const title = filesTitle(paths);
    log.info(`summarizing ${paths.join(', ')}`);
    try {
      const result = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('DNSpector: summarizing {0}', title),
          cancellable: true,
        },
        async (progress, token) => {
          const abort = new AbortController();
          const listener = token.onCancellationRequested(() => abort.abort());
          let shown = 0;
          try {
            return await runSummary(
              paths,
              {
                extraDnsPorts: settings.extraDnsPorts,
                binSeconds: binSeconds[bin ?? settings.binSize] ?? null,
                topN: settings.topN,
              },
              {
                signal: abort.signal,
                isCancelled: () => token.isCancellationRequested,
                ...(live ? { onPartial: (result: SummaryResult) => live({ paths, result }) } : {}),
                onProgress: (units) => {
                  // A few redraws a second are plenty; every chunk would flood the UI.
                  const now = Date.now();
                  if (now - shown < 200) return;
                  shown = now;
                  progress.report({ message: progressText(paths, units) });
                },
              },
            );
          } finally {
            listener.dispose();
          }
        },
      );
      for (const note of result.fileNotes) {
        if (note.format) log.info(`${note.path}: ${note.kind} ${note.format}`);
        const write = note.exitCode === ExitCodes.ok ? log.warn : log.error;
        for (const p of note.problems) write.call(log, `${note.path}: ${p}`);
      }
      const unreadable = result.fileNotes.filter((n) => n.exitCode === ExitCodes.unreadable);
      if (unreadable.length === result.fileNotes.length) {
        const why = unreadable.map((n) => `${n.path}: ${n.problems.at(-1) ?? 'unreadable'}`);
        void vscode.window.showErrorMessage(
          vscode.l10n.t('DNSpector could not read {0}. {1}', title, why.join('; ')),
        );
        return undefined;
      }
      log.info(
        `summary of ${title}: ${result.report.totals.messages} DNS messages, ` +
          `${result.fileNotes.filter((n) => n.problems.length > 0).length} file(s) with problems`,
      );
      return { paths, result };
    } catch (err) {
      if (err instanceof SummaryCancelledError) {
        log.info(`summary of ${title} cancelled`);
        return undefined;
      }
      log.error(`summary of ${title} failed: ${err instanceof Error ? err.stack : String(err)}`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('DNSpector could not summarize {0}: {1}', title, errorText(err)),
      );
      return undefined;
    }
  }

  async function writeExport(
    summary: Summary,
    format: SummaryExportFormat | undefined,
    target: vscode.Uri | undefined,
  ): Promise<vscode.Uri | undefined> {
    format ??= await pickFormat();
    if (!format) return undefined;
    if (!target) {
      const first = summary.paths[0];
      const folder = first ? vscode.Uri.joinPath(vscode.Uri.file(first), '..') : undefined;
      const name = exportFileName(summary.paths, format);
      target = await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export DNS summary as {0}', exportLabels[format]),
        saveLabel: vscode.l10n.t('Export'),
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
        filters: { [exportLabels[format]]: [exportExtensions[format]] },
      });
      if (!target) return undefined;
    }
    const text = formatReport(summary.result.report, format);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    log.info(
      `summary of ${filesTitle(summary.paths)} exported as ${format} to ${target.toString(true)}`,
    );
    return target;
  }

  async function pickFormat(): Promise<SummaryExportFormat | undefined> {
    const items = SUMMARY_EXPORT_FORMATS.map((format) => ({
      label: exportLabels[format],
      description: `.${exportExtensions[format]}`,
      format,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Export DNS summary as'),
      placeHolder: vscode.l10n.t('Format'),
    });
    return picked?.format;
  }

  /**
   * Export with the user told: a note where it went (unless the caller chose the target),
   * or an error message; errors are also rethrown (the panel reports them to its page).
   */
  async function exportTold(
    summary: Summary,
    format: SummaryExportFormat | undefined,
    target: vscode.Uri | undefined,
  ): Promise<vscode.Uri | undefined> {
    try {
      const written = await writeExport(summary, format, target);
      if (written && !target) {
        const where = vscode.workspace.asRelativePath(written);
        void vscode.window.showInformationMessage(
          vscode.l10n.t('DNS summary exported to {0}', where),
        );
      }
      return written;
    } catch (err) {
      log.error(`export failed: ${errorText(err)}`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('DNSpector could not export the summary: {0}', errorText(err)),
      );
      throw err;
    }
  }

  function handlers(summary: Summary): SummaryHandlers {
    const first = summary.paths[0];
    const place = (): ExportPlace => {
      const target = nextTarget;
      return {
        folder: first ? vscode.Uri.joinPath(vscode.Uri.file(first), '..') : undefined,
        stem: first ? basename(first).replace(/(\.[^.]+)*$/, '') || 'dns' : 'dns',
        ...(target ? { target } : {}),
      };
    };
    return {
      export: (format) => exportTold(summary, format, undefined),
      applyFilter: async (filter) => {
        const view = SummaryPanel.active?.shown;
        await applySummaryFilter(registry, view?.files ?? [], filter, log);
      },
      saveChart: (image) => saveChartPng(place(), image),
      saveCsv: (file, csv) => saveChartCsv(place(), file, csv),
      saveDashboard: (markdown, images) => saveDashboard(place(), markdown, images),
      setBin: async (bin) => {
        const again = await summarize(
          summary.paths.map((p) => vscode.Uri.file(p)),
          bin,
          (partial) => show(partial, true),
        );
        if (again) show(again);
      },
    };
  }

  /** Shows a summary in the panel; a partial one (a big file still read) only updates it. */
  function show(summary: Summary, partial = false): void {
    if (!partial) last = summary;
    SummaryPanel.show(
      context.extensionUri,
      summaryView(summary.paths, summary.result),
      handlers(summary),
      log,
      partial,
    );
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(
      'dnspector.summarize',
      async (first?: unknown, second?: unknown): Promise<void> => {
        let uris = urisFromArgs(first, second);
        if (uris.length === 0) {
          const active = activeCapture();
          uris = active ? [active] : ((await pickFiles()) ?? []);
        }
        if (uris.length === 0) return;
        const summary = await summarize(uris, undefined, (partial) => show(partial, true));
        if (summary) show(summary);
      },
    ),
    vscode.commands.registerCommand(
      'dnspector.summaryMessage',
      async (message: unknown, options?: { target?: unknown }): Promise<void> => {
        const panel = SummaryPanel.active;
        if (!panel) return;
        nextTarget = isUri(options?.target) ? options.target : undefined;
        try {
          await panel.receive(message);
        } finally {
          nextTarget = undefined;
        }
      },
    ),
    vscode.commands.registerCommand(
      'dnspector.exportSummary',
      async (arg?: unknown): Promise<vscode.Uri | undefined> => {
        const options: ExportSummaryOptions = isExportOptions(arg) ? arg : {};
        let summary = options.files ? undefined : last;
        if (!summary) {
          const uris = options.files ?? (await pickFiles());
          if (!uris || uris.length === 0) return undefined;
          summary = await summarize(uris);
          if (!summary) return undefined;
        }
        return exportTold(summary, options.format, options.target).catch(() => undefined);
      },
    ),
  );
}
