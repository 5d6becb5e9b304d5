/**
 * One dnsmasq log-queries message (src/cache.c log_query), with or without
 * log-queries=extra (which starts each line with a serial number tying a query to its
 * forwarding and reply, and the client `address/port`):
 * - `query[AAAA] example.com from 192.168.1.5` (unknown types as `query[type=65534]`)
 * - `forwarded example.com to 8.8.8.8`, `dnssec-query[DS] example.com to 8.8.8.8`
 * - answers: `reply example.com is 93.184.216.34`, `cached ... is ...`, `cached-stale`,
 *   `config ... is ...`, `/etc/hosts ... is ...`; the value may be NXDOMAIN, NODATA,
 *   NODATA-IPv4/6, SERVFAIL, REFUSED or `<CNAME>`.
 * The syslog prefix (`Aug 20 11:07:01 dnsmasq[1234]:`) is removed first.
 */
import { qtypeFromMnemonic, rcodeFromMnemonic } from './dnsMnemonicLookup';

interface DnsmasqCommon {
  /** log-queries=extra serial number. */
  serial: number | undefined;
  /** log-queries=extra client address and port. */
  extraClient: string | undefined;
  extraPort: number | undefined;
  qname: string;
}

export interface DnsmasqQuery extends DnsmasqCommon {
  kind: 'query';
  qtype: number;
  client: string;
}

export interface DnsmasqForward extends DnsmasqCommon {
  kind: 'forwarded' | 'dnssec-query';
  /** dnssec-query only. */
  qtype: number | undefined;
  upstream: string;
}

export interface DnsmasqAnswer extends DnsmasqCommon {
  kind: 'answer';
  /** 'reply', 'cached', 'cached-stale', 'config', or a hosts file's path. */
  source: string;
  value: string;
  /** NXDOMAIN → 3, SERVFAIL → 2, REFUSED → 5, anything else 0. */
  rcode: number;
}

export type DnsmasqMessage = DnsmasqQuery | DnsmasqForward | DnsmasqAnswer;

const extra = /^(\d+) ([^\s/]+)\/(\d{1,5}) /;
const query = /^query\[([^\]]+)\] (\S+) from (\S+)\s*$/;
const forward = /^(forwarded|dnssec-query\[([^\]]+)\]) (\S+) to (\S+)\s*$/;
const answer = /^(reply|cached|cached-stale|config|\/\S+) (\S+) is (.+?)\s*$/;

function qtypeOf(text: string): number | undefined {
  const eq = /^type=(\d{1,5})$/.exec(text);
  return eq !== null ? Number(eq[1]) : qtypeFromMnemonic(text);
}

export function parseDnsmasqMessage(message: string): DnsmasqMessage | undefined {
  let body = message;
  const common: Omit<DnsmasqCommon, 'qname'> = {
    serial: undefined,
    extraClient: undefined,
    extraPort: undefined,
  };
  const x = extra.exec(body);
  if (x !== null) {
    common.serial = Number(x[1]);
    common.extraClient = x[2];
    common.extraPort = Number(x[3]);
    body = body.slice(x[0].length);
  }
  let m = query.exec(body);
  if (m !== null) {
    const qtype = qtypeOf(m[1] ?? '');
    if (qtype === undefined) return undefined;
    return { kind: 'query', ...common, qname: m[2] ?? '', qtype, client: m[3] ?? '' };
  }
  m = forward.exec(body);
  if (m !== null) {
    const isDnssec = m[2] !== undefined;
    const qtype = isDnssec ? qtypeOf(m[2] ?? '') : undefined;
    if (isDnssec && qtype === undefined) return undefined;
    return {
      kind: isDnssec ? 'dnssec-query' : 'forwarded',
      ...common,
      qname: m[3] ?? '',
      qtype,
      upstream: m[4] ?? '',
    };
  }
  m = answer.exec(body);
  if (m !== null) {
    const value = m[3] ?? '';
    const rc = rcodeFromMnemonic(value);
    return {
      kind: 'answer',
      ...common,
      source: m[1] ?? '',
      qname: m[2] ?? '',
      value,
      rcode: value.startsWith('NODATA') || rc === undefined ? 0 : rc,
    };
  }
  return undefined;
}
