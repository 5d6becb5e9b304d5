/**
 * A hostile query log: a CRLF BIND line, a 1 MB line, binary junk, invalid UTF-8, an
 * unbound line with CRLF and a dnsmasq line without a final newline. The three query
 * lines must be read, the three others counted as unparsed with their line numbers, and
 * nothing may be fatal: in the CLI (list: exit 0, the lines on stdout, the unparsed ones
 * named on stderr) and in the editor's LogSession (a row per line, rows of bounded size:
 * the 1 MB line's row held the whole line as its Info text before).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLogSession } from '../../helpers/captureSessions';
import { fixtureDir } from '../../helpers/captureFiles';

function firstLine(file: string, contains: string): Buffer {
  const lines = readFileSync(join(fixtureDir, 'logs', file))
    .toString('latin1')
    .split('\n');
  const line = lines.find((l) => l.includes(contains));
  if (line === undefined) throw new Error(`no "${contains}" in ${file}`);
  return Buffer.from(line, 'latin1');
}

describe('a hostile query log', function () {
  this.timeout(60_000);
  let file: string;
  before(() => {
    file = join(mkdtempSync(join(tmpdir(), 'dnspector-log-')), 'hostile.log');
    writeFileSync(
      file,
      Buffer.concat([
        firstLine('bind-plain.log', 'query:'),
        Buffer.from('\r\n'),
        Buffer.alloc(1024 * 1024, 'A'),
        Buffer.from('\n'),
        Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x1b, 0x7f, 0x0a]),
        Buffer.from('client \xff\xfe garbage \xc3\x28 query: x IN A +\n', 'latin1'),
        firstLine('unbound.log', 'info: 127.0.0.1'),
        Buffer.from('\r\n'),
        firstLine('dnsmasq-extra.log', 'query['), // no newline at the end
      ]),
    );
  });

  it('the CLI lists lines 1, 5 and 6, names 2, 3 and 4 as unparsed, and exits 0', () => {
    const cli = join(__dirname, '../../../src/cli/cli.js');
    const r = spawnSync('node', [cli, 'list', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => Number(l.trim().split(/\s+/)[0])),
      [1, 5, 6],
    );
    assert.match(r.stderr, /3 lines match no query-log format \(first: line 2, 3, 4\)/);
  });

  it('the editor engine shows six rows, reads three and names the unparsed lines', () => {
    const session = openLogSession(file, { reader: { year: 2026 } });
    assert.equal(session.count, 6);
    assert.deepEqual(session.formats().sort(), ['bind', 'dnsmasq', 'unbound']);
    assert.ok(
      session.problems.some((p) => p === '3 lines match no query-log format (first: line 2, 3, 4)'),
      session.problems.join('; '),
    );
    const { rows } = session.getRows({ start: 0, count: 10 });
    assert.deepEqual(
      rows.map((r) => r.number),
      [1, 2, 3, 4, 5, 6],
    );
    // Length is the line's bytes (no line ending), counted here: not re-encoded text.
    assert.equal(rows[1]?.length, 1024 * 1024);
    assert.equal(rows[3]?.length, 'client \xff\xfe garbage \xc3\x28 query: x IN A +'.length);
    // The 1 MB line's row is sent to the webview: its text must be cut, not a megabyte.
    assert.ok(
      JSON.stringify(rows).length < 64 * 1024,
      `rows of ${JSON.stringify(rows).length} bytes`,
    );
    for (const n of [2, 3, 4]) {
      const detail = session.getPacket({ number: n });
      assert.ok(JSON.stringify(detail.tree).length < 256 * 1024, `line ${n}'s tree is bounded`);
    }
  });
});
