/**
 * The CLI's -Y option: frames chosen by a display filter (expected frame numbers are what
 * tshark 4.0.17 printed for the same filter on udp-queries.pcap), the two-pass run when
 * the filter reads transaction fields, and a bad filter's exit code and caret line.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../../../..');
const cli = process.env.DNSPECTOR_CLI ?? join(repo, 'dist/cli.js');
const capture = join(repo, 'test/fixtures/udp-queries.pcap');

function dnspector(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('node', [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dnspector -Y', function () {
  this.timeout(60_000);

  it('fields prints the frames the filter selects', () => {
    // tshark -r udp-queries.pcap -Y 'dns.qry.type == "AAAA (IPv6 Address)"' -> frames 3, 4.
    const r = dnspector(
      'fields',
      capture,
      '-Y',
      'dns.qry.type == AAAA && ip.src == 127.0.0.1',
      '-e',
      'frame.number',
    );
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '3\n4\n');
  });

  it('list runs the first pass for transaction fields (dns.time)', () => {
    // tshark -2 -Y 'dns.time > 0.0005' -> frames 2 18 40 42 44 54 76.
    const r = dnspector('list', capture, '-Y', 'dns.time > 0.0005');
    assert.equal(r.code, 0, r.err);
    const frames = r.out
      .trim()
      .split('\n')
      .map((l) => Number(l.trim().split(/\s+/)[0]));
    assert.deepEqual(frames, [2, 18, 40, 42, 44, 54, 76]);
  });

  it('a bad filter exits 1 and underlines the error', () => {
    const r = dnspector('fields', capture, '-Y', 'dns && dns.qry.tyep == 1', '-e', 'frame.number');
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    const lines = r.err.split('\n');
    assert.match(lines[0] ?? '', /^dnspector: -Y: "dns\.qry\.tyep" is not a valid field/);
    assert.equal(lines[1], '    dns && dns.qry.tyep == 1');
    assert.equal(lines[2], '           ^~~~~~~~~~~~');
  });

  it('is refused for commands other than list and fields', () => {
    const r = dnspector('show', capture, '-Y', 'dns');
    assert.equal(r.code, 1);
    assert.match(r.err, /-Y applies to list and fields only/);
  });
});
