// Pure helpers of `npm run bench` (no I/O, unit-tested in test/unit/bench): the median of
// a few runs, number formatting for the results table, target verdicts, and the Markdown
// table itself.

/** The median of a non-empty list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Seconds as the table shows them: 3 significant digits, at least 2 decimals under 10 s. */
export function formatSeconds(s) {
  if (s < 0.1) return `${(s * 1000).toFixed(1)} ms`;
  if (s < 10) return `${s.toFixed(2)} s`;
  return `${s.toFixed(1)} s`;
}

/** Kilobytes (as GNU time's %M reports them) in MB (10^6 bytes, as the figures). */
export function formatMegabytes(kb) {
  return `${Math.round((kb * 1024) / 1e6).toLocaleString('en')} MB`;
}

/** A count per second, rounded to 3 significant digits: "1,230,000/s". */
export function formatRate(perSecond) {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '—';
  const digits = Math.max(0, Math.floor(Math.log10(perSecond)) - 2);
  const rounded = Math.round(perSecond / 10 ** digits) * 10 ** digits;
  return `${rounded.toLocaleString('en')}/s`;
}

/** A ratio as "12.3x" (one decimal; two under 1). */
export function formatRatio(r) {
  return `${r < 1 ? r.toFixed(2) : r.toFixed(1)}x`;
}

/**
 * A target check: `{ text, met }` for a measured value against a bound; `atLeast` true
 * means the value must be >= bound, else <= bound. `text` is how the target reads.
 */
export function verdict(value, bound, atLeast, text) {
  if (value === undefined || !Number.isFinite(value)) return { text, met: undefined };
  return { text, met: atLeast ? value >= bound : value <= bound };
}

/** "met" / "**not met**" / "—" for a verdict's `met`. */
export function metText(met) {
  if (met === undefined) return '—';
  return met ? 'met' : '**not met**';
}

/** A Markdown table: a header row and data rows of cells (strings; `|` escaped). */
export function markdownTable(header, rows) {
  const cell = (c) => String(c ?? '').replace(/\|/g, '\\|');
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
