/**
 * The one message protocol of the capture editor: webview <-> extension host, and (the
 * same requests) extension host <-> index worker. Pure types and plain data only (JSON,
 * Uint8Array): no classes, Maps or bigints cross it. After vscode-hexeditor's
 * discriminated unions and vscode-js-profile-visualizer's mapped RPC with {ok}|{err}
 * replies.
 *
 * Handshake: the webview sends `ready` (with the protocol version); the host answers
 * `init` and sends nothing before. The webview pulls rows and packet details by request;
 * the host never pushes the capture.
 */

import type { ListColumns } from '../format/listLine';

export const CAPTURE_PROTOCOL_VERSION = 1;

/** The packet list's sortable columns. */
export type ColumnId =
  'number' | 'time' | 'source' | 'destination' | 'protocol' | 'length' | 'info';

export const COLUMN_IDS: readonly ColumnId[] = [
  'number',
  'time',
  'source',
  'destination',
  'protocol',
  'length',
  'info',
];

/** How the Time column is shown (Wireshark's View > Time Display Format, the usual three). */
export type TimeDisplay = 'relative' | 'absolute' | 'delta';

/**
 * One row of the packet list, in the current view's order: the columns tshark's one-line
 * output has (No. = the frame number, 1-based, or a log's line number), and its marks.
 */
export interface PacketRow extends ListColumns {
  /** Why the packet is malformed ("[Malformed Packet: DNS]" reason), if it is. */
  malformed?: string;
  /** A DNS query no response was seen for (in a completely indexed capture). */
  unanswered?: boolean;
  /** A retransmitted DNS query or response. */
  retransmission?: boolean;
  /** Holds at least one DNS response (for row colouring). */
  response?: boolean;
}

/** One item of the packet detail tree (a FieldNode made plain for the view). */
export interface TreeItem {
  /** Filter name (`dns.flags.rd`), '' for a text-only item. */
  name: string;
  /** The line shown, as Wireshark shows it. */
  label: string;
  /** Index into PacketDetail.sources: which bytes `start`/`length` refer to. */
  source: number;
  start: number;
  length: number;
  /** The value as `tshark -T fields` prints it (Copy Value, Apply as Filter). */
  value?: string;
  /** What the field means (with its RFC section), for hovers. */
  help?: string;
  /** Expert info: malformed, warnings. */
  expert?: { severity: 'chat' | 'note' | 'warn' | 'error'; message: string };
  /** Computed, not read from the packet ([brackets] in Wireshark). */
  generated?: boolean;
  /** A frame this item refers to (dns.response_in, dns.response_to...): clicking jumps there. */
  link?: number;
  children?: TreeItem[];
}

/** A data source of a packet: the frame itself, or a reassembled buffer. */
export interface ByteSource {
  name: string;
  bytes: Uint8Array;
}

/** Everything the detail tree and the hex pane show for one packet. */
export interface PacketDetail {
  number: number;
  tree: TreeItem[];
  sources: ByteSource[];
}

/** Where a filter expression went wrong: message and character range [start, end). */
export interface FilterError {
  message: string;
  start: number;
  end: number;
}

/** The current view: which packets (filter), in what order (sort). */
export interface ViewInfo {
  /** Rows in the view (packets that pass the filter, so far). */
  total: number;
  /** Packets indexed so far. */
  packets: number;
  filter: string;
  sort: { column: ColumnId; descending: boolean };
  /** False while indexing or filtering still runs (more rows may come). */
  complete: boolean;
}

/** How far indexing is. */
export interface IndexProgress {
  packets: number;
  bytesRead: number;
  /** File size in bytes (compressed size for .gz), 0 when unknown. */
  totalBytes: number;
  done: boolean;
  /** Set when reading stopped early: what went wrong and where (a truncated capture...). */
  problems?: string[];
}

/** Requests the webview (and the host, towards the worker) may make. */
export interface CaptureApi {
  /** Rows [start, start+count) of the current view. */
  getRows(args: { start: number; count: number }): { rows: PacketRow[]; view: ViewInfo };
  /** Full dissection of one frame (by frame number). */
  getPacket(args: { number: number }): PacketDetail;
  /** Apply a display filter ('' = none). Errors come back as a value, not a rejection. */
  setFilter(args: {
    text: string;
  }): { ok: true; view: ViewInfo } | { ok: false; error: FilterError };
  setSort(args: { column: ColumnId; descending: boolean }): { view: ViewInfo };
  /** Row index of a frame in the current view, or null when the filter hides it. */
  findRow(args: { number: number }): { index: number | null };
}

export type CaptureMethod = keyof CaptureApi;
export type CaptureArgs<M extends CaptureMethod> = Parameters<CaptureApi[M]>[0];
export type CaptureResult<M extends CaptureMethod> = ReturnType<CaptureApi[M]>;

export type CaptureRequest = {
  [M in CaptureMethod]: { kind: 'request'; id: number; method: M; args: CaptureArgs<M> };
}[CaptureMethod];

export type CaptureResponse =
  { kind: 'response'; id: number; ok: unknown } | { kind: 'response'; id: number; err: string };

/** One-way messages from the webview. */
export type WebviewEvent =
  | { kind: 'ready'; version: number }
  /** The user selected a packet (the host mirrors it in the native tree view). */
  | { kind: 'selected'; number: number }
  /** The webview's own problems, for the host's log. */
  | { kind: 'log'; level: 'info' | 'warn' | 'error'; message: string };

/** One-way messages from the host. */
export type HostEvent =
  | {
      kind: 'init';
      version: number;
      fileName: string;
      timeDisplay: TimeDisplay;
      view: ViewInfo;
      progress: IndexProgress;
      /** What a row is: a packet of a capture, or a line of a query log. */
      unit?: 'packet' | 'line';
      /** Column headers other than the capture ones (a log's No. is "Line", Source "Client"...). */
      columnLabels?: Partial<Record<ColumnId, string>>;
    }
  | { kind: 'progress'; progress: IndexProgress }
  /** The view changed (more packets indexed, filter or sort applied): re-request rows. */
  | { kind: 'viewChanged'; view: ViewInfo }
  /** Select a frame (Go to Packet, Follow Transaction, the native tree), optionally a byte range. */
  | {
      kind: 'select';
      number: number;
      highlight?: { source: number; start: number; length: number };
    }
  /** Put this text in the filter box and apply it (Apply as Filter, Filter Packets). */
  | { kind: 'setFilterText'; text: string }
  /** Open the "Go to packet" box (the command was run from the palette). */
  | { kind: 'showGoTo' };

export type ToHost = CaptureRequest | WebviewEvent;
export type ToWebview = CaptureResponse | HostEvent;

const WEBVIEW_EVENT_KINDS = new Set(['ready', 'selected', 'log']);
const METHODS = new Set<string>(['getRows', 'getPacket', 'setFilter', 'setSort', 'findRow']);

/**
 * Narrows a message from the webview. Checks the envelope (kind, id, method) and the
 * argument shapes the host relies on; anything else is rejected (logged, not acted on).
 */
export function isToHost(m: unknown): m is ToHost {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.kind === 'request') {
    if (typeof o.id !== 'number' || typeof o.method !== 'string' || !METHODS.has(o.method)) {
      return false;
    }
    const a = o.args as Record<string, unknown> | null;
    if (typeof a !== 'object' || a === null) return false;
    switch (o.method) {
      case 'getRows':
        return isCount(a.start) && isCount(a.count);
      case 'getPacket':
      case 'findRow':
        return isCount(a.number);
      case 'setFilter':
        return typeof a.text === 'string' && a.text.length <= 10_000;
      case 'setSort':
        return (
          typeof a.column === 'string' &&
          (COLUMN_IDS as readonly string[]).includes(a.column) &&
          typeof a.descending === 'boolean'
        );
    }
    return false;
  }
  if (typeof o.kind !== 'string' || !WEBVIEW_EVENT_KINDS.has(o.kind)) return false;
  switch (o.kind) {
    case 'ready':
      return typeof o.version === 'number';
    case 'selected':
      return isCount(o.number);
    case 'log':
      return typeof o.message === 'string' && ['info', 'warn', 'error'].includes(o.level as string);
  }
  return false;
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
}
