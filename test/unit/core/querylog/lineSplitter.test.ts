/**
 * Line splitting: LF and CRLF, a last line without a newline, invalid UTF-8, overlong lines
 * cut and flagged, and the same lines whatever the chunk boundaries (bytes or strings).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { LineSplitter, type SplitLine } from '../../../../src/core/querylog/lineSplitter';

function split(chunks: (Uint8Array | string)[], maxLineLength?: number): SplitLine[] {
  const out: SplitLine[] = [];
  const s = new LineSplitter(
    (l) => out.push(l),
    maxLineLength === undefined ? {} : { maxLineLength },
  );
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const texts = (lines: SplitLine[]): string[] => lines.map((l) => l.text);

describe('line splitter', () => {
  it('splits LF and CRLF lines and keeps a last line without a newline', () => {
    const lines = split([bytes('one\r\ntwo\nthree')]);
    assert.deepEqual(texts(lines), ['one', 'two', 'three']);
    assert.deepEqual(
      lines.map((l) => l.line),
      [1, 2, 3],
    );
  });

  it('keeps empty lines (numbers stay the file’s) and adds none after a final newline', () => {
    assert.deepEqual(texts(split(['a\n\nb\n'])), ['a', '', 'b']);
  });

  it('decodes invalid UTF-8 as U+FFFD without throwing', () => {
    const lines = split([new Uint8Array([0x61, 0xff, 0xc3, 0x0a, 0xc3, 0xa9])]);
    assert.deepEqual(texts(lines), ['a\ufffd\ufffd', 'é']);
  });

  it('cuts a 1 MB line at the cap, flags it, and goes on with the next line', () => {
    const big = 'x'.repeat(1024 * 1024);
    const lines = split([bytes(big + '\nafter\n')], 1000);
    assert.equal(lines.length, 2);
    assert.equal(lines[0]?.overlong, true);
    assert.equal(lines[0]?.text.length, 1000);
    assert.equal(lines[1]?.text, 'after');
    assert.equal(lines[1]?.overlong, false);
  });

  it('gives the same lines for every split point, in bytes and in strings', () => {
    const text = 'héllo wörld\r\nsecond line\n\nlast ✓ line';
    const whole = split([bytes(text)]);
    const b = bytes(text);
    for (let i = 0; i <= b.length; i++) {
      assert.deepEqual(split([b.subarray(0, i), b.subarray(i)]), whole, `byte split at ${i}`);
    }
    for (let i = 0; i <= text.length; i++) {
      assert.deepEqual(split([text.slice(0, i), text.slice(i)]), whole, `string split at ${i}`);
    }
  });
});
