/**
 * The DNS scan's summary path (DissectOptions.dnsInfo === false, scan mode only): the
 * DnsMessageInfo the statistics need, without the Info column text and without decoding
 * record data. Reads what dissectDnsMessage reads, in the same order and with the same
 * bounds-checked accessors, so a message that fault there faults here at the same offset,
 * except inside the data of records other than OPT, which this path skips by RDLENGTH:
 *   - header and counts;
 *   - the first question's name decoded once (readName), later questions' names skipped
 *     (nameSpan throws where readName would), each question's type and class;
 *   - every record's owner name skipped (nameSpan), type, class and RDLENGTH read and the
 *     whole record bounds-checked as tshark's record item is; the first OPT record's
 *     header gives `edns`, and its options are walked (dissectOptOptions) for their faults.
 */
import type { DnsMessageInfo, PacketContext } from '../dissect/packetContext';
import { dissectOptOptions } from './dnsEdns';
import {
  dnsMessageView,
  emptyDnsMessageInfo,
  recordDnsFault,
  type DnsFlavor,
  type DnsWalk,
} from './dnsMessage';
import { check, u16, u8, type DnsView } from './dnsWire';
import { nameSpan, newNameBudget, readName, type NameBudget } from './dnsWireName';

const T_OPT = 41;

/** The summary of one message in [start, end) of ctx.sources[source] (TCP: after the 2-byte length). Never throws. */
export function summarizeDnsMessage(
  ctx: PacketContext,
  source: number,
  start: number,
  end: number,
  transport: 'udp' | 'tcp',
  flavor: DnsFlavor,
): DnsMessageInfo | null {
  const v = dnsMessageView(ctx, source, start, end, transport);
  if (!v) return null;
  const { base } = v;
  end = v.end;
  const info = emptyDnsMessageInfo(
    { source, start: base, length: Math.max(0, end - base) },
    transport,
  );
  try {
    const id = u16(v, base);
    info.flags = u16(v, base + 2);
    info.id = id;
    const qd = (info.qdcount = u16(v, base + 4));
    const an = (info.ancount = u16(v, base + 6));
    const ns = (info.nscount = u16(v, base + 8));
    const ar = (info.arcount = u16(v, base + 10));
    const budget = newNameBudget(v);
    let off = base + 12;
    for (let i = 0; i < qd; i++) off = summarizeQuestion(v, off, budget, info, i === 0, flavor);
    const records = an + ns + ar;
    for (let i = 0; i < records; i++) off = skipRecord(ctx, v, off, budget, info, source, flavor);
  } catch (e) {
    recordDnsFault(ctx, info, e, null, flavor, end);
  }
  return info;
}

/** Reads one question at `off`; returns where the next item starts. */
function summarizeQuestion(
  v: DnsView,
  off: number,
  budget: NameBudget,
  info: DnsMessageInfo,
  first: boolean,
  flavor: DnsFlavor,
): number {
  if (!first) {
    const typeOff = off + nameSpan(v, off, budget);
    u16(v, typeOff);
    u16(v, typeOff + 2);
    return typeOff + 4;
  }
  const name = readName(v, off, budget);
  const typeOff = off + name.used;
  const type = u16(v, typeOff);
  const cls = u16(v, typeOff + 2);
  // Set only once the whole question is read, as dissectQuestion does.
  info.qname = name.text;
  info.qtype = type;
  info.qclass = flavor === 'mdns' ? cls & 0x7fff : cls;
  return typeOff + 4;
}

/** Skips one resource record at `off` (reading an OPT record's header); returns where the next starts. */
function skipRecord(
  ctx: PacketContext,
  v: DnsView,
  off: number,
  budget: NameBudget,
  info: DnsMessageInfo,
  source: number,
  flavor: DnsFlavor,
): number {
  const used = nameSpan(v, off, budget);
  const typeOff = off + used;
  const type = u16(v, typeOff);
  u16(v, typeOff + 2);
  const dataLen = u16(v, typeOff + 8);
  const size = used + 10 + dataLen;
  check(v, off, size);
  if (type === T_OPT) {
    const z = u16(v, typeOff + 6);
    info.edns ??= {
      udpSize: u16(v, typeOff + 2),
      version: u8(v, typeOff + 5),
      do: (z & 0x8000) !== 0,
      extRcode: u8(v, typeOff + 4),
    };
    if (dataLen > 0) {
      const w: DnsWalk = { ctx, v, source, flavor, budget, info: '' };
      dissectOptOptions(w, null, typeOff + 10, dataLen);
    }
  }
  return off + size;
}
