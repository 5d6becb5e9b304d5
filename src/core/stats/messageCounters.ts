/**
 * Per-message tallies: query/response, opcode, rcode, qtype, qclass, each header flag and
 * DO, EDNS presence/version/UDP size, transport, IP version, malformed; plus the same counts
 * over all messages the way `tshark -z dns,tree` makes them. Memory: one entry per distinct
 * mnemonic (at most 65536 types; UDP sizes capped at 64 distinct values).
 */
import type { DnsMessageEvent } from './dnsEvent';
import type { FlagCounts, SummaryReport, TsharkTreeCounts } from '../report/summaryReport';
import { Tally } from './countTable';
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

export const MAX_UDP_SIZE_KEYS = 64;

export class MessageCounters {
  messages = 0;
  queries = 0;
  responses = 0;
  malformed = 0;
  readonly qtypes = new Tally();
  readonly rcodes = new Tally();
  readonly opcodes = new Tally();
  readonly qclasses = new Tally();
  private readonly flagCounts = new Map<FlagName, FlagCounts>(
    FLAG_NAMES.map((f) => [f, { queries: 0, responses: 0 }]),
  );
  private readonly ednsCounts = { queries: 0, responses: 0 };
  private readonly ednsVersions = new Tally();
  private readonly udpSizes = new Tally();
  readonly transport = { udp: 0, tcp: 0, unknown: 0 };
  readonly ipVersion = { ipv4: 0, ipv6: 0, unknown: 0 };
  private readonly tsharkRcodes = new Tally();
  private readonly tsharkOpcodes = new Tally();
  private readonly tsharkQtypes = new Tally();
  private readonly tsharkClasses = new Tally();

  add(e: DnsMessageEvent): void {
    this.messages++;
    const side = e.response ? 'responses' : 'queries';
    if (e.response) this.responses++;
    else this.queries++;
    if (e.malformed) this.malformed++;
    const opcode = opcodeMnemonic(e.opcode);
    this.opcodes.add(opcode);
    if (e.response) this.rcodes.add(rcodeMnemonic(e.rcode));
    else {
      if (e.qtype !== undefined) this.qtypes.add(qtypeMnemonic(e.qtype));
      if (e.qclass !== undefined) this.qclasses.add(classMnemonic(e.qclass));
    }
    for (const f of FLAG_NAMES) {
      const set = f === 'do' ? e.edns?.do === true : (e.flags & FLAG_BITS[f]) !== 0;
      if (set) (this.flagCounts.get(f) as FlagCounts)[side]++;
    }
    if (e.edns) {
      this.ednsCounts[side]++;
      this.ednsVersions.add(String(e.edns.version));
      const size = String(e.edns.udpSize);
      if (this.udpSizes.get(size) > 0 || this.udpSizes.size < MAX_UDP_SIZE_KEYS)
        this.udpSizes.add(size);
      else this.udpSizes.add('other');
    }
    if (e.transport === 'udp') this.transport.udp++;
    else if (e.transport === 'tcp') this.transport.tcp++;
    else this.transport.unknown++;
    if (e.ipVersion === 4) this.ipVersion.ipv4++;
    else if (e.ipVersion === 6) this.ipVersion.ipv6++;
    else this.ipVersion.unknown++;
    // tshark's dns,tree: every message, header rcode (4 bits), type/class 0 without a question.
    this.tsharkRcodes.add(rcodeMnemonic(e.flags & 0xf));
    this.tsharkOpcodes.add(opcode);
    this.tsharkQtypes.add(qtypeMnemonic(e.qtype ?? 0));
    this.tsharkClasses.add(classMnemonic(e.qclass ?? 0));
  }

  flags(): SummaryReport['flags'] {
    const f = (n: FlagName): FlagCounts => ({ ...(this.flagCounts.get(n) as FlagCounts) });
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
      udpSizes: this.udpSizes.toTable(),
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
      this.tsharkRcodes.size +
      this.tsharkOpcodes.size +
      this.tsharkQtypes.size +
      this.tsharkClasses.size
    );
  }
}
