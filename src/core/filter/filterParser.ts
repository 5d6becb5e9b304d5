/**
 * Parses display-filter tokens into an AST, with Wireshark 4.0's precedence (checked
 * against tshark 4.0.17): `!`/`not` binds tightest and applies to a whole relation
 * (`!a == 1` is `!(a == 1)`), then `&&`/`and`, then `||`/`or`, so `a || b && c` is
 * `a || (b && c)`. Keywords are lower case only (tshark rejects `AND`, `EQ`).
 *
 * The parser knows no field types: it only decides which words are fields (the left
 * side of a relation, and right-side words that name a known field) and leaves literals
 * as text for filterEval.ts, which checks them against the field's type.
 */
import { FilterSyntaxError, tokenize, type Token } from './filterLexer';

export type CompareOp = 'eq' | 'ne' | 'any_ne' | 'all_eq' | 'gt' | 'lt' | 'ge' | 'le';
export type RelationOp = CompareOp | 'contains' | 'matches';

export interface FieldRef {
  readonly kind: 'field';
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface Literal {
  readonly kind: 'literal';
  readonly text: string;
  /** Written as a "string" (never a field name, a number or an address). */
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export type Operand = FieldRef | Literal;

export interface SetRange {
  readonly kind: 'range';
  readonly low: Literal;
  readonly high: Literal;
}

export type FilterExpr =
  /** n-ary, so a long chain of `&&` is a list rather than a deep tree. */
  | { readonly kind: 'and' | 'or'; readonly operands: readonly FilterExpr[] }
  | { readonly kind: 'not'; readonly operand: FilterExpr }
  | { readonly kind: 'exists'; readonly field: FieldRef }
  | {
      readonly kind: 'relation';
      readonly op: RelationOp;
      readonly field: FieldRef;
      readonly value: Operand;
      /** Where the operator is, for errors about it. */
      readonly opStart: number;
      readonly opEnd: number;
    }
  | {
      readonly kind: 'in';
      readonly field: FieldRef;
      readonly items: readonly (Literal | SetRange)[];
    }
  | { readonly kind: 'true' };

const relationOps: ReadonlyMap<string, RelationOp> = new Map([
  ['==', 'eq'],
  ['eq', 'eq'],
  ['any_eq', 'eq'],
  ['!=', 'ne'],
  ['ne', 'ne'],
  ['all_ne', 'ne'],
  ['~=', 'any_ne'],
  ['!==', 'any_ne'],
  ['any_ne', 'any_ne'],
  ['===', 'all_eq'],
  ['all_eq', 'all_eq'],
  ['>', 'gt'],
  ['gt', 'gt'],
  ['<', 'lt'],
  ['lt', 'lt'],
  ['>=', 'ge'],
  ['ge', 'ge'],
  ['<=', 'le'],
  ['le', 'le'],
  ['contains', 'contains'],
  ['matches', 'matches'],
  ['~', 'matches'],
]);

const keywords = new Set([...relationOps.keys(), 'and', 'or', 'not', 'in']);

/** Deeper nesting is refused rather than risking the call stack. */
const MAX_DEPTH = 256;

export interface ParseOptions {
  /** Whether a word names a field or protocol. */
  isField(name: string): boolean;
  /** A known name to propose for an unknown one. */
  suggest?(name: string): string | undefined;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly opts: ParseOptions,
  ) {}

  private get token(): Token {
    return this.tokens[this.pos] as Token;
  }

  private is(kind: Token['kind'], ...texts: string[]): boolean {
    const t = this.token;
    return t.kind === kind && (texts.length === 0 || texts.includes(t.text));
  }

  private next(): Token {
    const t = this.token;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private unexpected(what = 'a field, "(" or "!"'): never {
    const t = this.token;
    if (t.kind === 'eof') {
      throw new FilterSyntaxError(`expected ${what} at the end of the filter`, t.start, t.end);
    }
    const shown = t.kind === 'string' ? 'a string' : `"${t.text}"`;
    throw new FilterSyntaxError(`${shown} was unexpected here (expected ${what})`, t.start, t.end);
  }

  parseFilter(): FilterExpr {
    if (this.is('eof')) return { kind: 'true' };
    const e = this.parseOr();
    if (!this.is('eof')) this.unexpected('"&&", "||" or the end of the filter');
    return e;
  }

  private parseOr(): FilterExpr {
    const operands = [this.parseAnd()];
    while (this.is('op', '||') || this.is('word', 'or')) {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? (operands[0] as FilterExpr) : { kind: 'or', operands };
  }

  private parseAnd(): FilterExpr {
    const operands = [this.parseUnary()];
    while (this.is('op', '&&') || this.is('word', 'and')) {
      this.next();
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? (operands[0] as FilterExpr) : { kind: 'and', operands };
  }

  private parseUnary(): FilterExpr {
    if (++this.depth > MAX_DEPTH) {
      const t = this.token;
      throw new FilterSyntaxError('the filter is nested too deeply', t.start, t.end);
    }
    try {
      if (this.is('op', '!') || this.is('word', 'not')) {
        this.next();
        return { kind: 'not', operand: this.parseUnary() };
      }
      if (this.is('op', '(')) {
        const open = this.next();
        const inner = this.parseOr();
        if (!this.is('op', ')')) {
          if (this.is('eof')) {
            throw new FilterSyntaxError('this "(" is never closed', open.start, open.end);
          }
          this.unexpected('")"');
        }
        this.next();
        return inner;
      }
      return this.parseRelation();
    } finally {
      this.depth--;
    }
  }

  private fieldAt(t: Token): FieldRef {
    if (t.kind === 'word' && this.opts.isField(t.text)) {
      return { kind: 'field', name: t.text, start: t.start, end: t.end };
    }
    if (t.kind === 'word' && /^[A-Za-z_][A-Za-z0-9_\-.]*$/.test(t.text) && !keywords.has(t.text)) {
      const hint = this.opts.suggest?.(t.text);
      throw new FilterSyntaxError(
        `"${t.text}" is not a valid field or protocol name` +
          (hint === undefined ? '' : ` (did you mean ${hint}?)`),
        t.start,
        t.end,
      );
    }
    if (t.kind === 'eof') this.unexpected();
    const shown = t.kind === 'string' ? 'a string' : `"${t.text}"`;
    throw new FilterSyntaxError(
      `a test must start with a field or protocol name, not ${shown}`,
      t.start,
      t.end,
    );
  }

  private parseRelation(): FilterExpr {
    const field = this.fieldAt(this.token);
    this.next();
    const t = this.token;
    if (t.kind === 'op' && t.text === '[') {
      throw new FilterSyntaxError('field slices [i:j] are not supported', t.start, t.end);
    }
    if (t.kind === 'op' && (t.text === '(' || t.text === '&' || t.text === '|' || t.text === '=')) {
      const what =
        t.text === '('
          ? 'functions are not supported'
          : t.text === '&'
            ? 'the bitwise "&" is not supported'
            : `"${t.text}" is not an operator (did you mean "${t.text.repeat(2)}"?)`;
      throw new FilterSyntaxError(what, t.start, t.end);
    }
    if (t.kind === 'word' && t.text === 'in') {
      this.next();
      return { kind: 'in', field, items: this.parseSet() };
    }
    const op = (t.kind === 'op' || t.kind === 'word') && relationOps.get(t.text);
    if (!op) return { kind: 'exists', field };
    this.next();
    return {
      kind: 'relation',
      op,
      field,
      value: this.parseOperand(),
      opStart: t.start,
      opEnd: t.end,
    };
  }

  private parseLiteral(): Literal {
    const t = this.token;
    if (t.kind === 'string' || (t.kind === 'word' && !keywords.has(t.text))) {
      this.next();
      return {
        kind: 'literal',
        text: t.text,
        quoted: t.kind === 'string',
        start: t.start,
        end: t.end,
      };
    }
    return this.unexpected('a value');
  }

  private parseOperand(): Operand {
    const t = this.token;
    if (t.kind === 'word' && this.opts.isField(t.text)) {
      this.next();
      return { kind: 'field', name: t.text, start: t.start, end: t.end };
    }
    return this.parseLiteral();
  }

  /** `{a, b, c..d}`: Wireshark 4.0 wants commas between the elements. */
  private parseSet(): (Literal | SetRange)[] {
    if (!this.is('op', '{')) this.unexpected('"{"');
    this.next();
    const items: (Literal | SetRange)[] = [];
    for (;;) {
      const low = this.parseLiteral();
      if (this.is('op', '..')) {
        this.next();
        items.push({ kind: 'range', low, high: this.parseLiteral() });
      } else items.push(low);
      if (this.is('op', '}')) break;
      if (!this.is('op', ',')) this.unexpected('"," or "}"');
      this.next();
    }
    this.next();
    return items;
  }
}

/** Parses a filter; throws FilterSyntaxError (with the character range) on bad input. */
export function parseFilter(text: string, opts: ParseOptions): FilterExpr {
  return new Parser(tokenize(text), opts).parseFilter();
}
