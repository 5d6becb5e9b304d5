// The capture editor in a real VS Code: opening a fixture indexes it in the worker (packet
// counts as tshark counts them), rows read as the CLI's list lines, Go to Packet fills the
// DNSpector: Packet view with the DNS message, Follow Transaction goes where tshark's
// dns.response_in points, Filter Packets filters as tshark -Y does, gzip captures open,
// and a capture that ends early shows its packets and says where it ended.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CaptureEditor } from '../../../src/extension/capture/editorRegistry';
import { fieldTooltip } from '../../../src/extension/tree/packetTreeProvider';
import { fixtureUri } from './workspace';
import { api, editorFor, until } from './extensionApi';

// This file runs from <repo>/out/test/vscode/suite.
const repo = join(__dirname, '../../../..');

function tshark(args: string[]): string[] {
  const r = spawnSync('tshark', args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  // tshark exits non-zero on a file cut short, after printing what it read.
  if (r.status !== 0 && r.stdout === '') throw new Error(`tshark ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l !== '');
}

function cli(args: string[]): string[] {
  const r = spawnSync(process.execPath, [join(repo, 'dist/cli.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', ELECTRON_RUN_AS_NODE: '1' },
  });
  return r.stdout.split('\n').filter((l) => l !== '');
}

async function open(name: string): Promise<CaptureEditor> {
  const uri = fixtureUri(name);
  await vscode.commands.executeCommand('vscode.openWith', uri, 'dnspector.capture');
  return editorFor(uri);
}

describe('capture editor', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is the default editor for .pcap files', async () => {
    const { registry } = await api();
    const uri = fixtureUri('udp-queries.pcap');
    await vscode.commands.executeCommand('vscode.open', uri);
    await until('the capture editor', () =>
      registry.all().find((e) => e.document.uri.fsPath === uri.fsPath),
    );
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom);
    assert.equal((tab.input as vscode.TabInputCustom).viewType, 'dnspector.capture');
  });

  it('indexes every packet tshark counts, and rows read as the CLI lists them', async () => {
    const editor = await open('udp-queries.pcap');
    const file = fixtureUri('udp-queries.pcap').fsPath;
    const frames = tshark(['-r', file, '-T', 'fields', '-e', 'frame.number']);
    assert.equal(editor.document.progress.packets, frames.length);
    assert.equal(editor.document.progress.done, true);
    const { rows, view } = await editor.document.request('getRows', { start: 0, count: 5 });
    assert.equal(view.total, frames.length);
    const listed = cli(['list', file]).slice(0, 5);
    assert.deepEqual(
      rows.map(
        (r) => `${r.number} ${r.source} ${r.destination} ${r.protocol} ${r.length} ${r.info}`,
      ),
      listed.map((l) => {
        const m = /^\s*(\d+)\s+\S+\s+(\S+) → (\S+)\s+(\S+) (\d+) (.*)$/.exec(l);
        assert.ok(m, l);
        return `${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]} ${m[6]}`;
      }),
    );
  });

  it('Go to Packet shows the DNS message in the DNSpector: Packet view', async () => {
    const { packetTree } = await api();
    const editor = await open('udp-queries.pcap');
    const n = await vscode.commands.executeCommand<number>('dnspector.goToPacket', 2);
    assert.equal(n, 2);
    await packetTree.show(editor);
    const top = packetTree.topItems;
    assert.equal(top.length, 1);
    assert.equal(top[0]?.item.name, 'dns');
    const names = new Set<string>();
    const walk = (items: readonly { name: string; children?: unknown[] }[]) =>
      items.forEach((i) => {
        names.add(i.name);
        walk((i.children ?? []) as never);
      });
    walk([top[0]!.item]);
    for (const f of ['dns.id', 'dns.flags.response', 'dns.flags.recdesired', 'dns.qry.name']) {
      assert.ok(names.has(f), `${f} in the packet view`);
    }
    const id = top[0]!.item.children?.find((c) => c.name === 'dns.id');
    assert.ok(id);
    const expectedId = tshark([
      '-r',
      fixtureUri('udp-queries.pcap').fsPath,
      '-Y',
      'frame.number == 2',
      '-T',
      'fields',
      '-e',
      'dns.id',
    ])[0];
    assert.equal(id.value, expectedId);
    const tip = fieldTooltip({
      item: id,
      parent: top[0],
      id: 'x',
      packet: 2,
      sources: packetTree.shown!.sources,
    });
    assert.equal(tip.isTrusted, false);
    assert.equal(tip.supportHtml, false);
    assert.match(tip.value, /dns\.id/);
  });

  it('Copy Value, Copy Field Name and Apply as Filter act on a Packet view item', async () => {
    const { packetTree } = await api();
    const editor = await open('udp-queries.pcap');
    await vscode.commands.executeCommand('dnspector.goToPacket', 3);
    await packetTree.show(editor);
    const dns = packetTree.topItems[0];
    assert.ok(dns);
    const children = packetTree.getChildren(dns);
    const queries = children.find((c) => c.item.label === 'Queries');
    assert.ok(queries, 'a Queries item');
    const query = packetTree.getChildren(queries)[0];
    assert.ok(query);
    const type = packetTree.getChildren(query).find((c) => c.item.name === 'dns.qry.type');
    assert.ok(type);
    await vscode.commands.executeCommand('dnspector.copyValue', type);
    assert.equal(await vscode.env.clipboard.readText(), type.item.value);
    await vscode.commands.executeCommand('dnspector.copyFieldName', type);
    assert.equal(await vscode.env.clipboard.readText(), 'dns.qry.type');
    await vscode.commands.executeCommand('dnspector.applyAsFilter', type);
    const view = await until('the applied filter', () =>
      editor.document.view.complete && editor.document.view.filter !== ''
        ? editor.document.view
        : undefined,
    );
    assert.equal(view.filter, `dns.qry.type == ${type.item.value}`);
    const file = fixtureUri('udp-queries.pcap').fsPath;
    const expected = tshark(['-r', file, '-Y', view.filter, '-T', 'fields', '-e', 'frame.number']);
    assert.equal(view.total, expected.length);
  });

  it('Follow Transaction goes to the frame tshark names in dns.response_in', async () => {
    const file = fixtureUri('udp-queries.pcap').fsPath;
    const pairs = tshark([
      '-2',
      '-r',
      file,
      '-Y',
      'dns.response_in',
      '-T',
      'fields',
      '-e',
      'frame.number',
      '-e',
      'dns.response_in',
    ]);
    const [query, response] = (pairs[0] ?? '').split('\t').map(Number);
    assert.ok(query && response);
    await open('udp-queries.pcap');
    await vscode.commands.executeCommand('dnspector.goToPacket', query);
    const got = await vscode.commands.executeCommand<number>('dnspector.followTransaction');
    assert.equal(got, response);
    const back = await vscode.commands.executeCommand<number>('dnspector.followTransaction');
    assert.equal(back, query);
  });

  it('Filter Packets shows the frames tshark -Y shows', async () => {
    const file = fixtureUri('incident-demo.pcap').fsPath;
    const filter = 'dns.qry.type == AAAA && dns.flags.response == 0';
    // tshark 4.0 takes only the number for dns.qry.type (newer Wireshark also takes AAAA).
    const oracle = 'dns.qry.type == 28 && dns.flags.response == 0';
    const expected = tshark(['-r', file, '-Y', oracle, '-T', 'fields', '-e', 'frame.number']).map(
      Number,
    );
    const editor = await open('incident-demo.pcap');
    const ok = await vscode.commands.executeCommand<boolean>('dnspector.filterPackets', filter);
    assert.equal(ok, true);
    const view = await until('the filtered view', () =>
      editor.document.view.complete && editor.document.view.filter === filter
        ? editor.document.view
        : undefined,
    );
    assert.equal(view.total, expected.length);
    const { rows } = await editor.document.request('getRows', { start: 0, count: 1000 });
    assert.deepEqual(
      rows.map((r) => r.number),
      expected.slice(0, 1000),
    );
  });

  it('opens a gzip-compressed capture with the same packets', async () => {
    const plain = tshark([
      '-r',
      fixtureUri('udp-queries.pcap').fsPath,
      '-T',
      'fields',
      '-e',
      'frame.number',
    ]);
    const editor = await open('udp-queries.pcap.gz');
    assert.equal(editor.document.progress.packets, plain.length);
    const detail = await editor.document.request('getPacket', { number: 1 });
    assert.ok(detail.tree.some((t) => t.name === 'dns'));
  });

  it('shows the packets of a capture that ends early and says where it ended', async () => {
    const file = fixtureUri('cut-mid-record.pcap').fsPath;
    const expected = tshark(['-r', file, '-T', 'fields', '-e', 'frame.number']).length;
    const editor = await open('cut-mid-record.pcap');
    assert.equal(editor.document.progress.packets, expected);
    const problems = editor.document.progress.problems ?? [];
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /at byte \d+/);
  });

  it('shows date and time of day once dnspector.timeDisplay is set to absolute', async () => {
    const file = fixtureUri('udp-queries.pcap').fsPath;
    const editor = await open('udp-queries.pcap');
    const config = vscode.workspace.getConfiguration('dnspector');
    await config.update('timeZone', 'UTC', vscode.ConfigurationTarget.Global);
    await config.update('timeDisplay', 'absolute', vscode.ConfigurationTarget.Global);
    try {
      const expected = tshark(['-r', file, '-t', 'ad', '-T', 'fields', '-e', '_ws.col.Time']);
      const end = Date.now() + 10_000;
      let times: string[] = [];
      while (Date.now() < end) {
        const { rows } = await editor.document.request('getRows', { start: 0, count: 3 });
        times = rows.map((r) => r.time);
        if (times[0] === expected[0]) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.deepEqual(times, expected.slice(0, 3));
    } finally {
      await config.update('timeDisplay', undefined, vscode.ConfigurationTarget.Global);
      await config.update('timeZone', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
