/**
 * hostile-names.pcap through the capture editor's engine (CaptureSession): names, TXT,
 * CNAME/MX/PTR targets, HINFO and CAA that hold HTML, script, Markdown and control bytes
 * reach rows (getRows) and details (getPacket) as the very text tshark shows, neither
 * HTML-escaped nor unescaped nor stripped. Escaping for display is the renderer's job (the
 * webview sets textContent, tooltips escape Markdown); the engine hands over plain strings.
 * Every expected value comes from tshark 4.0 run on the same file in the test.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { TreeItem } from '../../src/core/protocol/captureMessages';
import { fixtureDir, run, tsharkAvailable } from '../helpers/captureFiles';
import { openSession } from '../helpers/captureSessions';

const file = join(fixtureDir, 'hostile-names.pcap');
/** Fields that carry text from the packet, in the order tshark's tree holds them. */
const textFields = [
  'dns.qry.name',
  'dns.resp.name',
  'dns.txt',
  'dns.cname',
  'dns.mx.mail_exchange',
  'dns.ptr.domain_name',
  'dns.hinfo.cpu',
  'dns.hinfo.os',
  'dns.caa.value',
];
/** Text the fixture was made to carry in names and targets (tshark's Info column shows it). */
const hostileInInfo = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(2)</script>',
  '<svg onload=alert(5)>',
  '<b>cpu</b> <script>alert(6)</script>',
  'q"uote\'&lt;b&gt;;semi',
  '<iframe src=javascript:alert(8)>',
  '\\033[2J\\000nul',
];
/** ... and in record data (TXT, CAA), which only the detail tree shows. */
const hostileInData = [
  'TXT: <img src=x onerror=alert(3)>',
  'TXT: </script>',
  'TXT: javascript:alert(4)',
  'TXT: [click](command:workbench.action.quit)',
  'TXT: **bold** <b>b</b> &amp; `code`',
  'TXT: \\033[31mred\\033[0m',
  'Value: <img src=x onerror=alert(7)>',
];
/** tshark -V lines worth checking: the ones with hostile text in them. */
const marked = /[<>]|\[click\]|javascript:|\\033|&lt;|\*\*bold/;

function walk(items: readonly TreeItem[]): TreeItem[] {
  return items.flatMap((i) => [i, ...walk(i.children ?? [])]);
}

/** tshark -V, split by frame: frame number -> trimmed lines. */
function tsharkVerbose(): Map<number, string[]> {
  const frames = new Map<number, string[]>();
  let current: string[] = [];
  for (const line of run('tshark', ['-r', file, '-V']).split('\n')) {
    const head = /^Frame (\d+):/.exec(line);
    if (head) frames.set(Number(head[1]), (current = []));
    current.push(line.trim());
  }
  return frames;
}

describe('hostile names and data through the capture session', function () {
  this.timeout(60_000);
  const session = openSession(file);
  const total = session.viewInfo().total;

  before(function () {
    if (!tsharkAvailable()) {
      console.log('    tshark is not installed: the hostile-text comparison did NOT run');
      this.skip();
    }
  });

  it('holds the hostile text in tshark too (the fixture is what it claims)', () => {
    const list = run('tshark', ['-r', file]);
    for (const text of hostileInInfo) assert.ok(list.includes(text), `tshark's list lacks ${text}`);
    const verbose = run('tshark', ['-r', file, '-V']);
    for (const text of hostileInData) assert.ok(verbose.includes(text), `tshark -V lacks ${text}`);
    assert.equal(total, 38);
  });

  it("gives every DNS row tshark's Info column verbatim", () => {
    const theirs = run('tshark', [
      '-r',
      file,
      '-Y',
      'dns',
      '-T',
      'fields',
      '-e',
      'frame.number',
      '-e',
      '_ws.col.Info',
    ])
      .split('\n')
      .slice(0, -1)
      .map((l) => l.split('\t'));
    assert.equal(theirs.length, 30); // 14 queries and answers over UDP, one pair over TCP
    const rows = new Map(
      session.getRows({ start: 0, count: total }).rows.map((r) => [r.number, r]),
    );
    for (const [num, info] of theirs)
      assert.equal(rows.get(Number(num))?.info, info, `frame ${num}`);
    const infos = [...rows.values()].map((r) => r.info).join('\n');
    for (const text of hostileInInfo) assert.ok(infos.includes(text), `no row shows ${text}`);
    // nothing was HTML-escaped on the way: the only entities are the ones in the packet
    assert.doesNotMatch(infos.replace(/&lt;b&gt;/g, ''), /&lt;|&gt;|&quot;|&#/);
  });

  it("gives the detail tree tshark's text values, occurrence by occurrence", () => {
    const sep = '\x1e';
    const args = ['-r', file, '-T', 'fields', '-E', `aggregator=${sep}`, '-e', 'frame.number'];
    const lines = run('tshark', [...args, ...textFields.flatMap((f) => ['-e', f])])
      .split('\n')
      .slice(0, -1);
    assert.equal(lines.length, total);
    let compared = 0;
    for (const line of lines) {
      const [num, ...cols] = line.split('\t');
      const items = walk(session.getPacket({ number: Number(num) }).tree);
      textFields.forEach((name, k) => {
        const theirs = cols[k] === '' ? [] : (cols[k] ?? '').split(sep);
        const ours = items.filter((i) => i.name === name).map((i) => i.value ?? '');
        assert.deepEqual(ours, theirs, `frame ${num} ${name}`);
        compared += theirs.length;
      });
    }
    assert.ok(compared > 50, `only ${compared} values compared`);
  });

  it('labels tree items with the very lines tshark -V shows for hostile text', () => {
    let checked = 0;
    const all = new Set<string>();
    for (const [n, lines] of tsharkVerbose()) {
      const labels = new Set(walk(session.getPacket({ number: n }).tree).map((i) => i.label));
      for (const line of lines.filter((l) => marked.test(l))) {
        assert.ok(labels.has(line), `frame ${n}: no tree item reads ${JSON.stringify(line)}`);
        all.add(line);
        checked++;
      }
    }
    for (const text of hostileInData) assert.ok(all.has(text), `no tree item reads ${text}`);
    assert.ok(checked > 80, `only ${checked} lines checked`);
  });

  it('keeps the raw bytes of the hostile names in the detail sources', () => {
    const detail = session.getPacket({ number: 1 });
    const frameBytes = detail.sources[0]?.bytes ?? new Uint8Array();
    const latin1 = String.fromCharCode(...frameBytes);
    // the label sits in the packet with its length byte in front: 28 = "<img src=x onerror=alert(1)>"
    assert.ok(latin1.includes('\x1c<img src=x onerror=alert(1)>\x07example\x04test\x00'));
  });
});
