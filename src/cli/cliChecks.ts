/**
 * The checks `fields` and `-Y` make before reading a file, shared by the capture and the
 * query-log commands: every -e name is a known field, and a bad filter is a usage error
 * that shows where it is (the filter with a caret line under the error).
 */
import { fieldDef, knownFieldNames } from '../core/field';
import type { FilterError } from '../core/protocol/captureMessages';
import { UsageError } from './cliArgs';

/** A bad -Y filter: the message, then the filter with a caret line under the error. */
export class FilterUsageError extends UsageError {}

export function filterUsageError(filter: string, error: FilterError): FilterUsageError {
  const { message, start, end } = error;
  const marks = ' '.repeat(start) + '^' + '~'.repeat(Math.max(0, end - start - 1));
  return new FilterUsageError(`-Y: ${message}\n    ${filter}\n    ${marks}`);
}

/** Throws a usage error unless there is at least one -e and every name is known. */
export function checkFieldNames(fields: readonly string[]): void {
  if (fields.length === 0) throw new UsageError('fields needs at least one -e FIELD');
  const unknown = fields.filter((f) => fieldDef(f) === undefined);
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known fields:\n  ` +
        knownFieldNames().join('\n  '),
    );
  }
}
