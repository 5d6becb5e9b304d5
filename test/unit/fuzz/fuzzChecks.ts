/**
 * The invariants every fuzzed dissection must keep, whatever the bytes: no exception
 * reached the frame driver's last line of defence ("Dissector bug"), every tree item's
 * bytes lie inside its data source, and the tree's size (a count of the work done) stays
 * proportional to the bytes dissected.
 */
import assert from 'node:assert/strict';
import type { DissectedFrame } from '../../../src/core/dissect/frame';
import type { FieldNode } from '../../../src/core/field';

/** Tree items allowed per byte of the frame's data sources, plus a constant. */
export const MAX_ITEMS_PER_BYTE = 12;
export const MAX_ITEMS_BASE = 400;

export function checkFrame(f: DissectedFrame): void {
  const bug = (m: string | undefined): boolean => m?.startsWith('Dissector bug') ?? false;
  assert.ok(!bug(f.malformed?.message), `frame: ${f.malformed?.message}`);
  for (const m of f.dns) {
    assert.ok(!bug(m.malformed?.message), `DNS: ${m.malformed?.message}`);
    const src = f.sources[m.range.source];
    assert.ok(src, `DNS message in a data source that exists (${m.range.source})`);
    assert.ok(m.range.start >= 0 && m.range.start + m.range.length <= src.bytes.length);
  }
  if (!f.tree) return;
  let items = 0;
  let sourceBytes = 0;
  for (const s of f.sources) sourceBytes += s.bytes.length;
  const walk = (nodes: readonly FieldNode[], path: string): void => {
    for (const n of nodes) {
      items++;
      const src = f.sources[n.source];
      const where = `${path}/${n.name || n.label.slice(0, 40)}`;
      assert.ok(src, `${where}: data source ${n.source} exists`);
      assert.ok(
        Number.isInteger(n.start) && Number.isInteger(n.length) && n.start >= 0 && n.length >= 0,
        `${where}: offset ${n.start} and length ${n.length} are non-negative integers`,
      );
      assert.ok(
        n.start + n.length <= src.bytes.length,
        `${where}: [${n.start}, +${n.length}) inside ${src.name} (${src.bytes.length} bytes)`,
      );
      if (n.expert) assert.ok(!bug(n.expert.message), `${where}: ${n.expert.message}`);
      if (n.children) walk(n.children, where);
    }
  };
  walk(f.tree, '');
  assert.ok(
    items <= MAX_ITEMS_BASE + MAX_ITEMS_PER_BYTE * sourceBytes,
    `${items} tree items for ${sourceBytes} bytes`,
  );
}
