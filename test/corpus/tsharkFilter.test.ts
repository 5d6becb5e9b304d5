/**
 * Display filters against tshark 4.0: for each filter below, the frame numbers
 * `tshark -2 -r F -Y FILTER -T fields -e frame.number` prints must equal those
 * `dnspector fields F -Y FILTER -e frame.number` prints. Each pair costs two process
 * starts (about a second), so by default each capture (fixtures, then ../shared/corpus)
 * gets a rotating fifth of the filters, and every filter still meets several captures;
 * DNSPECTOR_FILTER_FULL=1 runs every filter on every capture (on 2026-11-23 the whole
 * matrix passed: 26 fixtures and 16 corpus captures, about 40 minutes on a busy machine).
 * DNSPECTOR_CLI points at another CLI bundle. Without tshark the suite says it did not run.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  corpusCaptures,
  fixtureCaptures,
  repo,
  run,
  tsharkAvailable,
} from '../helpers/captureFiles';
import { compileFilter } from '../../src/core/filter/displayFilter';

/** The CLI bundle (DNSPECTOR_CLI overrides it, for a private build). */
const cli = process.env.DNSPECTOR_CLI ?? join(repo, 'dist/cli.js');

/** Filters tshark 4.0.17 accepts, covering each operator, literal kind and layer. */
export const differentialFilters = [
  // Protocols and existence.
  'dns',
  'udp',
  'tcp',
  'ip || ipv6',
  'eth && !vlan',
  'sll || vlan || ieee8021ad',
  'dns.flags.recdesired && !dns.flags.recavail',
  // Comparison operators and their word forms.
  'dns.flags.response == 0',
  'dns.flags.response eq 1 && dns.flags.rcode != 0',
  'dns.flags.rcode ne 0',
  'dns.count.answers > 1 || dns.count.add_rr gt 1',
  'dns.resp.ttl < 300 and dns.resp.ttl >= 60',
  'frame.len <= 100 || frame.len ge 0x200',
  'udp.srcport le 1023 && udp.dstport lt 1024',
  'dns.a ~= 192.0.2.10',
  'dns.resp.ttl === 3600',
  'dns.a != 192.0.2.10',
  // Value strings, numbers in other bases, booleans.
  'dns.qry.type == "AAAA (IPv6 Address)" || dns.qry.type == 0x10',
  'dns.flags.rcode == "No such name" || dns.flags.rcode == "refused"',
  'dns.qry.class == IN && dns.qry.type == 034',
  'dns.flags.authoritative == True || dns.flags.truncated == 1',
  'dns.qry.type in {1, 28, 33..48}',
  // Strings and bytes.
  'dns.qry.name contains "example"',
  'dns.qry.name matches "^WWW\\\\." || dns.qry.name ~ "(?-i)TEST$"',
  'dns.qry.name == "www.example.test" || dns.resp.name == dns.qry.name && dns.count.answers >= 1',
  'udp.payload contains 00:00:29 || dns.opt.code == 10',
  // Addresses and CIDR.
  'ip.addr == 127.0.0.0/8 && udp.port == 53',
  'ip.src == 10.0.0.0/8 || ip.dst == 192.168.0.0/16 || ip.addr == 172.16.0.0/12',
  'ipv6.addr == ::1 || ipv6.src == fe80::/10 || ipv6.addr == 2001:db8::/32',
  'eth.addr == 00:00:00:00:00:00 || eth.src == ff-ff-ff-ff-ff-ff',
  'tcp.port == 53 && tcp.len > 0',
  'ip.ttl == 64 && ip.proto == 17 || ipv6.nxt == 6',
  'ip.flags.mf == 1 || ip.frag_offset > 0',
  // Transactions (tshark -2).
  'dns.response_in',
  '!dns.response_in && dns.flags.response == 0',
  'dns.time > 0.0005',
  'dns.time <= 0.0005 || dns.response_to > 10',
  'dns.retransmission || dns.unsolicited',
  '_ws.malformed || frame.time_relative > 1.5',
];

const fixtureFiles = fixtureCaptures();
const corpusFiles = corpusCaptures();
const full = process.env.DNSPECTOR_FILTER_FULL === '1';

function frameNumbers(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

/** The first differences between two sorted lists of frame numbers. */
function differences(theirs: string[], ours: string[]): string[] {
  const t = new Set(theirs);
  const o = new Set(ours);
  return [
    ...theirs.filter((n) => !o.has(n)).map((n) => `frame ${n}: tshark only`),
    ...ours.filter((n) => !t.has(n)).map((n) => `frame ${n}: ours only`),
  ].slice(0, 10);
}

describe('tshark differential: display filters (-Y) select the same frames as tshark -2 -Y', function () {
  this.timeout(600_000);
  before(function () {
    if (!tsharkAvailable()) {
      console.log('    tshark is not installed: the filter differential did NOT run');
      this.skip();
    }
    assert.ok(existsSync(cli), `build the CLI first (${cli} is missing)`);
  });

  it('tshark and DNSpector both accept every filter', function () {
    const file = fixtureFiles[0] as string;
    for (const filter of differentialFilters) {
      const r = spawnSync('tshark', ['-r', file, '-Y', filter, '-c', '1'], { encoding: 'utf8' });
      assert.equal(r.status, 0, `tshark rejects ${filter}: ${r.stderr}`);
      const ours = compileFilter(filter);
      assert.ok(ours.ok, `we reject ${filter}: ${ours.ok ? '' : ours.error.message}`);
    }
  });

  /** The filters for the i-th capture: all, or every `step`-th from a rotating start. */
  const rotation = (i: number, step: number): string[] =>
    full ? differentialFilters : differentialFilters.filter((_, k) => (i + k) % step === 0);
  const files = [
    ...fixtureFiles.map((file, i) => ({ file, filters: rotation(i, 5) })),
    ...corpusFiles.map((file, i) => ({ file, filters: rotation(i, 5) })),
  ];
  for (const { file, filters } of files) {
    const name = file.startsWith(repo) ? file.slice(repo.length + 1) : file;
    it(`${name}: ${filters.length} filters`, function () {
      const failures: string[] = [];
      for (const filter of filters) {
        const theirs = frameNumbers(
          run('tshark', ['-2', '-r', file, '-Y', filter, '-T', 'fields', '-e', 'frame.number']),
        );
        const ours = frameNumbers(
          run('node', [cli, 'fields', file, '-Y', filter, '-e', 'frame.number']),
        );
        const diffs = differences(theirs, ours);
        if (diffs.length > 0 || theirs.length !== ours.length)
          failures.push(`${filter}\n      ${diffs.join('\n      ') || 'a frame printed twice'}`);
      }
      assert.deepEqual(failures, [], `${name}:\n    ${failures.join('\n    ')}`);
    });
  }
});
