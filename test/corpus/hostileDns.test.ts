/**
 * Hostile DNS messages built byte by byte here (pointer loops and chains, forward
 * pointers, label lengths 64-255, names over 255 bytes, counts of 65535 with no records,
 * rdlength past the end, OPT in the wrong section and twice, TXT with zero-length strings,
 * non-UTF-8 bytes in names and TXT), written as one pcap in a temp folder and decoded by
 * tshark (the oracle) and by `dnspector fields` with the same fields: the two must print
 * the same lines. Where tshark calls a message malformed, DNSpector must too, with a reason
 * (checked on the field tree). Without tshark the comparison reports that it did not run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, tsharkAvailable } from '../helpers/captureFiles';
import { openSession } from '../helpers/captureSessions';

const enc = (s: string): number[] => [...new TextEncoder().encode(s)];
const label = (s: string | number[]): number[] => {
  const b = typeof s === 'string' ? enc(s) : s;
  return [b.length, ...b];
};
const name = (...labels: (string | number[])[]): number[] => [...labels.flatMap(label), 0];
const u16 = (v: number): number[] => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v: number): number[] => [...u16(v >>> 16), ...u16(v & 0xffff)];
/** A header: id, flags, then the four counts. */
const header = (flags: number, qd: number, an: number, ns: number, ar: number): number[] => [
  ...u16(0x4242),
  ...u16(flags),
  ...u16(qd),
  ...u16(an),
  ...u16(ns),
  ...u16(ar),
];
const question = (n: number[], type = 1): number[] => [...n, ...u16(type), ...u16(1)];
const rr = (n: number[], type: number, cls: number, data: number[], rdlength = data.length) => [
  ...n,
  ...u16(type),
  ...u16(cls),
  ...u32(300),
  ...u16(rdlength),
  ...data,
];
const opt = (udpSize = 1232): number[] => rr([0], 41, udpSize, []);
const RESPONSE = 0x8180;
const QUERY = 0x0100;
const example = name('www', 'example', 'com');

/** The messages, each with what it is; frame numbers follow this order. */
const messages: [string, number[]][] = [
  ['a pointer to itself (loop)', [...header(QUERY, 1, 0, 0, 0), 0xc0, 12, ...u16(1), ...u16(1)]],
  [
    'two pointers pointing at each other',
    [
      ...header(RESPONSE, 1, 1, 0, 0),
      ...question(example),
      0xc0,
      31,
      0,
      1,
      0,
      1,
      0,
      0,
      1,
      44,
      0,
      0,
      0xc0,
      29,
    ],
  ],
  [
    'a chain of pointers (name -> pointer -> pointer -> labels)',
    [
      ...header(RESPONSE, 1, 2, 0, 0),
      ...question(example),
      ...rr([...label('a'), 0xc0, 12], 5, 1, [0xc0, 12]),
      ...rr([...label('b'), 0xc0, 33], 1, 1, [192, 0, 2, 1]),
    ],
  ],
  [
    'a forward pointer (question name points into the answer)',
    [
      ...header(RESPONSE, 1, 1, 0, 0),
      0xc0,
      18,
      ...u16(1),
      ...u16(1),
      ...rr(example, 1, 1, [192, 0, 2, 2]),
    ],
  ],
  [
    'label length 64 (extended label type 0x40)',
    [...header(QUERY, 1, 0, 0, 0), 64, ...enc('x'.repeat(10)), 0, 0, 1, 0, 1],
  ],
  [
    'label length 65 (the bit-string label 0x41)',
    [...header(QUERY, 1, 0, 0, 0), 0x41, 8, 0xaa, 0, 0, 1, 0, 1],
  ],
  [
    'label length 128 (label type 0x80)',
    [...header(QUERY, 1, 0, 0, 0), 128, ...enc('y'.repeat(20)), 0, 0, 1, 0, 1],
  ],
  [
    'label length 255 (a pointer past the end)',
    [...header(QUERY, 1, 0, 0, 0), 255, 255, 0, 1, 0, 1],
  ],
  [
    'a name of 320 bytes (five 63-byte labels)',
    [
      ...header(QUERY, 1, 0, 0, 0),
      ...question(name(...'abcde'.split('').map((c) => c.repeat(63)))),
    ],
  ],
  ['every count 65535, no records', header(RESPONSE, 0xffff, 0xffff, 0xffff, 0xffff)],
  ['qdcount 65535 with one question', [...header(QUERY, 0xffff, 0, 0, 0), ...question(example)]],
  [
    'rdlength past the end',
    [
      ...header(RESPONSE, 1, 1, 0, 0),
      ...question(example),
      ...rr([0xc0, 12], 1, 1, [192, 0, 2, 3], 400),
    ],
  ],
  ['OPT in the answer section', [...header(RESPONSE, 1, 1, 0, 0), ...question(example), ...opt()]],
  [
    'OPT twice in the additional section',
    [...header(QUERY, 1, 0, 0, 2), ...question(example), ...opt(4096), ...opt(512)],
  ],
  [
    'TXT with zero-length strings',
    [
      ...header(RESPONSE, 1, 1, 0, 0),
      ...question(example, 16),
      ...rr([0xc0, 12], 16, 1, [0, 0, 3, ...enc('abc'), 0]),
    ],
  ],
  [
    'non-UTF-8 bytes in a name and in TXT',
    [
      ...header(RESPONSE, 1, 1, 0, 0),
      ...question(name([0xff, 0xfe, 0x41], [0xc3, 0x28], 'com'), 16),
      ...rr([0xc0, 12], 16, 1, [5, 0x80, 0xff, 0xc3, 0x28, 0x00]),
    ],
  ],
];

/** Ethernet + IPv4 + UDP (server port 53 for responses, client port for queries). */
function frame(dns: number[]): number[] {
  const response = ((dns[2] ?? 0) & 0x80) !== 0;
  const udp = [
    ...u16(response ? 53 : 40000),
    ...u16(response ? 40000 : 53),
    ...u16(8 + dns.length),
    0,
    0,
    ...dns,
  ];
  const ip = [0x45, 0, ...u16(20 + udp.length), 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];
  return [0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0x08, 0x00, ...ip, ...udp];
}

function pcap(frames: number[][]): Uint8Array {
  const le32 = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24];
  const out = [...le32(0xa1b2c3d4), 2, 0, 4, 0, ...le32(0), ...le32(0), ...le32(65535), ...le32(1)];
  frames.forEach((f, i) =>
    out.push(...le32(1_700_000_000 + i), ...le32(0), ...le32(f.length), ...le32(f.length), ...f),
  );
  return Uint8Array.from(out);
}

const FIELDS = [
  'frame.number',
  'dns.id',
  'dns.count.queries',
  'dns.count.answers',
  'dns.count.add_rr',
  'dns.qry.name',
  'dns.qry.name.len',
  'dns.count.labels',
  'dns.qry.type',
  'dns.resp.name',
  'dns.resp.type',
  'dns.resp.len',
  'dns.a',
  'dns.cname',
  'dns.txt',
  'dns.txt.length',
  'dns.rr.udp_payload_size',
  '_ws.malformed',
];

describe('hostile DNS messages built byte by byte, against tshark', function () {
  this.timeout(60_000);
  let file: string;
  before(() => {
    file = join(mkdtempSync(join(tmpdir(), 'dnspector-hostile-dns-')), 'hostile-dns.pcap');
    writeFileSync(file, pcap(messages.map(([, m]) => frame(m))));
  });

  it('prints every field as tshark -T fields does, message by message', function () {
    if (!tsharkAvailable()) this.skip();
    const args = FIELDS.flatMap((f) => ['-e', f]);
    const theirs = run('tshark', ['-r', file, '-T', 'fields', ...args]).split('\n');
    const cli = join(__dirname, '../../src/cli/cli.js');
    const ours = run('node', [cli, 'fields', file, '-Y', 'frame', ...args]).split('\n');
    assert.equal(ours.length, theirs.length);
    messages.forEach(([what], i) => {
      const t = (theirs[i] ?? '').split('\t');
      const o = (ours[i] ?? '').split('\t');
      FIELDS.forEach((f, k) => assert.equal(o[k], t[k], `frame ${i + 1} (${what}): ${f}`));
    });
  });

  it('marks every message tshark calls malformed, with a reason and an offset inside it', function () {
    if (!tsharkAvailable()) this.skip();
    const malformed = run('tshark', [
      '-r',
      file,
      '-Y',
      '_ws.malformed',
      '-T',
      'fields',
      '-e',
      'frame.number',
    ])
      .split('\n')
      .filter(Boolean)
      .map(Number);
    assert.ok(malformed.length >= 5, `tshark marks ${malformed.length} messages`);
    const session = openSession(file);
    for (const n of malformed) {
      const detail = session.getPacket({ number: n });
      const json = JSON.stringify(detail.tree);
      assert.match(json, /Malformed Packet/, `frame ${n} (${messages[n - 1]?.[0]})`);
    }
  });
});
