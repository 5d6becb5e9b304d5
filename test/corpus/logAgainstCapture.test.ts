/**
 * Each fixture log against the capture of the same run (test/fixtures/logs: the daemon
 * logged while tcpdump listened): the queries the log shows, read through the editor's
 * log engine and its Wireshark field names, are the queries tshark sees in the capture
 * (client address and port where the log has them, name, type), and unbound's logged
 * replies carry the rcodes tshark sees in the responses.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TreeItem } from '../../src/core/protocol/captureMessages';
import { fixtureDir, tsharkAvailable } from '../helpers/captureFiles';
import { openLogSession } from '../helpers/captureSessions';

const logs = join(fixtureDir, 'logs');

function tshark(file: string, filter: string, fields: string[]): string[][] {
  const r = spawnSync(
    'tshark',
    ['-r', file, '-Y', filter, '-T', 'fields', ...fields.flatMap((f) => ['-e', f])],
    { encoding: 'utf8' },
  );
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

/** Field values of a log line's tree by name (first occurrence). */
function values(tree: readonly TreeItem[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (items: readonly TreeItem[]) =>
    items.forEach((i) => {
      if (i.name && i.value !== undefined && !out.has(i.name)) out.set(i.name, i.value);
      walk(i.children ?? []);
    });
  walk(tree);
  return out;
}

function logMessages(
  log: string,
  response: boolean,
  keys: string[],
  keep: (v: Map<string, string>) => boolean = () => true,
): string[] {
  const session = openLogSession(join(logs, log));
  const out: string[] = [];
  for (let n = 1; n <= session.viewInfo().packets; n++) {
    const v = values(session.getPacket({ number: n }).tree);
    if (!v.has('dns.qry.name') || v.get('dns.flags.response') !== (response ? '1' : '0')) continue;
    if (!keep(v)) continue;
    out.push(keys.map((k) => v.get(k) ?? '').join(' '));
  }
  return out.sort();
}

function sorted(rows: string[][]): string[] {
  return rows.map((r) => r.join(' ')).sort();
}

describe('query logs against the captures of the same runs', function () {
  this.timeout(60_000);
  before(function () {
    if (!tsharkAvailable()) this.skip();
  });

  for (const [log, pcap] of [
    ['bind-plain.log', 'bind.pcap'],
    ['bind-view.log', 'bind-view.pcap'],
  ] as const) {
    it(`${log}: every query tshark sees in ${pcap}, with its client port`, () => {
      const session = openLogSession(join(logs, log));
      const got: string[] = [];
      for (let n = 1; n <= session.viewInfo().packets; n++) {
        const v = values(session.getPacket({ number: n }).tree);
        if (!v.has('dns.qry.name')) continue;
        const client = v.get('ip.src') ?? v.get('ipv6.src') ?? '';
        const port = v.get('udp.srcport') ?? v.get('tcp.srcport') ?? '';
        got.push(`${client} ${port} ${v.get('dns.qry.name')} ${v.get('dns.qry.type')}`);
      }
      const expected = tshark(join(logs, pcap), 'dns.flags.response == 0', [
        'ip.src',
        'ipv6.src',
        'udp.srcport',
        'tcp.srcport',
        'dns.qry.name',
        'dns.qry.type',
      ]).map(([ip4, ip6, udp, tcp, name, type]) => [
        ip4 || ip6 || '',
        udp || tcp || '',
        name ?? '',
        type ?? '',
      ]);
      assert.ok(expected.length >= 40);
      assert.deepEqual(got.sort(), sorted(expected));
    });
  }

  for (const [log, pcap] of [
    ['unbound.log', 'unbound.pcap'],
    ['unbound-ascii.log', 'unbound-ascii.pcap'],
  ] as const) {
    it(`${log}: the queries and reply rcodes tshark sees in ${pcap}`, () => {
      const queries = logMessages(log, false, ['dns.qry.name', 'dns.qry.type']);
      const expectedQueries = tshark(join(logs, pcap), 'dns.flags.response == 0', [
        'dns.qry.name',
        'dns.qry.type',
      ]);
      assert.ok(expectedQueries.length >= 40);
      assert.deepEqual(queries, sorted(expectedQueries));
      const replies = logMessages(log, true, ['dns.qry.name', 'dns.qry.type', 'dns.flags.rcode']);
      const expectedReplies = tshark(join(logs, pcap), 'dns.flags.response == 1', [
        'dns.qry.name',
        'dns.qry.type',
        'dns.flags.rcode',
      ]);
      assert.deepEqual(replies, sorted(expectedReplies));
    });
  }

  it('dnsmasq-extra.log: the queries tshark sees in dnsmasq-extra.pcap', () => {
    // Only the clients' queries: what dnsmasq forwarded went to a back-end outside the capture.
    const queries = logMessages('dnsmasq-extra.log', false, ['dns.qry.name', 'dns.qry.type'], (v) =>
      (v.get('querylog.verb') ?? '').startsWith('query['),
    );
    const expected = tshark(join(logs, 'dnsmasq-extra.pcap'), 'dns.flags.response == 0', [
      'dns.qry.name',
      'dns.qry.type',
    ]);
    assert.ok(expected.length >= 40);
    assert.deepEqual(queries, sorted(expected));
  });
});
