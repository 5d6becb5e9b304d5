/**
 * Query logs in the capture editor's engine (LogSession): one row per line of the file,
 * the Type and Client columns as the line itself says (read here with a plain regular
 * expression, not the parsers), lines that are not query lines marked, display filters on
 * the Wireshark names of the line's tree, every tree item inside its line, and unbound's
 * query and reply lines linked as a transaction.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkFields } from '../../../src/core/field';
import { logLineTree } from '../../../src/core/querylog/logLineTree';
import { parseLogLineSpans } from '../../../src/core/querylog/logLineSpans';
import type { TreeItem } from '../../../src/core/protocol/captureMessages';
import { fixtureDir } from '../../helpers/captureFiles';
import { openLogSession, settle } from '../../helpers/captureSessions';

const logs = join(fixtureDir, 'logs');
const bindQuery = /client (?:@\S+ )?([^\s#]+)#\d+.*query: (\S+) (\S+) (\S+) [+-]/;

function fileLines(name: string): string[] {
  const text = readFileSync(join(logs, name), 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function allRows(session: ReturnType<typeof openLogSession>) {
  const rows = [];
  for (let start = 0; start < session.viewInfo().total; start += 1000) {
    rows.push(...session.getRows({ start, count: 1000 }).rows);
  }
  return rows;
}

function items(tree: readonly TreeItem[]): TreeItem[] {
  return tree.flatMap((t) => [t, ...items(t.children ?? [])]);
}

describe('query logs in the editor engine', () => {
  for (const name of [
    'bind-plain.log',
    'bind-print-time.log',
    'bind-print-all.log',
    'bind-syslog.log',
    'bind-syslog-rfc3339.log',
    'bind-view.log',
  ]) {
    it(`shows every line of ${name} with the client and type it logs`, () => {
      const lines = fileLines(name);
      const session = openLogSession(join(logs, name));
      assert.equal(session.viewInfo().packets, lines.length);
      const rows = allRows(session);
      assert.equal(rows.length, lines.length);
      rows.forEach((row, i) => {
        const m = bindQuery.exec(lines[i] ?? '');
        assert.equal(row.number, i + 1);
        if (m) {
          assert.equal(row.source, m[1], `line ${i + 1}`);
          assert.equal(row.protocol, m[4], `line ${i + 1}`);
          assert.equal(row.malformed, undefined, `line ${i + 1}`);
        } else if ((lines[i] ?? '').trim() !== '') {
          assert.ok(row.malformed, `line ${i + 1} is not a query line: ${lines[i]}`);
        }
      });
    });
  }

  it('filters lines by the Wireshark names of their fields', () => {
    const lines = fileLines('bind-view.log');
    const expected = lines
      .map((l, i) => ({ l, m: bindQuery.exec(l), n: i + 1 }))
      .filter(({ l, m }) => m?.[4] === 'AAAA' && l.includes(' view internal: '))
      .map(({ n }) => n);
    assert.ok(expected.length > 0);
    const session = openLogSession(join(logs, 'bind-view.log'));
    const r = session.setFilter({ text: 'dns.qry.type == AAAA && querylog.view == "internal"' });
    assert.equal(r.ok, true);
    settle(session);
    assert.deepEqual(
      allRows(session).map((row) => row.number),
      expected,
    );
  });

  for (const name of [
    'bind-print-all.log',
    'unbound.log',
    'unbound-ascii.log',
    'dnsmasq-extra.log',
  ]) {
    it(`keeps every tree item of ${name} inside its line, names matching the text`, () => {
      const session = openLogSession(join(logs, name));
      const lines = fileLines(name);
      for (let n = 1; n <= lines.length; n++) {
        const detail = session.getPacket({ number: n });
        const bytes = detail.sources[0]?.bytes ?? new Uint8Array(0);
        assert.equal(new TextDecoder().decode(bytes), lines[n - 1]);
        for (const item of items(detail.tree)) {
          assert.ok(item.start + item.length <= bytes.length, `line ${n}: ${item.label}`);
          if (item.name === 'dns.qry.name' && item.value !== undefined) {
            const text = new TextDecoder().decode(
              bytes.subarray(item.start, item.start + item.length),
            );
            assert.equal(text.replace(/\.$/, ''), item.value);
          }
        }
      }
    });
  }

  it("links unbound's query lines to their reply lines", () => {
    const session = openLogSession(join(logs, 'unbound.log'));
    const lines = fileLines('unbound.log');
    let linked = 0;
    lines.forEach((line, i) => {
      const q = / (?:info|query): (\S+) (\S+) (\S+) (\S+)$/.exec(line);
      if (!q) return;
      const reply = session.partnerOf(i + 1);
      if (reply === undefined) return;
      linked++;
      const r = lines[reply - 1] ?? '';
      assert.ok(reply > i + 1);
      assert.ok(r.includes(`${q[1]} ${q[2]} ${q[3]} ${q[4]} `), `${line} -> ${r}`);
      assert.equal(session.partnerOf(reply), i + 1);
    });
    assert.ok(linked > 10);
  });

  it('gives a line the parsers cannot read a warning item, not an error', () => {
    const tree = logLineTree({ lineNumber: 7, text: '<b>not a log line</b>', parsed: undefined });
    const all = [...walkFields(tree)];
    assert.ok(all.some((f) => f.expert?.severity === 'warn'));
    assert.equal(parseLogLineSpans('<b>not a log line</b>'), undefined);
  });
});
