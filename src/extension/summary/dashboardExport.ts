/**
 * Writes what the dashboard exports: one chart's PNG (from canvas.toDataURL), one chart's
 * CSV, or the whole dashboard as a folder holding dashboard.md and the charts' PNGs it
 * links to. Asks where with a save / folder dialog unless the caller gives the target
 * (tests). The page's names were checked by isSummaryToHost (letters, digits, '-', '_').
 */
import * as vscode from 'vscode';
import type { ChartImage } from '../../core/protocol/summaryMessages';

/** The bytes of a base64 PNG data URL. */
export function pngBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  return new Uint8Array(Buffer.from(dataUrl.slice(comma + 1), 'base64'));
}

/** "<first file's name without extensions>-<name>", the suggested name. */
function suggested(stem: string, name: string): string {
  return `${stem}-${name}`;
}

async function saveTarget(
  folder: vscode.Uri | undefined,
  name: string,
  label: string,
  extension: string,
): Promise<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save {0}', name),
    saveLabel: vscode.l10n.t('Save'),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    filters: { [label]: [extension] },
  });
}

export interface ExportPlace {
  /** Where the dialogs start (the first summarized file's folder). */
  folder: vscode.Uri | undefined;
  /** The first summarized file's name without its extensions. */
  stem: string;
  /** Skip the dialog and write here (a file, or for the dashboard a folder). */
  target?: vscode.Uri;
}

export async function saveChartPng(
  place: ExportPlace,
  image: ChartImage,
): Promise<vscode.Uri | undefined> {
  const target =
    place.target ??
    (await saveTarget(place.folder, suggested(place.stem, image.file), 'PNG', 'png'));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, pngBytes(image.dataUrl));
  return target;
}

export async function saveChartCsv(
  place: ExportPlace,
  file: string,
  csv: string,
): Promise<vscode.Uri | undefined> {
  const target =
    place.target ?? (await saveTarget(place.folder, suggested(place.stem, file), 'CSV', 'csv'));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
  return target;
}

/** Writes `<folder>/<stem>-dashboard/dashboard.md` and its PNGs; resolves to the .md. */
export async function saveDashboard(
  place: ExportPlace,
  markdown: string,
  images: readonly ChartImage[],
): Promise<vscode.Uri | undefined> {
  let parent = place.target;
  if (!parent) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Export Here'),
      title: vscode.l10n.t('Folder for the dashboard (Markdown and PNG images)'),
      ...(place.folder ? { defaultUri: place.folder } : {}),
    });
    parent = picked?.[0];
  }
  if (!parent) return undefined;
  const folder = vscode.Uri.joinPath(parent, suggested(place.stem, 'dashboard'));
  await vscode.workspace.fs.createDirectory(folder);
  for (const image of images) {
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, image.file),
      pngBytes(image.dataUrl),
    );
  }
  const md = vscode.Uri.joinPath(folder, 'dashboard.md');
  await vscode.workspace.fs.writeFile(md, new TextEncoder().encode(markdown));
  return md;
}
