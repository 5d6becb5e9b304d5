// Query logs in text mode in a real VS Code: files get the dns-querylog language by name
// (query.log, *.querylog), by first line (a file with no known extension), and by content
// when they are *.log files (the built-in Log language claims those by extension); hovers
// over the client, the type, a flag letter, the server, unbound's rcode and dnsmasq's verb
// explain that part, over exactly its range. Expected values are read off each line here.
// The grammar is run through the TextMate engine of this VS Code (vscode-textmate and
// vscode-oniguruma under its appRoot), as the editor runs it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import { fixtureUri } from './workspace';
import { api, until } from './extensionApi';

async function activate(): Promise<void> {
  await api();
}

/** Copies a fixture log to a new name in the workspace (the runner's temp copy). */
async function copyAs(fixture: string, name: string): Promise<vscode.Uri> {
  const target = fixtureUri(name);
  await vscode.workspace.fs.copy(fixtureUri(fixture), target, { overwrite: true });
  return target;
}

async function write(name: string, text: string): Promise<vscode.Uri> {
  const target = fixtureUri(name);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  return target;
}

/** The document's language once it settles (a sniffed *.log switches after opening). */
async function languageOf(uri: vscode.Uri, expected: string): Promise<string> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const doc = (): vscode.TextDocument | undefined =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  try {
    const settled = (): string | undefined =>
      doc()?.languageId === expected ? expected : undefined;
    return await until(`${uri.path} to become ${expected}`, settled, 5_000);
  } catch {
    return doc()?.languageId ?? 'not open';
  }
}

interface HoverSeen {
  /** As it reads once rendered: appendText's escapes and &nbsp; undone. */
  text: string;
  /** The Markdown source. */
  markdown: string;
  range: vscode.Range | undefined;
}

/** Our hover at a position: its Markdown source and range. */
async function hoverAt(uri: vscode.Uri, line: number, character: number): Promise<HoverSeen> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    new vscode.Position(line, character),
  );
  const ours = hovers.find((h) =>
    h.contents.some((c) => typeof c !== 'string' && 'value' in c && c.value.startsWith('**')),
  );
  assert.ok(ours, `no DNSpector hover at ${line}:${character}`);
  const markdown = ours.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  const text = markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-!~])/g, '$1');
  return { text, markdown, range: ours.range };
}

function assertRange(h: HoverSeen, line: number, start: number, end: number): void {
  assert.ok(h.range, 'the hover has no range');
  assert.deepEqual(
    [h.range.start.line, h.range.start.character, h.range.end.line, h.range.end.character],
    [line, start, line, end],
  );
}

describe('query logs in text mode', function () {
  before(activate);

  it('gives query.log and *.querylog the dns-querylog language by name', async () => {
    const byName = await copyAs('logs/bind-plain.log', 'logs/query.log');
    assert.equal(await languageOf(byName, 'dns-querylog'), 'dns-querylog');
    const byPattern = await copyAs('logs/unbound.log', 'logs/resolver.querylog');
    assert.equal(await languageOf(byPattern, 'dns-querylog'), 'dns-querylog');
  });

  it('recognises a query log by its first line when its name says nothing', async () => {
    // No extension: VS Code falls back on the manifest's firstLine pattern.
    const bind = await copyAs('logs/bind-print-all.log', 'logs/named-queries');
    assert.equal(await languageOf(bind, 'dns-querylog'), 'dns-querylog');
    const dnsmasq = await write(
      'logs/dnsmasq-queries',
      'Nov 23 14:40:27 dnsmasq[14615]: query[A] www.example.test from 127.0.0.1\n',
    );
    assert.equal(await languageOf(dnsmasq, 'dns-querylog'), 'dns-querylog');
  });

  it('switches *.log files that hold query logs, syslog start-up lines first included', async () => {
    const copy = await copyAs('logs/bind-syslog.log', 'logs/named-copy.log');
    assert.equal(await languageOf(copy, 'dns-querylog'), 'dns-querylog');
    const other = await write('logs/other.log', 'Nov 23 14:40:21 host cron[1]: nothing to see\n');
    assert.equal(await languageOf(other, 'dns-querylog'), 'log');
  });

  it('explains the client, the type, a flag letter and the server of a BIND line', async () => {
    const uri = await copyAs('logs/bind-plain.log', 'logs/hover-bind.querylog');
    const doc = await vscode.workspace.openTextDocument(uri);
    // The first line whose flags carry D (dig +dnssec).
    const n = Array.from({ length: doc.lineCount }, (_, i) => i).find((i) =>
      / \+E\(0\)[A-Z]*D/.test(doc.lineAt(i).text),
    );
    assert.ok(n !== undefined, 'no +dnssec line in bind-plain.log');
    const text = doc.lineAt(n).text;
    const m =
      /^client @0x[0-9a-f]+ ([^#\s]+)#(\d+) \((\S+)\): query: (\S+) IN (\S+) (\S+) \((\S+)\)$/.exec(
        text,
      );
    assert.ok(m, text);
    const [, client = '', port = '', , , type = '', flags = '', server = ''] = m;

    const clientAt = text.indexOf(` ${client}#`) + 1;
    const c = await hoverAt(uri, n, clientAt + 1);
    assert.match(c.text, /Client address/);
    assert.ok(c.text.includes(client));
    assert.ok(c.text.includes(`port ${port}`), c.text);
    assert.match(c.text, /BIND 9\.11\+ query log line/);
    assertRange(c, n, clientAt, clientAt + client.length);

    const typeAt = text.indexOf(` IN ${type} `) + 4;
    const t = await hoverAt(uri, n, typeAt);
    assert.match(t.text, /Query type/);
    assert.equal(type, 'A');
    assert.match(t.text, /IPv4 address record/);
    assertRange(t, n, typeAt, typeAt + type.length);

    const dAt = text.indexOf(flags) + flags.indexOf('D');
    const d = await hoverAt(uri, n, dAt);
    assert.match(d.text, /DO bit set \(DNSSEC OK\)/);
    assertRange(d, n, dAt, dAt + 1);

    const eAt = text.indexOf(flags) + flags.indexOf('E(0)');
    const e = await hoverAt(uri, n, eAt + 2);
    assert.match(e.text, /EDNS version 0/);
    assertRange(e, n, eAt, eAt + 4);

    const serverAt = text.lastIndexOf(`(${server})`) + 1;
    const s = await hoverAt(uri, n, serverAt);
    assert.match(s.text, /Server address/);
    assert.ok(s.text.includes(server));
    assertRange(s, n, serverAt, serverAt + server.length);
  });

  it('explains the view of a BIND line with views', async () => {
    const uri = await copyAs('logs/bind-view.log', 'logs/hover-view.querylog');
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.lineAt(0).text;
    const view = /view ([^:]+): query:/.exec(text)?.[1];
    assert.ok(view);
    const at = text.indexOf(`view ${view}:`) + 5;
    const h = await hoverAt(uri, 0, at);
    assert.match(h.text, /View/);
    assert.ok(h.text.includes(view));
    assertRange(h, 0, at, at + view.length);
  });

  it("explains unbound's rcode and dnsmasq's verb", async () => {
    const unbound = await copyAs('logs/unbound.log', 'logs/hover-unbound.querylog');
    let doc = await vscode.workspace.openTextDocument(unbound);
    let n = Array.from({ length: doc.lineCount }, (_, i) => i).find((i) =>
      / SERVFAIL /.test(doc.lineAt(i).text),
    );
    assert.ok(n !== undefined);
    let text = doc.lineAt(n).text;
    const r = await hoverAt(unbound, n, text.indexOf('SERVFAIL') + 2);
    assert.match(r.text, /Response code/);
    assert.match(r.text, /ServFail/);
    assert.match(r.text, /unbound log-replies line/);

    const dnsmasq = await copyAs('logs/dnsmasq-extra.log', 'logs/hover-dnsmasq.querylog');
    doc = await vscode.workspace.openTextDocument(dnsmasq);
    n = Array.from({ length: doc.lineCount }, (_, i) => i).find((i) =>
      / forwarded /.test(doc.lineAt(i).text),
    );
    assert.ok(n !== undefined);
    text = doc.lineAt(n).text;
    const at = text.indexOf(' forwarded ') + 1;
    const f = await hoverAt(dnsmasq, n, at);
    assert.match(f.text, /upstream server/);
    assertRange(f, n, at, at + 'forwarded'.length);
  });

  it('shows text from the file as text, not as Markdown', async () => {
    const uri = await write(
      'logs/hostile.querylog',
      'client 10.0.0.1#53 (a.example): view *bold*[x](y): query: a.example IN A + (10.0.0.2)\n',
    );
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.lineAt(0).text;
    const h = await hoverAt(uri, 0, text.indexOf('*bold*') + 1);
    assert.match(h.markdown, /\\\*bold\\\*\\\[x\\\]\\\(y\\\)/);
  });
});

/** The parts of VS Code's own vscode-textmate / vscode-oniguruma this test uses. */
interface OnigModule {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}
interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface RawGrammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[] };
}
/** A grammar that tokenizes single lines from the initial state. */
interface Grammar {
  tokenizeLine(line: string): { tokens: Token[] };
}
interface TextMateModule {
  INITIAL: unknown;
  parseRawGrammar(text: string, path: string): unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scope: string): Promise<unknown>;
  }) => { loadGrammar(scope: string): Promise<RawGrammar | null> };
}

async function appModule<T>(name: string): Promise<T> {
  const main = join(vscode.env.appRoot, 'node_modules', name, 'release', 'main.js');
  const m = (await import(pathToFileURL(main).href)) as { default?: T };
  return (m.default ?? m) as T;
}

async function loadGrammar(): Promise<Grammar> {
  const tm = await appModule<TextMateModule>('vscode-textmate');
  const onig = await appModule<OnigModule>('vscode-oniguruma');
  const wasm = readFileSync(
    join(vscode.env.appRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'),
  );
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const ext = vscode.extensions.getExtension('dnspector.dnspector');
  assert.ok(ext);
  const path = join(ext.extensionPath, 'syntaxes', 'dns-querylog.tmLanguage.json');
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (text: string) => new onig.OnigString(text),
    }),
    loadGrammar: async () => tm.parseRawGrammar(readFileSync(path, 'utf8'), path),
  });
  const grammar = await registry.loadGrammar('text.dns-querylog');
  assert.ok(grammar);
  return {
    tokenizeLine: (line) => grammar.tokenizeLine(line, tm.INITIAL),
  };
}

/** The innermost scope of the token holding `part` (the nth occurrence after `from`). */
function scopeOf(grammar: Grammar, line: string, part: string, from = 0): string {
  const at = line.indexOf(part, from);
  assert.ok(at >= 0, `${part} not in ${line}`);
  const token = grammar
    .tokenizeLine(line)
    .tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  assert.ok(token);
  assert.equal(token.endIndex - token.startIndex >= part.length, true, `${part} is split`);
  return token.scopes[token.scopes.length - 1] ?? '';
}

describe('dns-querylog grammar in this VS Code', function () {
  let grammar: Grammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('colours time, client, port, name, class, type, flags, view and server of BIND lines', () => {
    const logs = (name: string): string =>
      readFileSync(fixtureUri(`logs/${name}`).fsPath, 'utf8').split('\n')[0] ?? '';
    const line = logs('bind-view.log');
    const m =
      /^(\S+ \S+) client @\S+ ([^#]+)#(\d+) \(\S+\): view (\S+): query: (\S+) (IN) (\S+) (\S+) \((\S+)\)$/.exec(
        line,
      );
    assert.ok(m, line);
    const [
      ,
      time = '',
      client = '',
      port = '',
      view = '',
      qname = '',
      ,
      type = '',
      flags = '',
      server = '',
    ] = m;
    const q = line.indexOf('query: ');
    assert.match(scopeOf(grammar, line, time), /^comment\.date\.bind\./);
    assert.match(scopeOf(grammar, line, client), /^variable\.other\.client\./);
    assert.match(scopeOf(grammar, line, port, line.indexOf('#')), /^constant\.numeric\.port\./);
    assert.match(
      scopeOf(grammar, line, view, line.indexOf('view ')),
      /^entity\.name\.function\.view\./,
    );
    assert.match(scopeOf(grammar, line, qname, q), /^string\.unquoted\.qname\./);
    assert.match(
      scopeOf(grammar, line, 'IN', line.indexOf(' IN ', q) + 1),
      /^constant\.language\.qclass\./,
    );
    assert.match(
      scopeOf(grammar, line, type, line.indexOf(' IN ', q) + 4),
      /^entity\.name\.tag\.qtype\./,
    );
    assert.match(
      scopeOf(grammar, line, flags.slice(0, 1), line.indexOf(flags)),
      /^keyword\.operator\.flags\./,
    );
    assert.match(
      scopeOf(grammar, line, server, line.lastIndexOf('(')),
      /^variable\.parameter\.server\./,
    );
  });

  it('colours syslog and epoch prefixes, unbound replies and dnsmasq verbs', () => {
    const syslog = 'Nov 23 14:40:21 ns1 named[14220]: client 127.0.0.1#1: query: a. IN A -';
    assert.match(scopeOf(grammar, syslog, 'Nov 23 14:40:21'), /^comment\.date\.syslog\./);
    assert.match(scopeOf(grammar, syslog, 'named'), /^entity\.name\.tag\.program\./);
    const reply = '[1700000000] unbound[1:0] info: 10.0.0.1 a.example. A IN SERVFAIL 0.001500 1 46';
    assert.match(scopeOf(grammar, reply, '[1700000000]'), /^comment\.date\.epoch\./);
    assert.match(scopeOf(grammar, reply, 'SERVFAIL'), /^keyword\.control\.rcode\./);
    assert.match(scopeOf(grammar, reply, '0.001500'), /^constant\.numeric\.duration\./);
    const query = 'Nov 23 14:40:27 dnsmasq[9]: 3 10.0.0.1/5353 query[AAAA] a.example from 10.0.0.1';
    assert.match(scopeOf(grammar, query, 'query'), /^keyword\.other\.verb\./);
    assert.match(scopeOf(grammar, query, 'AAAA'), /^entity\.name\.tag\.qtype\./);
    assert.match(scopeOf(grammar, query, '5353'), /^constant\.numeric\.port\./);
    const nx = 'Nov 23 14:40:27 dnsmasq[9]: config ads.blocked.test is NXDOMAIN';
    assert.match(scopeOf(grammar, nx, 'config'), /^keyword\.other\.verb\./);
    assert.match(scopeOf(grammar, nx, 'NXDOMAIN'), /^keyword\.control\.rcode\./);
  });
});
