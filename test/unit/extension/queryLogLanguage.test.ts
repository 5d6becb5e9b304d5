/**
 * The manifest's dns-querylog language: its firstLine pattern (VS Code runs it as a
 * JavaScript RegExp on a file's first line when the name decides nothing) recognises the
 * first query line of every fixture log, with each prefix, and issue 5's samples of every
 * BIND era, but not daemon start-up lines; the grammar it names exists and has its scope.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';

const repo = join(__dirname, '../../../..');

interface Manifest {
  contributes: {
    languages?: { id: string; firstLine?: string; filenames?: string[] }[];
    grammars?: { language: string; scopeName: string; path: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Manifest;
const language = manifest.contributes.languages?.find((l) => l.id === 'dns-querylog');

describe('dns-querylog language in the manifest', () => {
  it('has a firstLine pattern that knows the first query line of every fixture log', () => {
    assert.ok(language?.firstLine);
    const firstLine = new RegExp(language.firstLine);
    const logs = join(repo, 'test/fixtures/logs');
    const queryLine: Record<string, RegExp> = {
      'bind-plain.log': / query: /,
      'bind-print-time.log': / query: /,
      'bind-print-all.log': / query: /,
      'bind-syslog.log': / query: /,
      'bind-syslog-rfc3339.log': / query: /,
      'bind-view.log': / query: /,
      'dnsmasq-extra.log': / query\[/,
    };
    for (const [name, re] of Object.entries(queryLine)) {
      const lines = readFileSync(join(logs, name), 'utf8').split('\n');
      const first = lines.find((l) => re.test(l));
      assert.ok(first, name);
      assert.match(first, firstLine, name);
      const startup = lines.filter(
        (l) => l !== '' && !re.test(l) && !/ (forwarded|reply|cached|config) /.test(l),
      );
      for (const l of startup) assert.doesNotMatch(l, firstLine, `${name}: ${l}`);
    }
  });

  it("knows issue 5's samples of every BIND era and unbound's tagged lines", () => {
    assert.ok(language?.firstLine);
    const firstLine = new RegExp(language.firstLine);
    for (const line of [
      'client 133.95.1.2#1234: query: www.example.com IN AAAA +',
      'client 127.0.0.1#54819 (daisy.ubuntu.com): query: daisy.ubuntu.com IN AAAA + (127.0.0.1)',
      'client 10.0.0.7#5300 (example.com): query: example.com IN A +E (1.2.3.5)',
      'client @0x7fda1d74e7d0 192.168.1.6#60844 (example.net): query: example.net IN A +E(0)D (192.168.1.250)',
      'Aug 20 11:07:01 host named[1234]: client 2001:db8::1#53: query: a.example IN A -',
      '[1700000000] unbound[12:0] query: 192.168.1.1 example.com. A IN',
      '[1700000000] unbound[12:0] reply: 192.168.1.1 example.com. A IN NOERROR 0.000123 0 72',
      'Aug 20 11:07:01 dnsmasq[99]: query[AAAA] example.com from 192.168.1.5',
    ]) {
      assert.match(line, firstLine);
    }
    assert.doesNotMatch('Nov 23 14:40:25 unbound[14497:0] info: start of service', firstLine);
  });

  it('names a grammar file that exists with the scope it declares', () => {
    const g = manifest.contributes.grammars?.find((x) => x.language === 'dns-querylog');
    assert.ok(g);
    const path = join(repo, g.path);
    assert.ok(existsSync(path));
    const grammar = JSON.parse(readFileSync(path, 'utf8')) as { scopeName: string };
    assert.equal(grammar.scopeName, g.scopeName);
    assert.deepEqual(language?.filenames, ['query.log', 'queries.log']);
  });
});
