/**
 * The field tree: the one structure every view renders (CLI text, JSON, detail tree,
 * hovers, hex highlight). Modelled on Wireshark's proto_tree: each item has a filter name
 * (`dns.flags.rd`), a display label, and the bytes it covers.
 *
 * Dissectors build it only when asked (full dissection of one packet). In scan mode they
 * receive `null` as the parent and every helper here returns at once, so the hot path
 * allocates nothing for the tree (Wireshark's `tree == NULL` fast path).
 */

/** Wireshark's field types, by their Wireshark names (`tshark -G fields`, column 4). */
export type FieldType =
  | 'FT_NONE'
  | 'FT_PROTOCOL'
  | 'FT_BOOLEAN'
  | 'FT_UINT8'
  | 'FT_UINT16'
  | 'FT_UINT24'
  | 'FT_UINT32'
  | 'FT_UINT64'
  | 'FT_INT8'
  | 'FT_INT16'
  | 'FT_INT32'
  | 'FT_IPv4'
  | 'FT_IPv6'
  | 'FT_ETHER'
  | 'FT_STRING'
  | 'FT_BYTES'
  | 'FT_ABSOLUTE_TIME'
  | 'FT_RELATIVE_TIME'
  | 'FT_FRAMENUM'
  | 'FT_DOUBLE';

/** Wireshark's integer display bases (`tshark -G fields`, column 6). */
export type FieldBase =
  'BASE_NONE' | 'BASE_DEC' | 'BASE_HEX' | 'BASE_DEC_HEX' | 'BASE_HEX_DEC' | 'BASE_OCT';

/** A field's registration, like Wireshark's `hf_register_info`. */
export interface FieldDef {
  /** Filter name, e.g. `dns.flags.rd`. */
  readonly name: string;
  /** Display name, e.g. `Recursion desired`. */
  readonly label: string;
  readonly type: FieldType;
  readonly base?: FieldBase;
  /** For bit fields: the mask within the containing word (Wireshark's bitmask). */
  readonly bitmask?: number;
  /** What the field means, for hovers (one or two sentences, with its RFC section). */
  readonly description?: string;
}

export type Severity = 'chat' | 'note' | 'warn' | 'error';

/** Wireshark's expert info: "[Malformed Packet]" and friends. */
export interface Expert {
  readonly severity: Severity;
  readonly message: string;
}

export interface FieldNode {
  /** Filter name (`dns.id`); '' for a text-only item. */
  name: string;
  /** The line shown in the tree, as `tshark -V` shows it (renderers add [brackets] to generated items that lack them). */
  label: string;
  /** Which data source the offsets refer to: 0 = the frame, others: DissectedFrame.sources. */
  source: number;
  /** Byte offset within the data source. */
  start: number;
  /** Length in bytes (0 for generated items that cover no bytes). */
  length: number;
  /** The value as `tshark -T fields -e NAME` prints it. Absent for text-only items. */
  show?: string;
  /** The typed value (JSON-safe: bytes as lowercase hex, 64-bit as decimal string). */
  value?: number | string | boolean;
  children?: FieldNode[];
  expert?: Expert;
  /** Computed, not read from the packet (tshark shows it in [brackets]). */
  generated?: boolean;
  /** Present for filters and `-T fields` but not shown in the tree (Wireshark's hidden). */
  hidden?: boolean;
}

/** A byte buffer the tree refers to: the frame, a reassembled TCP stream, a defragmented IP packet. */
export interface DataSource {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function appendChild(parent: FieldNode, child: FieldNode): FieldNode {
  (parent.children ??= []).push(child);
  return child;
}

/** A text-only item (no filter name), e.g. "Queries" or "Flags: 0x0100 Standard query". */
export function addText(
  parent: FieldNode | null,
  label: string,
  source: number,
  start: number,
  length: number,
): FieldNode | null {
  if (parent === null) return null;
  return appendChild(parent, { name: '', label, source, start, length });
}

export function addExpert(parent: FieldNode | null, severity: Severity, message: string): void {
  if (parent === null) return;
  appendChild(parent, {
    name: '_ws.expert',
    label: `[Expert Info (${severityLabel(severity)}): ${message}]`,
    source: 0,
    start: 0,
    length: 0,
    expert: { severity, message },
    generated: true,
  });
}

function severityLabel(s: Severity): string {
  return s === 'chat' ? 'Chat' : s === 'note' ? 'Note' : s === 'warn' ? 'Warning' : 'Error';
}

/** Depth-first walk over a tree or forest. */
export function* walkFields(nodes: readonly FieldNode[]): Generator<FieldNode> {
  for (const n of nodes) {
    yield n;
    if (n.children) yield* walkFields(n.children);
  }
}

/** Every field a dissector can produce, for `dnspector fields` and the filter language. */
const knownFields = new Map<string, FieldDef>();

export function registerFieldDefs(defs: Iterable<FieldDef>): void {
  for (const d of defs) if (!knownFields.has(d.name)) knownFields.set(d.name, d);
}

export function fieldDef(name: string): FieldDef | undefined {
  return knownFields.get(name);
}

export function knownFieldNames(): string[] {
  return [...knownFields.keys()].sort();
}

/** Declares a module's fields and registers them, so `fields -e` and filters know them. */
export function defineFields<T extends Record<string, FieldDef>>(defs: T): T {
  registerFieldDefs(Object.values(defs));
  return defs;
}
