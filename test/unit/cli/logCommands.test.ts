/**
 * The CLI's list / fields / show on query logs, and --year / --tz: a log's queries printed
 * by Wireshark field names equal what tshark prints for the capture of the same run; -Y
 * filters lines; show prints one line's tree; a missing line is a usage error; syslog
 * times take the year --year gives and shift with --tz.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDir, repo, run, tsharkAvailable } from '../../helpers/captureFiles';

const cli = join(repo, 'dist/cli.js');
const logs = join(fixtureDir, 'logs');

function dnspector(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
}

function nonEmpty(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('CLI on query logs', () => {
  it("prints a BIND log's queries as tshark prints the capture of the same run", function () {
    if (!tsharkAvailable()) this.skip();
    const fields = [
      'dns.qry.name',
      'dns.qry.type',
      'dns.flags.recdesired',
      'dns.flags.checkdisable',
    ];
    const fromLog = dnspector([
      'fields',
      join(logs, 'bind-plain.log'),
      ...fields.flatMap((f) => ['-e', f]),
    ]);
    assert.equal(fromLog.status, 0, fromLog.stderr);
    const fromCapture = run('tshark', [
      '-r',
      join(logs, 'bind.pcap'),
      '-Y',
      'dns.flags.response == 0',
      '-T',
      'fields',
      ...fields.flatMap((f) => ['-e', f]),
    ]);
    assert.deepEqual(nonEmpty(fromLog.stdout).sort(), nonEmpty(fromCapture).sort());
  });

  it('filters lines with -Y and numbers them by line', () => {
    const r = dnspector([
      'fields',
      join(logs, 'bind-view.log'),
      '-Y',
      'dns.qry.type == AAAA',
      '-e',
      'querylog.line',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(join(logs, 'bind-view.log'), 'utf8').split('\n');
    const expected = text
      .map((l, i) => (/ IN AAAA [+-]/.test(l) ? String(i + 1) : ''))
      .filter((n) => n !== '');
    assert.deepEqual(nonEmpty(r.stdout), expected);
  });

  it('lists the lines that log a DNS message, and counts the others on stderr', () => {
    const r = dnspector(['list', join(logs, 'unbound.log')]);
    const text = nonEmpty(readFileSync(join(logs, 'unbound.log'), 'utf8'));
    const queryLines = text.filter((l) => / (info|query|reply): [\d.:a-f]+ \S+ \S+ \S+/.test(l));
    assert.equal(nonEmpty(r.stdout).length, queryLines.length);
    assert.match(
      r.stderr,
      new RegExp(`${text.length - queryLines.length} lines match no query-log format`),
    );
  });

  it('numbers lines as frame.number and times them as frame.time_epoch', () => {
    const r = dnspector([
      'fields',
      join(logs, 'unbound.log'),
      '-e',
      'frame.number',
      '-e',
      'frame.time_epoch',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(join(logs, 'unbound.log'), 'utf8').split('\n');
    for (const line of nonEmpty(r.stdout)) {
      const [n, epoch] = line.split('\t');
      const logged = /^\[(\d+)\]/.exec(text[Number(n) - 1] ?? '')?.[1];
      assert.equal(epoch, `${logged}.000000000`, line);
    }
  });

  it("shows one line's field tree, and says when there is no such line", () => {
    const r = dnspector(['show', join(logs, 'dnsmasq-extra.log'), '--frame', '8']);
    assert.equal(r.status, 0);
    const line = nonEmpty(readFileSync(join(logs, 'dnsmasq-extra.log'), 'utf8'))[7] ?? '';
    const name = / reply (\S+) is /.exec(line)?.[1];
    assert.ok(name);
    assert.match(r.stdout, /^Query log line 8: dnsmasq/);
    assert.ok(r.stdout.includes(`Name: ${name}`));
    const missing = dnspector(['show', join(logs, 'dnsmasq-extra.log'), '--frame', '99999']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /there is no line 99999/);
  });

  it('reads syslog times in the --year given and the --tz given', () => {
    const start = (extra: string[]) => {
      const r = dnspector([
        'summarize',
        join(logs, 'bind-syslog.log'),
        '--format',
        'json',
        ...extra,
      ]);
      assert.equal(r.status, 0, r.stderr);
      return Date.parse((JSON.parse(r.stdout) as { start: string }).start);
    };
    const utc2020 = start(['--year', '2020']);
    assert.equal(new Date(utc2020).getUTCFullYear(), 2020);
    const plus2 = start(['--year', '2020', '--tz', '+02:00']);
    assert.equal(utc2020 - plus2, 2 * 3600 * 1000);
  });
});
