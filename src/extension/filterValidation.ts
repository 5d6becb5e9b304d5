/** Checks a display filter in the host (input boxes), with the same compiler the worker uses. */
import { compileFilter } from '../core/filter/displayFilter';

/** undefined when the filter is valid (or empty); else the error with where it is. */
export function validateFilter(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const r = compileFilter(text);
  if (r.ok) return undefined;
  const where =
    r.error.start === r.error.end
      ? `at ${r.error.start + 1}`
      : `at ${r.error.start + 1}-${r.error.end}`;
  return `${r.error.message} (${where})`;
}
