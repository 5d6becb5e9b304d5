/**
 * nameSpan (the scan summary's name skip) against readName (the full reader, checked
 * against tshark): at every offset of random and hand-built hostile messages, the same
 * byte length, or an error at the same offset with the same message.
 */
import { strict as assert } from 'node:assert';
import { DnsBoundsError, type DnsView } from '../../../../src/core/dns/dnsWire';
import { nameSpan, newNameBudget, readName } from '../../../../src/core/dns/dnsWireName';

type Outcome = { used: number } | { error: string; offset: number };

function outcome(read: () => number): Outcome {
  try {
    return { used: read() };
  } catch (e) {
    assert.ok(e instanceof DnsBoundsError, `only bounds errors escape: ${String(e)}`);
    return { error: e.message, offset: e.offset };
  }
}

/** Compares both readers at every offset of `bytes` (message starting at `base`); returns how many threw. */
function compareAll(bytes: Uint8Array, base = 0): number {
  const v: DnsView = { bytes, base, end: bytes.length };
  let errors = 0;
  for (let off = base; off <= bytes.length; off++) {
    const expected = outcome(() => readName(v, off, newNameBudget(v)).used);
    const actual = outcome(() => nameSpan(v, off, newNameBudget(v)));
    assert.deepEqual(actual, expected, `offset ${off} of ${Buffer.from(bytes).toString('hex')}`);
    if ('error' in expected) errors++;
  }
  return errors;
}

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));
}

describe('nameSpan skips a name exactly as readName reads it', () => {
  it('agrees on plain names, pointers and the root', () => {
    compareAll(hex('03777777 076578616d706c65 03636f6d 00 c000 c004 00 c00d'));
  });

  it('agrees on pointer loops, forward pointers and pointers past the end', () => {
    compareAll(hex('c000 c004 c002 0161 c00a 0162 c006 c0ff 3f'));
  });

  it('agrees on label type 0x80, unknown extended labels and bit-string labels', () => {
    compareAll(hex('80 0161 42 0161 5c00 0161 41 08 ff 00 41 00 41 20 01020304 c000 41 10 ab'));
  });

  it('agrees on a message base after a TCP length prefix', () => {
    compareAll(hex('0020 1234 0100 0001 0000 0000 0000 0161 00 c002 c00e 42'), 2);
  });

  it('agrees on long names ("<Name too long>") and long pointer chains', () => {
    const label = '3f' + '61'.repeat(63);
    compareAll(hex(`${label.repeat(5)} 00`));
    const chain: number[] = [1, 0x61, 0];
    for (let i = 1; i < 320; i++) {
      const previous = chain.length - (i === 1 ? 3 : 4);
      chain.push(1, 0x61, 0xc0 | (previous >> 8), previous & 0xff);
    }
    compareAll(Uint8Array.from(chain));
  });

  it('agrees at every offset of random bytes rich in label and pointer values', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const special = [0, 1, 2, 3, 0x3f, 0x40, 0x41, 0x42, 0x80, 0xbf, 0xc0, 0xc0, 0xc0, 0xff];
    let errors = 0;
    let offsets = 0;
    for (let round = 0; round < 400; round++) {
      const bytes = Uint8Array.from({ length: 4 + rand(60) }, () =>
        rand(4) === 0 ? (special[rand(special.length)] as number) : rand(4),
      );
      errors += compareAll(bytes);
      offsets += bytes.length + 1;
    }
    // Both outcomes are common (so the agreement means something).
    assert.ok(
      errors > offsets / 10 && errors < (offsets * 9) / 10,
      `${errors} errors in ${offsets} offsets`,
    );
  });
});
