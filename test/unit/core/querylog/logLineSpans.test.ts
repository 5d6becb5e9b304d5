/**
 * Query-log lines cut into spans (logLineSpans.ts), explained (logLineHelp.ts) and sniffed
 * (queryLogSniff.ts). Expected offsets are found in each sample with indexOf on the
 * literal text, not taken from the code; the older BIND forms are issue 5's quoted samples
 * (ISC knowledge base, ossec-hids / logstash named pattern discussions), the rest come
 * from the real logs in test/fixtures/logs (BIND 9.18, unbound 1.17, dnsmasq 2.90).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { bindFlagMeaning, explainLogSpan } from '../../../../src/core/querylog/logLineHelp';
import {
  type LogLineSpan,
  type LogSpanKind,
  type ParsedLogLine,
  parseLogLineSpans,
  spanAt,
} from '../../../../src/core/querylog/logLineSpans';
import { looksLikeQueryLog } from '../../../../src/core/querylog/queryLogSniff';

const logs = join(__dirname, '../../../../../test/fixtures/logs');
const fixtureLines = (name: string): string[] =>
  readFileSync(join(logs, name), 'utf8')
    .split('\n')
    .filter((l) => l !== '');

function parse(line: string): ParsedLogLine {
  const p = parseLogLineSpans(line);
  assert.ok(p, `not parsed: ${line}`);
  return p;
}

function span(p: ParsedLogLine, kind: LogSpanKind, nth = 0): LogLineSpan {
  const s = p.spans.filter((x) => x.kind === kind)[nth];
  assert.ok(s, `no ${kind} span`);
  return s;
}

/** The span of `kind` is the `nth` occurrence (after `from`) of `text` in `line`. */
function assertAt(line: string, p: ParsedLogLine, kind: LogSpanKind, text: string, from = 0): void {
  const start = line.indexOf(text, from);
  assert.ok(start >= 0, `${text} not in the sample`);
  const s = p.spans.find((x) => x.kind === kind && x.start === start);
  assert.ok(s, `no ${kind} span at ${start} (${text}); spans: ${JSON.stringify(p.spans)}`);
  assert.equal(s.end, start + text.length);
  assert.equal(s.text, text);
}

describe('query-log line spans', () => {
  /**
   * Each sample with the parts expected in it: [kind, text, the text after which to look
   * for it (when it occurs earlier too)]. Sources: issue 5 for the BIND eras, the fixture
   * logs for unbound and dnsmasq.
   */
  const samples: {
    era: string;
    line: string;
    label: string;
    parts: [LogSpanKind, string, string?][];
    absent?: LogSpanKind[];
  }[] = [
    {
      era: 'the pre-9.9 BIND form: no client name, no server',
      line: 'client 133.95.1.2#1234: query: www.example.com IN AAAA +',
      label: 'BIND query log line (before 9.9)',
      parts: [
        ['client', '133.95.1.2'],
        ['clientPort', '1234'],
        ['qname', 'www.example.com'],
        ['qclass', 'IN'],
        ['qtype', 'AAAA'],
        ['flags', '+'],
      ],
      absent: ['server', 'clientName'],
    },
    {
      era: 'the 9.9 form: the client name in parentheses and the server address',
      line: 'client 127.0.0.1#54819 (daisy.ubuntu.com): query: daisy.ubuntu.com IN AAAA + (127.0.0.1)',
      label: 'BIND 9.9/9.10 query log line',
      parts: [
        ['client', '127.0.0.1'],
        ['clientName', 'daisy.ubuntu.com'],
        ['qname', 'daisy.ubuntu.com', 'query: '],
        ['server', '127.0.0.1', '+'],
      ],
    },
    {
      era: "9.10's bare E, a letter of its own",
      line: 'client 10.0.0.7#5300 (example.com): query: example.com IN A +E (1.2.3.5)',
      label: 'BIND 9.9/9.10 query log line',
      parts: [
        ['flag', '+'],
        ['flag', 'E', '+'],
        ['server', '1.2.3.5'],
      ],
    },
    {
      era: 'the 9.11+ form with the client object, E(0) as one letter, and ECS',
      line: 'client @0x7fda1d74e7d0 192.168.1.6#60844 (example.net): query: example.net IN A +E(0)D (192.168.1.250) [ECS 192.0.2.0/24/0]',
      label: 'BIND 9.11+ query log line',
      parts: [
        ['clientObject', '0x7fda1d74e7d0'],
        ['client', '192.168.1.6'],
        ['clientPort', '60844'],
        ['flags', '+E(0)D'],
        ['flag', 'E(0)'],
        ['flag', 'D', 'E(0)'],
        ['server', '192.168.1.250'],
        ['ecs', '192.0.2.0/24/0'],
      ],
    },
    {
      era: 'an IPv6 client and a view after a print-all prefix',
      line: '23-Nov-2026 11:07:01.123 queries: info: client @0x1 2001:db8::1#53 (a.example): view external: query: a.example IN TYPE65534 -T (2001:db8::53)',
      label: 'BIND 9.11+ query log line',
      parts: [
        ['time', '23-Nov-2026 11:07:01.123'],
        ['category', 'queries: info:'],
        ['client', '2001:db8::1'],
        ['clientPort', '53'],
        ['view', 'external'],
        ['qtype', 'TYPE65534'],
        ['flag', 'T', ' -'],
        ['server', '2001:db8::53'],
      ],
    },
    {
      era: 'unbound replies: rcode, time, cached flag and size',
      line: '[1795444824] unbound[14421:0] info: 127.0.0.1 www.example.test. A IN NOERROR 0.000818 0 61',
      label: 'unbound log-replies line',
      parts: [
        ['time', '[1795444824]'],
        ['tag', 'info'],
        ['client', '127.0.0.1'],
        ['qname', 'www.example.test.'],
        ['qtype', 'A', '. '],
        ['qclass', 'IN', '. '],
        ['rcode', 'NOERROR'],
        ['duration', '0.000818'],
        ['cached', '0', '0.000818 '],
        ['size', '61', '0.000818 '],
      ],
    },
    {
      era: 'dnsmasq extra lines: serial, client/port, verb with its type, name, client',
      line: 'Nov 23 14:40:27 dnsmasq[14615]: 116 ::1/33476 query[AAAA] www.example.test from ::1',
      label: 'dnsmasq log-queries=extra line',
      parts: [
        ['serial', '116'],
        ['client', '::1'],
        ['clientPort', '33476'],
        ['verb', 'query[AAAA]'],
        ['qtype', 'AAAA'],
        ['qname', 'www.example.test'],
        ['client', '::1', ' from '],
      ],
    },
    {
      era: 'dnsmasq forwarding without extra',
      line: 'Nov 23 14:40:27 dnsmasq[9]: forwarded www.example.test to 127.0.0.1#5300',
      label: 'dnsmasq log-queries line',
      parts: [
        ['verb', 'forwarded'],
        ['upstream', '127.0.0.1#5300'],
      ],
    },
    {
      era: 'dnsmasq answers from its configuration',
      line: 'Nov 23 14:40:27 dnsmasq[9]: config ads.blocked.test is NXDOMAIN',
      label: 'dnsmasq log-queries line',
      parts: [
        ['verb', 'config'],
        ['answer', 'NXDOMAIN'],
      ],
    },
  ];

  for (const { era, line, label, parts, absent = [] } of samples) {
    it(`cuts ${era}`, () => {
      const p = parse(line);
      assert.equal(p.formatLabel, label);
      for (const [kind, text, after] of parts) {
        assertAt(line, p, kind, text, after === undefined ? 0 : line.indexOf(after) + after.length);
      }
      for (const kind of absent)
        assert.equal(
          p.spans.some((s) => s.kind === kind),
          false,
          kind,
        );
    });
  }

  it('cuts the syslog prefix into time, host and program', () => {
    const line = fixtureLines('bind-syslog.log').find((l) => l.includes(' query: '));
    assert.ok(line);
    const p = parse(line);
    assert.equal(p.timeStyle, 'syslog');
    assertAt(line, p, 'time', line.slice(0, 15)); // "Nov 23 14:40:21"
    assertAt(line, p, 'host', 'ns1');
    assertAt(line, p, 'program', line.slice(line.indexOf('named['), line.indexOf(']:') + 2));
  });

  it('reads back every line the parsers accept in every fixture log, spans inside the line', () => {
    // An independent count of query lines per file, by the dialects' fixed words.
    const isQueryLine = (l: string): boolean =>
      / query: /.test(l) ||
      /\] info: [0-9a-f.:]+ \S+\. [A-Z0-9]+ [A-Z]+( |$)/.test(l) ||
      /: \d+ [0-9a-f.:]+\/\d+ (query\[|forwarded |dnssec-query\[|reply |cached |config )/.test(l);
    const files = readFileSync(join(logs, 'README.md'), 'utf8').match(/`[\w-]+\.log`/g) ?? [];
    const names = [...new Set(files.map((f) => f.slice(1, -1)))];
    assert.ok(names.length >= 9);
    for (const name of names) {
      const lines = fixtureLines(name);
      let parsed = 0;
      for (const line of lines) {
        const p = parseLogLineSpans(line);
        assert.equal(p !== undefined, isQueryLine(line), `${name}: ${line}`);
        if (p === undefined) continue;
        parsed++;
        for (const s of p.spans) {
          assert.equal(line.slice(s.start, s.end), s.text, `${name}: ${s.kind}`);
          assert.ok(s.start < s.end, `${name}: empty ${s.kind}`);
        }
      }
      assert.ok(parsed > 0, name);
    }
  });

  it('finds the innermost span under an offset: a flag letter inside the flag string', () => {
    const line = fixtureLines('bind-plain.log')[6] ?? ''; // line 7: +E(0)DK, the +dnssec query
    const p = parse(line);
    const d = line.indexOf('DK (');
    assert.ok(d > 0);
    assert.equal(spanAt(p, d)?.kind, 'flag');
    assert.equal(spanAt(p, d)?.text, 'D');
    assert.equal(spanAt(p, line.indexOf('(0)'))?.text, 'E(0)');
    assert.equal(spanAt(p, line.indexOf('#') + 1)?.kind, 'clientPort');
    assert.equal(spanAt(p, line.indexOf('#')), undefined);
  });

  it('says nothing of lines no dialect reads', () => {
    assert.equal(
      parseLogLineSpans('Nov 23 14:40:21 ns1 named[14220]: starting BIND 9.18'),
      undefined,
    );
    assert.equal(parseLogLineSpans(''), undefined);
  });
});

describe('query-log line help', () => {
  it('explains each BIND flag letter', () => {
    assert.match(bindFlagMeaning('+'), /recursion desired/);
    assert.match(bindFlagMeaning('-'), /recursion not desired/);
    assert.match(bindFlagMeaning('S'), /signed/);
    assert.match(bindFlagMeaning('E'), /EDNS/);
    assert.match(bindFlagMeaning('E(1)'), /EDNS version 1/);
    assert.match(bindFlagMeaning('T'), /TCP/);
    assert.match(bindFlagMeaning('D'), /DNSSEC OK/);
    assert.match(bindFlagMeaning('C'), /checking disabled/);
    assert.match(bindFlagMeaning('V'), /valid server cookie/);
    assert.match(bindFlagMeaning('K'), /no valid server cookie/);
  });

  it("explains a client with its port, the type's meaning, and a flag among all flags", () => {
    const line =
      'client @0x7fd713af6c98 127.0.0.1#46385 (www.example.test): query: www.example.test IN AAAA +E(0)DK (127.0.0.1)';
    const p = parse(line);
    const client = explainLogSpan(p, span(p, 'client'));
    assert.equal(client.title, 'Client address');
    assert.equal(client.value, '127.0.0.1');
    assert.match(client.lines.join(' '), /IPv4 address .*port 46385/);
    const type = explainLogSpan(p, span(p, 'qtype'));
    assert.match(type.lines.join(' '), /IPv6 address record.*Type number 28/);
    const klass = explainLogSpan(p, span(p, 'qclass'));
    assert.match(klass.lines.join(' '), /Internet class/);
    const d = explainLogSpan(p, span(p, 'flag', 2));
    assert.equal(d.value, 'D');
    assert.match(d.lines[0] ?? '', /^D: DO bit/);
    assert.equal(d.lines.filter((l) => /^[+EDK]/.test(l)).length, 5); // D, then + E(0) D K
    const server = explainLogSpan(p, span(p, 'server'));
    assert.match(server.lines.join(' '), /local IPv4 address the query arrived on/);
  });

  it("explains unbound's rcode, time and cache bit", () => {
    const line =
      'Nov 23 14:40:25 unbound[14497:0] info: 127.0.0.1 ads.blocked.test. A IN SERVFAIL 0.001500 1 46';
    const p = parse(line);
    assert.match(explainLogSpan(p, span(p, 'rcode')).lines.join(' '), /^ServFail/);
    assert.match(explainLogSpan(p, span(p, 'duration')).lines.join(' '), /^1\.5 ms/);
    assert.match(explainLogSpan(p, span(p, 'cached')).lines.join(' '), /cache/);
    assert.match(
      explainLogSpan(p, span(p, 'client')).lines.join(' '),
      /does not log the client port/,
    );
  });

  it("explains dnsmasq's verbs and answers", () => {
    const verb = (message: string): string => {
      const p = parse(`Nov 23 14:40:27 dnsmasq[9]: ${message}`);
      return explainLogSpan(p, span(p, 'verb')).lines.join(' ');
    };
    assert.match(verb('query[MX] example.test from 10.0.0.1'), /query for type MX/);
    assert.match(verb('forwarded example.test to 10.0.0.53'), /upstream/);
    assert.match(verb('reply example.test is 192.0.2.1'), /from upstream/);
    assert.match(verb('cached example.test is 192.0.2.1'), /cache/);
    assert.match(verb('config ads.blocked.test is NXDOMAIN'), /configuration/);
    assert.match(verb('/etc/hosts localhost is 127.0.0.1'), /hosts file/);
    const nx = parse('Nov 23 14:40:27 dnsmasq[9]: reply nosuch.test is NXDOMAIN');
    assert.match(explainLogSpan(nx, span(nx, 'answer')).lines.join(' '), /does not exist/);
  });

  it('gives the epoch time in UTC', () => {
    const p = parse('[1700000000] unbound[1:0] info: 10.0.0.1 example. A IN');
    // 1700000000 s = 2023-11-14T22:13:20Z (date -u -d @1700000000)
    assert.match(explainLogSpan(p, span(p, 'time')).lines.join(' '), /2023-11-14T22:13:20/);
  });
});

describe('query-log sniffing', () => {
  it('knows every fixture log, including syslog files that start with start-up lines', () => {
    for (const name of ['bind-plain.log', 'bind-syslog.log', 'unbound.log', 'dnsmasq-extra.log']) {
      assert.equal(looksLikeQueryLog(fixtureLines(name).slice(0, 200)), true, name);
    }
  });

  it('does not take a log of other things for a query log', () => {
    const startup = fixtureLines('bind-syslog.log').filter((l) => !l.includes(' query: '));
    assert.ok(startup.length >= 40);
    assert.equal(looksLikeQueryLog(startup), false);
    // One query line among many others is not enough.
    const one = fixtureLines('bind-syslog.log').find((l) => l.includes(' query: ')) ?? '';
    assert.equal(looksLikeQueryLog([...startup, one]), false);
  });
});
