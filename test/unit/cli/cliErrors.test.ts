/**
 * The CLI's contract for broken input and bad usage: one line on stderr naming the file,
 * the problem and the byte offset; every complete packet before a truncation still
 * printed; the documented exit codes.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../../../..');
const cli = join(repo, 'dist/cli.js');

function dnspector(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('node', [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A classic little-endian µs pcap of Ethernet frames, each a UDP DNS query from 10.0.0.1 to 10.0.0.2. */
function buildPcap(names: string[]): Uint8Array {
  const parts: number[] = [];
  const u16 = (v: number) => [v >> 8, v & 255];
  const le32 = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24];
  parts.push(...le32(0xa1b2c3d4), 2, 0, 4, 0, ...le32(0), ...le32(0), ...le32(65535), ...le32(1));
  names.forEach((name, i) => {
    const qname = name.split('.').flatMap((l) => [l.length, ...[...l].map((c) => c.charCodeAt(0))]);
    const dns = [...u16(0x1000 + i), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, ...qname, 0, 0, 1, 0, 1];
    const udp = [...u16(40000 + i), ...u16(53), ...u16(8 + dns.length), 0, 0, ...dns];
    const ipLen = 20 + udp.length;
    const ip = [0x45, 0, ...u16(ipLen), 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2, ...udp];
    const frame = [0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0x08, 0x00, ...ip];
    parts.push(
      ...le32(1_700_000_000 + i),
      ...le32(0),
      ...le32(frame.length),
      ...le32(frame.length),
      ...frame,
    );
  });
  return Uint8Array.from(parts);
}

describe('dnspector CLI errors and exit codes', function () {
  this.timeout(20_000);
  let dir: string;
  let pcap: Uint8Array;
  before(() => {
    assert.ok(existsSync(cli), 'build the CLI first');
    dir = mkdtempSync(join(tmpdir(), 'dnspector-cli-'));
    pcap = buildPcap(['one.example', 'two.example', 'six.example']);
    writeFileSync(join(dir, 'three.pcap'), pcap);
  });

  it('lists the DNS queries of a capture and exits 0', () => {
    const r = dnspector('list', join(dir, 'three.pcap'));
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(
      lines[0] as string,
      /10\.0\.0\.1 → 10\.0\.0\.2 +DNS \d+ Standard query 0x1000 A one\.example$/,
    );
    assert.match(lines[2] as string, /Standard query 0x1002 A six\.example$/);
  });

  it('a missing file: exit 2 and one stderr line naming it', () => {
    const missing = join(dir, 'nope.pcap');
    const r = dnspector('list', missing);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    const lines = r.err.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.err);
    assert.ok((lines[0] as string).includes(missing));
  });

  it('a file that is not a capture: exit 2, offset 0', () => {
    const text = join(dir, 'notes.txt.pcap');
    writeFileSync(text, 'hello, this is not a capture\n');
    const r = dnspector('list', text);
    assert.equal(r.code, 2);
    assert.match(r.err, /byte offset 0/);
    assert.ok(r.err.includes(text));
  });

  it('a capture cut inside the third record: the first two printed, exit 3, the offset named', () => {
    const cutAt = pcap.length - 10;
    const cut = join(dir, 'cut.pcap');
    writeFileSync(cut, pcap.subarray(0, cutAt));
    const r = dnspector('list', cut);
    assert.equal(r.code, 3);
    assert.equal(r.out.trimEnd().split('\n').length, 2);
    // Equal-length names make equal records; the third starts after the 24-byte header and two.
    const recordLength = (pcap.length - 24) / 3;
    const thirdRecord = 24 + 2 * recordLength;
    assert.match(r.err, new RegExp(`truncated capture at byte offset ${thirdRecord}\\b`));
    assert.equal(r.err.trimEnd().split('\n').length, 1);
  });

  it('an unknown field: exit 1 and the known fields listed', () => {
    const r = dnspector('fields', join(dir, 'three.pcap'), '-e', 'dns.qry.nam');
    assert.equal(r.code, 1);
    assert.match(r.err, /unknown field dns\.qry\.nam/);
    assert.match(r.err, /\n {2}dns\.qry\.name\n/);
  });

  it('fields prints one tab-separated line per DNS packet', () => {
    const r = dnspector(
      'fields',
      join(dir, 'three.pcap'),
      '-e',
      'frame.number',
      '-e',
      'dns.qry.name',
      '-e',
      'udp.srcport',
    );
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trimEnd().split('\n'), [
      '1\tone.example\t40000',
      '2\ttwo.example\t40001',
      '3\tsix.example\t40002',
    ]);
  });

  it('show prints the tree with offsets; --json parses; a frame past the end is an error', () => {
    const text = dnspector('show', join(dir, 'three.pcap'), '--frame', '2');
    assert.equal(text.code, 0, text.err);
    // The DNS header starts after Ethernet (14), IPv4 (20) and UDP (8): offset 42.
    assert.match(text.out, /Transaction ID: 0x1001 {2}\[42, 2\]/);
    const json = dnspector('show', join(dir, 'three.pcap'), '--frame', '2', '--json');
    const parsed = JSON.parse(json.out) as { frame: number; tree: { name: string }[] };
    assert.equal(parsed.frame, 2);
    assert.ok(parsed.tree.some((n) => n.name === 'dns'));
    const past = dnspector('show', join(dir, 'three.pcap'), '--frame', '9');
    assert.notEqual(past.code, 0);
    assert.match(past.err, /no frame 9/);
  });

  it('show without --frame prints every DNS frame, like tshark -V -Y dns', () => {
    const r = dnspector('show', join(dir, 'three.pcap'));
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(
      [...r.out.matchAll(/^Frame (\d+): /gm)].map((m) => m[1]),
      ['1', '2', '3'],
    );
    const json = dnspector('show', join(dir, 'three.pcap'), '--json');
    const frames = json.out
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { frame: number }).frame);
    assert.deepEqual(frames, [1, 2, 3]);
  });

  it('usage errors exit 1', () => {
    assert.equal(dnspector().code, 1);
    assert.equal(dnspector('frobnicate', 'x').code, 1);
    assert.equal(dnspector('list', join(dir, 'three.pcap'), '--bogus').code, 1);
  });
});
