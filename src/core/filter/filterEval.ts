/**
 * Turns a parsed display filter into a predicate over one packet's fields, checking every
 * literal against its field's type once, at compile time (numbers, addresses, value-string
 * names, regular expressions), so evaluation never parses and never fails.
 *
 * Semantics of Wireshark 4.0 for fields that occur several times (checked with tshark):
 *   a == v, a > v, contains, matches, in: some occurrence satisfies it;
 *   a != v (all_ne): a occurs and no occurrence equals v (so it is false when a is absent);
 *   a ~= v (any_ne): some occurrence differs;  a === v (all_eq): a occurs and all equal v.
 * With a field on the right, the same over every pair of occurrences.
 */
import { fieldDef } from '../field';
import type { FieldNode } from '../field';
import { FilterSyntaxError } from './filterLexer';
import type { FieldRef, FilterExpr, Literal, Operand, RelationOp, SetRange } from './filterParser';
import { hasValueNames, valueFromName } from './filterValueNames';
import {
  compareValues,
  containsValue,
  nodeValue,
  parseAbsoluteTime,
  parseBytes,
  parseEther,
  parseInteger,
  parseIPv4,
  parseIPv6,
  parseSeconds,
  stringBytes,
  valueKind,
  type TypedLiteral,
  type Value,
  type ValueKind,
} from './filterValues';

/** All occurrences of a field in one packet, in tree order ([] when absent). */
export type FieldLookup = (name: string) => readonly FieldNode[];
export type Predicate = (lookup: FieldLookup) => boolean;

/** Names that are protocols (tree items without a value), beside the registered fields. */
const protocolNames: ReadonlySet<string> = new Set([
  'frame',
  'eth',
  'vlan',
  'ieee8021ad',
  'sll',
  'null',
  'ppp',
  'raw',
  'ip',
  'ipv6',
  'udp',
  'tcp',
  'dns',
  'mdns',
  'llmnr',
  'data',
]);

/** Whether a word is a field or protocol name the filter knows. */
export function isFilterField(name: string): boolean {
  return protocolNames.has(name) || fieldDef(name) !== undefined;
}

function kindOf(name: string): ValueKind {
  const def = fieldDef(name);
  return def === undefined ? 'none' : valueKind(def.type);
}

function fail(message: string, at: { start: number; end: number }): never {
  throw new FilterSyntaxError(message, at.start, at.end);
}

const kindWords: Readonly<Record<ValueKind, string>> = {
  int: 'a number',
  bool: 'a boolean (1, 0, True or False)',
  ipv4: 'an IPv4 address (optionally with /prefix)',
  ipv6: 'an IPv6 address (optionally with /prefix)',
  ether: 'a MAC address (6 bytes)',
  bytes: 'a byte string (aa:bb:cc) or a "string"',
  string: 'a string',
  time: 'a time in seconds',
  double: 'a number',
  none: 'nothing',
};

function noValue(field: FieldRef): string {
  return `${field.name} has no value to compare: test it alone ("${field.name}") or a field under it`;
}

/** A CIDR literal: address and prefix length. */
function cidr(
  text: string,
  bits: number,
  parse: (s: string) => bigint | undefined,
  lit: Literal,
): TypedLiteral | undefined {
  const slash = text.indexOf('/');
  const address = parse(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  if (slash < 0) return { value: address };
  const prefixText = text.slice(slash + 1);
  const prefix = /^[0-9]{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix <= bits)) fail(`the prefix length must be from 0 to ${bits}`, lit);
  const all = (1n << BigInt(bits)) - 1n;
  const mask = all ^ ((1n << BigInt(bits - prefix)) - 1n);
  return { value: address & mask, mask };
}

/** The literal as a value of the field's type, or a compile error at the literal. */
export function typedLiteral(field: FieldRef, lit: Literal): TypedLiteral {
  const kind = kindOf(field.name);
  const text = lit.text;
  const bad = (): never =>
    fail(`"${text}" is not valid for ${field.name}: expected ${kindWords[kind]}`, lit);
  switch (kind) {
    case 'int': {
      const n = parseInteger(text);
      if (n !== undefined) return { value: n };
      const named = valueFromName(field.name, text);
      if (named !== undefined) return { value: BigInt(named) };
      if (hasValueNames(field.name))
        fail(`"${text}" is not a number nor one of the value names of ${field.name}`, lit);
      return bad();
    }
    case 'bool': {
      const n = parseInteger(text);
      if (n !== undefined) return { value: n !== 0n ? 1n : 0n };
      if (text === 'True' || text === 'TRUE') return { value: 1n };
      if (text === 'False' || text === 'FALSE') return { value: 0n };
      return bad();
    }
    case 'ipv4':
      return cidr(text, 32, parseIPv4, lit) ?? bad();
    case 'ipv6':
      return cidr(text, 128, parseIPv6, lit) ?? bad();
    case 'ether':
      return { value: parseEther(text) ?? bad() };
    case 'bytes':
      if (lit.quoted) return { value: stringBytes(text) };
      return { value: parseBytes(text) ?? bad() };
    case 'string':
      return { value: text };
    case 'time': {
      const def = fieldDef(field.name);
      const seconds = text.endsWith('s') && !lit.quoted ? text.slice(0, -1) : text;
      const ns = def?.type === 'FT_ABSOLUTE_TIME' ? parseAbsoluteTime(text) : parseSeconds(seconds);
      return { value: ns ?? bad() };
    }
    case 'double': {
      const n = /^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$/.test(text) ? Number(text) : NaN;
      return Number.isNaN(n) ? bad() : { value: n };
    }
    case 'none':
      return fail(noValue(field), field);
  }
}

/** Values of every occurrence of `name` that has one (masked for CIDR literals). */
function valuesOf(lookup: FieldLookup, name: string, kind: ValueKind): Value[] {
  const out: Value[] = [];
  for (const node of lookup(name)) {
    const v = nodeValue(kind, node.value);
    if (v !== undefined) out.push(v);
  }
  return out;
}

function masked(v: Value, mask: bigint | undefined): Value {
  return mask !== undefined && typeof v === 'bigint' ? v & mask : v;
}

type Test = (a: Value, b: Value) => boolean;

const orderTests: Readonly<Record<'eq' | 'gt' | 'lt' | 'ge' | 'le', Test>> = {
  eq: (a, b) => compareValues(a, b) === 0,
  gt: (a, b) => compareValues(a, b) > 0,
  lt: (a, b) => compareValues(a, b) < 0,
  ge: (a, b) => compareValues(a, b) >= 0,
  le: (a, b) => compareValues(a, b) <= 0,
};

/** Combines a pair test over the occurrences as `op` does (see the header). */
function quantified(op: RelationOp, left: Value[], right: Value[], test: Test): boolean {
  if (left.length === 0 || right.length === 0) return false;
  const anyPair = (t: Test) => left.some((a) => right.some((b) => t(a, b)));
  switch (op) {
    case 'ne':
      return !anyPair(orderTests.eq);
    case 'any_ne':
      return anyPair((a, b) => !orderTests.eq(a, b));
    case 'all_eq':
      return left.every((a) => right.every((b) => orderTests.eq(a, b)));
    default:
      return anyPair(test);
  }
}

/** JavaScript's RegExp for a PCRE pattern: caseless as Wireshark's `matches`, unless (?-i). */
function compileRegex(lit: Literal): RegExp {
  let pattern = lit.text;
  let flags = 'i';
  if (pattern.startsWith('(?-i)')) {
    pattern = pattern.slice(5);
    flags = '';
  } else if (pattern.startsWith('(?i)')) pattern = pattern.slice(4);
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    const why =
      err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : '';
    return fail(`invalid regular expression: ${why}`, lit);
  }
}

function relation(expr: Extract<FilterExpr, { kind: 'relation' }>, fields: Set<string>): Predicate {
  const { op, field, value } = expr;
  const kind = kindOf(field.name);
  if (kind === 'none') fail(noValue(field), field);
  if (op === 'matches') {
    if (kind !== 'string') fail(`"matches" needs a string field; ${field.name} is not one`, field);
    if (value.kind !== 'literal') fail('"matches" needs a regular expression string', value);
    const re = compileRegex(value);
    return (lookup) => valuesOf(lookup, field.name, kind).some((v) => re.test(v as string));
  }
  if (op === 'contains') {
    if (kind !== 'string' && kind !== 'bytes' && kind !== 'ether')
      fail(`"contains" needs a string or bytes field; ${field.name} is not one`, field);
    if (value.kind !== 'literal') fail('"contains" needs a value, not a field', value);
    const needle: Value =
      kind === 'string'
        ? value.text
        : value.quoted
          ? stringBytes(value.text)
          : (parseBytes(value.text) ??
            fail(`"${value.text}" is not a byte string (aa:bb:cc) or a "string"`, value));
    return (lookup) => valuesOf(lookup, field.name, kind).some((v) => containsValue(v, needle));
  }
  if ((op === 'gt' || op === 'lt' || op === 'ge' || op === 'le') && kind === 'bool') {
    fail(`${field.name} is a boolean: it can only be tested with == or !=`, {
      start: expr.opStart,
      end: expr.opEnd,
    });
  }
  const test = op === 'ne' || op === 'any_ne' || op === 'all_eq' ? orderTests.eq : orderTests[op];
  const right = rightSide(field, value, kind, fields);
  return (lookup) => {
    const r = right(lookup);
    const left = valuesOf(lookup, field.name, kind).map((v) => masked(v, r.mask));
    return quantified(op, left, r.values, test);
  };
}

/** The right side: a fixed literal, or another field's occurrences. */
function rightSide(
  field: FieldRef,
  value: Operand,
  kind: ValueKind,
  fields: Set<string>,
): (lookup: FieldLookup) => { values: Value[]; mask?: bigint } {
  if (value.kind === 'literal') {
    const lit = typedLiteral(field, value);
    const r =
      lit.mask === undefined ? { values: [lit.value] } : { values: [lit.value], mask: lit.mask };
    return () => r;
  }
  const otherKind = kindOf(value.name);
  if (otherKind !== kind || kind === 'none')
    fail(`${field.name} and ${value.name} have different types and cannot be compared`, value);
  fields.add(value.name);
  return (lookup) => ({ values: valuesOf(lookup, value.name, kind) });
}

function membership(expr: Extract<FilterExpr, { kind: 'in' }>): Predicate {
  const { field } = expr;
  const kind = kindOf(field.name);
  const tests = expr.items.map((item: Literal | SetRange): ((v: Value) => boolean) => {
    if (item.kind === 'range') {
      const low = typedLiteral(field, item.low).value;
      const high = typedLiteral(field, item.high).value;
      return (v) => compareValues(v, low) >= 0 && compareValues(v, high) <= 0;
    }
    const lit = typedLiteral(field, item);
    return (v) => compareValues(masked(v, lit.mask), lit.value) === 0;
  });
  return (lookup) => valuesOf(lookup, field.name, kind).some((v) => tests.some((t) => t(v)));
}

/** Compiles the AST; throws FilterSyntaxError for type errors. Adds every field read to `fields`. */
export function compileExpr(expr: FilterExpr, fields: Set<string>): Predicate {
  switch (expr.kind) {
    case 'true':
      return () => true;
    case 'and': {
      const all = expr.operands.map((e) => compileExpr(e, fields));
      return (lookup) => all.every((p) => p(lookup));
    }
    case 'or': {
      const any = expr.operands.map((e) => compileExpr(e, fields));
      return (lookup) => any.some((p) => p(lookup));
    }
    case 'not': {
      const a = compileExpr(expr.operand, fields);
      return (lookup) => !a(lookup);
    }
    case 'exists': {
      const name = expr.field.name;
      fields.add(name);
      return (lookup) => lookup(name).length > 0;
    }
    case 'relation':
      fields.add(expr.field.name);
      return relation(expr, fields);
    case 'in':
      fields.add(expr.field.name);
      return membership(expr);
  }
}
