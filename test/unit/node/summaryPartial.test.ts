/**
 * runSummary's partial reports (the summary panel's live updates): on a capture of many
 * read chunks (udp-queries.pcap's records repeated to 2 MiB) onPartial is called while the
 * file is read, each partial counting no fewer messages than the one before and no more
 * than the final report, whose numbers are the CLI's (partials do not disturb the run).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runSummary, type SummaryResult } from '../../../src/node/summaryRun';

const repo = resolve(__dirname, '../../../..');

/** A little-endian microsecond pcap's records repeated until the file passes `bytes`. */
function repeated(source: Uint8Array, bytes: number): Uint8Array {
  const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
  assert.equal(view.getUint32(0, true), 0xa1b2c3d4);
  const records = source.subarray(24);
  const parts: Uint8Array[] = [source.subarray(0, 24)];
  let size = 24;
  while (size < bytes) {
    parts.push(records);
    size += records.length;
  }
  return Buffer.concat(parts);
}

describe('runSummary partial reports', function () {
  this.timeout(60_000);
  let dir: string;
  let big: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dnspector-partial-'));
    big = join(dir, 'big.pcap');
    writeFileSync(
      big,
      repeated(readFileSync(join(repo, 'test/fixtures/udp-queries.pcap')), 2 << 20),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('come while the file is read, growing, and leave the final report as the CLI makes it', async () => {
    const partials: SummaryResult[] = [];
    const result = await runSummary(
      [big],
      { extraDnsPorts: [], binSeconds: null },
      { onPartial: (p) => partials.push(p), partialEveryMs: 0 },
    );
    assert.ok(partials.length >= 2, `${partials.length} partial reports`);
    const counts = partials.map((p) => p.report.totals.messages);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => a - b),
    );
    assert.ok(counts.at(-1)! <= result.report.totals.messages);
    assert.ok(counts[0]! < result.report.totals.messages, 'the first partial is partial');
    const cli = spawnSync(
      'node',
      [join(repo, 'dist/cli.js'), 'summarize', big, '--format', 'json'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    );
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(result.report, JSON.parse(cli.stdout));
  });

  it('are not made without onPartial, nor more often than partialEveryMs', async () => {
    const partials: SummaryResult[] = [];
    await runSummary(
      [big],
      { extraDnsPorts: [], binSeconds: null },
      { onPartial: (p) => partials.push(p), partialEveryMs: 3_600_000 },
    );
    assert.equal(partials.length, 0);
  });
});
