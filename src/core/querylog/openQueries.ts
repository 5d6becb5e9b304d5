/**
 * Logged queries waiting for their logged reply, keyed by what ties them (unbound: client
 * and question; dnsmasq: serial or name), oldest first per key. Memory stays bounded on
 * endless logs: queries older than `timeoutNs` (log time) or beyond `maxOpen` are given up
 * in arrival order, each handed to the caller once (as unanswered) and never matched later.
 */

export interface OpenQuery {
  ref: number;
  timeNs: bigint;
  client: string;
  qname: string;
  qtype: number | undefined;
}

interface Entry {
  key: string;
  query: OpenQuery;
  done: boolean;
}

export class OpenQueries {
  private readonly byKey = new Map<string, Entry[]>();
  /** Every entry in arrival order (answered ones are skipped when they reach the head). */
  private queue: Entry[] = [];
  private head = 0;
  private open = 0;

  constructor(
    private readonly timeoutNs = 60_000_000_000n,
    private readonly maxOpen = 100_000,
  ) {}

  get size(): number {
    return this.open;
  }

  add(key: string, query: OpenQuery, onGiveUp: (q: OpenQuery) => void): void {
    const entry: Entry = { key, query, done: false };
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [entry]);
    else list.push(entry);
    this.queue.push(entry);
    this.open++;
    while (this.open > this.maxOpen) this.giveUpHead(onGiveUp);
  }

  /** The oldest open query for the key, removed; undefined when none. */
  take(key: string): OpenQuery | undefined {
    const list = this.byKey.get(key);
    if (list === undefined) return undefined;
    const entry = list.shift();
    if (list.length === 0) this.byKey.delete(key);
    if (entry === undefined) return undefined;
    entry.done = true;
    this.open--;
    return entry.query;
  }

  /** Gives up queries older than the timeout at log time `nowNs`. */
  expire(nowNs: bigint, onGiveUp: (q: OpenQuery) => void): void {
    for (;;) {
      this.skipDone();
      const entry = this.queue[this.head];
      if (entry === undefined || nowNs - entry.query.timeNs <= this.timeoutNs) return;
      this.giveUpHead(onGiveUp);
    }
  }

  /** Gives up every open query (end of the log), in arrival order. */
  drain(onGiveUp: (q: OpenQuery) => void): void {
    while (this.open > 0) this.giveUpHead(onGiveUp);
    this.queue = [];
    this.head = 0;
  }

  private skipDone(): void {
    while (this.queue[this.head]?.done === true) this.head++;
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private giveUpHead(onGiveUp: (q: OpenQuery) => void): void {
    this.skipDone();
    const entry = this.queue[this.head];
    if (entry === undefined) return;
    this.head++;
    const list = this.byKey.get(entry.key);
    if (list !== undefined) {
      const i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.byKey.delete(entry.key);
    }
    entry.done = true;
    this.open--;
    onGiveUp(entry.query);
  }
}
