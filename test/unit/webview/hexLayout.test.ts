/**
 * The hex pane's layout: 16 bytes a line, offset width, the ASCII column's printable
 * range, the 64 KiB cap, clipping a highlight to what is shown, and bytes as they arrive.
 */
import assert from 'node:assert/strict';
import {
  asciiChar,
  hexLines,
  offsetDigits,
  shownRange,
  toBytes,
} from '../../../webview/capture/hexLayout';

describe('webview hex layout', () => {
  it('lays out 16 bytes a line with hex offsets', () => {
    const bytes = Uint8Array.from({ length: 40 }, (_, i) => i);
    const { lines, truncated } = hexLines(bytes);
    assert.equal(truncated, false);
    assert.deepEqual(
      lines.map((l) => l.offsetText),
      ['0000', '0010', '0020'],
    );
    assert.deepEqual(
      lines.map((l) => l.cells.length),
      [16, 16, 8],
    );
    assert.deepEqual(lines[1]!.cells[0], { offset: 16, hex: '10', ascii: '.' });
    assert.equal(lines[2]!.cells[7]!.hex, '27');
  });

  it('shows printable ASCII 0x20..0x7e as itself and anything else as a dot', () => {
    assert.equal(asciiChar(0x41), 'A');
    assert.equal(asciiChar(0x20), ' ');
    assert.equal(asciiChar(0x7e), '~');
    assert.equal(asciiChar(0x7f), '.');
    assert.equal(asciiChar(0x1f), '.');
    assert.equal(asciiChar(0xc3), '.');
    assert.equal(asciiChar(0x3c), '<');
  });

  it('widens the offset column past 64 KiB', () => {
    assert.equal(offsetDigits(0x10000), 4);
    assert.equal(offsetDigits(0x10001), 8);
  });

  it('stops at the cap and says so', () => {
    const { lines, truncated } = hexLines(new Uint8Array(100), 32);
    assert.equal(truncated, true);
    assert.equal(lines.length, 2);
  });

  it('clips a highlight to the shown bytes', () => {
    assert.deepEqual(shownRange(10, 4, 100), { start: 10, end: 14 });
    assert.deepEqual(shownRange(90, 20, 100), { start: 90, end: 100 });
    assert.deepEqual(shownRange(30, 10, 100, 32), { start: 30, end: 32 });
    assert.deepEqual(shownRange(200, 5, 100), { start: 100, end: 100 });
  });

  it('takes source bytes as a Uint8Array, an array or a JSON-serialised typed array', () => {
    assert.deepEqual(toBytes(Uint8Array.of(1, 2)), Uint8Array.of(1, 2));
    assert.deepEqual(toBytes([0x41, 0x142]), Uint8Array.of(0x41, 0x42));
    assert.deepEqual(toBytes({ 0: 7, 1: 8, 2: 9 }), Uint8Array.of(7, 8, 9));
    assert.deepEqual(toBytes(Uint8Array.of(5, 6).buffer), Uint8Array.of(5, 6));
    assert.deepEqual(toBytes('nope'), new Uint8Array(0));
  });
});
