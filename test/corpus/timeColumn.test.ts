/**
 * The packet list's Time column in its three settings equals tshark's Time column with
 * the matching -t option: relative (default, -t r), date and time of day (-t ad, in UTC
 * here) and delta from the previous packet (-t d). Over captures that differ in what
 * matters for time: microsecond and nanosecond pcap, pcapng (one and two interfaces),
 * gzip, a file cut short, and a capture spanning hours (three tshark runs per file, so
 * not every fixture).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { TimeDisplay } from '../../src/core/protocol/captureMessages';
import { join } from 'node:path';
import { fixtureDir, tsharkAvailable } from '../helpers/captureFiles';
import { openSession } from '../helpers/captureSessions';

const modes: [TimeDisplay, string][] = [
  ['relative', 'r'],
  ['absolute', 'ad'],
  ['delta', 'd'],
];

describe('Time column against tshark -t', function () {
  this.timeout(120_000);
  before(function () {
    if (!tsharkAvailable()) this.skip();
  });
  const files = [
    'udp-queries.pcap',
    'nanosecond.pcap',
    'udp-queries.pcapng',
    'two-interfaces.pcapng',
    'udp-queries.pcapng.gz',
    'cut-mid-record.pcap',
    'incident-demo.pcap',
  ].map((f) => join(fixtureDir, f));
  for (const file of files) {
    const name = file.split('/').slice(-2).join('/');
    it(`shows tshark's times for ${name}`, () => {
      for (const [mode, flag] of modes) {
        const r = spawnSync(
          'tshark',
          ['-r', file, '-t', flag, '-T', 'fields', '-e', '_ws.col.Time'],
          {
            encoding: 'utf8',
            env: { ...process.env, TZ: 'UTC' },
          },
        );
        const expected = r.stdout.split('\n').filter((l) => l !== '');
        const session = openSession(file, { timeDisplay: mode, utc: true });
        const rows = [];
        for (let start = 0; start < session.index.count; start += 1000) {
          rows.push(...session.getRows({ start, count: 1000 }).rows);
        }
        assert.deepEqual(
          rows.map((row) => row.time),
          expected,
          `${mode} (-t ${flag})`,
        );
      }
    });
  }
});
