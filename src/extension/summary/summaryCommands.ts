/**
 * The summary commands (dnspector.summarize, dnspector.exportSummary). Placeholder while
 * the implementation is written: registers nothing yet.
 */
import type * as vscode from 'vscode';

export function registerSummaryCommands(
  _context: vscode.ExtensionContext,
  _log: vscode.LogOutputChannel,
  _activeCapture: () => vscode.Uri | undefined,
): void {}
