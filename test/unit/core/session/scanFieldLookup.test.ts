/**
 * The fast filter path (scanFieldLookup.ts) is really taken: a filter pass over a capture
 * builds no field tree for a filter on scan fields, one per frame for a filter on any other
 * field or with the fast path turned off, and trees only for the frames the scan cannot
 * stand for (malformed ones). And ScanFieldReader on hand-made scan frames: which fields
 * each kind of message has, and when it refuses (several questions, several IP layers).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import type { DissectedFrame } from '../../../../src/core/dissect/frame';
import type { DnsMessageInfo } from '../../../../src/core/dissect/packetContext';
import { Mark } from '../../../../src/core/session/captureIndex';
import { ScanFieldReader, scanAnswers } from '../../../../src/core/session/scanFieldLookup';
import { fixtureDir } from '../../../helpers/captureFiles';
import { openSession, settle } from '../../../helpers/captureSessions';
import { pcapFile } from '../../helpers/captureBuilder';

/** Runs `filter` over the fixture; the frames it selects and the frames it built trees for. */
function pass(file: string, filter: string, fastFilter = true) {
  const trees: number[] = [];
  const session = openSession(file.startsWith('/') ? file : join(fixtureDir, file), {
    fastFilter,
    onFilterTree: (n) => trees.push(n),
  });
  const r = session.setFilter({ text: filter });
  assert.ok(r.ok);
  settle(session);
  const selected: number[] = [];
  for (let n = 1; n <= session.index.count; n++)
    if (session.findRow({ number: n }).index !== null) selected.push(n);
  return { session, trees, selected };
}

describe('fast filter path: trees built during a filter pass', function () {
  this.timeout(60_000);

  const fastFilters = [
    'dns.qry.type == AAAA',
    'ip.src == 127.0.1.25 && dns.flags.response == 0',
    '!dns.response_in',
    'dns.time > 0.0005 || udp.port == 53',
    'dns && frame.len > 80',
  ];

  for (const filter of fastFilters) {
    it(`builds no tree for "${filter}" on a clean capture, and selects what the tree path does`, function () {
      const fast = pass('udp-queries.pcap', filter);
      assert.deepEqual(fast.trees, []);
      const slow = pass('udp-queries.pcap', filter, false);
      assert.equal(slow.trees.length, slow.session.index.count);
      assert.deepEqual(fast.selected, slow.selected);
    });
  }

  it('the cases select something: AAAA queries and their responses in udp-queries.pcap', function () {
    // tshark -r udp-queries.pcap -Y 'dns.qry.type == 28' -T fields -e frame.number: 3 and 4.
    assert.deepEqual(pass('udp-queries.pcap', 'dns.qry.type == AAAA').selected, [3, 4]);
  });

  it('builds a tree per frame for a filter on a field the scan does not have', function () {
    const r = pass('udp-queries.pcap', 'dns.resp.ttl > 0 && dns.qry.type == 1');
    assert.equal(r.trees.length, r.session.index.count);
    assert.deepEqual(
      r.trees,
      Array.from({ length: r.session.index.count }, (_, i) => i + 1),
    );
  });

  it('builds trees exactly for the frames the index marked malformed (cut by the snap length)', function () {
    const r = pass('snaplen-80.pcap', 'dns.qry.type == 1 || dns.count.answers > 0');
    const marked: number[] = [];
    for (let n = 1; n <= r.session.index.count; n++)
      if ((r.session.index.marks[n - 1] ?? 0) & Mark.malformed) marked.push(n);
    assert.ok(marked.length > 0, 'the fixture has frames cut inside DNS');
    assert.deepEqual(r.trees, marked);
    const slow = pass('snaplen-80.pcap', 'dns.qry.type == 1 || dns.count.answers > 0', false);
    assert.deepEqual(r.selected, slow.selected);
  });

  it("a response malformed only inside an answer's data gets no dns.response_to, as on the tree path", function () {
    // Query 0x1234 MX a.test, then its response whose MX data ends inside a 63-byte label:
    // tshark's walk fails there, so the message gets no transaction items.
    const question = [1, 0x61, 4, 0x74, 0x65, 0x73, 0x74, 0, 0, 15, 0, 1];
    const query = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, ...question];
    const answer = [0xc0, 12, 0, 15, 0, 1, 0, 0, 0, 60, 0, 4, 0, 10, 63, 0x61];
    const response = [0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, ...question, ...answer];
    const udp = (dns: number[], from: number, to: number) => {
      const length = 8 + dns.length;
      const ip = [0x45, 0, 0, 20 + length, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];
      if (from === 53) ip.splice(12, 8, 10, 0, 0, 2, 10, 0, 0, 1);
      const ports = [from >> 8, from & 255, to >> 8, to & 255, length >> 8, length & 255, 0, 0];
      return Uint8Array.from([...Array(12).fill(2), 0x08, 0x00, ...ip, ...ports, ...dns]);
    };
    const file = join(mkdtempSync(join(tmpdir(), 'dnspector-scan-')), 'mx-cut.pcap');
    writeFileSync(
      file,
      pcapFile({
        endian: 'little',
        records: [
          { seconds: 1_700_000_000, fraction: 0, data: udp(query, 40000, 53) },
          { seconds: 1_700_000_000, fraction: 500, data: udp(response, 53, 40000) },
        ],
      }),
    );
    const slow = pass(file, 'dns.response_to || dns.time', false);
    assert.deepEqual(slow.selected, []);
    assert.deepEqual(pass(file, 'dns.response_to || dns.time').selected, []);
    // The query still got its response (matching does not look at the answer's data).
    assert.deepEqual(pass(file, 'dns.response_in').selected, [1]);
  });
});

/** A scan frame over IPv4/UDP with the given DNS messages (addresses 192.0.2.1 -> 192.0.2.53). */
function scanFrame(
  dns: DnsMessageInfo[],
  protocols = ['eth', 'ethertype', 'ip', 'udp', ...dns.map(() => 'dns')],
): DissectedFrame {
  const bytes = new Uint8Array(64);
  bytes.set([192, 0, 2, 1], 26);
  bytes.set([192, 0, 2, 53], 30);
  return {
    meta: {
      frame: 7,
      timeNs: 0n,
      capturedLength: 64,
      originalLength: 64,
      linkType: 1,
      interfaceId: 0,
    },
    sources: [{ name: 'Frame', bytes }],
    tree: null,
    net: {
      ipVersion: 4,
      src: { source: 0, start: 26, length: 4 },
      dst: { source: 0, start: 30, length: 4 },
      transport: 'udp',
      srcPort: 40000,
      dstPort: 53,
    },
    protocols,
    dns,
    column: { protocol: 'DNS', info: '' },
  };
}

function message(flags: number, qdcount = 1): DnsMessageInfo {
  const m: DnsMessageInfo = {
    range: { source: 0, start: 42, length: 22 },
    transport: 'udp',
    id: 0x1234,
    flags,
    qdcount,
    ancount: 0,
    nscount: 0,
    arcount: 0,
    info: '',
  };
  if (qdcount > 0) Object.assign(m, { qname: 'a.test', qtype: 28, qclass: 1 });
  return m;
}

const values = (lookup: ReturnType<ScanFieldReader['lookup']>, name: string) =>
  lookup ? lookup(name).map((n) => n.value) : 'no lookup';

describe('ScanFieldReader', function () {
  it('knows the scan fields and not the others', function () {
    assert.equal(scanAnswers(['dns.qry.type', 'ip.addr', 'dns.response_in', 'dns']), true);
    assert.equal(scanAnswers(['dns.qry.type', 'dns.resp.ttl']), false);
    assert.equal(scanAnswers(['eth.src']), false);
  });

  it('gives a query the flags a query has: no rcode, no RA, AD only when set', function () {
    const fields = [
      'dns.flags.rcode',
      'dns.flags.recavail',
      'dns.flags.authenticated',
      'dns.flags.recdesired',
    ];
    const reader = new ScanFieldReader(fields);
    const plain = reader.lookup(scanFrame([message(0x0100)]), undefined);
    assert.deepEqual(values(plain, 'dns.flags.rcode'), []);
    assert.deepEqual(values(plain, 'dns.flags.recavail'), []);
    assert.deepEqual(values(plain, 'dns.flags.authenticated'), []);
    assert.deepEqual(values(plain, 'dns.flags.recdesired'), [true]);
    const ad = reader.lookup(scanFrame([message(0x0120)]), undefined);
    assert.deepEqual(values(ad, 'dns.flags.authenticated'), [true]);
    // A response 0x8183: RD, RA, rcode 3 (NXDOMAIN), AD clear.
    const response = reader.lookup(scanFrame([message(0x8183)]), undefined);
    assert.deepEqual(values(response, 'dns.flags.rcode'), [3]);
    assert.deepEqual(values(response, 'dns.flags.recavail'), [true]);
    assert.deepEqual(values(response, 'dns.flags.authenticated'), [false]);
  });

  it('gives LLMNR its own flags', function () {
    const reader = new ScanFieldReader([
      'dns.flags.conflict',
      'dns.flags.tentative',
      'dns.flags.recdesired',
    ]);
    const frame = scanFrame([message(0x0500)], ['eth', 'ethertype', 'ip', 'udp', 'llmnr']);
    const lookup = reader.lookup(frame, undefined);
    assert.deepEqual(values(lookup, 'dns.flags.conflict'), [true]);
    assert.deepEqual(values(lookup, 'dns.flags.tentative'), [true]);
    assert.deepEqual(values(lookup, 'dns.flags.recdesired'), []);
  });

  it('names the counts of an UPDATE (opcode 5) as zones, prerequisites and updates', function () {
    const reader = new ScanFieldReader(['dns.count.zones', 'dns.count.queries']);
    const lookup = reader.lookup(scanFrame([message(5 << 11)]), undefined);
    assert.deepEqual(values(lookup, 'dns.count.zones'), [1]);
    assert.deepEqual(values(lookup, 'dns.count.queries'), []);
  });

  it('gives every DNS message of a frame its own occurrences', function () {
    const reader = new ScanFieldReader(['dns.flags.response', 'dns.response_in', 'dns.time']);
    const lookup = reader.lookup(scanFrame([message(0x0100), message(0x8180)]), [
      { responseIn: 9 },
      { responseTo: 3, timeNs: 1_500_000n },
    ]);
    assert.deepEqual(values(lookup, 'dns.flags.response'), [false, true]);
    assert.deepEqual(values(lookup, 'dns.response_in'), [9]);
    assert.deepEqual(values(lookup, 'dns.time'), ['0.001500000']);
  });

  it('gives ip.addr the source then the destination', function () {
    const lookup = new ScanFieldReader(['ip.addr']).lookup(scanFrame([message(0x0100)]), undefined);
    assert.deepEqual(values(lookup, 'ip.addr'), ['192.0.2.1', '192.0.2.53']);
  });

  it('refuses what only the tree knows: several questions, several IP layers, a malformed frame', function () {
    const two = scanFrame([message(0x0100, 2)]);
    assert.equal(new ScanFieldReader(['dns.qry.name']).lookup(two, undefined), undefined);
    assert.notEqual(new ScanFieldReader(['dns.id']).lookup(two, undefined), undefined);
    const tunnel = scanFrame([message(0x0100)], ['eth', 'ethertype', 'ipv6', 'ip', 'udp', 'dns']);
    assert.equal(new ScanFieldReader(['ip.src']).lookup(tunnel, undefined), undefined);
    assert.notEqual(new ScanFieldReader(['dns.id']).lookup(tunnel, undefined), undefined);
    const bad = scanFrame([message(0x0100)]);
    bad.malformed = { protocol: 'DNS', message: 'x', source: 0, offset: 50, kind: 'malformed' };
    assert.equal(new ScanFieldReader(['frame.len']).lookup(bad, undefined), undefined);
  });
});
