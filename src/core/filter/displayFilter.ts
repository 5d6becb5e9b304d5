/**
 * Wireshark display filters (a 4.0 subset) for DNSpector: the public entry point.
 * `compileFilter` parses and type-checks once and returns either a filter whose `matches`
 * runs over one packet's fields, or an error with the character range to underline.
 * Neither ever throws: unexpected failures come back as an error over the whole text, and
 * a packet that cannot be evaluated does not match.
 *
 * Grammar and semantics: filterParser.ts (precedence), filterEval.ts (multi-occurrence
 * fields), filterValues.ts (literals), filterValueNames.ts (value-string names).
 */
import type { FilterError } from '../protocol/captureMessages';
import { registerAllDissectors } from '../dissect/dissectors';
import '../dissect/frame';
import { FilterSyntaxError } from './filterLexer';
import { parseFilter } from './filterParser';
import { suggestField } from './fieldSuggestion';
import { compileExpr, isFilterField, type FieldLookup } from './filterEval';

export type { FilterError } from '../protocol/captureMessages';
export type { FieldLookup } from './filterEval';

export interface DisplayFilter {
  readonly text: string;
  /** Every field name the filter reads (to know e.g. whether transaction fields are needed). */
  readonly fields: ReadonlySet<string>;
  matches(lookup: FieldLookup): boolean;
}

export type CompileResult = { ok: true; filter: DisplayFilter } | { ok: false; error: FilterError };

export function compileFilter(text: string): CompileResult {
  try {
    // The field registry fills as the dissector modules load; make sure they have.
    registerAllDissectors();
    const fields = new Set<string>();
    const predicate = compileExpr(
      parseFilter(text, { isField: isFilterField, suggest: suggestField }),
      fields,
    );
    const filter: DisplayFilter = {
      text,
      fields,
      matches(lookup) {
        try {
          return predicate(lookup);
        } catch {
          return false;
        }
      },
    };
    return { ok: true, filter };
  } catch (err) {
    if (err instanceof FilterSyntaxError) {
      return { ok: false, error: { message: err.message, start: err.start, end: err.end } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: { message: `cannot compile the filter: ${message}`, start: 0, end: text.length },
    };
  }
}
