/**
 * The summary's totals against tshark's own statistics: for every fixture and every
 * capture under ../shared/corpus, `tshark -r F -q -z dns,tree` and `dnspector summarize F
 * --format json` must agree on the query/response counts, the counts by query type
 * ("Query Type": every message's first question), rcode (the header's 4 bits, every
 * message), opcode and class, the request-response time count/min/max/average, and the
 * unsolicited and retransmission counts. The report's `tshark` section holds DNSpector's
 * side; tshark's table is parsed here.
 *
 * Where DNSpector deliberately counts differently, the difference is a named exception
 * below, with its reason, and the expected values are adjusted by a computation from
 * tshark's own field output, never by skipping the file.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  dnsClassNames,
  dnsOpcodeNames,
  dnsRcodeNames,
  dnsTypeDescriptions,
} from '../../src/core/dns/dnsValueTables';
import {
  classMnemonic,
  opcodeMnemonic,
  qtypeMnemonic,
  rcodeMnemonic,
} from '../../src/core/stats/dnsMnemonics';
import {
  corpusCaptures,
  fixtureCaptures,
  repo,
  run,
  tsharkAvailable,
} from '../helpers/captureFiles';

const cli = join(repo, 'dist/cli.js');

/**
 * EXCEPTION "abandoned-messages": tshark 4.0 queues its dns tap only after it has
 * dissected the whole message, so a malformed message (_ws.malformed) or one cut by the
 * snap length (_ws.short) never reaches dns,tree, and neither does any mDNS or LLMNR
 * message (packet-dns.c: "if (is_mdns) { TODO }"). DNSpector's summary counts every DNS
 * message it sees: a cut or damaged message is still traffic (a query was sent, a
 * response came back). Expected values therefore add, to tshark's table, those frames'
 * messages as tshark's own `-T fields` output describes them, and for each such response
 * the time since the latest earlier query with the same ID on the same endpoints
 * reversed (or an unsolicited response when there is none).
 */
export const ABANDONED_MESSAGES = 'abandoned-messages';

/**
 * EXCEPTION "zone-transfers": an AXFR/IXFR answer spread over several messages is ONE
 * transfer to DNSpector (the issue asks for it: a transfer, not retransmissions), so it
 * has one response time, the first message's. tshark's tree times every message of it.
 * Expected response-time figures then come from tshark's per-message dns.time values,
 * keeping the first response to each query (dns.response_to) and dropping the rest.
 */
export const ZONE_TRANSFERS = 'zone-transfers';

// --- tshark -z dns,tree ---------------------------------------------------------------

export interface StatsTreeNode {
  name: string;
  depth: number;
  count: number;
  average: number | null;
  min: number | null;
  max: number | null;
  children: StatsTreeNode[];
}

function numberOrNull(s: string): number | null {
  const t = s.trim();
  if (t === '' || t === '-') return null;
  const n = Number(t.replace(/%$/, ''));
  return Number.isFinite(n) ? n : null;
}

/**
 * Parses a stats_tree table as tshark -q -z prints it: a header naming the columns
 * ("Topic / Item", "Count", "Average", "Min Val", "Max Val", ...) whose positions cut
 * every row, and names indented one space per level.
 */
export function parseStatsTree(text: string): StatsTreeNode[] {
  const lines = text.split('\n');
  const headerAt = lines.findIndex((l) => l.startsWith('Topic / Item'));
  if (headerAt < 0) throw new Error('no "Topic / Item" header in tshark output');
  const header = lines[headerAt] as string;
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no "${name}" column in: ${header}`);
    return i;
  };
  const cCount = col('Count');
  const cAverage = col('Average');
  const cMin = col('Min Val');
  const cMax = col('Max Val');
  const cRate = col('Rate (ms)');
  const roots: StatsTreeNode[] = [];
  const stack: StatsTreeNode[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    if (line.startsWith('---') || line.startsWith('===') || line.trim() === '') continue;
    if (line.length < cCount) continue;
    const label = line.slice(0, cCount).trimEnd();
    const name = label.trimStart();
    const node: StatsTreeNode = {
      name,
      depth: label.length - name.length,
      count: numberOrNull(line.slice(cCount, cAverage)) ?? 0,
      average: numberOrNull(line.slice(cAverage, cMin)),
      min: numberOrNull(line.slice(cMin, cMax)),
      max: numberOrNull(line.slice(cMax, cRate)),
      children: [],
    };
    while (stack.length > 0 && (stack.at(-1) as StatsTreeNode).depth >= node.depth) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

function findNode(nodes: readonly StatsTreeNode[], name: string): StatsTreeNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n;
    const inner = findNode(n.children, name);
    if (inner) return inner;
  }
  return undefined;
}

/** tshark's words back to the number: the value string, or its "Unknown ... (N)" fallback. */
function reverseLookup(table: ReadonlyMap<number, string>, label: string): number {
  const unknown = /^Unknown [^(]*\((\d+)\)$/.exec(label);
  if (unknown) return Number(unknown[1]);
  for (const [k, v] of table) if (v === label) return k;
  throw new Error(`tshark label "${label}" is in no value table`);
}

/** What both sides are compared on, keyed by the report's mnemonics. */
export interface TreeCounts {
  messages: number;
  queries: number;
  responses: number;
  qtypes: Record<string, number>;
  classes: Record<string, number>;
  rcodes: Record<string, number>;
  opcodes: Record<string, number>;
  /** Response times in milliseconds. */
  rrt: { count: number; min: number | null; max: number | null; mean: number | null };
  unsolicited: number;
  retransmissions: number;
}

function pivot(
  tree: readonly StatsTreeNode[],
  name: string,
  table: ReadonlyMap<number, string>,
  mnemonic: (n: number) => string,
) {
  const out: Record<string, number> = {};
  for (const child of findNode(tree, name)?.children ?? []) {
    const key = mnemonic(reverseLookup(table, child.name));
    out[key] = (out[key] ?? 0) + child.count;
  }
  return out;
}

export function treeCounts(tree: readonly StatsTreeNode[]): TreeCounts {
  const qr = findNode(tree, 'Query/Response');
  const part = (n: string): number => qr?.children.find((c) => c.name === n)?.count ?? 0;
  const rrt = findNode(tree, 'request-response time (msec)');
  return {
    messages: findNode(tree, 'Total Packets')?.count ?? 0,
    queries: part('Query'),
    responses: part('Response'),
    qtypes: pivot(tree, 'Query Type', dnsTypeDescriptions, qtypeMnemonic),
    classes: pivot(tree, 'Class', dnsClassNames, classMnemonic),
    rcodes: pivot(tree, 'rcode', dnsRcodeNames, rcodeMnemonic),
    opcodes: pivot(tree, 'opcodes', dnsOpcodeNames, opcodeMnemonic),
    rrt: {
      count: rrt?.count ?? 0,
      min: rrt && rrt.count > 0 ? rrt.min : null,
      max: rrt && rrt.count > 0 ? rrt.max : null,
      mean: rrt && rrt.count > 0 ? rrt.average : null,
    },
    unsolicited: findNode(tree, 'no. of unsolicited responses')?.count ?? 0,
    retransmissions: findNode(tree, 'no. of retransmissions')?.count ?? 0,
  };
}

// --- the abandoned-messages exception, from tshark's fields ---------------------------

const abandonedFields = [
  'frame.number',
  'frame.time_epoch',
  'frame.protocols',
  '_ws.malformed',
  '_ws.short',
  'ip.src',
  'ipv6.src',
  'ip.dst',
  'ipv6.dst',
  'udp.srcport',
  'tcp.srcport',
  'udp.dstport',
  'tcp.dstport',
  'dns.id',
  'dns.flags',
  'dns.count.queries',
  'dns.qry.type',
  'dns.qry.class',
  'dns.response_to',
  'dns.time',
];

interface FieldMessage {
  frame: number;
  /** Capture time in ns, exact (a double would lose the microseconds of an epoch time). */
  timeNs: bigint;
  /** Response: tshark's dns.response_to and dns.time (ms), when it printed them. */
  responseTo?: number;
  rrtMs?: number;
  abandoned: boolean;
  client: string;
  server: string;
  id: string;
  flags: number;
  qtype: number;
  qclass: number;
}

/**
 * One tshark run gives both: the per-frame fields (no display filter, so the tap sees
 * every frame as it does alone) and, after them, the dns,tree table.
 */
function runTshark(file: string): { fieldLines: string[]; tree: string } {
  const args = [
    '-r',
    file,
    '-z',
    'dns,tree',
    '-T',
    'fields',
    '-E',
    'occurrence=a',
    '-E',
    'aggregator=;',
  ];
  for (const f of abandonedFields) args.push('-e', f);
  const text = run('tshark', args);
  const cut = text.search(/^={10,}$/m);
  if (cut < 0) throw new Error(`no dns,tree table in tshark output for ${file}`);
  return { fieldLines: text.slice(0, cut).split('\n'), tree: text.slice(cut) };
}

/** Every DNS/mDNS/LLMNR message tshark sees, one per message (TCP frames may hold several). */
function fieldMessages(fieldLines: readonly string[]): FieldMessage[] {
  const out: FieldMessage[] = [];
  for (const line of fieldLines) {
    const v = line.split('\t');
    if ((v[abandonedFields.indexOf('dns.flags')] ?? '') === '') continue;
    const get = (name: string): string => v[abandonedFields.indexOf(name)] ?? '';
    const protocols = get('frame.protocols').split(':');
    const abandoned =
      get('_ws.malformed') !== '' ||
      get('_ws.short') !== '' ||
      protocols.includes('mdns') ||
      protocols.includes('llmnr');
    const src = get('ip.src') || get('ipv6.src');
    const dst = get('ip.dst') || get('ipv6.dst');
    const sport = get('udp.srcport') || get('tcp.srcport');
    const dport = get('udp.dstport') || get('tcp.dstport');
    const ids = get('dns.id').split(';');
    const flags = get('dns.flags').split(';');
    const types = get('dns.qry.type').split(';');
    const classes = get('dns.qry.class').split(';');
    const qdcounts = get('dns.count.queries').split(';');
    const responseTos = get('dns.response_to').split(';');
    const times = get('dns.time').split(';');
    // Questions of all the frame's messages come in one list: message i's first is at `first`.
    let first = 0;
    flags.forEach((f, i) => {
      const at = first;
      first += Number(qdcounts[i] ?? 0);
      const flagWord = Number(f);
      const response = (flagWord & 0x8000) !== 0;
      out.push({
        frame: Number(get('frame.number')),
        timeNs: epochNs(get('frame.time_epoch')),
        ...(response && responseTos[i] ? { responseTo: Number(responseTos[i]) } : {}),
        ...(response && times[i] ? { rrtMs: Number(times[i]) * 1000 } : {}),
        abandoned,
        client: response ? `${dst}/${dport}` : `${src}/${sport}`,
        server: response ? `${src}/${sport}` : `${dst}/${dport}`,
        id: ids[i] ?? '',
        flags: flagWord,
        qtype: Number(qdcounts[i] ?? 0) > 0 && types[at] ? Number(types[at]) : 0,
        qclass: Number(qdcounts[i] ?? 0) > 0 && classes[at] ? Number(classes[at]) : 0,
      });
    });
  }
  return out;
}

/** "1795439294.944906000" -> nanoseconds as a bigint. */
function epochNs(text: string): bigint {
  const [whole = '0', frac = ''] = text.split('.');
  return BigInt(whole) * 1_000_000_000n + BigInt((frac + '000000000').slice(0, 9));
}

function bump(table: Record<string, number>, key: string): void {
  table[key] = (table[key] ?? 0) + 1;
}

/** Response-time figures (ms) over a list of values. */
function rrtOf(values: readonly number[]): TreeCounts['rrt'] {
  if (values.length === 0) return { count: 0, min: null, max: null, mean: null };
  return {
    count: values.length,
    min: Math.min(...values),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  };
}

/** tshark's table adjusted by the named exceptions (ABANDONED_MESSAGES, ZONE_TRANSFERS). */
function expectedCounts(
  fieldLines: readonly string[],
  tshark: TreeCounts,
): { expected: TreeCounts; exceptions: string[] } {
  const messages = fieldMessages(fieldLines);
  const e: TreeCounts = structuredClone(tshark);
  const exceptions = new Set<string>();
  // Response times tshark's tree holds, one per timed message, from its own fields.
  const timed = messages.filter((m) => !m.abandoned && m.rrtMs !== undefined);
  const answered = new Set<number>();
  const kept: number[] = [];
  for (const m of timed) {
    if (answered.has(m.responseTo ?? -1)) {
      exceptions.add(ZONE_TRANSFERS);
      continue;
    }
    answered.add(m.responseTo ?? -1);
    kept.push(m.rrtMs ?? 0);
  }
  const added: number[] = [];
  messages.forEach((m, i) => {
    if (!m.abandoned) return;
    exceptions.add(ABANDONED_MESSAGES);
    const response = (m.flags & 0x8000) !== 0;
    e.messages++;
    if (response) e.responses++;
    else e.queries++;
    bump(e.qtypes, qtypeMnemonic(m.qtype));
    bump(e.classes, classMnemonic(m.qclass));
    bump(e.rcodes, rcodeMnemonic(m.flags & 0xf));
    bump(e.opcodes, opcodeMnemonic((m.flags >> 11) & 0xf));
    if (!response) return;
    const query = messages
      .slice(0, i)
      .reverse()
      .find(
        (q) =>
          (q.flags & 0x8000) === 0 &&
          q.id === m.id &&
          q.client === m.client &&
          q.server === m.server,
      );
    if (query) added.push(Number(m.timeNs - query.timeNs) / 1e6);
    else e.unsolicited++;
  });
  if (exceptions.has(ZONE_TRANSFERS)) {
    // tshark's table cannot be un-averaged: recompute from its per-message values.
    e.rrt = rrtOf([...kept, ...added]);
  } else if (added.length > 0) {
    // Keep tshark's own figures and fold the abandoned responses' times in.
    const merged = rrtOf(added);
    const n = tshark.rrt.count + merged.count;
    e.rrt = {
      count: n,
      min: tshark.rrt.min === null ? merged.min : Math.min(tshark.rrt.min, merged.min ?? Infinity),
      max: tshark.rrt.max === null ? merged.max : Math.max(tshark.rrt.max, merged.max ?? -Infinity),
      mean: ((tshark.rrt.mean ?? 0) * tshark.rrt.count + (merged.mean ?? 0) * merged.count) / n,
    };
  }
  return { expected: e, exceptions: [...exceptions] };
}

// --- running both -----------------------------------------------------------------------

interface OurTsharkSection {
  messages: number;
  queries: number;
  responses: number;
  rcodes: Record<string, number>;
  opcodes: Record<string, number>;
  qtypes: Record<string, number>;
  classes: Record<string, number>;
  responseTimeMs: { count: number; min: number | null; max: number | null; mean: number | null };
  unsolicited: number;
  retransmissions: number;
}

function ourCounts(file: string): TreeCounts {
  const text = run('node', [cli, 'summarize', file, '--format', 'json']);
  const report = JSON.parse(text) as { tshark: OurTsharkSection };
  const t = report.tshark;
  return {
    messages: t.messages,
    queries: t.queries,
    responses: t.responses,
    qtypes: t.qtypes,
    classes: t.classes,
    rcodes: t.rcodes,
    opcodes: t.opcodes,
    rrt: t.responseTimeMs,
    unsolicited: t.unsolicited,
    retransmissions: t.retransmissions,
  };
}

/** tshark keeps response times as C floats and prints min/max with 6 decimals, the mean with 2. */
function assertClose(
  ours: number | null,
  theirs: number | null,
  tolerance: number,
  what: string,
): void {
  if (ours === null || theirs === null) {
    assert.equal(ours, theirs, what);
    return;
  }
  assert.ok(Math.abs(ours - theirs) <= tolerance, `${what}: ours ${ours}, tshark ${theirs}`);
}

/** A C float holds 24 bits (~6e-8 relative), then 6 decimals are printed: well under 1 µs. */
function floatTolerance(ms: number | null): number {
  return Math.max(1e-4, Math.abs(ms ?? 0) * 2e-7);
}

function sortedTable(t: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(t)
      .filter(([, n]) => n !== 0)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

const fixtureFiles = fixtureCaptures();
const corpusFiles = corpusCaptures();
const tsharkOk = tsharkAvailable();

describe('tshark -z dns,tree parsing', () => {
  const sample = [
    '=====',
    'DNS:',
    'Topic / Item                   Count         Average       Min Val       Max Val       Rate (ms)     Percent       Burst Rate    Burst Start  ',
    '-----',
    'Total Packets                  6                                                       0.0373        100%          0.0800        0.461        ',
    ' Query/Response                6                                                       0.0373        100.00%       0.0800        0.461        ',
    '  Response                     3                                                       0.0187        50.00%        0.0400        0.464        ',
    '  Query                        3                                                       0.0187        50.00%        0.0400        0.461        ',
    ' Query Type                    6                                                       0.0373        100.00%       0.0800        0.461        ',
    '  A (Host Address)             4                                                       0.0119        31.94%        0.0600        0.866        ',
    '  Unknown packet type (65400)  1                                                       0.0010        2.78%         0.0200        1.671        ',
    '  Unused                       1                                                       0.0005        1.39%         0.0100        1.929        ',
    'Service Stats                  0                                                       0.0000        100%          -             -            ',
    ' request-response time (msec)  3             0.80          0.159000      5.042000      0.0187                      0.0400        0.464        ',
    ' no. of unsolicited responses  2                                                       0.0000                      -             -            ',
    ' no. of retransmissions        0                                                       0.0000                      -             -            ',
    '-----',
  ].join('\n');

  it('nests rows by their indentation and reads the columns under their headers', () => {
    const tree = parseStatsTree(sample);
    assert.deepEqual(
      tree.map((n) => n.name),
      ['Total Packets', 'Service Stats'],
    );
    const total = tree[0] as StatsTreeNode;
    assert.deepEqual(
      total.children.map((c) => [c.name, c.count, c.children.length]),
      [
        ['Query/Response', 6, 2],
        ['Query Type', 6, 3],
      ],
    );
    const rrt = findNode(tree, 'request-response time (msec)') as StatsTreeNode;
    assert.deepEqual([rrt.count, rrt.average, rrt.min, rrt.max], [3, 0.8, 0.159, 5.042]);
  });

  it('maps tshark words to the report mnemonics, unknown and unused types included', () => {
    const c = treeCounts(parseStatsTree(sample));
    assert.deepEqual(
      [c.messages, c.queries, c.responses, c.unsolicited, c.retransmissions],
      [6, 3, 3, 2, 0],
    );
    assert.deepEqual(c.qtypes, { A: 4, TYPE65400: 1, TYPE0: 1 });
    assert.deepEqual(c.rrt, { count: 3, min: 0.159, max: 5.042, mean: 0.8 });
  });
});

describe('summarize agrees with tshark -z dns,tree', function () {
  this.timeout(120_000);
  before(function () {
    if (!tsharkOk) this.skip();
    if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (node esbuild.mjs)`);
  });

  for (const file of [...fixtureFiles, ...corpusFiles]) {
    it(relative(resolve(repo, '..'), file), function () {
      if (!tsharkOk) this.skip();
      const theirs = runTshark(file);
      const tshark = treeCounts(parseStatsTree(theirs.tree));
      const { expected: e, exceptions } = expectedCounts(theirs.fieldLines, tshark);
      // Named in the test's title, so a run lists which files needed which exception.
      if (exceptions.length > 0 && this.test)
        this.test.title += ` [exceptions: ${exceptions.join(', ')}]`;
      const o = ourCounts(file);
      assert.equal(o.messages, e.messages, 'Total Packets');
      assert.equal(o.queries, e.queries, 'Query');
      assert.equal(o.responses, e.responses, 'Response');
      assert.deepEqual(sortedTable(o.qtypes), sortedTable(e.qtypes), 'Query Type');
      assert.deepEqual(sortedTable(o.classes), sortedTable(e.classes), 'Class');
      assert.deepEqual(sortedTable(o.rcodes), sortedTable(e.rcodes), 'rcode');
      assert.deepEqual(sortedTable(o.opcodes), sortedTable(e.opcodes), 'opcodes');
      assert.equal(o.rrt.count, e.rrt.count, 'request-response time count');
      assertClose(
        o.rrt.min,
        e.rrt.min,
        floatTolerance(e.rrt.min),
        'request-response time min (ms)',
      );
      assertClose(
        o.rrt.max,
        e.rrt.max,
        floatTolerance(e.rrt.max),
        'request-response time max (ms)',
      );
      assertClose(o.rrt.mean, e.rrt.mean, 0.0051, 'request-response time average (ms)');
      assert.equal(o.unsolicited, e.unsolicited, 'no. of unsolicited responses');
      assert.equal(o.retransmissions, e.retransmissions, 'no. of retransmissions');
    });
  }
});
