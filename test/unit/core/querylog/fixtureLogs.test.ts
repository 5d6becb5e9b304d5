/**
 * The real daemon logs in test/fixtures/logs (made by scripts/make-log-fixtures.sh): each
 * parses with the expected dialect, and its queries per type and per client equal a plain
 * count of the same file made here with one regular expression per dialect and a
 * hand-written type table (not the parser's code).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import type { DnsEvent } from '../../../../src/core/stats/dnsEvent';
import { QueryLogReader } from '../../../../src/core/querylog/queryLogReader';

const dir = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'logs');
const typeNumbers: Record<string, number> = { A: 1, AAAA: 28, MX: 15, TXT: 16, PTR: 12 };

/** [type mnemonic, client] of every query line, counted the plain way. */
const plainQuery: Record<string, RegExp> = {
  bind: /client (?:@0x[0-9a-f]+ )?([^#\s]+)#\d+.*: query: \S+ IN ([A-Z0-9]+) [+-]/,
  unbound: /info: (\S+) \S+ ([A-Z0-9]+) IN$/,
  dnsmasq: /query\[([A-Z0-9]+)\] \S+ from (\S+)$/,
};

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function plainCounts(
  text: string,
  dialect: string,
): { types: Map<string, number>; clients: Map<string, number> } {
  const types = new Map<string, number>();
  const clients = new Map<string, number>();
  const re = plainQuery[dialect];
  assert.ok(re);
  for (const line of text.split('\n')) {
    const m = re.exec(line);
    if (m === null) continue;
    const [type, client] = dialect === 'dnsmasq' ? [m[1], m[2]] : [m[2], m[1]];
    assert.ok(type !== undefined && client !== undefined);
    const n = typeNumbers[type];
    assert.ok(n !== undefined, `type ${type} missing from the test's table`);
    count(types, String(n));
    count(clients, client);
  }
  return { types, clients };
}

const logs = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.log'))
      .sort()
  : [];

describe('real daemon logs (test/fixtures/logs)', () => {
  it('has fixture logs to read', () => {
    assert.ok(logs.length > 0, `no .log files in ${dir}`);
  });

  for (const file of logs) {
    const dialect = file.startsWith('bind')
      ? 'bind'
      : file.startsWith('unbound')
        ? 'unbound'
        : 'dnsmasq';
    it(`${file}: ${dialect} queries per type and per client match a plain count`, () => {
      const bytes = readFileSync(join(dir, file));
      const events: DnsEvent[] = [];
      const reader = new QueryLogReader((e) => events.push(e), { year: 2026 });
      // Odd-sized chunks, so lines straddle chunk boundaries.
      for (let i = 0; i < bytes.length; i += 777) reader.push(bytes.subarray(i, i + 777));
      reader.end();
      const summary = reader.summary();
      assert.deepEqual(summary.formats, [dialect]);

      const types = new Map<string, number>();
      const clients = new Map<string, number>();
      for (const e of events) {
        if (e.kind !== 'message' || e.response) continue;
        count(types, String(e.qtype));
        count(clients, e.src);
      }
      const plain = plainCounts(bytes.toString('utf8'), dialect);
      assert.ok(plain.types.size > 0);
      assert.deepEqual(new Map([...types].sort()), new Map([...plain.types].sort()));
      assert.deepEqual(new Map([...clients].sort()), new Map([...plain.clients].sort()));
      // Every line is either parsed or listed as unparsed.
      const nonBlank = bytes
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim() !== '').length;
      const parsed = summary.counts.bind + summary.counts.unbound + summary.counts.dnsmasq;
      assert.equal(parsed + summary.unparsedCount, nonBlank);
    });
  }

  it('BIND logs: TCP, DO, CD and no-RD queries match the flag letters counted plainly', () => {
    for (const file of logs.filter((f) => f.startsWith('bind'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      const flags = [...text.matchAll(/ IN [A-Z0-9]+ ([+-]\S*)/g)].map((m) => m[1] ?? '');
      const events: DnsEvent[] = [];
      const reader = new QueryLogReader((e) => events.push(e), { year: 2026 });
      reader.push(text);
      reader.end();
      const msgs = events.flatMap((e) => (e.kind === 'message' ? [e] : []));
      const plain = (letter: string): number => flags.filter((f) => f.includes(letter)).length;
      assert.equal(msgs.filter((m) => m.transport === 'tcp').length, plain('T'), file);
      assert.equal(msgs.filter((m) => m.edns?.do === true).length, plain('D'), file);
      assert.equal(msgs.filter((m) => (m.flags & 0x0010) !== 0).length, plain('C'), file);
      assert.equal(msgs.filter((m) => (m.flags & 0x0100) === 0).length, plain('-'), file);
      assert.ok(plain('T') > 0 && plain('D') > 0 && plain('C') > 0 && plain('-') > 0, file);
    }
  });

  it('unbound and dnsmasq logs answer every query they log', () => {
    for (const file of logs.filter((f) => !f.startsWith('bind'))) {
      const events: DnsEvent[] = [];
      const reader = new QueryLogReader((e) => events.push(e), { year: 2026 });
      reader.push(readFileSync(join(dir, file)));
      reader.end();
      const queries = events.filter((e) => e.kind === 'message' && !e.response).length;
      const answered = events.filter(
        (e) => e.kind === 'transaction' && e.responseRef !== undefined,
      ).length;
      assert.equal(answered, queries, file);
    }
  });
});
