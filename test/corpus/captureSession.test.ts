/**
 * The capture editor's engine shows what the CLI shows: for every capture, the session's
 * rows (each packet re-read by position and re-dissected alone or after its TCP/IP context
 * group) print as the CLI's `list` lines, and each packet's detail tree is the tree a
 * sequential two-pass dissection builds (what `show` prints, itself checked against
 * tshark -2 -V). This is what makes random access trustworthy for TCP reassembly and IP
 * fragments.
 */
import assert from 'node:assert/strict';
import { dissectCaptureFile, transactionAnnotations } from '../../src/cli/captureFrames';
import { frameColumns } from '../../src/core/format/frameColumns';
import { listLine } from '../../src/core/format/listLine';
import { treeText } from '../../src/core/format/treeText';
import { addTransactionFields } from '../../src/core/transactions/transactionFields';
import type { TreeItem } from '../../src/core/protocol/captureMessages';
import { corpusCaptures, fixtureCaptures } from '../helpers/captureFiles';
import { openSession } from '../helpers/captureSessions';

function itemText(items: readonly TreeItem[], depth = 0, out: string[] = []): string[] {
  for (const i of items) {
    out.push(`${'    '.repeat(depth)}${i.label}  [${i.source}: ${i.start}, ${i.length}]`);
    itemText(i.children ?? [], depth + 1, out);
  }
  return out;
}

describe('capture session (the editor engine) against the sequential pipeline', function () {
  this.timeout(120_000);
  for (const file of [...fixtureCaptures(), ...corpusCaptures()]) {
    const name = file.split('/').slice(-2).join('/');
    it(`rows and trees of ${name}`, async () => {
      const lines: string[] = [];
      const trees: string[] = [];
      let firstTimeNs: bigint | undefined;
      const annotations = await transactionAnnotations(file, {});
      await dissectCaptureFile(
        file,
        {},
        () => true,
        (frame, info) => {
          firstTimeNs ??= frame.meta.timeNs;
          const decimals = info?.timePrecision === 'ns' ? 9 : 6;
          lines.push(listLine(frameColumns(frame, firstTimeNs, decimals)));
          addTransactionFields(frame, annotations.get(frame.meta.frame) ?? []);
          // treeText's notation, with the source index in place of its name.
          trees.push(
            treeText(frame.tree ?? [], frame.sources).replace(
              /\[([^\]:]*?): (\d+), (\d+)\]$/gm,
              (_m, src: string, a: string, b: string) =>
                `[${frame.sources.findIndex((s) => s.name === src)}: ${a}, ${b}]`,
            ),
          );
        },
      );
      const session = openSession(file);
      assert.equal(session.index.count, lines.length);
      const { rows, view } = session.getRows({ start: 0, count: 1000 });
      assert.equal(view.total, lines.length);
      const got = rows.map((r) => listLine({ ...r, number: r.number, length: r.length }));
      assert.deepEqual(got, lines.slice(0, 1000));
      const limit = Math.min(lines.length, 300);
      for (let n = 1; n <= limit; n++) {
        const detail = session.getPacket({ number: n });
        const expected = (trees[n - 1] ?? '')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => l.replace(/\[(\d+), (\d+)\]$/, '[0: $1, $2]'));
        assert.deepEqual(itemText(detail.tree), expected, `frame ${n}`);
      }
    });
  }
});
