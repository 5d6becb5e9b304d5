/**
 * Field help for hovers: every field the fixture captures' trees show (transaction fields
 * included, through the CLI's two-pass pipeline) and every field a dissector registers has
 * a text; texts are short plain text; and spot checks of meanings against the RFC wording
 * (the expected words are taken from the RFCs, not from the help texts).
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'mocha';
import { fieldHelp, valueHelp } from '../../../../src/core/help/fieldHelp';
import { dnsFieldHelp } from '../../../../src/core/help/dnsFieldHelp';
import { ipFieldHelp } from '../../../../src/core/help/ipFieldHelp';
import { linkFieldHelp } from '../../../../src/core/help/linkFieldHelp';
import * as valueTables from '../../../../src/core/help/dnsValueHelp';
import { knownFieldNames, walkFields } from '../../../../src/core/field';
import { registerAllDissectors } from '../../../../src/core/dissect/dissectors';
import { addTransactionFields } from '../../../../src/core/transactions/transactionFields';
import { dissectCaptureFile, transactionAnnotations } from '../../../../src/cli/captureFrames';
import { fixtureCaptures } from '../../../helpers/captureFiles';

/**
 * Registered fields with no help on purpose: none today. (Add a name here only with the
 * reason, e.g. a Wireshark-internal field no view shows.)
 */
const withoutHelp: ReadonlySet<string> = new Set<string>([]);

/**
 * Tree items the dissectors add without registering a field: the protocol items
 * (addProtocol calls and ipv6.ts's extension headers) and Wireshark's _ws items.
 */
const unregisteredItems = [
  ...['frame', 'eth', 'vlan', 'ieee8021ad', 'sll', 'null', 'ppp', 'raw', 'data'],
  ...['ip', 'ipv6', 'ipv6.hopopts', 'ipv6.routing', 'ipv6.dstopts', 'ipv6.fraghdr', 'ah'],
  ...['udp', 'tcp', 'dns', 'mdns', 'llmnr'],
  ...['_ws.short', '_ws.expert', '_ws.expert.severity', '_ws.expert.group'],
];

const allTexts = (): [string, string][] => [
  ...Object.entries(dnsFieldHelp),
  ...Object.entries(ipFieldHelp),
  ...Object.entries(linkFieldHelp),
  ...Object.values(valueTables)
    .flatMap((m) => [...m.entries()])
    .map(([k, v]): [string, string] => [`value ${k}`, v]),
];

describe('field help', () => {
  before(() => registerAllDissectors());

  describe('coverage', function () {
    this.timeout(120_000);

    it('has a text for every field in the fixture captures (with transaction fields)', async () => {
      const seen = new Set<string>();
      for (const file of fixtureCaptures()) {
        const annotations = await transactionAnnotations(file, {});
        await dissectCaptureFile(
          file,
          {},
          () => true,
          (frame) => {
            addTransactionFields(frame, annotations.get(frame.meta.frame) ?? []);
            for (const node of walkFields(frame.tree ?? [])) if (node.name) seen.add(node.name);
          },
        );
      }
      // The walk really reached DNS internals and the two-pass fields.
      for (const name of ['dns.flags.recdesired', 'dns.resp.z.do', 'dns.response_in', 'dns.time'])
        assert.ok(seen.has(name), `fixtures show ${name}`);
      const missing = [...seen].filter((n) => !withoutHelp.has(n) && fieldHelp(n) === undefined);
      assert.deepEqual(missing.sort(), []);
    });

    it('has a text for every field the dissectors register', () => {
      const names = knownFieldNames();
      assert.ok(names.length > 400, `${names.length} registered fields`);
      const missing = names.filter((n) => !withoutHelp.has(n) && fieldHelp(n) === undefined);
      assert.deepEqual(missing, []);
    });

    it('has a text for every protocol item', () => {
      assert.deepEqual(
        unregisteredItems.filter((n) => fieldHelp(n) === undefined),
        [],
      );
    });

    it('has no text for a field nobody registers (catches misspelt keys)', () => {
      const known = new Set([...knownFieldNames(), ...unregisteredItems]);
      const keys = [dnsFieldHelp, ipFieldHelp, linkFieldHelp].flatMap((t) => Object.keys(t));
      assert.deepEqual(
        keys.filter((k) => !known.has(k)),
        [],
      );
    });

    it('says nothing about unknown fields', () => {
      assert.equal(fieldHelp('dns.no_such_field'), undefined);
      assert.equal(fieldHelp(''), undefined);
    });
  });

  describe('form', () => {
    it('checks every text (field and value tables)', () => {
      assert.ok(allTexts().length > Object.keys(dnsFieldHelp).length + 100);
    });

    it('is short plain text: no HTML, backticks or Markdown', () => {
      const bad = allTexts().filter(
        ([, t]) =>
          t.length === 0 ||
          t.length > 400 ||
          /[<>`\n]|\*\*|__/.test(t) ||
          /\]\(/.test(t) ||
          t !== t.trim(),
      );
      assert.deepEqual(bad, []);
    });

    it('ends with the RFC reference when it cites an RFC', () => {
      // "RFC 1035 §4.1.1", "RFC 4035 §3.2.3, RFC 6840 §5.7", "RFC 6762 §5.4, §18.12", "RFC 4034 Appendix B"
      const tail = /RFC \d+( (§[\d.]+(, §[\d.]+)*|Appendix [A-Z]))?$/;
      const bad = allTexts().filter(([, t]) => /RFC \d/.test(t) && !tail.test(t));
      assert.deepEqual(bad, []);
    });

    it('ends every text without a reference with a full stop', () => {
      const bad = allTexts().filter(([, t]) => !/RFC \d/.test(t) && !t.endsWith('.'));
      assert.deepEqual(bad, []);
    });
  });

  describe('meanings (checked against the RFC text)', () => {
    const has = (name: string, ...words: string[]): void => {
      const t = fieldHelp(name);
      assert.ok(t, `${name} has help`);
      for (const w of words) assert.ok(t.includes(w), `${name}: "${t}" mentions "${w}"`);
    };

    it('header bits (RFC 1035 §4.1.1)', () => {
      // RFC 1035: "RD Recursion Desired - ... directs the name server to pursue the query recursively"
      has('dns.flags.recdesired', 'recursive', 'RFC 1035 §4.1.1');
      has('dns.flags.response', 'query', 'response', 'RFC 1035 §4.1.1');
      has('dns.flags.truncated', 'TCP', 'RFC 1035 §4.1.1');
      has('dns.flags.authoritative', 'authority', 'RFC 1035 §4.1.1');
      has('dns.count.auth_rr', 'authority', 'NSCOUNT');
      has('dns.length', 'TCP', 'RFC 1035 §4.2.2');
    });

    it('DNSSEC bits: AD, CD (RFC 4035 §3.2), DO (RFC 3225)', () => {
      has('dns.flags.authenticated', 'AD', 'DNSSEC', 'RFC 4035 §3.2.3');
      has('dns.flags.checkdisable', 'CD', 'validation', 'RFC 4035 §3.2.2');
      has('dns.resp.z.do', 'DNSSEC', 'RFC 3225');
    });

    it('UPDATE section names (RFC 2136 §2.2)', () => {
      has('dns.count.zones', 'ZOCOUNT', 'zone', 'RFC 2136 §2.2');
      has('dns.count.prerequisites', 'PRCOUNT', 'prerequisite', 'RFC 2136 §2.2');
      has('dns.count.updates', 'UPCOUNT', 'update', 'RFC 2136 §2.2');
    });

    it('mDNS and LLMNR reuses of bits (RFC 6762, RFC 4795)', () => {
      has('dns.resp.cache_flush', 'cache-flush', 'RFC 6762 §10.2');
      has('dns.qry.qu', 'unicast', 'RFC 6762 §5.4');
      has('dns.flags.conflict', 'conflict', 'RFC 4795 §2.1.1');
      has('dns.flags.tentative', 'unique', 'RFC 4795 §2.1.1');
    });

    it('EDNS and its options (RFC 6891, 7871, 7873, 8914)', () => {
      has('dns.rr.udp_payload_size', 'UDP payload size', 'RFC 6891');
      has('dns.resp.ext_rcode', 'upper 8 bits', 'RFC 6891 §6.1.3');
      has('dns.opt.client.netmask', 'source prefix', 'RFC 7871 §6');
      has('dns.opt.client.scope', 'scope prefix', 'RFC 7871 §6');
      has('dns.opt.cookie.client', '8 bytes', 'RFC 7873');
      has('dns.opt.cookie.server', '8 to 32 bytes', 'RFC 7873');
      has('dns.opt.ext_error.info_code', 'RFC 8914');
    });

    it('record data (RFC 3596, RFC 9460)', () => {
      has('dns.aaaa', 'IPv6', 'RFC 3596');
      has('dns.a', 'IPv4', 'RFC 1035 §3.4.1');
      has('dns.svcb.svcpriority', 'AliasMode', 'RFC 9460');
      has('dns.soa.minimum_ttl', 'negative', 'RFC 2308 §4');
    });

    it('lower layers', () => {
      has('ip.ttl', 'router', 'RFC 791');
      has('ipv6.hlim', 'router', 'RFC 8200');
      has('udp.checksum', 'pseudo-header', 'RFC 768');
      has('frame.cap_len', 'snapshot length');
    });
  });

  describe('valueHelp', () => {
    it('explains common types, rcodes, opcodes, classes and EDNS codes', () => {
      assert.match(valueHelp('dns.qry.type', 28) ?? '', /^AAAA: IPv6 .*RFC 3596/);
      assert.match(valueHelp('dns.resp.type', 1) ?? '', /^A: IPv4 .*RFC 1035/);
      assert.match(valueHelp('dns.rrsig.type_covered', 48) ?? '', /^DNSKEY/);
      assert.match(valueHelp('dns.flags.rcode', 3) ?? '', /^NXDomain: .*does not exist/);
      assert.match(valueHelp('dns.flags.opcode', 5) ?? '', /^UPDATE.*RFC 2136/);
      assert.match(valueHelp('dns.qry.class', 1) ?? '', /^IN: /);
      assert.match(valueHelp('dns.opt.code', 10) ?? '', /^Cookie.*RFC 7873/);
      assert.match(valueHelp('dns.opt.ext_error.info_code', 15) ?? '', /^Blocked.*RFC 8914 §4\.16/);
    });

    it('says nothing for values or fields it has no table for', () => {
      assert.equal(valueHelp('dns.qry.type', 65280), undefined);
      assert.equal(valueHelp('ip.ttl', 64), undefined);
    });
  });
});
