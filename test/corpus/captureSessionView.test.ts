/**
 * The capture editor's view over the index: display filters pick the frames the
 * sequential pipeline's field values say they should, sorting orders rows by the column
 * with frame-number ties, findRow finds frames in filtered and sorted views, and rows
 * mark unanswered queries exactly where the two-pass tree has a query without
 * dns.response_in.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dissectCaptureFile, transactionAnnotations } from '../../src/cli/captureFrames';
import { walkFields } from '../../src/core/field';
import { addTransactionFields } from '../../src/core/transactions/transactionFields';
import { fixtureDir } from '../helpers/captureFiles';
import { openSession, settle } from '../helpers/captureSessions';

/** Every frame's field values by name, from the sequential two-pass pipeline. */
async function fieldValues(file: string): Promise<Map<string, string[]>[]> {
  const annotations = await transactionAnnotations(file, {});
  const frames: Map<string, string[]>[] = [];
  await dissectCaptureFile(
    file,
    {},
    () => true,
    (frame) => {
      addTransactionFields(frame, annotations.get(frame.meta.frame) ?? []);
      const values = new Map<string, string[]>();
      for (const n of walkFields(frame.tree ?? [])) {
        if (!n.name) continue;
        const list = values.get(n.name) ?? [];
        list.push(n.show ?? '');
        values.set(n.name, list);
      }
      frames.push(values);
    },
  );
  return frames;
}

function allRows(session: ReturnType<typeof openSession>) {
  const total = session.viewInfo().total;
  const rows = [];
  for (let start = 0; start < total; start += 1000) {
    rows.push(...session.getRows({ start, count: 1000 }).rows);
  }
  return rows;
}

describe('capture session views', function () {
  this.timeout(60_000);
  const incident = join(fixtureDir, 'incident-demo.pcap');
  const retransmissions = join(fixtureDir, 'retransmissions.pcap');

  it('filters AAAA queries from one client as the field values say', async () => {
    const values = await fieldValues(incident);
    const expected = values
      .map((v, i) => ({ v, n: i + 1 }))
      .filter(
        ({ v }) =>
          (v.get('dns.qry.type') ?? []).includes('28') &&
          (v.get('dns.flags.response') ?? []).includes('0') &&
          (v.get('ip.src') ?? []).includes('127.0.1.25'),
      )
      .map(({ n }) => n);
    assert.ok(expected.length > 10, 'the fixture has AAAA queries from the relay');
    const session = openSession(incident);
    const r = session.setFilter({
      text: 'dns.qry.type == AAAA && dns.flags.response == 0 && ip.src == 127.0.1.25',
    });
    assert.equal(r.ok, true);
    settle(session);
    const view = session.viewInfo();
    assert.equal(view.complete, true);
    assert.deepEqual(
      allRows(session).map((row) => row.number),
      expected,
    );
  });

  it('reports a filter error with its position and keeps the old view', () => {
    const session = openSession(incident);
    const before = session.viewInfo().total;
    const r = session.setFilter({ text: 'dns.qry.tyep == 1' });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.start, 0);
      assert.equal(r.error.end, 'dns.qry.tyep'.length);
    }
    assert.equal(session.viewInfo().total, before);
  });

  it('sorts by length, descending, ties in frame order; findRow follows the order', () => {
    const session = openSession(retransmissions);
    session.setSort({ column: 'length', descending: true });
    const rows = allRows(session);
    assert.equal(rows.length, session.index.count);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      assert.ok(a.length > b.length || (a.length === b.length && a.number < b.number));
    }
    const last = rows.at(-1)!;
    assert.equal(session.findRow({ number: last.number }).index, rows.length - 1);
  });

  it('finds rows in a filtered view and says when the filter hides one', async () => {
    const session = openSession(retransmissions);
    session.setFilter({ text: 'dns.flags.response == 1' });
    settle(session);
    const rows = allRows(session);
    assert.ok(rows.length > 0);
    const hidden = [...Array(session.index.count).keys()]
      .map((i) => i + 1)
      .find((n) => !rows.some((r) => r.number === n));
    assert.notEqual(hidden, undefined);
    assert.equal(session.findRow({ number: hidden! }).index, null);
    rows.forEach((r, i) => assert.equal(session.findRow({ number: r.number }).index, i));
  });

  it('marks as unanswered exactly the queries without dns.response_in', async () => {
    const values = await fieldValues(retransmissions);
    const expected = values
      .map((v, i) => ({ v, n: i + 1 }))
      .filter(
        ({ v }) =>
          (v.get('dns.flags.response') ?? []).length > 0 &&
          (v.get('dns.flags.response') ?? []).every((x) => x === '0') &&
          !v.has('dns.response_in') &&
          !v.has('dns.retransmission'),
      )
      .map(({ n }) => n);
    const session = openSession(retransmissions);
    const marked = allRows(session)
      .filter((r) => r.unanswered)
      .map((r) => r.number);
    assert.deepEqual(marked, expected);
  });

  it('keeps a finished filter when the same filter is applied again (command and box both apply it)', () => {
    const session = openSession(retransmissions);
    session.setFilter({ text: 'dns.flags.response == 1' });
    settle(session);
    const done = session.viewInfo();
    assert.equal(done.complete, true);
    const again = session.setFilter({ text: ' dns.flags.response == 1 ' });
    assert.equal(again.ok, true);
    assert.equal(session.busy, false);
    assert.deepEqual(session.viewInfo(), done);
  });
});
