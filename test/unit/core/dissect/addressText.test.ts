/**
 * Address text as Wireshark 4.0 prints it. IPv6 expectations come from glibc's
 * inet_ntop (which Wireshark uses on Linux), checked with Python's socket.inet_ntop;
 * they follow RFC 5952 section 4 (longest run of two or more zero groups, first one on a
 * tie, lowercase) and glibc's embedded-IPv4 forms.
 */
import assert from 'node:assert/strict';
import { ipv4Text, ipv6Text, macText } from '../../../../src/core/dissect/addressText';
import { hex } from './layerHarness';

describe('addressText', () => {
  it('prints IPv4 dotted quads at an offset', () => {
    assert.equal(ipv4Text(hex('ff c0a8010b'), 1), '192.168.1.11');
    assert.equal(ipv4Text(hex('00000000'), 0), '0.0.0.0');
  });

  const v6: [string, string][] = [
    ['00000000000000000000000000000000', '::'],
    ['00000000000000000000000000000001', '::1'],
    ['20010db8000000000000000000000001', '2001:db8::1'],
    ['20010db8000000010000000000000001', '2001:db8:0:1::1'],
    ['00010000000000020000000000000003', '1:0:0:2::3'],
    ['20010db8000000000001000000000001', '2001:db8::1:0:0:1'],
    ['00010000000200030004000500060007', '1:0:2:3:4:5:6:7'],
    ['fe800000000000000000000100000000', 'fe80::1:0:0'],
    ['00010002000300040005000600070000', '1:2:3:4:5:6:7:0'],
    ['00000002000300040005000600070008', '0:2:3:4:5:6:7:8'],
    ['00000000000000000000000000000002', '::2'],
    ['00000000000000000000ffff01020304', '::ffff:1.2.3.4'],
    ['00000000000000000000000001020304', '::1.2.3.4'],
    ['0000000000000000ffff000001020304', '::ffff:0:102:304'],
    ['0064ff9b000000000000000001020304', '64:ff9b::102:304'],
    ['20010db800ab00cd00ef000100020003', '2001:db8:ab:cd:ef:1:2:3'],
  ];
  for (const [bytes, text] of v6) {
    it(`prints ${text} as glibc inet_ntop does`, () => {
      assert.equal(ipv6Text(concatPrefix(bytes), 2), text);
    });
  }

  it('prints MAC addresses as lowercase colon-separated hex', () => {
    assert.equal(macText(hex('00 11 22 33 44 5f'), 0), '00:11:22:33:44:5f');
    assert.equal(macText(hex('aa ff ff ff ff ff ff'), 1), 'ff:ff:ff:ff:ff:ff');
  });
});

/** Puts two junk bytes before the address so the offset argument is exercised. */
function concatPrefix(bytes: string): Uint8Array {
  return hex('eeee' + bytes);
}
