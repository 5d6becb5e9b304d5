/**
 * Query logs in text mode: the `dns-querylog` language's hover, which parses the line under
 * the cursor with the core parsers (core/querylog/logLineSpans.ts) and explains the part
 * there (core/querylog/logLineHelp.ts), and the switch of `*.log` files that hold query logs
 * to that language. VS Code picks a language by file extension before it reads the first
 * line, so the built-in "Log" language wins every `*.log` file and the manifest's firstLine
 * pattern only helps files without a known extension; hence the sniffing here.
 * Hovers are plain Markdown (not trusted, no HTML); text from the file goes in through
 * appendText / appendCodeblock only, as log lines can hold anything.
 */
import * as vscode from 'vscode';
import { LogClock } from '../../core/querylog/logClock';
import { explainLogSpan } from '../../core/querylog/logLineHelp';
import { parseLogLineSpans, spanAt } from '../../core/querylog/logLineSpans';
import { looksLikeQueryLog } from '../../core/querylog/queryLogSniff';

export const queryLogLanguageId = 'dns-querylog';

/** Longer lines are not query-log lines worth parsing on every mouse move. */
const maxHoverLine = 16_384;
/** How many first lines decide whether a `*.log` file is a query log. */
const sniffLines = 200;
/** Languages a query log may have been given by its name; others are the user's choice. */
const sniffedLanguages = new Set(['log', 'plaintext']);
const sniffedSchemes = new Set(['file', 'untitled', 'vscode-remote']);

export class QueryLogHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = document.lineAt(position.line).text;
    if (text.length > maxHoverLine) return undefined;
    const parsed = parseLogLineSpans(text, new LogClock());
    if (parsed === undefined) return undefined;
    const span = spanAt(parsed, position.character);
    if (span === undefined) return undefined;
    const help = explainLogSpan(parsed, span);
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    md.supportHtml = false;
    md.supportThemeIcons = false;
    // Titles are this extension's own fixed words; everything else is appended as text.
    md.appendMarkdown(`**${help.title}**\n\n`);
    md.appendCodeblock(help.value, 'text');
    for (const line of help.lines) {
      md.appendText(line);
      md.appendMarkdown('\n\n');
    }
    md.appendMarkdown('---\n\n');
    md.appendText(parsed.formatLabel);
    const range = new vscode.Range(position.line, span.start, position.line, span.end);
    return new vscode.Hover(md, range);
  }
}

/** The document's first lines, for sniffing. */
function firstLines(document: vscode.TextDocument): string[] {
  const n = Math.min(document.lineCount, sniffLines);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(document.lineAt(i).text.slice(0, maxHoverLine));
  return lines;
}

/**
 * Registers the hover for `dns-querylog` documents and switches query logs that opened as
 * "Log" or plain text (`named.log`, `/var/log/syslog` excerpts...) to `dns-querylog`, once
 * per document: a user who switches back keeps their choice.
 */
export function registerQueryLogLanguage(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(
      { language: queryLogLanguageId },
      new QueryLogHoverProvider(),
    ),
  );
  const considered = new Set<string>();
  const consider = (document: vscode.TextDocument): void => {
    if (!sniffedLanguages.has(document.languageId)) return;
    if (!sniffedSchemes.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    if (considered.has(key)) return;
    considered.add(key);
    if (!looksLikeQueryLog(firstLines(document))) return;
    void vscode.languages.setTextDocumentLanguage(document, queryLogLanguageId);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
  for (const document of vscode.workspace.textDocuments) consider(document);
}
