/**
 * Puts the transaction matcher's annotations into a dissected frame's DNS trees, where
 * and as `tshark -2 -V` shows them: after the record sections (before "Extraneous Data"),
 *   query:    [Response In: 2]
 *             or, retransmitted: [Retransmitted request. Original request in: 1]
 *                                [Retransmission: True]
 *   response: [Request In: 1] [Time: 0.000380000 seconds]
 *             or, retransmitted: [Retransmitted response. Original response in: 2]
 *                                [Retransmission: True]
 *             or [Unsolicited: True]
 * and for a retransmission tshark's expert item under "Transaction ID" (Warning/Protocol,
 * dns.retransmit_request / dns.retransmit_response). `-T fields` text as tshark prints
 * it: frame numbers plain, dns.time "0.000380000", booleans 1, FT_NONE 1.
 *
 * tshark adds these items at the end of its DNS walk, so a message whose walk failed
 * (malformed, or cut by the snap length) gets none, though it still took part in matching.
 */
import { secondsText } from '../format/timeText';
import { appendChild, type FieldNode } from '../field';
import { addField } from '../fieldValue';
import type { DissectedFrame } from '../dissect/frame';
import { dnsField } from '../dns/dnsFields';
import type { DnsMessageAnnotation } from './dnsAnnotation';

const F = {
  responseIn: dnsField('dns.response_in'),
  responseTo: dnsField('dns.response_to'),
  retransmission: dnsField('dns.retransmission'),
  retransmitRequestIn: dnsField('dns.retransmit_request_in'),
  retransmitResponseIn: dnsField('dns.retransmit_response_in'),
  time: dnsField('dns.time'),
  unsolicited: dnsField('dns.unsolicited'),
  retransmitRequest: dnsField('dns.retransmit_request'),
  retransmitResponse: dnsField('dns.retransmit_response'),
} as const;

/** The fields only query/response matching fills: they need a first pass over the capture. */
export const transactionFieldNames: ReadonlySet<string> = new Set(
  Object.values(F).map((d) => d.name),
);

const DNS_PROTOCOLS = new Set(['dns', 'mdns', 'llmnr']);

/** Wireshark's expert severity and group codes as `-T fields` prints them. */
const PI_WARN = '6291456';
const PI_PROTOCOL = '150994944';

/**
 * Adds the annotations of a frame's DNS messages (annotations[i] for frame.dns[i]; null
 * for none) to its tree. Does nothing in scan mode.
 */
export function addTransactionFields(
  frame: DissectedFrame,
  annotations: readonly (DnsMessageAnnotation | null | undefined)[],
): void {
  if (frame.tree === null) return;
  // One DNS protocol item per message that got as far as its ID and flags (4 bytes).
  const nodes = frame.tree.filter((n) => DNS_PROTOCOLS.has(n.name));
  let k = 0;
  frame.dns.forEach((info, i) => {
    if (info.range.length < 4) return;
    const node = nodes[k++];
    const annotation = annotations[i];
    if (!node || !annotation || info.malformed) return;
    addToDnsTree(node, annotation);
  });
}

function addToDnsTree(dns: FieldNode, a: DnsMessageAnnotation): void {
  const items: FieldNode = {
    name: '',
    label: '',
    source: dns.source,
    start: dns.start,
    length: 0,
    children: [],
  };
  const at = (
    def: (typeof F)[keyof typeof F],
    value: number | boolean | string,
    label: string,
    show?: string,
  ): void => {
    addField(items, def, dns.source, dns.start, 0, value, {
      label,
      generated: true,
      ...(show !== undefined ? { show } : {}),
    });
  };
  if (a.retransmitRequestIn !== undefined) {
    addExpert(
      dns,
      F.retransmitRequest.name,
      `DNS query retransmission. Original request in frame ${a.retransmitRequestIn}`,
    );
    at(
      F.retransmitRequestIn,
      a.retransmitRequestIn,
      `[Retransmitted request. Original request in: ${a.retransmitRequestIn}]`,
    );
    at(F.retransmission, true, '[Retransmission: True]');
  } else if (a.retransmitResponseIn !== undefined) {
    addExpert(
      dns,
      F.retransmitResponse.name,
      `DNS response retransmission. Original response in frame ${a.retransmitResponseIn}`,
    );
    at(
      F.retransmitResponseIn,
      a.retransmitResponseIn,
      `[Retransmitted response. Original response in: ${a.retransmitResponseIn}]`,
    );
    at(F.retransmission, true, '[Retransmission: True]');
  } else if (a.responseIn !== undefined) {
    at(F.responseIn, a.responseIn, `[Response In: ${a.responseIn}]`);
  } else if (a.responseTo !== undefined) {
    at(F.responseTo, a.responseTo, `[Request In: ${a.responseTo}]`);
    const time = secondsText(a.timeNs ?? 0n);
    at(F.time, time, `[Time: ${time} seconds]`, time);
  } else if (a.unsolicited === true) {
    at(F.unsolicited, true, '[Unsolicited: True]');
  }
  const generated = items.children ?? [];
  if (generated.length === 0) return;
  const children = (dns.children ??= []);
  const extraneous = children.findIndex(
    (c) => c.name === '' && c.label.startsWith('Extraneous Data ('),
  );
  children.splice(extraneous < 0 ? children.length : extraneous, 0, ...generated);
}

/** tshark's expert item on the Transaction ID: "[Expert Info (Warning/Protocol): MESSAGE]". */
function addExpert(dns: FieldNode, field: string, message: string): void {
  const id = dns.children?.find((c) => c.name === 'dns.id');
  if (!id) return;
  const expert = { severity: 'warn', message } as const;
  const head = `Expert Info (Warning/Protocol): ${message}`;
  const at = { source: id.source, start: id.start, length: 0 };
  appendChild(id, {
    name: '_ws.expert',
    label: `[${head}]`,
    show: head,
    ...at,
    generated: true,
    expert,
    children: [
      { name: field, label: `[${message}]`, show: '1', ...at, generated: true },
      {
        name: '_ws.expert.message',
        label: `Message: ${message}`,
        show: message,
        ...at,
        hidden: true,
      },
      {
        name: '_ws.expert.severity',
        label: '[Severity level: Warning]',
        show: PI_WARN,
        ...at,
        generated: true,
      },
      {
        name: '_ws.expert.group',
        label: '[Group: Protocol]',
        show: PI_PROTOCOL,
        ...at,
        generated: true,
      },
    ],
  });
}
