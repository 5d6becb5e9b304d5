/**
 * The oracle test: for every fixture capture and every capture under ../shared/corpus,
 * `dnspector fields` must print exactly what `tshark -Y dns -T fields` prints for the
 * same fields, and `dnspector list` exactly tshark's one-line summaries. A difference
 * fails naming the file, the frame and the field. Without tshark the suite says it did
 * not run (pending), never passes silently.
 */
import { transactionFieldNames } from '../../src/core/transactions/transactionFields';
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  corpusCaptures,
  fixtureCaptures,
  repo,
  run,
  tsharkAvailable,
} from '../helpers/captureFiles';

const cli = join(repo, 'dist/cli.js');

export const differentialFields = [
  'frame.number',
  'frame.time_epoch',
  'frame.len',
  'frame.cap_len',
  'ip.src',
  'ip.dst',
  'ipv6.src',
  'ipv6.dst',
  'udp.srcport',
  'udp.dstport',
  'tcp.srcport',
  'tcp.dstport',
  'dns.id',
  'dns.flags.response',
  'dns.flags.opcode',
  'dns.flags.authoritative',
  'dns.flags.truncated',
  'dns.flags.recdesired',
  'dns.flags.recavail',
  'dns.flags.z',
  'dns.flags.authenticated',
  'dns.flags.checkdisable',
  'dns.flags.rcode',
  'dns.count.queries',
  'dns.count.answers',
  'dns.count.auth_rr',
  'dns.count.add_rr',
  'dns.qry.name',
  'dns.qry.type',
  'dns.qry.class',
  'dns.resp.name',
  'dns.resp.type',
  'dns.resp.class',
  'dns.resp.ttl',
  'dns.resp.len',
  'dns.a',
  'dns.aaaa',
  'dns.cname',
  'dns.ns',
  'dns.ptr.domain_name',
  'dns.mx.preference',
  'dns.mx.mail_exchange',
  'dns.txt',
  'dns.soa.mname',
  'dns.soa.rname',
  'dns.soa.serial_number',
  'dns.srv.port',
  'dns.srv.target',
  'dns.rr.udp_payload_size',
  'dns.resp.edns0_version',
  'dns.resp.z.do',
  'dns.opt.code',
  'dns.opt.cookie.client',
  '_ws.malformed',
];

/**
 * Query/response matching fields need two passes (`tshark -2`); they are compared in
 * tsharkTransactions.test.ts, not here, where tshark runs in one pass.
 */
const twoPassFields = transactionFieldNames;

/** Every field DNSpector produces that tshark also knows (tshark rejects unknown -e names). */
function everyCommonField(): string[] {
  const ours = run('node', [cli, 'fields', '--list']).split('\n').filter(Boolean);
  const theirs = new Set(
    run('tshark', ['-G', 'fields'])
      .split('\n')
      .map((l) => l.split('\t'))
      .filter((c) => c[0] === 'F')
      .map((c) => c[2]),
  );
  // frame.number leads each line (a field named twice makes tshark print it only once).
  return ours.filter(
    (f) => theirs.has(f) && !twoPassFields.has(f) && !f.startsWith('_ws.') && f !== 'frame.number',
  );
}

const fixtureFiles = fixtureCaptures();
const corpusFiles = corpusCaptures();
const tsharkOk = tsharkAvailable();

function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
}

/** Differences between tshark's and our field lines, naming frame and field. */
export function fieldDifferences(theirs: string[], ours: string[], names: string[]): string[] {
  const diffs: string[] = [];
  const n = Math.max(theirs.length, ours.length);
  for (let i = 0; i < n && diffs.length < 20; i++) {
    const t = theirs[i]?.split('\t');
    const o = ours[i]?.split('\t');
    if (!t || !o) {
      diffs.push(
        `line ${i + 1}: ${t ? 'missing in ours' : 'extra in ours'}: ${(t ?? o)?.slice(0, 2).join(' ')}`,
      );
      continue;
    }
    names.forEach((name, k) => {
      if (t[k] !== o[k] && diffs.length < 20) {
        const cut = (s: string | undefined) => (s && s.length > 120 ? s.slice(0, 120) + '…' : s);
        diffs.push(`frame ${t[0]}: ${name}: tshark "${cut(t[k])}" ours "${cut(o[k])}"`);
      }
    });
  }
  return diffs;
}

describe('tshark differential: dnspector fields and list equal tshark 4.0', function () {
  this.timeout(120_000);
  before(function () {
    if (!tsharkOk) {
      console.log('    tshark is not installed: the differential test did NOT run');
      this.skip();
    }
    assert.ok(existsSync(cli), `build the CLI first (${cli} is missing)`);
  });

  it('has captures to compare', function () {
    assert.ok(fixtureFiles.length > 0, 'no fixture captures under test/fixtures');
    if (corpusFiles.length === 0)
      console.log('    ../shared/corpus is absent: corpus captures not compared');
  });

  let allFields: string[] = [];
  it('knows hundreds of fields that tshark knows too', function () {
    allFields = everyCommonField();
    assert.ok(allFields.length > 300, `only ${allFields.length} common fields`);
  });

  for (const file of [...fixtureFiles, ...corpusFiles]) {
    const name = file.startsWith(repo) ? file.slice(repo.length + 1) : file;
    it(`every common field: ${name}`, function () {
      assert.ok(allFields.length > 0, 'the common field list was not built');
      const fieldArgs = ['frame.number', ...allFields].flatMap((f) => ['-e', f]);
      const theirs = lines(run('tshark', ['-r', file, '-Y', 'dns', '-T', 'fields', ...fieldArgs]));
      const ours = lines(run('node', [cli, 'fields', file, ...fieldArgs]));
      const diffs = fieldDifferences(theirs, ours, ['frame.number', ...allFields]);
      assert.deepEqual(
        diffs,
        [],
        `${name}: ${diffs.length} difference(s):\n  ${diffs.join('\n  ')}`,
      );
    });
    it(`fields: ${name}`, function () {
      const fieldArgs = differentialFields.flatMap((f) => ['-e', f]);
      const theirs = lines(run('tshark', ['-r', file, '-Y', 'dns', '-T', 'fields', ...fieldArgs]));
      const ours = lines(run('node', [cli, 'fields', file, ...fieldArgs]));
      const diffs = fieldDifferences(theirs, ours, differentialFields);
      assert.deepEqual(
        diffs,
        [],
        `${name}: ${diffs.length} difference(s):\n  ${diffs.join('\n  ')}`,
      );
    });
    it(`list: ${name}`, function () {
      const theirs = lines(run('tshark', ['-r', file, '-Y', 'dns']));
      const ours = lines(run('node', [cli, 'list', file]));
      const diffs: string[] = [];
      for (let i = 0; i < Math.max(theirs.length, ours.length) && diffs.length < 10; i++) {
        if (theirs[i] !== ours[i]) diffs.push(`tshark: ${theirs[i]}\n  ours:   ${ours[i]}`);
      }
      assert.deepEqual(diffs, [], `${name}:\n  ${diffs.join('\n  ')}`);
    });
  }
});
