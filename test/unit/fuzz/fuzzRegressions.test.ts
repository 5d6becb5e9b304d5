/**
 * Every input the fuzzer (or writing its properties) caught breaking an invariant, kept as
 * hex with how it was found, and run through the same checks (fuzzChecks.ts) plus what
 * the oracle says about it.
 */
import assert from 'node:assert/strict';
import { newReusableRecord } from '../../../src/core/capture/captureRecord';
import { FrameDissector } from '../../../src/core/dissect/frame';
import { walkFields } from '../../../src/core/field';
import { checkFrame } from './fuzzChecks';

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

function dissectBoth(linkType: number, data: Uint8Array) {
  const r = newReusableRecord();
  r.frame = 1;
  r.linkType = linkType;
  r.data = data;
  r.capturedLength = r.originalLength = data.length;
  const scan = new FrameDissector().dissect(r, false);
  const tree = new FrameDissector().dissect(r, true);
  checkFrame(scan);
  checkFrame(tree);
  return tree;
}

describe('fuzz regressions', () => {
  // Long run of 2026-11-23 (DNSPECTOR_FUZZ_SEED=20261123), target frame-101, input 151:
  // an SVCB answer (from edns-options.pcap) whose alpn SvcParam claims 21,521 value bytes.
  // The SvcParam item took that length (bytes 101..21,626 of a 170-byte frame: a hex
  // highlight past the end). tshark -T pdml clips it to the message's end: pos 101, size 55.
  // The same fault was found under link types 0, 1 and 9.
  it('clips an SVCB SvcParam whose value length runs past the message, as tshark does', () => {
    const frame = hex(`
      4500009cdb3c00004011a1127f0000017f0000010035a9020088fe9b1e7b8500000100010000000103737663
      076578616d706c6504746573740000400001c00c0040000100000e10002b00010a7376632d74617267657407
      6578616d706c650474657374000001541115321c61ba4ebcf36073a2b100060268320268330003000220fb00
      0029100000000000001c000a0018fe8d83aef34bdeb1010000006b043ab80eb6e944886d721d`);
    const f = dissectBoth(101, frame);
    const params = [...walkFields(f.tree ?? [])].filter((n) => n.name === 'dns.svcb.svcparam');
    assert.deepEqual(
      params.map((p) => [p.start, p.length]),
      [[101, 55]],
    );
    assert.equal(f.malformed?.protocol, 'DNS', 'still malformed, as in tshark');
  });
});
