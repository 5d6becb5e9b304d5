/**
 * Column text limits as tshark applies them.
 */

/** tshark's columns hold at most 4095 bytes of UTF-8 (COL_MAX_INFO_LEN - 1). */
export function truncateColumn(text: string): string {
  if (text.length <= 1023) return text;
  let bytes = 0;
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + n > 4095) return text.slice(0, i);
    bytes += n;
    i += ch.length;
  }
  return text;
}
