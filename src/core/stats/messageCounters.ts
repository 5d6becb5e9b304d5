/**
 * Per-message tallies: query/response, opcode, rcode, qtype, qclass, each header flag and
 * DO, EDNS presence/version/UDP size, transport, IP version, malformed; plus the same counts
 * over all messages the way `tshark -z dns,tree` makes them. Memory: one entry per distinct
 * mnemonic (at most 65536 types; UDP sizes capped at 64 distinct values).
 */
import type { DnsMessageEvent } from './dnsEvent';
import type { FlagCounts, SummaryReport, TsharkTreeCounts } from '../report/summaryReport';
import { NumberTally } from './countTable';
import { classMnemonic, opcodeMnemonic, qtypeMnemonic, rcodeMnemonic } from './dnsMnemonics';

const FLAG_BITS = {
  rd: 0x0100,
  ra: 0x0080,
  aa: 0x0400,
  tc: 0x0200,
  ad: 0x0020,
  cd: 0x0010,
} as const;
type FlagName = keyof typeof FLAG_BITS | 'do';
const FLAG_NAMES: readonly FlagName[] = ['rd', 'ra', 'aa', 'tc', 'ad', 'cd', 'do'];
/** The header bits of FLAG_NAMES[0..5], in that order (DO, the last, is EDNS's). */
const FLAG_MASKS: readonly number[] = FLAG_NAMES.slice(0, 6).map(
  (f) => FLAG_BITS[f as keyof typeof FLAG_BITS],
);
const DO = 6;

export const MAX_UDP_SIZE_KEYS = 64;

export class MessageCounters {
  messages = 0;
  queries = 0;
  responses = 0;
  malformed = 0;
  // Counted by number, named (mnemonics) only when the report is made.
  readonly qtypes = new NumberTally(qtypeMnemonic);
  readonly rcodes = new NumberTally(rcodeMnemonic);
  readonly opcodes = new NumberTally(opcodeMnemonic);
  readonly qclasses = new NumberTally(classMnemonic);
  /** Per flag (FLAG_NAMES order): queries and responses with it set. */
  private readonly flagQueries = new Array<number>(FLAG_NAMES.length).fill(0);
  private readonly flagResponses = new Array<number>(FLAG_NAMES.length).fill(0);
  private readonly ednsCounts = { queries: 0, responses: 0 };
  private readonly ednsVersions = new NumberTally(String);
  private readonly udpSizes = new NumberTally(String);
  /** EDNS messages whose UDP size came after MAX_UDP_SIZE_KEYS distinct ones. */
  private otherUdpSizes = 0;
  readonly transport = { udp: 0, tcp: 0, unknown: 0 };
  readonly ipVersion = { ipv4: 0, ipv6: 0, unknown: 0 };
  private readonly tsharkRcodes = new NumberTally(rcodeMnemonic);
  private readonly tsharkOpcodes = new NumberTally(opcodeMnemonic);
  private readonly tsharkQtypes = new NumberTally(qtypeMnemonic);
  private readonly tsharkClasses = new NumberTally(classMnemonic);

  add(e: DnsMessageEvent): void {
    this.messages++;
    const side = e.response ? 'responses' : 'queries';
    if (e.response) this.responses++;
    else this.queries++;
    if (e.malformed) this.malformed++;
    this.opcodes.add(e.opcode);
    if (e.response) this.rcodes.add(e.rcode);
    else {
      if (e.qtype !== undefined) this.qtypes.add(e.qtype);
      if (e.qclass !== undefined) this.qclasses.add(e.qclass);
    }
    const flagSide = e.response ? this.flagResponses : this.flagQueries;
    for (let i = 0; i < FLAG_MASKS.length; i++)
      if ((e.flags & (FLAG_MASKS[i] as number)) !== 0) (flagSide[i] as number)++;
    if (e.edns?.do === true) (flagSide[DO] as number)++;
    if (e.edns) {
      this.ednsCounts[side]++;
      this.ednsVersions.add(e.edns.version);
      const size = e.edns.udpSize;
      if (this.udpSizes.has(size) || this.udpSizes.size < MAX_UDP_SIZE_KEYS)
        this.udpSizes.add(size);
      else this.otherUdpSizes++;
    }
    if (e.transport === 'udp') this.transport.udp++;
    else if (e.transport === 'tcp') this.transport.tcp++;
    else this.transport.unknown++;
    if (e.ipVersion === 4) this.ipVersion.ipv4++;
    else if (e.ipVersion === 6) this.ipVersion.ipv6++;
    else this.ipVersion.unknown++;
    // tshark's dns,tree: every message, header rcode (4 bits), type/class 0 without a question.
    this.tsharkRcodes.add(e.flags & 0xf);
    this.tsharkOpcodes.add(e.opcode);
    this.tsharkQtypes.add(e.qtype ?? 0);
    this.tsharkClasses.add(e.qclass ?? 0);
  }

  flags(): SummaryReport['flags'] {
    const f = (n: FlagName): FlagCounts => {
      const i = FLAG_NAMES.indexOf(n);
      return { queries: this.flagQueries[i] ?? 0, responses: this.flagResponses[i] ?? 0 };
    };
    return {
      rd: f('rd'),
      ra: f('ra'),
      aa: f('aa'),
      tc: f('tc'),
      ad: f('ad'),
      cd: f('cd'),
      do: f('do'),
    };
  }

  edns(): SummaryReport['edns'] {
    return {
      queries: this.ednsCounts.queries,
      responses: this.ednsCounts.responses,
      versions: this.ednsVersions.toTable(),
      udpSizes: this.udpSizes.toTable({ other: this.otherUdpSizes }),
    };
  }

  tsharkCounts(): Pick<
    TsharkTreeCounts,
    'messages' | 'queries' | 'responses' | 'rcodes' | 'opcodes' | 'qtypes' | 'classes'
  > {
    return {
      messages: this.messages,
      queries: this.queries,
      responses: this.responses,
      rcodes: this.tsharkRcodes.toTable(),
      opcodes: this.tsharkOpcodes.toTable(),
      qtypes: this.tsharkQtypes.toTable(),
      classes: this.tsharkClasses.toTable(),
    };
  }

  /** Distinct keys held (memory accounting). */
  get retainedKeys(): number {
    return (
      this.qtypes.size +
      this.rcodes.size +
      this.opcodes.size +
      this.qclasses.size +
      this.ednsVersions.size +
      this.udpSizes.size +
      (this.otherUdpSizes > 0 ? 1 : 0) +
      this.tsharkRcodes.size +
      this.tsharkOpcodes.size +
      this.tsharkQtypes.size +
      this.tsharkClasses.size
    );
  }
}
