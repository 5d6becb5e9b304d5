/**
 * Text as tshark formats it: format_text escapes (checked against tshark 4.0.17 on names
 * with those bytes), time spans, IPv6 (RFC 5952), absolute times.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  absoluteTimeText,
  formatText,
  ipv6Text,
  timeSecsToStr,
} from '../../../../src/core/dns/dnsText';
import { hex } from './dnsTestContext';

describe('DNS text formatting', () => {
  it('escapes name bytes as tshark format_text does', () => {
    // tshark showed these label bytes as: \t\177<U+FFFD>\n\"€😀\u0000<U+FFFD> ~
    const b = hex('097f800a5c22e282acf09f9880c080eda080207e');
    assert.equal(formatText(b), '\\t\\177\ufffd\\n\\"\u20ac\u{1f600}\\u0000\ufffd ~');
  });

  it('writes time spans like unsigned_time_secs_to_str', () => {
    assert.equal(timeSecsToStr(0), '0 seconds');
    assert.equal(timeSecsToStr(60), '1 minute');
    assert.equal(timeSecsToStr(3661), '1 hour, 1 minute, 1 second');
    assert.equal(timeSecsToStr(1209600), '14 days');
  });

  it('compresses IPv6 addresses as tshark prints them', () => {
    assert.equal(ipv6Text(hex('2607f0b0000f000000000000babef00d'), 0), '2607:f0b0:f::babe:f00d');
    assert.equal(
      ipv6Text(hex('26003c0300000000f03c91fffe96e8ef'), 0),
      '2600:3c03::f03c:91ff:fe96:e8ef',
    );
    assert.equal(ipv6Text(hex('20010db885a3000000008a2e00000000'), 0), '2001:db8:85a3::8a2e:0:0');
    assert.equal(ipv6Text(hex('00000000000000000000000000000001'), 0), '::1');
  });

  it('prints absolute times in UTC with nanoseconds', () => {
    // dnssec.pcap: tshark "Dec 29, 2008 11:00:04.000000000 UTC"
    assert.equal(absoluteTimeText(1230548404), 'Dec 29, 2008 11:00:04.000000000 UTC');
  });
});
