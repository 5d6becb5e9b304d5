/**
 * Strings with a NUL inside (TXT, HINFO): tshark 4.0 cuts the text at the NUL and, when a
 * non-NUL byte follows it, hangs the expert "Trailing stray characters" (Warning/Undecoded)
 * under the item. Expected values are what tshark 4.0.17 prints for the same bytes
 * (text2pcap -u 53,40000 + `tshark -V` and `-T fields -e _ws.expert...`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { FieldNode } from '../../../../src/core/field';
import { dissect, hex } from './dnsTestContext';

// Response for "t." TXT: answer 1 TXT "nul:\0:tab:\t:" (stray bytes after the NUL) and
// "a\0\0" (only NULs after it: no expert); answer 2 HINFO CPU "x86\0y", OS "o\0".
const msg = hex(
  '1234 8400 0001 0002 0000 0000 0174 00 0010 0001' +
    'c00c 0010 0001 00000e10 0011 0c 6e756c3a 00 3a7461623a 09 3a 03 61 0000' +
    'c00c 000d 0001 00000e10 0009 05 783836 00 79 02 6f 00',
);

function lines(nodes: readonly FieldNode[], depth = 0): string[] {
  return nodes.flatMap((n) =>
    n.hidden ? [] : [`${'  '.repeat(depth)}${n.label}`, ...lines(n.children ?? [], depth + 1)],
  );
}

describe('DNS strings with stray characters after a NUL', () => {
  it('cuts TXT and HINFO text at the NUL as tshark does', () => {
    const d = dissect(msg);
    assert.deepEqual(d.shows('dns.txt'), ['nul:', 'a']);
    assert.deepEqual(d.shows('dns.hinfo.cpu'), ['x86']);
    assert.deepEqual(d.shows('dns.hinfo.os'), ['o']);
  });

  it('adds the Trailing stray characters expert only where a non-NUL byte follows the NUL', () => {
    const d = dissect(msg);
    const txt = d.field('dns.txt');
    const cpu = d.field('dns.hinfo.cpu');
    assert.ok(txt && cpu);
    const expected = [
      '[Expert Info (Warning/Undecoded): Trailing stray characters]',
      '  [Trailing stray characters]',
      '  [Severity level: Warning]',
      '  [Group: Undecoded]',
    ];
    assert.deepEqual(lines(txt.children ?? []), expected);
    assert.deepEqual(lines(cpu.children ?? []), expected);
    // "a\0\0" and "o\0": nothing after the NUL but NULs, so no expert
    const items = d.tree.flatMap(function all(n): FieldNode[] {
      return [n, ...(n.children ?? []).flatMap(all)];
    });
    const a = items.filter((n) => n.name === 'dns.txt')[1];
    assert.equal(a?.children, undefined);
    assert.equal(d.field('dns.hinfo.os')?.children, undefined);
  });

  it('gives the expert fields the values tshark -T fields prints', () => {
    const d = dissect(msg);
    assert.deepEqual(d.shows('_ws.string.trailing_stray_characters'), ['1', '1']);
    assert.deepEqual(d.shows('_ws.expert.message'), [
      'Trailing stray characters',
      'Trailing stray characters',
    ]);
    assert.deepEqual(d.shows('_ws.expert.severity'), ['6291456', '6291456']);
    assert.deepEqual(d.shows('_ws.expert.group'), ['83886080', '83886080']);
    assert.deepEqual(d.shows('_ws.expert'), [
      'Expert Info (Warning/Undecoded): Trailing stray characters',
      'Expert Info (Warning/Undecoded): Trailing stray characters',
    ]);
    assert.deepEqual(d.field('_ws.expert')?.expert, {
      severity: 'warn',
      message: 'Trailing stray characters',
    });
  });
});
