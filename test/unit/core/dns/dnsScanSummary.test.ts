/**
 * The scan summary path (DissectOptions.dnsInfo: false) against the default scan path,
 * which the tshark differential test checks against tshark: over every fixture and corpus
 * capture, each frame's DNS messages carry the same range, id, flags, counts, first
 * question, EDNS header, TCP frames and malformation (message and offset), and the frame
 * the same Protocol column and malformation. Hand-built hostile messages (pointer loops,
 * records cut at every byte, random names) never throw in the summary path and fault
 * where the default path does; the one documented difference, a fault inside the data of
 * a record other than OPT, is shown on a message built for it.
 */
import { strict as assert } from 'node:assert';
import { readCaptureFile } from '../../../../src/node/captureFile';
import { FrameDissector, type DissectedFrame } from '../../../../src/core/dissect/frame';
import {
  createCaptureState,
  type DnsMessageInfo,
  type PacketContext,
} from '../../../../src/core/dissect/packetContext';
import { appDissectors } from '../../../../src/core/dissect/registry';
import { registerDns } from '../../../../src/core/dns/dnsRegistration';
import { allCaptures } from '../../../helpers/captureFiles';

registerDns();

/** The fields the summary promises, in a comparable shape. */
function summaryFields(m: DnsMessageInfo): Record<string, unknown> {
  return {
    range: m.range,
    transport: m.transport,
    id: m.id,
    flags: m.flags,
    counts: [m.qdcount, m.ancount, m.nscount, m.arcount],
    qname: m.qname,
    qtype: m.qtype,
    qclass: m.qclass,
    edns: m.edns,
    frames: m.frames,
    malformed: m.malformed,
  };
}

function compareFrames(full: DissectedFrame, fast: DissectedFrame, problems: string[]): void {
  const where = `frame ${full.meta.frame}`;
  if (full.dns.length !== fast.dns.length) {
    problems.push(
      `${where}: ${full.dns.length} DNS messages by default, ${fast.dns.length} in the summary`,
    );
    return;
  }
  if (full.column.protocol !== fast.column.protocol) {
    problems.push(`${where}: protocol column ${full.column.protocol} vs ${fast.column.protocol}`);
  }
  if (JSON.stringify(full.malformed) !== JSON.stringify(fast.malformed)) {
    problems.push(
      `${where}: frame malformation ${JSON.stringify(full.malformed)} vs ${JSON.stringify(fast.malformed)}`,
    );
  }
  full.dns.forEach((m, i) => {
    const s = fast.dns[i] as DnsMessageInfo;
    if (s.info !== '')
      problems.push(`${where} message ${i}: summary built Info text ${JSON.stringify(s.info)}`);
    const a = summaryFields(m);
    const b = summaryFields(s);
    try {
      assert.deepEqual(b, a);
    } catch {
      problems.push(
        `${where} message ${i}: default ${JSON.stringify(a)} summary ${JSON.stringify(b)}`,
      );
    }
  });
}

describe('DNS scan summary (dnsInfo: false) equals the default scan', function () {
  this.timeout(60_000);
  const files = allCaptures();

  it('finds captures', () => assert.ok(files.length > 20));

  for (const file of files) {
    it(`same message fields in every frame: ${file.slice(file.lastIndexOf('/') + 1)}`, async () => {
      const full = new FrameDissector();
      const fast = new FrameDissector({ dnsInfo: false });
      const problems: string[] = [];
      await readCaptureFile(file, (record) => {
        compareFrames(full.dissect(record, false), fast.dissect(record, false), problems);
      });
      assert.deepEqual(problems, []);
    });
  }
});

/** One message through the summary path (scan mode, dnsInfo false), over UDP port 53 or TCP. */
function summarize(
  bytes: Uint8Array,
  opts: { tcp?: boolean; dnsInfo?: boolean } = {},
): PacketContext {
  const ctx: PacketContext = {
    meta: {
      frame: 1,
      timeNs: 0n,
      capturedLength: bytes.length,
      originalLength: bytes.length,
      linkType: 1,
      interfaceId: 0,
    },
    sources: [{ name: 'frame', bytes }],
    tree: null,
    state: createCaptureState({ dnsInfo: opts.dnsInfo ?? false }),
    net: { ipVersion: 4, transport: opts.tcp ? 'tcp' : 'udp', srcPort: 53, dstPort: 40000 },
    protocols: [],
    dns: [],
    column: { protocol: '', info: '' },
  };
  const run = opts.tcp ? appDissectors.dnsTcp : appDissectors.dnsUdp;
  assert.ok(run, 'DNS dissector registered');
  run(ctx, 0, 0, bytes.length);
  return ctx;
}

function hex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** The summary and the default scan of the same bytes, as [summary, default] message infos. */
function both(
  bytes: Uint8Array,
  tcp = false,
): [DnsMessageInfo | undefined, DnsMessageInfo | undefined] {
  let fast: PacketContext | undefined;
  assert.doesNotThrow(() => {
    fast = summarize(bytes, { tcp });
  });
  const full = summarize(bytes, { tcp, dnsInfo: true });
  return [fast?.dns[0], full.dns[0]];
}

function assertSameSummary(bytes: Uint8Array, tcp = false): DnsMessageInfo {
  const [fast, full] = both(bytes, tcp);
  assert.ok(fast && full, 'both paths record the message');
  assert.deepEqual(summaryFields(fast), summaryFields(full));
  return fast;
}

const header = (qd: number, an: number, ns: number, ar: number, flags = '8180'): string =>
  `abcd ${flags} ${[qd, an, ns, ar].map((n) => n.toString(16).padStart(4, '0')).join(' ')}`;

/** A response to "www.example.com A" with an answer (owner c00c), an NS record and an OPT with a cookie. */
const response = hex(
  `${header(1, 1, 1, 1)}
   03777777 076578616d706c65 03636f6d 00 0001 0001
   c00c 0001 0001 00000e10 0004 c0000201
   c010 0002 0001 00000e10 0006 036e7331 c010
   00 0029 04d0 00 00 8000 000c 000a 0008 0102030405060708`,
);

describe('DNS scan summary on hand-built messages', () => {
  it('reads the header, first question and EDNS of a response without its Info text', () => {
    const s = assertSameSummary(response);
    assert.equal(s.id, 0xabcd);
    assert.equal(s.qname, 'www.example.com');
    assert.equal(s.qtype, 1);
    assert.equal(s.qclass, 1);
    assert.deepEqual(s.edns, { udpSize: 1232, version: 0, do: true, extRcode: 0 });
    assert.equal(s.malformed, undefined);
    assert.equal(s.info, '');
  });

  it('faults where the default scan faults for the message cut at every byte (UDP and TCP)', () => {
    for (let cut = 0; cut <= response.length; cut++) {
      const udp = response.subarray(0, cut);
      assertSameSummary(udp);
      const tcp = new Uint8Array(cut + 2);
      tcp.set([response.length >> 8, response.length & 0xff]);
      tcp.set(udp, 2);
      assertSameSummary(tcp, true);
    }
  });

  it('ends pointer loops as the default scan does', () => {
    // Question name points at itself; the answer's owner points at the pointer after it.
    assertSameSummary(
      hex(`${header(1, 1, 0, 0)} c00c 0001 0001  c01e c01c 0001 0001 00000000 0000`),
    );
    // A two-pointer cycle in an owner name and in a second question.
    assertSameSummary(
      hex(
        `${header(2, 1, 0, 0)} 0161 00 0001 0001  c016 0001 0001  c018 c016 0001 0001 00000000 0000`,
      ),
    );
  });

  it('marks label type 0x80 and a one-byte extended label in skipped names as the default scan does', () => {
    const bad80 = assertSameSummary(
      hex(`${header(1, 1, 0, 0)} 0161 00 0001 0001  8161 00 0001 0001 00000000 0000`),
    );
    assert.equal(bad80.malformed?.offset, 19);
    const ext = assertSameSummary(hex(`${header(2, 0, 0, 0)} 0161 00 0001 0001  42 0001 0001`));
    assert.equal(ext.malformed?.offset, 19);
  });

  it('hands bit-string labels and long pointer chains to the full name reader', () => {
    // A second question made only of a bit-string label (tshark: malformed, the name is empty).
    assertSameSummary(hex(`${header(2, 0, 0, 0)} 0161 00 0001 0001  41 08 ff 00 0001 0001`));
    // Owner names that follow long pointer chains (kept inside a NULL record's data): 200
    // links ("<Name too long>"), 300 links (a loop to tshark) and a chain ending in label 0x80.
    for (const [links, last] of [
      [200, '00'],
      [300, '00'],
      [150, '80'],
    ] as const) {
      const chain: number[] = [];
      let previous = -1;
      for (let i = 0; i < links; i++) {
        const at = 30 + chain.length;
        chain.push(
          1,
          0x61,
          ...(previous < 0 ? [parseInt(last, 16)] : [0xc0 | (previous >> 8), previous & 0xff]),
        );
        previous = at;
      }
      const dataLen = chain.length.toString(16).padStart(4, '0');
      const pointer = (0xc000 | previous).toString(16);
      const bytes = hex(
        `${header(1, 2, 0, 0)} 0161 00 0001 0001  00 000a 0001 00000000 ${dataLen}`,
      );
      const message = Uint8Array.from([
        ...bytes,
        ...chain,
        ...hex(`${pointer} 0001 0001 00000000 0000`),
      ]);
      const s = assertSameSummary(message);
      assert.equal(s.malformed !== undefined, last === '80', `${links} links ending in ${last}`);
    }
  });

  it('never throws on random messages and agrees with the default scan when record data holds no names', () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    // Names of labels, ending mostly in a root label or a pointer to the first question,
    // sometimes in a pointer anywhere into the first 96 bytes or a hostile label.
    const name = (): number[] => {
      const out: number[] = [];
      for (let parts = rand(4); parts > 0; parts--) {
        const len = 1 + rand(6);
        out.push(len);
        for (let i = 0; i < len; i++) out.push(0x61 + rand(26));
      }
      const end = rand(16);
      if (end < 9) out.push(0);
      else if (end < 13) out.push(0xc0, 12);
      else if (end === 13) out.push(0xc0, rand(96));
      else if (end === 14) out.push([0x80, 0x42, 0x7f][rand(3)] as number, 0);
      else out.push(0x41, rand(40), rand(256), rand(256), 0);
      return out;
    };
    const u16 = (n: number): number[] => [n >> 8, n & 0xff];
    let faulted = 0;
    let withEdns = 0;
    for (let round = 0; round < 3000; round++) {
      const qd = rand(3);
      const records = rand(4);
      const parts: number[] = [0x12, 0x34, 0x81, 0x80, ...u16(qd), ...u16(records), 0, 0, 0, 0];
      for (let i = 0; i < qd; i++) parts.push(...name(), ...u16(1 + rand(30)), 0, 1);
      for (let i = 0; i < records; i++) {
        // Types whose data the default scan only bounds-checks: NULL (10) and OPT (41).
        const type = rand(3) === 0 ? 41 : 10;
        const data =
          type === 41 && rand(2)
            ? [0, 10, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8]
            : Array.from({ length: rand(6) }, () => rand(256));
        const dataLen = rand(8) === 0 ? data.length + rand(4) : data.length;
        parts.push(
          ...name(),
          ...u16(type),
          ...u16(512 + rand(4096)),
          0,
          0,
          rand(2) << 7,
          0,
          ...u16(dataLen),
          ...data,
        );
      }
      const cut = rand(4) === 0 ? rand(parts.length + 1) : parts.length;
      const s = assertSameSummary(Uint8Array.from(parts.slice(0, cut)));
      if (s.malformed) faulted++;
      if (s.edns) withEdns++;
    }
    // The generator reaches both outcomes often (so the agreement above means something).
    assert.ok(faulted > 300 && faulted < 2700, `${faulted} of 3000 faulted`);
    assert.ok(withEdns > 50, `${withEdns} of 3000 had EDNS`);
  });

  it('does not see a fault inside skipped record data (the one documented difference)', () => {
    // A CNAME whose data is a pointer past the end: the default scan decodes it and marks the
    // message malformed; the summary skips the data by RDLENGTH and keeps the EDNS after it.
    const bytes = hex(
      `${header(1, 1, 0, 1)} 0161 00 0001 0001  c00c 0005 0001 00000000 0002 c0ff  00 0029 1000 00 00 0000 0000`,
    );
    const [fast, full] = both(bytes);
    assert.ok(full?.malformed, 'the default scan marks the message');
    assert.equal(full?.edns, undefined, 'the default scan stops before the OPT record');
    assert.equal(fast?.malformed, undefined);
    assert.deepEqual(fast?.edns, { udpSize: 4096, version: 0, do: false, extRcode: 0 });
    assert.equal(fast?.qname, full?.qname);
  });
});
