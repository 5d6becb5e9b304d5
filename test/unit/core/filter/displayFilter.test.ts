/**
 * Display filters through the public API (compileFilter + treeFieldLookup) on hand-built
 * field trees: precedence and multi-occurrence semantics as tshark 4.0.17 showed them
 * (see each test), literals of every field type, value-string names, CIDR, and errors
 * with the character range they point at.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { FieldNode } from '../../../../src/core/field';
import { compileFilter, type DisplayFilter } from '../../../../src/core/filter/displayFilter';
import { treeFieldLookup } from '../../../../src/core/filter/treeFieldLookup';

function node(name: string, value?: number | string | boolean, children?: FieldNode[]): FieldNode {
  const n: FieldNode = { name, label: name, source: 0, start: 0, length: 0 };
  if (value !== undefined) {
    n.value = value;
    n.show = String(value);
  }
  if (children) n.children = children;
  return n;
}

interface PacketSpec {
  frame?: number;
  src?: string;
  dst?: string;
  ipv6?: [string, string];
  ports?: [number, number];
  response?: boolean;
  rcode?: number;
  qtypes?: number[];
  names?: string[];
  answers?: string[];
  responseIn?: number;
  time?: string;
}

/** A packet tree shaped as the dissectors build it (protocol items, hidden both-way fields). */
function packet(p: PacketSpec): FieldNode[] {
  const tree: FieldNode[] = [
    node('frame', undefined, [node('frame.number', p.frame ?? 1), node('frame.len', 100)]),
    node('eth', undefined, [
      node('eth.dst', '00:11:22:33:44:55', [node('eth.addr', '00:11:22:33:44:55')]),
      node('eth.src', '66:77:88:99:aa:bb', [node('eth.addr', '66:77:88:99:aa:bb')]),
    ]),
  ];
  if (p.src && p.dst) {
    tree.push(
      node('ip', undefined, [
        node('ip.src', p.src),
        { ...node('ip.addr', p.src), hidden: true },
        node('ip.dst', p.dst),
        { ...node('ip.addr', p.dst), hidden: true },
      ]),
    );
  }
  if (p.ipv6) {
    const [s, d] = p.ipv6;
    tree.push(
      node('ipv6', undefined, [
        node('ipv6.src', s),
        node('ipv6.addr', s),
        node('ipv6.dst', d),
        node('ipv6.addr', d),
      ]),
    );
  }
  const [sport, dport] = p.ports ?? [40000, 53];
  tree.push(
    node('udp', undefined, [
      node('udp.srcport', sport),
      node('udp.dstport', dport),
      node('udp.port', sport),
      node('udp.port', dport),
      node('udp.payload', '72d08500'),
    ]),
  );
  const dns: FieldNode[] = [
    node('dns.id', 0x72d0),
    node('dns.flags', 0x8500, [
      node('dns.flags.response', p.response ?? false),
      node('dns.flags.recdesired', true),
      node('dns.flags.rcode', p.rcode ?? 0),
    ]),
  ];
  (p.names ?? ['www.example.test']).forEach((name, i) => {
    dns.push(
      node('', undefined, [node('dns.qry.name', name), node('dns.qry.type', p.qtypes?.[i] ?? 1)]),
    );
  });
  for (const a of p.answers ?? []) dns.push(node('', undefined, [node('dns.a', a)]));
  if (p.responseIn !== undefined) dns.push(node('dns.response_in', p.responseIn));
  if (p.time !== undefined) dns.push(node('dns.time', p.time));
  tree.push(node('dns', undefined, dns));
  return tree;
}

function compile(text: string): DisplayFilter {
  const r = compileFilter(text);
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
  return r.filter;
}

function matches(text: string, p: PacketSpec): boolean {
  return compile(text).matches(treeFieldLookup(packet(p)));
}

function error(text: string): { message: string; start: number; end: number } {
  const r = compileFilter(text);
  assert.ok(!r.ok, `${text} should not compile`);
  return r.error;
}

const query: PacketSpec = {
  src: '10.0.0.5',
  dst: '192.0.2.1',
  qtypes: [28],
  names: ['mail.example'],
};

describe('display filters: the design examples', () => {
  it('dns.qry.type == AAAA && ip.src == 10.0.0.5', () => {
    const f = 'dns.qry.type == AAAA && ip.src == 10.0.0.5';
    assert.equal(matches(f, query), true);
    assert.equal(matches(f, { ...query, qtypes: [1] }), false);
    assert.equal(matches(f, { ...query, src: '10.0.0.6' }), false);
  });
  it('dns.flags.rcode != 0', () => {
    assert.equal(matches('dns.flags.rcode != 0', { rcode: 3 }), true);
    assert.equal(matches('dns.flags.rcode != 0', { rcode: 0 }), false);
  });
  it('dns.qry.name contains "mail" (case-sensitive, as tshark)', () => {
    assert.equal(matches('dns.qry.name contains "mail"', query), true);
    assert.equal(matches('dns.qry.name contains "MAIL"', query), false);
    assert.equal(matches('dns.qry.name contains mail', query), true);
  });
  it('!dns.response_in', () => {
    assert.equal(matches('!dns.response_in', { responseIn: 2 }), false);
    assert.equal(matches('!dns.response_in', {}), true);
  });
  it('dns.time > 0.2 compares seconds exactly', () => {
    assert.equal(matches('dns.time > 0.2', { time: '0.200000001' }), true);
    assert.equal(matches('dns.time > 0.2', { time: '0.200000000' }), false);
    assert.equal(matches('dns.time >= 0.2s', { time: '0.200000000' }), true);
    assert.equal(matches('dns.time > 0.2', {}), false);
  });
  it('reports every field the filter reads', () => {
    const f = compile('dns && (dns.response_in || !dns.time) && ip.src == ip.dst');
    assert.deepEqual([...f.fields].sort(), [
      'dns',
      'dns.response_in',
      'dns.time',
      'ip.dst',
      'ip.src',
    ]);
  });
});

describe('display filters: precedence (tshark 4.0: ! over && over ||)', () => {
  // tshark -Y 'frame.number == 1 || frame.number == 2 && frame.number == 3' printed frame 1 only.
  it('a || b && c is a || (b && c)', () => {
    const f = 'frame.number == 1 || frame.number == 2 && frame.number == 3';
    assert.equal(matches(f, { frame: 1 }), true);
    assert.equal(matches(f, { frame: 2 }), false);
    assert.equal(matches(f, { frame: 3 }), false);
  });
  it('a && b || c is (a && b) || c', () => {
    const f = 'frame.number == 3 && frame.number == 2 || frame.number == 1';
    assert.equal(matches(f, { frame: 1 }), true);
    assert.equal(matches(f, { frame: 3 }), false);
  });
  it('!a && b negates only a; !a == 1 negates the relation', () => {
    assert.equal(matches('!dns.response_in && dns.flags.response == 0', {}), true);
    assert.equal(matches('!dns.response_in && dns.flags.response == 0', { response: true }), false);
    assert.equal(matches('!frame.number == 1 && frame.number <= 3', { frame: 2 }), true);
    assert.equal(matches('!frame.number == 1 && frame.number <= 3', { frame: 1 }), false);
  });
  it('word forms and parentheses', () => {
    assert.equal(
      matches('not (frame.number eq 1 or frame.number eq 2) and dns', { frame: 3 }),
      true,
    );
    assert.equal(
      matches('not (frame.number eq 1 or frame.number eq 2) and dns', { frame: 2 }),
      false,
    );
  });
  it('an empty filter matches everything', () => {
    assert.equal(matches('   ', {}), true);
  });
});

describe('display filters: fields that occur several times', () => {
  const two: PacketSpec = { qtypes: [1, 28], names: ['a.test', 'b.test'] };
  it('== matches when any occurrence equals', () => {
    assert.equal(matches('dns.qry.type == 28', two), true);
  });
  it('!= means no occurrence equals (all_ne), and is false when the field is absent', () => {
    assert.equal(matches('dns.qry.type != 28', two), false);
    assert.equal(matches('dns.qry.type != 5', two), true);
    // tshark: frames without dns.a never match 'dns.a != 1.2.3.4'.
    assert.equal(matches('dns.a != 1.2.3.4', {}), false);
    assert.equal(matches('dns.a != 1.2.3.4', { answers: ['5.6.7.8'] }), true);
  });
  it('~= / any_ne: some occurrence differs; === / all_eq: all equal', () => {
    assert.equal(matches('dns.qry.type ~= 1', two), true);
    assert.equal(matches('dns.qry.type any_ne 1', { qtypes: [1] }), false);
    assert.equal(matches('dns.qry.type === 1', two), false);
    assert.equal(matches('dns.qry.type all_eq 1', { qtypes: [1] }), true);
  });
  it('ip.addr and udp.port hold both directions', () => {
    const p: PacketSpec = { src: '10.0.0.5', dst: '192.0.2.1', ports: [40000, 53] };
    assert.equal(matches('ip.addr == 192.0.2.1 && ip.addr == 10.0.0.5', p), true);
    assert.equal(matches('ip.addr != 10.0.0.5', p), false);
    assert.equal(matches('udp.port == 40000 && udp.port == 53', p), true);
  });
  it('field against field compares every pair', () => {
    assert.equal(matches('ip.src == ip.dst', { src: '10.0.0.1', dst: '10.0.0.1' }), true);
    assert.equal(matches('ip.src == ip.dst', { src: '10.0.0.1', dst: '10.0.0.2' }), false);
    assert.equal(matches('ip.src < ip.dst', { src: '10.0.0.1', dst: '10.0.0.2' }), true);
  });
});

describe('display filters: literals', () => {
  it('numbers in hex, octal and binary', () => {
    assert.equal(matches('dns.qry.type == 0x1c', query), true);
    assert.equal(matches('dns.qry.type == 034', query), true);
    assert.equal(matches('dns.qry.type == 0b11100', query), true);
    assert.equal(matches('dns.id == 0x72D0', query), true);
  });
  it('value-string names as tshark accepts them, and DNS mnemonics besides', () => {
    assert.equal(matches('dns.qry.type == "AAAA (IPv6 Address)"', query), true);
    assert.equal(matches('dns.qry.type == aaaa', query), true);
    assert.equal(matches('dns.flags.rcode == "no such name"', { rcode: 3 }), true);
    assert.equal(matches('dns.flags.rcode == NXDOMAIN', { rcode: 3 }), true);
    assert.equal(matches('dns.flags.rcode == NXDomain', { rcode: 0 }), false);
  });
  it('booleans: 1, 0, any non-zero number, True and False', () => {
    assert.equal(matches('dns.flags.recdesired == 1', {}), true);
    assert.equal(matches('dns.flags.recdesired == 2', {}), true);
    assert.equal(matches('dns.flags.recdesired == True', {}), true);
    assert.equal(matches('dns.flags.response == FALSE', {}), true);
    assert.equal(matches('dns.flags.recdesired', {}), true);
    assert.equal(error('dns.flags.recdesired == true').start, 24);
  });
  it('IPv4 CIDR', () => {
    assert.equal(matches('ip.addr == 10.0.0.0/8', query), true);
    assert.equal(matches('ip.src == 10.0.0.0/30', query), false);
    assert.equal(matches('ip.src == 10.0.0.4/30', query), true);
    assert.equal(matches('ip.src == 0.0.0.0/0', query), true);
    assert.equal(matches('ip.addr in {172.16.0.0/12, 192.0.2.0/24}', query), true);
  });
  it('IPv6 with ::, CIDR and an embedded IPv4', () => {
    const p: PacketSpec = { ipv6: ['2001:db8::1', 'fe80::1:2'] };
    assert.equal(matches('ipv6.src == 2001:db8::/32', p), true);
    assert.equal(matches('ipv6.src == 2001:db9::/32', p), false);
    assert.equal(matches('ipv6.addr == fe80::/10', p), true);
    assert.equal(matches('ipv6.addr == FE80:0:0:0:0:0:1:2', p), true);
    assert.equal(matches('ipv6.src == 2001:db8::0.0.0.1', p), true);
    assert.equal(matches('ipv6.src > ::', p), true);
  });
  it('MAC addresses with colons, dashes or dots', () => {
    assert.equal(matches('eth.addr == 00:11:22:33:44:55', {}), true);
    assert.equal(matches('eth.dst == 00-11-22-33-44-55', {}), true);
    assert.equal(matches('eth.src == 6677.8899.aabb', {}), true);
    assert.equal(matches('eth.src == 00:11:22:33:44:55', {}), false);
    assert.match(error('eth.addr == 00:11:22:33:44').message, /MAC address/);
  });
  it('byte strings and strings with escapes', () => {
    assert.equal(matches('udp.payload contains 72:d0', {}), true);
    assert.equal(matches('udp.payload contains 85:00', {}), true);
    assert.equal(matches('udp.payload contains d0:72', {}), false);
    assert.equal(matches('udp.payload contains "\\x72\\xd0"', {}), true);
    assert.equal(matches('udp.payload == 72d08500', {}), true);
    assert.equal(matches('dns.qry.name == "w\\x77w.ex\\141mple.test"', {}), true);
    assert.equal(matches('dns.qry.name == r"www.example.test"', {}), true);
  });
  it('matches is a caseless regex unless (?-i); ~ is matches', () => {
    assert.equal(matches('dns.qry.name matches "^WWW\\\\."', {}), true);
    assert.equal(matches('dns.qry.name ~ "(?-i)^WWW"', {}), false);
    assert.equal(matches('dns.qry.name ~ "test$"', {}), true);
  });
  it('sets with ranges', () => {
    assert.equal(matches('frame.number in {1, 5..7}', { frame: 6 }), true);
    assert.equal(matches('frame.number in {1, 5..7}', { frame: 4 }), false);
    assert.equal(matches('dns.qry.type in {A, AAAA}', query), true);
  });
  it('orders with > < >= <= and their words', () => {
    assert.equal(matches('frame.number > 1 && frame.number lt 3', { frame: 2 }), true);
    assert.equal(matches('frame.number ge 2 and frame.number le 2', { frame: 2 }), true);
    assert.equal(matches('frame.number gt 2', { frame: 2 }), false);
  });
});

describe('display filters: errors with their position', () => {
  it('an unknown field: the range of the word', () => {
    assert.deepEqual(error('dns.qry.tyep == 1'), {
      message: '"dns.qry.tyep" is not a valid field or protocol name (did you mean dns.qry.type?)',
      start: 0,
      end: 12,
    });
    const e = error('dns && dns.flags.rd');
    assert.deepEqual([e.start, e.end], [7, 19]);
    assert.match(e.message, /did you mean dns\.flags\.recdesired\?/);
    assert.doesNotMatch(error('zzzzzzzz').message, /did you mean/);
  });
  it('a missing value: at the end', () => {
    const e = error('dns.qry.type ==');
    assert.deepEqual([e.start, e.end], [15, 15]);
    assert.match(e.message, /expected a value at the end/);
  });
  it('a bad value: the range of the literal', () => {
    const e = error('ip.src == 10.0.0.300 && dns');
    assert.deepEqual([e.start, e.end], [10, 20]);
    assert.deepEqual(
      [error('ip.addr == 10.0.0.0/33').start, error('ip.addr == 10.0.0.0/33').end],
      [11, 22],
    );
    assert.match(error('frame.number == 1.5').message, /not valid for frame.number/);
  });
  it('an unknown value name', () => {
    const e = error('dns.qry.type == BOGUS');
    assert.match(e.message, /value names of dns.qry.type/);
    assert.deepEqual([e.start, e.end], [16, 21]);
  });
  it('an invalid regex is refused when compiling', () => {
    const e = error('dns.qry.name matches "("');
    assert.match(e.message, /invalid regular expression/);
    assert.deepEqual([e.start, e.end], [21, 24]);
  });
  it('unbalanced parentheses, stray tokens, an unterminated string', () => {
    assert.deepEqual([error('(dns').start, error('(dns').end], [0, 1]);
    assert.deepEqual([error('dns)').start, error('dns)').end], [3, 4]);
    assert.deepEqual([error('dns udp').start, error('dns udp').end], [4, 7]);
    assert.match(error('dns.qry.name == "abc').message, /no closing quote/);
    assert.match(error('dns.qry.name == "a\\qb"').message, /escape/);
    assert.match(error('frame.number in {1 3}').message, /"," or "}"/);
  });
  it('a left side that is not a field, keywords in upper case, protocols compared', () => {
    assert.match(error('1 == frame.number').message, /must start with a field/);
    assert.equal(error('dns AND udp').start, 4);
    assert.match(error('dns == 1').message, /no value to compare/);
    assert.match(error('dns.qry.type contains 1').message, /string or bytes/);
    assert.match(error('ip.src == dns.qry.name').message, /different types/);
  });
  it('unsupported syntax says so', () => {
    assert.match(error('dns.qry.name[0:3] == "www"').message, /slices/);
    assert.match(error('len(dns.qry.name) == 3').message, /not a valid field|functions/);
  });
  it('deep nesting is an error, not a stack overflow; long chains are fine', () => {
    assert.match(error('('.repeat(20000) + 'dns' + ')'.repeat(20000)).message, /nested too deeply/);
    assert.match(error('!'.repeat(20000) + 'dns').message, /nested too deeply/);
    const chain = Array.from({ length: 20000 }, () => 'dns').join(' && ');
    assert.equal(compile(chain).matches(treeFieldLookup(packet({}))), true);
  });
  it('never throws on arbitrary text', () => {
    const pieces = [
      'dns',
      '==',
      '(',
      ')',
      '"',
      '!',
      '&&',
      '{',
      '..',
      '}',
      ',',
      '1',
      'ip.src',
      '~',
      '\\',
      '[',
      '@',
    ];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let k = 0; k < 8; k++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pieces[seed % pieces.length] + (seed % 3 === 0 ? ' ' : '');
      }
      const r = compileFilter(text);
      if (!r.ok) {
        assert.ok(
          r.error.start >= 0 && r.error.end <= text.length && r.error.start <= r.error.end,
          text,
        );
      } else r.filter.matches(treeFieldLookup(packet({})));
    }
  });
});

describe('treeFieldLookup', () => {
  it('finds nested and hidden items in tree order and nothing for absent fields', () => {
    const lookup = treeFieldLookup(packet({ src: '10.0.0.1', dst: '10.0.0.2' }));
    assert.deepEqual(
      lookup('ip.addr').map((n) => n.value),
      ['10.0.0.1', '10.0.0.2'],
    );
    assert.deepEqual(lookup('eth.addr').length, 2);
    assert.deepEqual(lookup('dns.time'), []);
    assert.deepEqual(lookup('').length, 0);
  });
});
