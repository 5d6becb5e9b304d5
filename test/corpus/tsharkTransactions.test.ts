/**
 * Query ⇄ response matching against the oracle: for every fixture capture and every
 * capture under ../shared/corpus, the transaction fields `dnspector fields` prints must
 * equal what two-pass tshark (`tshark -2`) prints, line by line; a difference names the
 * file, the frame and the field. Also the expert items tshark hangs on a retransmission.
 * Without tshark the suite says it did not run (pending), never passes silently.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  corpusCaptures,
  fixtureCaptures,
  fixtureDir,
  repo,
  run,
  tsharkAvailable,
} from '../helpers/captureFiles';

const cli = join(repo, 'dist/cli.js');

const transactionFields = [
  'frame.number',
  'dns.response_in',
  'dns.response_to',
  'dns.time',
  'dns.retransmission',
  'dns.retransmit_request_in',
  'dns.retransmit_response_in',
  'dns.unsolicited',
  'dns.retransmit_request',
  'dns.retransmit_response',
];

const fixtureFiles = fixtureCaptures();
const corpusFiles = corpusCaptures();
const tsharkOk = tsharkAvailable();

function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
}

function differences(theirs: string[], ours: string[], names: string[]): string[] {
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(theirs.length, ours.length) && diffs.length < 20; i++) {
    const t = theirs[i]?.split('\t');
    const o = ours[i]?.split('\t');
    if (!t || !o) {
      diffs.push(
        `line ${i + 1}: ${t ? 'missing in ours' : 'extra in ours'}: frame ${(t ?? o)?.[0]}`,
      );
      continue;
    }
    names.forEach((name, k) => {
      if (t[k] !== o[k]) diffs.push(`frame ${t[0]}: ${name}: tshark "${t[k]}" ours "${o[k]}"`);
    });
  }
  return diffs;
}

function fieldLines(file: string, names: string[]): { theirs: string[]; ours: string[] } {
  const args = names.flatMap((f) => ['-e', f]);
  return {
    theirs: lines(run('tshark', ['-2', '-r', file, '-Y', 'dns', '-T', 'fields', ...args])),
    ours: lines(run('node', [cli, 'fields', file, ...args])),
  };
}

describe('tshark -2 transactions: dnspector fields matches queries and responses as tshark 4.0', function () {
  this.timeout(120_000);
  before(function () {
    if (!tsharkOk) {
      console.log('    tshark is not installed: the transaction differential test did NOT run');
      this.skip();
    }
    assert.ok(existsSync(cli), `build the CLI first (${cli} is missing)`);
  });

  for (const file of [...fixtureFiles, ...corpusFiles]) {
    const name = file.startsWith(repo) ? file.slice(repo.length + 1) : file;
    it(`transaction fields: ${name}`, function () {
      const { theirs, ours } = fieldLines(file, transactionFields);
      const diffs = differences(theirs, ours, transactionFields);
      assert.deepEqual(
        diffs,
        [],
        `${name}: ${diffs.length} difference(s):\n  ${diffs.join('\n  ')}`,
      );
    });
  }

  it('retransmissions.pcap holds every case: retransmitted queries and responses, unsolicited, answered', function () {
    const file = join(fixtureDir, 'retransmissions.pcap');
    if (!existsSync(file)) this.skip();
    // Counted from tshark's output, so the fixture keeps the cases the comparison above relies on.
    const { theirs } = fieldLines(file, transactionFields);
    const count = (k: number) => theirs.filter((l) => (l.split('\t')[k] ?? '') !== '').length;
    assert.ok(count(1) >= 3, 'queries with dns.response_in');
    assert.ok(count(5) >= 4, 'retransmitted queries');
    assert.ok(count(6) >= 1, 'retransmitted responses');
    assert.ok(count(7) >= 1, 'unsolicited responses');
  });

  it('retransmission expert messages equal tshark (severity and group: see the -V comparison)', function () {
    const file = join(fixtureDir, 'retransmissions.pcap');
    if (!existsSync(file)) this.skip();
    const names = ['frame.number', '_ws.expert.message'];
    const { theirs, ours } = fieldLines(file, names);
    const diffs = differences(theirs, ours, names);
    assert.deepEqual(diffs, [], diffs.join('\n'));
    assert.ok(
      theirs.some((l) => l.includes('DNS query retransmission')),
      'tshark shows a query retransmission expert',
    );
  });

  it('show prints the generated items where tshark -V does', function () {
    const file = join(fixtureDir, 'retransmissions.pcap');
    if (!existsSync(file)) this.skip();
    // Frame 2 is the first retransmitted copy of frame 1 (see test/fixtures/README.md).
    const tshark = lines(run('tshark', ['-2', '-r', file, '-V', '-Y', 'frame.number == 2']));
    const ours = lines(run('node', [cli, 'show', file, '--frame', '2'])).map((l) =>
      l.replace(/ {2}\[[^\]]*\]$/, ''),
    );
    const dnsPart = (all: string[]) =>
      all.slice(all.findIndex((l) => l.startsWith('Domain Name System'))).filter((l) => l !== '');
    assert.deepEqual(dnsPart(ours), dnsPart(tshark));
  });
});
