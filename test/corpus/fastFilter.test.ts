/**
 * The capture editor's fast filter path (scanFieldLookup.ts: filters on scan fields are
 * evaluated without field trees) against the tree path and against tshark 4.0: for every
 * capture in test/fixtures and ../shared/corpus and every filter below, the frames a
 * session selects with the fast path equal those it selects with the tree path forced
 * (`fastFilter: false`) and those `tshark -2` selects.
 *
 * tshark is asked once per capture for all the filters: a Lua script registers one tap per
 * filter (a tap's filter is a display filter evaluated in the second pass, as -Y is) and
 * prints each selected frame. One filter per capture (rotating) is also run as
 * `tshark -2 -Y` to check the taps select what -Y selects.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allCaptures, repo, run, tsharkAvailable } from '../helpers/captureFiles';
import { openSession, settle } from '../helpers/captureSessions';
import type { CaptureSession } from '../../src/core/session/captureSession';
import { compileFilter } from '../../src/core/filter/displayFilter';
import { scanAnswers } from '../../src/core/session/scanFieldLookup';

/** A filter on scan fields, and its text for tshark 4.0 (null: tshark 4.0 rejects it). */
interface Case {
  filter: string;
  tshark?: string | null;
}

export const fastFilterCases: readonly Case[] = [
  // Protocol presence.
  { filter: 'dns' },
  { filter: 'tcp' },
  { filter: 'udp && !dns' },
  { filter: 'ip || ipv6' },
  { filter: 'mdns || llmnr' },
  { filter: 'frame && !ip && !ipv6' },
  // The first question: value names, sets, strings.
  { filter: 'dns.qry.type == AAAA', tshark: 'dns.qry.type == 28' },
  {
    filter: 'dns.qry.type == 28 || dns.qry.type == A',
    tshark: 'dns.qry.type == 28 || dns.qry.type == 1',
  },
  { filter: 'dns.qry.type in {1, 28, 33..48}' },
  { filter: 'dns.qry.type != 1' },
  { filter: 'dns.qry.class == IN' },
  { filter: 'dns.qry.class != 1' },
  { filter: 'dns.qry.name contains "example"' },
  { filter: 'dns.qry.name matches "^www\\\\."' },
  { filter: 'dns.qry.name == "www.example.test"' },
  // Header, flags, counts: every comparison operator.
  { filter: 'dns.flags.response == 0' },
  { filter: 'dns.flags.rcode != 0' },
  { filter: 'dns.flags.rcode == "No such name" || dns.flags.rcode eq 5' },
  { filter: 'dns.flags.rcode > 0 && dns.count.answers == 0' },
  { filter: 'dns.flags.opcode == 5 || dns.count.zones > 0 || dns.count.updates ge 1' },
  { filter: 'dns.flags.recdesired && !dns.flags.recavail' },
  { filter: 'dns.flags.authenticated == 1 || dns.flags.checkdisable == 1' },
  { filter: 'dns.flags.truncated == 1 || dns.flags.authoritative == True' },
  { filter: 'dns.flags.z == 1 || dns.flags.tentative || dns.flags.conflict' },
  { filter: 'dns.flags == 0x0100 || dns.flags == 0x8180' },
  { filter: 'dns.id < 0x1000 || dns.id >= 0xf000' },
  { filter: 'dns.id === 0 || dns.flags.response ~= 1' },
  { filter: 'dns.count.answers > 1 || dns.count.add_rr ge 1' },
  { filter: 'dns.count.queries != 1 || dns.count.auth_rr le 0' },
  { filter: 'dns.count.prerequisites > 0 || dns.count.auth_rr lt 1' },
  // Addresses and CIDR, ports.
  { filter: 'ip.addr == 127.0.0.0/8' },
  { filter: 'ip.src == 10.0.0.0/8 || ip.dst == 192.168.0.0/16 || ip.addr == 172.16.0.0/12' },
  { filter: 'ip.src == 127.0.1.25 && dns.flags.response == 0' },
  { filter: 'ip.addr != 127.0.0.1' },
  { filter: 'ip.src == ip.dst' },
  { filter: 'ipv6.addr == ::1 || ipv6.src == fe80::/10 || ipv6.addr == 2001:db8::/32' },
  { filter: 'ipv6.dst == ::1 && dns.flags.response == 1' },
  { filter: 'udp.port == 53 && udp.srcport > 1023' },
  { filter: 'udp.dstport in {5353, 5355} || udp.port != 53' },
  { filter: 'tcp.port == 53 || tcp.dstport == 5353 || tcp.srcport < 1024' },
  // Frame.
  { filter: 'frame.len > 100 && frame.cap_len < 200' },
  { filter: 'frame.number <= 10 || frame.number == 20' },
  { filter: 'frame.cap_len != frame.len' },
  { filter: 'frame.protocols contains "tcp:dns"' },
  { filter: 'frame.protocols == "eth:ethertype:ip:udp:dns"' },
  // Transactions (tshark -2).
  { filter: 'dns.response_in' },
  { filter: '!dns.response_in' },
  { filter: '!dns.response_in && dns.flags.response == 0' },
  { filter: 'dns.time > 0.0005' },
  { filter: 'dns.time <= 0.0005 || dns.response_to > 3' },
  { filter: 'dns.retransmission || dns.unsolicited' },
  { filter: 'dns.retransmit_request_in || dns.retransmit_response_in > 0' },
  { filter: 'dns.retransmit_request || dns.retransmit_response' },
];

const tsharkText = (c: Case): string | null => (c.tshark === undefined ? c.filter : c.tshark);

/** Frames the session's view shows after `filter`, in order. */
function selected(session: CaptureSession, filter: string): number[] {
  const r = session.setFilter({ text: filter });
  assert.ok(r.ok, `${filter}: ${r.ok ? '' : r.error.message}`);
  settle(session);
  const out: number[] = [];
  for (let n = 1; n <= session.index.count; n++)
    if (session.findRow({ number: n }).index !== null) out.push(n);
  return out;
}

/** One tap per filter (line i of FF_FILTERS): prints "i<TAB>frame" for each frame it selects. */
const tapScript = `
local filters = {}
for line in io.lines(os.getenv("FF_FILTERS")) do filters[#filters + 1] = line end
for i, f in ipairs(filters) do
  local tap = Listener.new(nil, f)
  function tap.packet(pinfo) print((i - 1) .. "\\t" .. pinfo.number) end
end
`;

/** Frames tshark -2 selects for each filter (null entries are skipped), in one run. */
function tsharkSelections(
  file: string,
  filters: readonly (string | null)[],
  dir: string,
): number[][] {
  const script = join(dir, 'taps.lua');
  const list = join(dir, 'filters.txt');
  writeFileSync(script, tapScript);
  // A skipped filter still needs a line: "frame" taps are ignored below.
  writeFileSync(list, filters.map((f) => f ?? 'frame').join('\n') + '\n');
  process.env.FF_FILTERS = list;
  const text = run('tshark', ['-2', '-q', '-r', file, '-X', `lua_script:${script}`]);
  const out = filters.map(() => new Set<number>());
  for (const line of text.split('\n')) {
    const m = /^([0-9]+)\t([0-9]+)$/.exec(line);
    if (m) out[Number(m[1])]?.add(Number(m[2]));
  }
  return out.map((s) => [...s].sort((a, b) => a - b));
}

function tsharkY(file: string, filter: string): number[] {
  return run('tshark', ['-2', '-r', file, '-Y', filter, '-T', 'fields', '-e', 'frame.number'])
    .split('\n')
    .filter((l) => l !== '')
    .map(Number);
}

/** The first differences between two frame lists, for the failure message. */
function differences(expected: number[], actual: number[]): string {
  const e = new Set(expected);
  const a = new Set(actual);
  return [
    ...expected.filter((n) => !a.has(n)).map((n) => `frame ${n} missing`),
    ...actual.filter((n) => !e.has(n)).map((n) => `frame ${n} extra`),
  ]
    .slice(0, 6)
    .join(', ');
}

describe('fast display filters: the scan path selects what the tree path and tshark -2 select', function () {
  this.timeout(900_000);

  it('every case reads only scan fields, and compiles', function () {
    for (const c of fastFilterCases) {
      const compiled = compileFilter(c.filter);
      assert.ok(compiled.ok, `${c.filter}: ${compiled.ok ? '' : compiled.error.message}`);
      assert.ok(
        scanAnswers(compiled.filter.fields),
        `${c.filter} reads a field the scan does not answer`,
      );
    }
  });

  const files = allCaptures();
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dnspector-fastfilter-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Cases that selected some frame somewhere, and cases that left some frame out somewhere. */
  const selectedSome = new Set<string>();
  const leftSome = new Set<string>();
  let frames = 0;
  let fallbackTrees = 0;

  files.forEach((file, i) => {
    const name = file.startsWith(repo) ? file.slice(repo.length + 1) : file;
    it(`${name}: fast path = tree path = tshark for ${fastFilterCases.length} filters`, function () {
      const fast = openSession(file, { onFilterTree: () => fallbackTrees++ });
      const tree = openSession(file, { fastFilter: false });
      const failures: string[] = [];
      const withTshark = tsharkAvailable();
      const theirs = withTshark ? tsharkSelections(file, fastFilterCases.map(tsharkText), dir) : [];
      for (const [k, c] of fastFilterCases.entries()) {
        const byTree = selected(tree, c.filter);
        const byScan = selected(fast, c.filter);
        frames += fast.index.count;
        if (byTree.length > 0) selectedSome.add(c.filter);
        if (byTree.length < tree.index.count) leftSome.add(c.filter);
        if (byScan.join() !== byTree.join())
          failures.push(`${c.filter}: fast vs tree: ${differences(byTree, byScan)}`);
        if (withTshark && tsharkText(c) !== null) {
          const t = theirs[k] ?? [];
          if (byTree.join() !== t.join())
            failures.push(`${c.filter}: tree vs tshark: ${differences(t, byTree)}`);
        }
      }
      if (withTshark) {
        // The taps stand for -Y: check one filter per capture, rotating.
        const c = fastFilterCases[i % fastFilterCases.length] as Case;
        const text = tsharkText(c);
        if (text !== null) {
          const k = fastFilterCases.indexOf(c);
          assert.deepEqual(theirs[k], tsharkY(file, text), `taps vs -Y for ${text}`);
        }
      }
      assert.deepEqual(failures, [], `${name}:\n    ${failures.join('\n    ')}`);
    });
  });

  it('every case selects some frames and leaves out others somewhere in the captures', function () {
    console.log(
      `    fast path: ${fallbackTrees} trees built for ${frames} frame evaluations (malformed or unsure frames)`,
    );
    // No fixture or corpus capture has mDNS or LLMNR (their flags are unit-tested on
    // hand-made scan frames: test/unit/core/session/scanFieldLookup.test.ts).
    const noCapture = new Set(['mdns || llmnr']);
    const vacuous = fastFilterCases
      .map((c) => c.filter)
      .filter((f) => !noCapture.has(f) && (!selectedSome.has(f) || !leftSome.has(f)));
    assert.deepEqual(vacuous, []);
  });
});
