/**
 * One unbound log-queries / log-replies message (util/log.c log_query_in, log_reply_info):
 * - query: `info: 192.168.1.1 example.com. A IN` (`query:` with log-tag-queryreply)
 * - reply: `info: 192.168.1.1 example.com. A IN NOERROR 0.000123 0 72` (`reply:` with
 *   log-tag-queryreply): rcode, response time (s.µs), 1 if answered from cache, size
 * - a FORMERR reply has no question: `192.168.1.1 - - - FORMERR - - -`.
 * The time prefix (`[epoch] unbound[pid:tid]` or log-time-ascii) is removed first.
 */
import { qclassFromMnemonic, qtypeFromMnemonic, rcodeFromMnemonic } from './dnsMnemonicLookup';

export interface UnboundQuery {
  kind: 'query';
  client: string;
  qname: string;
  qtype: number;
  qclass: number;
}

export interface UnboundReply {
  kind: 'reply';
  client: string;
  /** Absent for a FORMERR reply (`- - -`). */
  qname: string | undefined;
  qtype: number | undefined;
  qclass: number | undefined;
  rcode: number;
  /** Response time in ns; undefined for `-`. */
  durationNs: bigint | undefined;
  cached: boolean;
  size: number;
}

const unboundLine =
  /^(info|query|reply): ([0-9A-Fa-f.:%\w]+) (\S+) (\S+) (\S+)(?: (\S+) (\d+\.\d{6}|-) ([01-]) (\d+|-))?\s*$/;

export function parseUnboundMessage(message: string): UnboundQuery | UnboundReply | undefined {
  const m = unboundLine.exec(message);
  if (m === null) return undefined;
  const [, tag, client, qname, typeText, classText, rcodeText, time, cached, size] = m;
  if (client === undefined || qname === undefined || typeText === undefined) return undefined;
  if (classText === undefined || !/[.:]/.test(client)) return undefined;
  const isReply = rcodeText !== undefined;
  if (tag === 'query' && isReply) return undefined;
  if (tag === 'reply' && !isReply) return undefined;
  if (!isReply) {
    const qtype = qtypeFromMnemonic(typeText);
    const qclass = qclassFromMnemonic(classText);
    if (qtype === undefined || qclass === undefined) return undefined;
    return { kind: 'query', client, qname, qtype, qclass };
  }
  const rcode = rcodeFromMnemonic(rcodeText);
  if (rcode === undefined) return undefined;
  const noQuestion = qname === '-';
  const qtype = noQuestion ? undefined : qtypeFromMnemonic(typeText);
  const qclass = noQuestion ? undefined : qclassFromMnemonic(classText);
  if (!noQuestion && (qtype === undefined || qclass === undefined)) return undefined;
  return {
    kind: 'reply',
    client,
    qname: noQuestion ? undefined : qname,
    qtype,
    qclass,
    rcode,
    durationNs: time === undefined || time === '-' ? undefined : secondsTextToNs(time),
    cached: cached === '1',
    size: size === undefined || size === '-' ? 0 : Number(size),
  };
}

/** "0.000123" → 123000n. */
function secondsTextToNs(text: string): bigint {
  const [whole = '0', frac = ''] = text.split('.');
  return BigInt(whole) * 1_000_000_000n + BigInt((frac + '000000000').slice(0, 9));
}
