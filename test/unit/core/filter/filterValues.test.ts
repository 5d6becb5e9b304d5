/**
 * Literal parsing for display filters: integers in every base, IPv4/IPv6 (expected values
 * written out by hand), byte strings, MACs, seconds and absolute times.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  parseAbsoluteTime,
  parseBytes,
  parseEther,
  parseInteger,
  parseIPv4,
  parseIPv6,
  parseSeconds,
} from '../../../../src/core/filter/filterValues';
import { tokenize } from '../../../../src/core/filter/filterLexer';

describe('filter literals', () => {
  it('integers: decimal, hex, octal, binary, negative; not floats', () => {
    assert.equal(parseInteger('28'), 28n);
    assert.equal(parseInteger('0x1C'), 28n);
    assert.equal(parseInteger('034'), 28n);
    assert.equal(parseInteger('0b11100'), 28n);
    assert.equal(parseInteger('-5'), -5n);
    assert.equal(parseInteger('0'), 0n);
    assert.equal(parseInteger('18446744073709551615'), 2n ** 64n - 1n);
    assert.equal(parseInteger('1.5'), undefined);
    assert.equal(parseInteger('09'), undefined);
  });
  it('IPv4', () => {
    assert.equal(parseIPv4('10.0.0.5'), 0x0a000005n);
    assert.equal(parseIPv4('255.255.255.255'), 0xffffffffn);
    assert.equal(parseIPv4('10.0.0.256'), undefined);
    assert.equal(parseIPv4('127.1'), undefined);
  });
  it('IPv6', () => {
    assert.equal(parseIPv6('::1'), 1n);
    assert.equal(parseIPv6('::'), 0n);
    assert.equal(parseIPv6('2001:db8::'), 0x20010db8n << 96n);
    assert.equal(parseIPv6('1:2:3:4:5:6:7:8'), 0x00010002000300040005000600070008n);
    assert.equal(parseIPv6('::ffff:1.2.3.4'), 0xffff01020304n);
    assert.equal(parseIPv6('1::2::3'), undefined);
    assert.equal(parseIPv6('1:2:3:4:5:6:7:8:9'), undefined);
    assert.equal(parseIPv6('1:2:3:4:5:6:7::8'), undefined);
    assert.equal(parseIPv6('12345::'), undefined);
  });
  it('byte strings and MACs', () => {
    assert.deepEqual(parseBytes('aa:bb:cc'), Uint8Array.of(0xaa, 0xbb, 0xcc));
    assert.deepEqual(parseBytes('aabbcc'), Uint8Array.of(0xaa, 0xbb, 0xcc));
    assert.deepEqual(parseBytes('a-b'), Uint8Array.of(0x0a, 0x0b));
    assert.equal(parseBytes('abc'), undefined);
    assert.equal(parseBytes('aa::bb'), undefined);
    assert.deepEqual(parseEther('0011.2233.4455'), Uint8Array.of(0, 0x11, 0x22, 0x33, 0x44, 0x55));
    assert.equal(parseEther('00:11:22:33:44'), undefined);
  });
  it('seconds and absolute times, in nanoseconds', () => {
    assert.equal(parseSeconds('0.000501000'), 501000n);
    assert.equal(parseSeconds('2'), 2_000_000_000n);
    assert.equal(parseSeconds('-1.5'), -1_500_000_000n);
    assert.equal(parseSeconds('1e3'), undefined);
    // 2026-11-23T13:08:06Z is 1795439286 s after the epoch (date -u -d ... +%s).
    const ns = 1795439286n * 1_000_000_000n + 896268000n;
    assert.equal(parseAbsoluteTime('Nov 23, 2026 13:08:06.896268000 UTC'), ns);
    assert.equal(parseAbsoluteTime('2026-11-23T13:08:06.896268Z'), ns);
    assert.equal(parseAbsoluteTime('2026-11-23 13:08:06.896268'), ns);
    assert.equal(parseAbsoluteTime('1795439286.896268'), ns);
  });
});

describe('filter lexer', () => {
  it('splits ranges, keeps IPv6 and CIDR words whole, decodes strings', () => {
    const kinds = (t: string) => tokenize(t).map((k) => `${k.kind}:${k.text}`);
    assert.deepEqual(kinds('{5..7}'), ['op:{', 'word:5', 'op:..', 'word:7', 'op:}', 'eof:']);
    assert.deepEqual(kinds('ipv6.src==2001:db8::/32'), [
      'word:ipv6.src',
      'op:==',
      'word:2001:db8::/32',
      'eof:',
    ]);
    assert.deepEqual(kinds('a!==b'), ['word:a', 'op:!==', 'word:b', 'eof:']);
    assert.deepEqual(kinds('"a\\"b\\n"'), ['string:a"b\n', 'eof:']);
  });
});
