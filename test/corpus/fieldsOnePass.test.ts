/**
 * `fields` in one pass (src/core/scan/fastFieldsLine.ts through dissectCaptureFile's fast
 * lines) against the tree path it stands in for: on every fixture and every capture under
 * ../shared/corpus, the lines are the same with the fast scan on and off, for the issue's
 * five fields and for every field the fast scan knows. Frames the scan declines (VLAN
 * tags, TCP, fragments) still print, as tshark prints them; a message the event cannot
 * tell (several questions, UPDATE) is handed back to the dissector.
 */
import { strict as assert } from 'node:assert';
import { basename, join } from 'node:path';
import { dissectCaptureFile, type FastLines } from '../../src/cli/captureFrames';
import { registerAllDissectors } from '../../src/core/dissect/dissectors';
import { fieldsLine, hasProtocol } from '../../src/core/format/fieldsLine';
import { fastFieldNames, fastFieldsLine } from '../../src/core/scan/fastFieldsLine';
import type { DnsMessageEvent } from '../../src/core/stats/dnsEvent';
import type { CaptureRecord } from '../../src/core/capture/captureRecord';
import { allCaptures, fixtureDir, run, tsharkAvailable } from '../helpers/captureFiles';

const ISSUE_FIELDS = [
  'dns.id',
  'dns.flags.response',
  'dns.qry.name',
  'dns.qry.type',
  'dns.flags.rcode',
];

/** Every field fastFieldsLine knows (each one the tree has too). */
let allFastFields: string[] = [];

interface Lines {
  lines: string[];
  fast: FastLines | undefined;
}

/** The `fields` lines of a capture (DNS frames only, as the CLI prints them without -Y). */
async function fieldLines(path: string, names: string[], onePass: boolean): Promise<Lines> {
  const lines: string[] = [];
  const line = onePass ? fastFieldsLine(names) : undefined;
  if (onePass) assert.ok(line, `fast lines for ${names.join(' ')}`);
  const fast: FastLines | undefined = line && { line, onLine: (l) => lines.push(l) };
  await dissectCaptureFile(
    path,
    {},
    () => true,
    (frame) => {
      if (frame.tree && hasProtocol(frame.tree, 'dns')) lines.push(fieldsLine(frame.tree, names));
    },
    fast,
  );
  return { lines, fast };
}

function firstDifference(a: string[], b: string[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: one pass "${a[i]}", tree "${b[i]}"`;
  }
  return '';
}

describe('fields in one pass: the fast scan gives the tree path’s lines', function () {
  this.timeout(300_000);
  before(() => {
    registerAllDissectors();
    allFastFields = fastFieldNames();
  });

  let fastTotal = 0;
  for (const path of allCaptures()) {
    it(`same lines: ${basename(path)}`, async () => {
      for (const names of [ISSUE_FIELDS, allFastFields]) {
        const one = await fieldLines(path, names, true);
        const tree = await fieldLines(path, names, false);
        assert.equal(
          firstDifference(one.lines, tree.lines),
          '',
          `${path} (${names.length} fields)`,
        );
        fastTotal += one.fast?.fastFrames ?? 0;
      }
    });
  }

  it('took the fast path for some frames over all captures', () => {
    assert.ok(fastTotal > 1000, `fast frames: ${fastTotal}`);
  });

  it('knows the issue’s five fields and the header fields', () => {
    for (const name of [...ISSUE_FIELDS, 'frame.time_epoch', 'ip.src', 'dns.count.add_rr'])
      assert.ok(allFastFields.includes(name), name);
  });

  it('is not offered when a field is not one the fast scan knows', () => {
    assert.equal(fastFieldsLine(['dns.id', 'dns.resp.name']), undefined);
    assert.equal(fastFieldsLine(['frame.time_delta']), undefined);
  });

  for (const name of ['vlan-8021q.pcap', 'tcp-queries.pcap', 'ipv4-fragments.pcap']) {
    it(`prints the frames the fast scan declines as tshark does: ${name}`, async function () {
      if (!tsharkAvailable()) this.skip();
      const path = join(fixtureDir, name);
      const one = await fieldLines(path, ISSUE_FIELDS, true);
      assert.ok((one.fast?.dissectedFrames ?? 0) > 0, 'some frames were dissected');
      const args = ISSUE_FIELDS.flatMap((f) => ['-e', f]);
      const theirs = run('tshark', ['-r', path, '-Y', 'dns', '-T', 'fields', ...args])
        .split('\n')
        .filter((l) => l !== '');
      assert.deepEqual(one.lines, theirs);
    });
  }

  it('hands back a message with several questions, or an UPDATE, to the dissector', () => {
    const line = fastFieldsLine(ISSUE_FIELDS);
    assert.ok(line);
    const record = { frame: 1, timeNs: 0n, originalLength: 60, capturedLength: 60 };
    const event = {
      ipVersion: 4,
      src: '10.0.0.1',
      dst: '10.0.0.2',
      srcPort: 1000,
      dstPort: 53,
      transport: 'udp',
      id: 0x1234,
      flags: 0x8180,
      opcode: 0,
      qdcount: 1,
      qname: 'a.example',
      qtype: 28,
      qclass: 1,
    } as unknown as DnsMessageEvent;
    const r = record as unknown as CaptureRecord;
    // By hand from the header: ID 0x1234, a response (QR set), AAAA, rcode 0.
    assert.equal(line(event, r), '0x1234\t1\ta.example\t28\t0');
    assert.equal(line({ ...event, qdcount: 2 }, r), undefined);
    assert.equal(line({ ...event, opcode: 5, flags: 0xa800 }, r), undefined);
    // Without a question the question fields are empty; a query has no rcode item.
    assert.equal(line({ ...event, qdcount: 0, flags: 0x0100 }, r), '0x1234\t0\t\t\t');
  });
});
