/**
 * Tokens of a Wireshark display filter (the 4.0 grammar's subset DNSpector evaluates):
 * punctuation and operators, quoted strings (with C escapes, or raw r"..."), and "words":
 * unquoted runs that are field names, keywords or literals (numbers, addresses, byte
 * strings, value-string names). Every token keeps its character range for error reports.
 *
 * Hand-written, one pass without backtracking, so lexing is linear in the filter's length.
 */

export type TokenKind = 'word' | 'string' | 'op' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The source text (for strings: the decoded value). */
  readonly text: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** Operators and punctuation, longest first so `===` wins over `==`. */
const operators = [
  '===',
  '!==',
  '==',
  '!=',
  '~=',
  '>=',
  '<=',
  '&&',
  '||',
  '..',
  '>',
  '<',
  '!',
  '~',
  '(',
  ')',
  '{',
  '}',
  ',',
  '[',
  ']',
  '&',
  '|',
  '=',
] as const;

/** Characters of an unquoted word: field names, numbers, IPv4/IPv6/CIDR, MACs, byte strings. */
function isWordChar(c: string): boolean {
  return /[A-Za-z0-9_\-.:/+]/.test(c);
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

const simpleEscapes: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  "'": "'",
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Reads a "..." string starting at `start` (the quote); returns the value and the end. */
function readString(text: string, start: number, raw: boolean): { value: string; end: number } {
  let i = start + 1;
  let value = '';
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return { value, end: i + 1 };
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break;
    if (raw) {
      // A raw string keeps the backslash; \" still does not end it.
      value += c + next;
      i += 2;
      continue;
    }
    const simple = simpleEscapes[next];
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 2, i + 4))) {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (/^[0-7]{3}$/.test(text.slice(i + 1, i + 4))) {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 4), 8) & 0xff);
      i += 4;
    } else {
      throw new FilterSyntaxError(`\\${next} is not a valid character escape`, i, i + 2);
    }
  }
  throw new FilterSyntaxError('the string has no closing quote', start, text.length);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const raw = (c === 'r' || c === 'R') && text[i + 1] === '"';
    if (c === '"' || raw) {
      const s = readString(text, raw ? i + 1 : i, raw);
      tokens.push({ kind: 'string', text: s.value, start: i, end: s.end });
      i = s.end;
      continue;
    }
    if (isWordChar(c) && !text.startsWith('..', i)) {
      let j = i;
      // A word stops before "..", so the range 5..7 is three tokens.
      while (j < text.length && isWordChar(text[j] as string) && !text.startsWith('..', j)) j++;
      tokens.push({ kind: 'word', text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    const op = operators.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new FilterSyntaxError(`"${c}" is not valid here`, i, i + 1);
    tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
    i += op.length;
  }
  tokens.push({ kind: 'eof', text: '', start: text.length, end: text.length });
  return tokens;
}
