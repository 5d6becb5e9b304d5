/**
 * Fuzzes the query-log parsers and the sniffers: mutated query-log fixtures (whole files
 * and single lines, with binary junk, invalid UTF-8, CR and NUL bytes spliced in) go
 * through the QueryLogReader whole and in random chunks (the two must agree), the line
 * count must equal a plain count of the newlines, unparsed lines must carry line numbers
 * inside the file, every parsed line's spans must lie inside the line, and the LogSession
 * must show one row per line. The sniffers (capture magic, text, query-log detection) get
 * mutated heads of captures and logs: they never throw, and a head without a capture
 * magic is refused by the capture reader at offset 0.
 */
import assert from 'node:assert/strict';
import { createCaptureReader, hasCaptureMagic } from '../../../src/core/capture/captureReader';
import { QueryLogReader, type QueryLogSummary } from '../../../src/core/querylog/queryLogReader';
import { parseLogLineSpans } from '../../../src/core/querylog/logLineSpans';
import { looksLikeQueryLog } from '../../../src/core/querylog/queryLogSniff';
import { LogSession } from '../../../src/core/session/logSession';
import { sessionFieldHelp, sessionFilterCompiler } from '../../../src/core/session/sessionServices';
import { looksLikeText } from '../../../src/node/fileKind';
import { fuzzTimeoutMs, runFuzz, statsLine, type Rng } from './fuzzHarness';
import { captureFileSeeds, logFileSeeds, logLineSeeds } from './fuzzSeeds';

/** Lines as a plain count: newlines, plus a last line without one. */
function countLines(b: Uint8Array): number {
  let n = 0;
  for (const x of b) if (x === 0x0a) n++;
  return b.length > 0 && b[b.length - 1] !== 0x0a ? n + 1 : n;
}

function readLog(input: Uint8Array, rng: Rng | undefined): [QueryLogSummary, number] {
  let events = 0;
  const reader = new QueryLogReader(() => events++, { year: 2026, maxLineLength: 4096 });
  if (!rng) reader.push(input);
  else {
    for (let at = 0; at < input.length;) {
      const n = 1 + rng.below(rng.chance(2) ? 5 : 900);
      reader.push(input.subarray(at, at + n));
      at += n;
    }
  }
  reader.end();
  return [reader.summary(), events];
}

function checkLog(input: Uint8Array, rng: Rng): void {
  const [whole, events] = readLog(input, undefined);
  const [chunked, chunkedEvents] = readLog(input, rng);
  assert.deepEqual(chunked, whole, 'the same summary in any chunking');
  assert.equal(chunkedEvents, events);
  assert.equal(whole.lines, countLines(input), 'lines counted as a plain newline count');
  let last = 0;
  for (const u of whole.unparsed) {
    assert.ok(u.line > last && u.line <= whole.lines, `unparsed line number ${u.line}`);
    last = u.line;
  }
  const parsed = whole.counts.bind + whole.counts.unbound + whole.counts.dnsmasq;
  assert.ok(parsed + whole.unparsedCount <= whole.lines);
  const text = new TextDecoder().decode(input);
  for (const line of text.split('\n').slice(0, 200)) {
    const spans = parseLogLineSpans(line.replace(/\r$/, ''));
    for (const s of spans?.spans ?? []) {
      assert.ok(s.start >= 0 && s.start <= s.end && s.end <= line.length, `span ${s.kind}`);
    }
  }
  const session = new LogSession((o, l) => input.slice(o, o + l), {
    timeDisplay: 'relative',
    utc: true,
    compileFilter: sessionFilterCompiler,
    help: sessionFieldHelp,
    reader: { year: 2026 },
  });
  session.push(input);
  session.finish([]);
  assert.equal(session.count, whole.lines, 'the editor shows one row per line');
}

/** Bytes no log fixture holds: junk, invalid UTF-8, CR, NUL, a long line. */
const JUNK = [
  Uint8Array.of(0xff, 0xfe, 0x00, 0x0d, 0x0a),
  Uint8Array.of(0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc),
  new TextEncoder().encode('\r\n\r\n\t \u0000 query: \uFFFD IN A +\r\n'),
  new Uint8Array(5000).fill(0x41),
];

describe('fuzz: query-log parsers and sniffers', function () {
  this.timeout(fuzzTimeoutMs(300));

  it('reads mutated logs without throwing, whole and chunked alike, every line counted', () => {
    const files = logFileSeeds();
    assert.ok(files.length > 0, 'no log fixtures');
    const stats = runFuzz(
      {
        name: 'querylog-file',
        seeds: [...files, ...JUNK],
        maxLength: 24 * 1024,
        run: checkLog,
      },
      150,
    );
    console.log(`      ${statsLine(stats)}`);
  });

  it('reads mutated single lines', () => {
    const stats = runFuzz(
      {
        name: 'querylog-line',
        seeds: [...logLineSeeds(), ...JUNK],
        maxLength: 8192,
        run: checkLog,
      },
      1500,
    );
    console.log(`      ${statsLine(stats)}`);
  });

  it('sniffs mutated heads of captures and logs without throwing', () => {
    const decoder = new TextDecoder();
    const stats = runFuzz(
      {
        name: 'sniff',
        seeds: [
          ...captureFileSeeds('pcap').map((b) => b.slice(0, 64)),
          ...captureFileSeeds('pcapng').map((b) => b.slice(0, 64)),
          ...logFileSeeds().map((b) => b.slice(0, 2048)),
          ...JUNK,
        ],
        maxLength: 4096,
        run(input) {
          looksLikeText(input);
          looksLikeQueryLog(decoder.decode(input).split('\n'));
          if (!hasCaptureMagic(input) && input.length >= 4) {
            const reader = createCaptureReader(() => undefined);
            reader.push(input);
            reader.end();
            assert.ok(reader.failed, 'no magic: refused');
            assert.equal(reader.problems.at(-1)?.fileOffset, 0);
          }
        },
      },
      1500,
    );
    console.log(`      ${statsLine(stats)}`);
  });
});
