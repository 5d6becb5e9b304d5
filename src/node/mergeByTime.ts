/**
 * K-way merge of several time-ordered async streams into one, by time: the way
 * `summarize` reads several capture files as one stream (like mergecap). Holds one
 * pending item per stream, so memory does not grow with the streams' lengths. Equal
 * times keep the streams' order (the first file's item first), so a merge is stable and
 * one stream comes out unchanged. A stream that is itself out of order stays in its own
 * order: each is consumed sequentially, never reordered.
 *
 * Stopping the merge early (a `break`, a throw, a cancelled summary) closes every stream
 * still open, so their files are closed too.
 *
 * The head is found by a linear scan: k is the number of files on a command line, for
 * which a heap would add code without a measurable gain.
 */

interface Head<T> {
  iterator: AsyncIterator<T>;
  item: T;
  index: number;
}

export async function* mergeByTime<T>(
  streams: readonly AsyncIterable<T>[],
  timeOf: (item: T) => bigint,
): AsyncGenerator<T> {
  const heads: Head<T>[] = [];
  const opened: AsyncIterator<T>[] = [];
  let finished = false;
  try {
    for (const [index, stream] of streams.entries()) {
      const iterator = stream[Symbol.asyncIterator]();
      opened.push(iterator);
      const first = await iterator.next();
      if (!first.done) heads.push({ iterator, item: first.value, index });
    }
    while (heads.length > 0) {
      let best = 0;
      for (let i = 1; i < heads.length; i++) {
        const a = heads[i] as Head<T>;
        const b = heads[best] as Head<T>;
        const ta = timeOf(a.item);
        const tb = timeOf(b.item);
        if (ta < tb || (ta === tb && a.index < b.index)) best = i;
      }
      const head = heads[best] as Head<T>;
      yield head.item;
      const next = await head.iterator.next();
      if (next.done) heads.splice(best, 1);
      else head.item = next.value;
    }
    finished = true;
  } finally {
    // An early stop tells every stream to finish (return() on one that ended does nothing).
    if (!finished) await Promise.allSettled(opened.map((it) => it.return?.()));
  }
}
