/**
 * Generated transaction items in a DNS tree: names, labels, -T fields text and positions
 * in the forms `tshark -2 -V` shows on retransmissions.pcap (a retransmitted query with its
 * expert item, "[Response In: 7]", "[Request In: 4]" with "[Time: S seconds]", a
 * retransmitted response, "[Unsolicited: True]"), here on hand-built messages.
 */
import { secondsText } from '../../../../src/core/format/timeText';
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { FieldNode } from '../../../../src/core/field';
import { addTransactionFields } from '../../../../src/core/transactions/transactionFields';
import { dissect, hex } from '../dns/dnsTestContext';

// Query for late.test A (id 0x30b2), and the response with one A record, as in the fixture.
const question = '046c617465 0474657374 00 0001 0001';
const queryBytes = `30b2 0120 0001 0000 0000 0000 ${question}`;
const responseBytes = `30b2 8500 0001 0001 0000 0000 ${question} c00c 0001 0001 0000003c 0004 c0000235`;

function dnsNode(tree: FieldNode[]): FieldNode {
  const n = tree.find((t) => t.name === 'dns');
  assert.ok(n, 'a DNS protocol item');
  return n;
}
const labels = (n: FieldNode) => (n.children ?? []).map((c) => c.label);

describe('addTransactionFields', () => {
  it('ends a query with "[Response In: N]" (-T fields: the frame number)', () => {
    const d = dissect(hex(queryBytes));
    addTransactionFields(d.ctx, [{ responseIn: 7 }]);
    const dns = dnsNode(d.tree);
    assert.deepEqual(labels(dns).slice(-2), ['Queries', '[Response In: 7]']);
    const item = dns.children?.at(-1);
    assert.equal(item?.name, 'dns.response_in');
    assert.equal(item?.show, '7');
    assert.equal(item?.generated, true);
    assert.equal(item?.length, 0);
  });

  it('ends a response with "[Request In: N]" and "[Time: S seconds]" with nine decimals', () => {
    const d = dissect(hex(responseBytes));
    addTransactionFields(d.ctx, [{ responseTo: 4, timeNs: 2_003_372_000n }]);
    const dns = dnsNode(d.tree);
    assert.deepEqual(labels(dns).slice(-3), [
      'Answers',
      '[Request In: 4]',
      '[Time: 2.003372000 seconds]',
    ]);
    assert.deepEqual(d.shows('dns.response_to'), ['4']);
    assert.deepEqual(d.shows('dns.time'), ['2.003372000']);
  });

  it("marks a retransmitted query with tshark's expert item under the Transaction ID", () => {
    const d = dissect(hex(queryBytes));
    addTransactionFields(d.ctx, [{ retransmission: true, retransmitRequestIn: 1 }]);
    const dns = dnsNode(d.tree);
    assert.deepEqual(labels(dns).slice(-2), [
      '[Retransmitted request. Original request in: 1]',
      '[Retransmission: True]',
    ]);
    assert.deepEqual(d.shows('dns.retransmission'), ['1']);
    assert.deepEqual(d.shows('dns.retransmit_request_in'), ['1']);
    assert.deepEqual(d.shows('dns.retransmit_request'), ['1']);
    const id = dns.children?.find((c) => c.name === 'dns.id');
    const expert = id?.children?.[0];
    assert.equal(
      expert?.label,
      '[Expert Info (Warning/Protocol): DNS query retransmission. Original request in frame 1]',
    );
    assert.deepEqual(
      (expert?.children ?? []).filter((c) => !c.hidden).map((c) => c.label),
      [
        '[DNS query retransmission. Original request in frame 1]',
        '[Severity level: Warning]',
        '[Group: Protocol]',
      ],
    );
    assert.deepEqual(d.shows('_ws.expert.message'), [
      'DNS query retransmission. Original request in frame 1',
    ]);
  });

  it('marks a retransmitted response and an unsolicited one', () => {
    const again = dissect(hex(responseBytes));
    addTransactionFields(again.ctx, [{ retransmission: true, retransmitResponseIn: 11 }]);
    assert.deepEqual(labels(dnsNode(again.tree)).slice(-2), [
      '[Retransmitted response. Original response in: 11]',
      '[Retransmission: True]',
    ]);
    assert.deepEqual(again.shows('dns.retransmit_response'), ['1']);
    const unsolicited = dissect(hex(responseBytes));
    addTransactionFields(unsolicited.ctx, [{ unsolicited: true }]);
    assert.deepEqual(labels(dnsNode(unsolicited.tree)).slice(-1), ['[Unsolicited: True]']);
    assert.deepEqual(unsolicited.shows('dns.unsolicited'), ['1']);
  });

  it('puts the items before extraneous data, as tshark', () => {
    const d = dissect(hex(`${queryBytes} dead`));
    addTransactionFields(d.ctx, [{ responseIn: 2 }]);
    assert.deepEqual(labels(dnsNode(d.tree)).slice(-2), [
      '[Response In: 2]',
      'Extraneous Data (2 bytes)',
    ]);
  });

  it('adds nothing to a malformed message (tshark stops before these items)', () => {
    const d = dissect(hex(`30b2 0120 0001 0000 0000 0000 046c61`));
    assert.ok(d.ctx.dns[0]?.malformed);
    addTransactionFields(d.ctx, [{ responseIn: 2 }]);
    assert.deepEqual(d.shows('dns.response_in'), []);
  });

  it('adds nothing in scan mode or without an annotation', () => {
    const scan = dissect(hex(queryBytes), { scan: true });
    addTransactionFields(scan.ctx, [{ responseIn: 2 }]);
    const d = dissect(hex(queryBytes));
    addTransactionFields(d.ctx, [null]);
    assert.deepEqual(labels(dnsNode(d.tree)).slice(-1), ['Queries']);
  });

  it('prints relative times as tshark: nine decimals, sign in front', () => {
    assert.equal(secondsText(380_000n), '0.000380000');
    assert.equal(secondsText(2_003_372_000n), '2.003372000');
    assert.equal(secondsText(-1_000_000n), '-0.001000000');
  });
});
