/**
 * Message counts: query/response, opcode, rcode (responses, EDNS-extended), qtype and class
 * (queries), each flag, EDNS, transport, IP version, malformed; and the tshark dns,tree view
 * over all messages (header rcode, type/class 0 without a question). Mnemonic keys.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { summarizeEvents } from '../../../../src/core/stats/statsEngine';
import {
  qtypeMnemonic,
  rcodeMnemonic,
  opcodeMnemonic,
  classMnemonic,
} from '../../../../src/core/stats/dnsMnemonics';
import { query, response, T0 } from './statsEvents';

describe('message counters', () => {
  it('uses DNS mnemonics for keys, with RFC 3597 style fallbacks', () => {
    assert.deepEqual([1, 28, 255, 10, 65, 65400, 0].map(qtypeMnemonic), [
      'A',
      'AAAA',
      'ANY',
      'NULL',
      'HTTPS',
      'TYPE65400',
      'TYPE0',
    ]);
    assert.deepEqual([0, 3, 5, 16, 12].map(rcodeMnemonic), [
      'NOERROR',
      'NXDOMAIN',
      'REFUSED',
      'BADVERS',
      'RCODE12',
    ]);
    assert.deepEqual([0, 2, 5, 3].map(opcodeMnemonic), ['QUERY', 'STATUS', 'UPDATE', 'OPCODE3']);
    assert.deepEqual([1, 3, 0].map(classMnemonic), ['IN', 'CH', 'CLASS0']);
  });

  it('counts every dimension of a small hand-built stream', () => {
    const edns = { udpSize: 1232, version: 0, do: true };
    const r = summarizeEvents([
      query({ t: T0, qtype: 1, edns }),
      query({
        t: T0 + 1,
        qtype: 28,
        transport: 'tcp',
        ipVersion: 6,
        flags: 0x0100 | 0x0020 | 0x0010,
      }),
      query({ t: T0 + 2, qtype: 16, qclass: 3, opcode: 0 }),
      query({ t: T0 + 3, opcode: 2, flags: 0x1000 }), // STATUS, no question, RD clear
      response({
        t: T0 + 4,
        qtype: 1,
        rcode: 3,
        flags: 0x8000 | 0x0400 | 0x0100 | 0x0080 | 3,
        edns: { udpSize: 4096, version: 0, do: false },
      }),
      response({
        t: T0 + 5,
        qtype: 1,
        rcode: 16,
        flags: 0x8000 | 0x0100,
        edns: { udpSize: 4096, version: 1, do: false },
      }), // BADVERS: header rcode 0
      response({ t: T0 + 6, qtype: 1, flags: 0x8200, malformed: true }),
    ]);
    assert.deepEqual(r.totals.messages, 7);
    assert.equal(r.totals.queries, 4);
    assert.equal(r.totals.responses, 3);
    assert.equal(r.totals.malformed, 1);
    assert.deepEqual(r.qtypes, { A: 1, AAAA: 1, TXT: 1 });
    assert.deepEqual(r.qclasses, { IN: 2, CH: 1 });
    assert.deepEqual(r.rcodes, { BADVERS: 1, NOERROR: 1, NXDOMAIN: 1 });
    assert.deepEqual(r.opcodes, { QUERY: 6, STATUS: 1 });
    assert.deepEqual(r.flags.rd, { queries: 3, responses: 2 });
    assert.deepEqual(r.flags.ra, { queries: 0, responses: 1 });
    assert.deepEqual(r.flags.aa, { queries: 0, responses: 1 });
    assert.deepEqual(r.flags.tc, { queries: 0, responses: 1 });
    assert.deepEqual(r.flags.ad, { queries: 1, responses: 0 });
    assert.deepEqual(r.flags.cd, { queries: 1, responses: 0 });
    assert.deepEqual(r.flags.do, { queries: 1, responses: 0 });
    assert.deepEqual(r.edns, {
      queries: 1,
      responses: 2,
      versions: { '0': 2, '1': 1 },
      udpSizes: { '4096': 2, '1232': 1 },
    });
    assert.deepEqual(r.transport, { udp: 6, tcp: 1, unknown: 0 });
    assert.deepEqual(r.ipVersion, { ipv4: 6, ipv6: 1, unknown: 0 });
    // tshark's view: all 7 messages; the STATUS query has type 0 / class 0; header rcodes.
    assert.equal(r.tshark.messages, 7);
    assert.deepEqual(r.tshark.qtypes, { A: 4, AAAA: 1, TXT: 1, TYPE0: 1 });
    assert.deepEqual(r.tshark.classes, { IN: 5, CH: 1, CLASS0: 1 });
    assert.deepEqual(r.tshark.rcodes, { NOERROR: 6, NXDOMAIN: 1 });
    assert.deepEqual(r.tshark.opcodes, { QUERY: 6, STATUS: 1 });
    assert.equal(r.start, new Date(T0 * 1000).toISOString());
    assert.equal(r.spanSeconds, 6);
  });

  it('produces an empty but complete report for no events', () => {
    const r = summarizeEvents([]);
    assert.equal(r.totals.messages, 0);
    assert.equal(r.start, null);
    assert.deepEqual(r.series.binStarts, []);
    assert.equal(r.regression.slope, null);
    assert.equal(r.responseTimes.median, null);
    assert.deepEqual(r.findings, []);
    assert.doesNotThrow(() => JSON.stringify(r));
  });
});
