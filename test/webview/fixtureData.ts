/**
 * Real data for the webview's browser tests: packet-list rows and packet details made by
 * our own core from real captures (the same dissection `dnspector show --json` prints),
 * with the FieldNode -> TreeItem conversion written here, independently of the host's.
 * Also a capture written byte by byte whose DNS name holds HTML (`<img ...>`, `</script>`)
 * to prove the webview shows it as text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PacketRow, TreeItem } from '../../src/core/protocol/captureMessages';
import { dissectCaptureFile, transactionAnnotations } from '../../src/cli/captureFrames';
import { addTransactionFields } from '../../src/core/transactions/transactionFields';
import { frameColumns } from '../../src/core/format/frameColumns';
import { fieldDef, type FieldNode } from '../../src/core/field';
import { fieldHelp } from '../../src/core/help/fieldHelp';
import { toHex } from '../../src/core/fieldValue';
import { pcapFile } from '../unit/helpers/captureBuilder';

/** PacketDetail with the bytes as hex (the page turns them back into Uint8Array). */
export interface DetailJson {
  number: number;
  tree: TreeItem[];
  sources: { name: string; hex: string }[];
}

export interface CaptureJson {
  fileName: string;
  rows: PacketRow[];
  details: Record<number, DetailJson>;
  /** The FieldNode trees as dissected (hidden items included), for expected values. */
  fieldTrees: Record<number, FieldNode[]>;
}

/** FieldNode -> TreeItem: hidden items dropped, FT_FRAMENUM fields become links. */
export function toTreeItems(nodes: readonly FieldNode[]): TreeItem[] {
  return nodes
    .filter((n) => !n.hidden)
    .map((n) => {
      const item: TreeItem = {
        name: n.name,
        label: n.label,
        source: n.source,
        start: n.start,
        length: n.length,
      };
      if (n.show !== undefined) item.value = n.show;
      const help = n.name ? fieldHelp(n.name) : undefined;
      if (help) item.help = help;
      if (n.expert) item.expert = { ...n.expert };
      if (n.generated) item.generated = true;
      if (fieldDef(n.name)?.type === 'FT_FRAMENUM' && typeof n.value === 'number') {
        item.link = n.value;
      }
      if (n.children?.length) item.children = toTreeItems(n.children);
      return item;
    });
}

export async function captureJson(path: string, fileName: string): Promise<CaptureJson> {
  const annotations = await transactionAnnotations(path, {});
  const rows: PacketRow[] = [];
  const details: Record<number, DetailJson> = {};
  const fieldTrees: Record<number, FieldNode[]> = {};
  let first: bigint | undefined;
  await dissectCaptureFile(
    path,
    {},
    () => true,
    (frame, info) => {
      first ??= frame.meta.timeNs;
      const list = annotations.get(frame.meta.frame) ?? [];
      addTransactionFields(frame, list);
      const cols = frameColumns(frame, first, info?.timePrecision === 'ns' ? 9 : 6);
      const row: PacketRow = { ...cols };
      if (frame.malformed?.kind === 'malformed') {
        row.malformed = `[Malformed Packet: ${frame.malformed.protocol}] ${frame.malformed.message}`;
      }
      const isQuery = (flags: number): boolean => (flags & 0x8000) === 0;
      if (frame.dns.some((m, i) => isQuery(m.flags) && list[i]?.responseIn === undefined)) {
        row.unanswered = true;
      }
      if (list.some((a) => a?.retransmission)) row.retransmission = true;
      if (frame.dns.some((m) => !isQuery(m.flags))) row.response = true;
      rows.push(row);
      const tree = frame.tree ?? [];
      fieldTrees[frame.meta.frame] = tree;
      details[frame.meta.frame] = {
        number: frame.meta.frame,
        tree: toTreeItems(tree),
        sources: frame.sources.map((s) => ({ name: s.name, hex: toHex(s.bytes) })),
      };
    },
  );
  return { fileName, rows, details, fieldTrees };
}

/** The two HTML-looking labels of the hostile name. */
export const HOSTILE_LABELS = ['<img src=x onerror=alert(1)>', '</script>'];

/**
 * A capture of one Ethernet/IPv4/UDP DNS query for `<img src=x onerror=alert(1)>.</script>.test`
 * (type A), written byte by byte, in a temporary folder.
 */
export function hostileCapture(): string {
  const labels = [...HOSTILE_LABELS, 'test'];
  const name: number[] = [];
  for (const l of labels) name.push(l.length, ...Buffer.from(l, 'latin1'));
  name.push(0);
  const dns = [0x13, 0x37, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, ...name, 0, 1, 0, 1];
  const udpLength = 8 + dns.length;
  const udp = [0xc0, 0x00, 0, 53, udpLength >> 8, udpLength & 0xff, 0, 0];
  const ipLength = 20 + udpLength;
  const ip = [0x45, 0, ipLength >> 8, ipLength & 0xff, 0, 1, 0, 0, 64, 17, 0, 0];
  ip.push(192, 0, 2, 1, 192, 0, 2, 53);
  const eth = [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00];
  const data = Uint8Array.from([...eth, ...ip, ...udp, ...dns]);
  const file = pcapFile({
    endian: 'little',
    records: [{ seconds: 1_700_000_000, fraction: 0, data }],
  });
  const dir = mkdtempSync(join(tmpdir(), 'dnspector-webview-'));
  const path = join(dir, 'hostile.pcap');
  writeFileSync(path, file);
  return path;
}
