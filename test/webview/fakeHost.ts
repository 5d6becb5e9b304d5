/**
 * The fake extension host of the webview's browser tests, bundled for the page: defines
 * acquireVsCodeApi, answers the capture protocol's requests from real fixture data (rows and
 * details made by our core in Node), and records every request and state for the tests.
 * A scenario (set by the test before the page loads) picks the capture, can multiply its
 * rows to 100k+ for the virtualisation tests, and can hand the page a saved state.
 *
 * Written without DOM types (this file is type-checked with the Node tests): the few
 * browser globals it needs are declared in FakeGlobal.
 */
import type {
  ColumnId,
  FilterError,
  HostEvent,
  IndexProgress,
  PacketDetail,
  PacketRow,
  ToHost,
  ViewInfo,
} from '../../src/core/protocol/captureMessages';
import type { CaptureJson, DetailJson } from './fixtureData';

export interface Scenario {
  capture: string;
  /** Rows in the view: the capture's rows repeated, renumbered 1..bigRows. */
  bigRows?: number;
  savedState?: unknown;
  /** Send init when the page says ready (default true). */
  autoInit?: boolean;
  /** Only frames 1..limit are indexed so far (grow() indexes the rest). */
  limit?: number;
  /** The progress sent with init (default: done). */
  progress?: IndexProgress;
}

export interface HostRecord {
  requests: Extract<ToHost, { kind: 'request' }>[];
  events: Exclude<ToHost, { kind: 'request' }>[];
  states: unknown[];
  send(event: HostEvent): void;
  view(): ViewInfo;
  /** Indexes every frame and sends viewChanged, as the host does while indexing. */
  grow(): void;
  /** Holds getRows answers back (a slow host) until called with false, which sends them. */
  holdRows(hold: boolean): void;
}

interface FakeGlobal {
  __FIXTURES__: Record<string, CaptureJson>;
  __SCENARIO__: Scenario;
  __HOST__: HostRecord;
  acquireVsCodeApi(): {
    postMessage(m: unknown): void;
    getState(): unknown;
    setState(s: unknown): unknown;
  };
  postMessage(message: unknown, targetOrigin: string): void;
}

const g = globalThis as unknown as FakeGlobal;
const scenario = g.__SCENARIO__;
const capture = g.__FIXTURES__[scenario.capture];
if (!capture) throw new Error(`no fixture ${scenario.capture}`);
const base = capture.rows;
const packets = scenario.bigRows ?? base.length;
let limit = scenario.limit ?? packets;

function rowOf(number: number): PacketRow {
  const r = base[(number - 1) % base.length]!;
  return scenario.bigRows ? { ...r, number } : r;
}

function detailOf(number: number): PacketDetail {
  const d: DetailJson | undefined = capture!.details[((number - 1) % base.length) + 1];
  if (!d || number < 1 || number > packets) throw new Error(`no frame ${number}`);
  return {
    number,
    tree: d.tree,
    sources: d.sources.map((s) => ({ name: s.name, bytes: fromHex(s.hex) })),
  };
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

let filter = '';
let sort: ViewInfo['sort'] = { column: 'number', descending: false };
/** Frame numbers in view order; null = 1..packets (the big scenario, unsorted, unfiltered). */
let order: number[] | null = scenario.bigRows
  ? null
  : base.filter((r) => r.number <= limit).map((r) => r.number);

function view(): ViewInfo {
  const total = order ? order.length : limit;
  return { total, packets: limit, filter, sort, complete: limit === packets };
}

function numberAt(index: number): number | undefined {
  if (order === null) return index < limit ? index + 1 : undefined;
  return order[index];
}

/**
 * The fake's filter language: `dns.flags.response == 0|1`, `frame.number OP N` (==, <, >),
 * and `dns` — enough to drive the UI; unknown fields and missing values are errors with
 * their character range, as the host reports them.
 */
function parseFilter(text: string): ((r: PacketRow) => boolean) | FilterError {
  const t = text.trim();
  if (t === '') return () => true;
  if (t === 'dns') return (r) => r.protocol === 'DNS';
  const m = /^(\S+)\s*(==|<|>)?\s*(\S+)?$/.exec(t);
  const field = m?.[1] ?? t;
  const start = text.indexOf(field);
  if (field !== 'dns.flags.response' && field !== 'frame.number') {
    return {
      message: `"${field}" is neither a field nor a protocol name.`,
      start,
      end: start + field.length,
    };
  }
  const op = m?.[2];
  const value = m?.[3];
  if (!op || value === undefined || !/^\d+$/.test(value)) {
    return {
      message: 'Expected a number after the operator.',
      start: text.length,
      end: text.length,
    };
  }
  const n = Number(value);
  const get = (r: PacketRow): number => (field === 'frame.number' ? r.number : r.response ? 1 : 0);
  return (r) => (op === '==' ? get(r) === n : op === '<' ? get(r) < n : get(r) > n);
}

const columnValue: Record<ColumnId, (r: PacketRow) => number | string> = {
  number: (r) => r.number,
  time: (r) => Number(r.time),
  source: (r) => r.source,
  destination: (r) => r.destination,
  protocol: (r) => r.protocol,
  length: (r) => r.length,
  info: (r) => r.info,
};

function rebuild(pass: (r: PacketRow) => boolean): void {
  if (scenario.bigRows && filter === '' && sort.column === 'number' && !sort.descending) {
    order = null;
    return;
  }
  const all = scenario.bigRows
    ? Array.from({ length: packets }, (_, i) => rowOf(i + 1))
    : base.slice();
  const key = columnValue[sort.column];
  const rows = all
    .filter((r) => r.number <= limit && pass(r))
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const c = x < y ? -1 : x > y ? 1 : a.number - b.number;
      return sort.descending ? -c : c;
    });
  order = rows.map((r) => r.number);
}

let pass = (_r: PacketRow): boolean => true;

function answer(req: Extract<ToHost, { kind: 'request' }>): unknown {
  switch (req.method) {
    case 'getRows': {
      const { start, count } = req.args;
      const rows: PacketRow[] = [];
      for (let i = start; i < start + count; i++) {
        const n = numberAt(i);
        if (n === undefined) break;
        rows.push(rowOf(n));
      }
      return { rows, view: view() };
    }
    case 'getPacket':
      return detailOf(req.args.number);
    case 'setFilter': {
      const parsed = parseFilter(req.args.text);
      if (typeof parsed !== 'function') return { ok: false, error: parsed };
      filter = req.args.text;
      pass = parsed;
      rebuild(pass);
      return { ok: true, view: view() };
    }
    case 'setSort':
      sort = { column: req.args.column, descending: req.args.descending };
      rebuild(pass);
      return { view: view() };
    case 'findRow': {
      const n = req.args.number;
      if (order === null) return { index: n >= 1 && n <= limit ? n - 1 : null };
      const i = order.indexOf(n);
      return { index: i >= 0 ? i : null };
    }
  }
}

function deliver(message: unknown): void {
  g.postMessage(message, '*');
}

let savedState: unknown = scenario.savedState;
let heldRows: unknown[] | null = null;
const record: HostRecord = {
  requests: [],
  events: [],
  states: [],
  send: deliver,
  view,
  grow() {
    limit = packets;
    rebuild(pass);
    deliver({ kind: 'viewChanged', view: view() } satisfies HostEvent);
  },
  holdRows(hold) {
    const held = heldRows ?? [];
    heldRows = hold ? held : null;
    if (!hold) held.forEach(deliver);
  },
};
g.__HOST__ = record;

g.acquireVsCodeApi = () => ({
  postMessage(m: unknown): void {
    const msg = m as ToHost;
    if (msg.kind === 'request') {
      record.requests.push(msg);
      try {
        const reply = { kind: 'response', id: msg.id, ok: answer(msg) };
        if (heldRows && msg.method === 'getRows') heldRows.push(reply);
        else deliver(reply);
      } catch (e) {
        deliver({ kind: 'response', id: msg.id, err: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    record.events.push(msg);
    if (msg.kind === 'ready' && scenario.autoInit !== false) {
      deliver({
        kind: 'init',
        version: msg.version,
        fileName: capture.fileName,
        timeDisplay: 'relative',
        view: view(),
        progress: scenario.progress ?? { packets, bytesRead: 1000, totalBytes: 1000, done: true },
      } satisfies HostEvent);
    }
  },
  getState: () => savedState,
  setState(s: unknown) {
    savedState = s;
    record.states.push(JSON.parse(JSON.stringify(s)));
    return s;
  },
});
