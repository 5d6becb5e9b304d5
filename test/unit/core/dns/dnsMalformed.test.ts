/**
 * Broken input: every case keeps what was decoded before the fault and is marked
 * malformed exactly where tshark 4.0.17 marks it (expected texts from tshark on the same
 * bytes). Also: no input throws, and hostile compression costs linear time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { dissect, hex } from './dnsTestContext';

const header = (qd: number, an = 0, flags = '0100'): string =>
  `1234 ${flags} ${qd.toString(16).padStart(4, '0')} ${an.toString(16).padStart(4, '0')} 0000 0000`;

describe('DNS malformed input', () => {
  it('shows a self-pointer as a pointer loop without marking the packet', () => {
    // Question name c00c points at itself. tshark: "<Name contains a pointer that loops>", 2 bytes.
    const d = dissect(hex(`${header(1)} c00c 0001 0001`));
    assert.deepEqual(d.shows('dns.qry.name'), ['<Name contains a pointer that loops>']);
    assert.equal(d.field('dns.qry.name')?.length, 2);
    assert.equal(d.ctx.malformed, undefined);
    assert.equal(d.ctx.column.info, 'Standard query 0x1234 A <Name contains a pointer that loops>');
  });

  it('follows a forward pointer as tshark does', () => {
    // Name c012 points forward to offset 18 (after type/class), where "01 61 00" is: tshark shows "a".
    const d = dissect(hex(`${header(1)} c012 0001 0001 0161 00`));
    assert.deepEqual(d.shows('dns.qry.name'), ['a']);
    assert.equal(d.ctx.column.info, 'Standard query 0x1234 A a');
  });

  it('marks label type 0x80 malformed and keeps the header', () => {
    const d = dissect(hex(`${header(1)} 8161 00 0001 0001`));
    assert.equal(d.ctx.malformed?.protocol, 'DNS');
    assert.equal(d.ctx.dns[0]?.malformed?.offset, 12);
    assert.deepEqual(d.shows('dns.count.queries'), ['1']);
    assert.deepEqual(d.shows('dns.qry.name'), []);
    assert.equal(d.ctx.column.info, 'Standard query 0x1234');
    assert.ok(d.tree.some((n) => n.label === '[Malformed Packet: DNS]'));
  });

  it('names an unknown extended label (0x40 type) and marks a 1-byte one malformed', () => {
    // 0x5c: extended label type, not a bit string. "03 63 00 2e" then 0x62: tshark shows
    // "<Unknown extended label>" with the name 5 bytes long.
    const d = dissect(hex(`${header(1)} 03 63002e 62 045c 2001 0d`));
    assert.deepEqual(d.shows('dns.qry.name'), ['<Unknown extended label>']);
    assert.equal(d.field('dns.qry.name')?.length, 5);
    assert.deepEqual(d.shows('dns.qry.name.len'), ['24']);
    // A lone 0x42 is a 1-byte name: tshark marks the packet malformed.
    const e = dissect(hex(`${header(1)} 42 61 00 0001 0001`));
    assert.ok(e.ctx.malformed);
  });

  it('shows a name over 255 bytes as "<Name too long>"', () => {
    // Four 63-byte labels: 257 bytes on the wire. tshark: "<Name too long>", 257 bytes.
    const label = '3f' + '61'.repeat(63);
    const d = dissect(hex(`${header(1)} ${label.repeat(4)} 00 0001 0001`));
    assert.deepEqual(d.shows('dns.qry.name'), ['<Name too long>']);
    assert.equal(d.field('dns.qry.name')?.length, 257);
    assert.deepEqual(d.shows('dns.qry.name.len'), ['15']);
    assert.equal(d.ctx.malformed, undefined);
  });

  it('marks a record whose data runs past the end, without its subtree', () => {
    // Answer "a" A IN ttl 0, rdlength 4 but only 2 bytes: tshark Info "... A a A[Malformed Packet]"
    // and an empty Answers subtree.
    const d = dissect(
      hex(`${header(1, 1, '8180')} 0161 00 0001 0001  0161 00 0001 0001 00000000 0004 0a00`),
    );
    assert.equal(d.ctx.column.info, 'Standard query response 0x1234 A a A');
    assert.ok(d.ctx.malformed);
    const answers = d.tree[0]?.children?.find((c) => c.label === 'Answers');
    assert.equal(answers?.children, undefined);
  });

  it('marks counts larger than the records present', () => {
    // qdcount 2, one question: tshark decodes "a" then "[Malformed Packet]".
    const d = dissect(hex(`${header(2)} 0161 00 0001 0001`));
    assert.deepEqual(d.shows('dns.qry.name'), ['a']);
    assert.equal(d.ctx.dns[0]?.qname, 'a');
    assert.equal(d.ctx.dns[0]?.malformed?.offset, 19);
    assert.equal(d.ctx.column.info, 'Standard query 0x1234 A a');
  });

  it('reports a capture cut by the snap length as truncated, not malformed', () => {
    const d = dissect(hex(`${header(2)} 0161 00 0001 0001`), { truncatedCapture: true });
    assert.match(d.ctx.malformed?.message ?? '', /Packet size limited during capture/);
  });

  it('never throws on a message cut at every length, in tree and scan mode', () => {
    const full = hex(
      `${header(1, 2, '8180').replace('0000 0000', '0000 0001')} 0161 00 0001 0001 c00c 0001 0001 0000003c 0004 c0000201 ` +
        `c00c 0010 0001 0000003c 0004 03616263 00 0029 1000 0000 8000 000c 000a 0008 0102030405060708`,
    );
    for (let n = 0; n <= full.length; n++) {
      for (const scan of [false, true]) {
        const d = dissect(full.subarray(0, n), { scan });
        if (n < 4) assert.equal(d.ctx.dns[0]?.info, '', `length ${n}`);
        if (n < full.length) assert.ok(d.ctx.malformed, `length ${n} must be malformed`);
        else assert.equal(d.ctx.malformed, undefined);
      }
    }
  });

  it('never throws on random bytes', () => {
    let seed = 12345;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let i = 0; i < 2000; i++) {
      const len = rand() % 200;
      const b = new Uint8Array(len);
      for (let k = 0; k < len; k++) b[k] = rand();
      // Bias towards pointers and small counts to reach deep paths.
      if (len > 12) b[4] = 0;
      assert.doesNotThrow(() => dissect(b));
      assert.doesNotThrow(() => dissect(b, { tcp: true }));
    }
  });

  it('keeps hostile compression linear: 10000 questions of pointer chains in well under a second', () => {
    // A 64-byte label then a pointer back to itself region, repeated: every name fills up
    // and then walks pointer chains until the 255-pointer limit.
    const parts: string[] = [header(0xffff).replace('0100', '0100')];
    parts.push('3f' + '61'.repeat(63) + 'c00c');
    for (let i = 0; i < 10000; i++) parts.push('c00c 0001 0001');
    const bytes = hex(parts.join(''));
    const t0 = Date.now();
    const d = dissect(bytes);
    const ms = Date.now() - t0;
    assert.ok(d.ctx.malformed);
    assert.ok(ms < 2000, `took ${ms} ms`);
    assert.ok(d.shows('dns.qry.name').length > 1000);
  });
});
