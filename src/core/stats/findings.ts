/**
 * Findings: plain-language observations drawn from the finished numbers, each with the
 * number behind it. Rules (also in docs/report-schema.md):
 * - aaaa-dominant-client: at least 10 AAAA queries and one client sent more than half.
 * - aaaa-lockstep-a: the AAAA-on-A regression (overall, and per top client) over ≥ 10 bins
 *   with traffic has R² ≥ 0.9 and a positive
 *   slope (AAAA rises with A; a perfect inverse relation is not lockstep).
 * - silence: each reported gap (all traffic first, then by length; at most 5), leaving out a
 *   source's silence that lies within a silence of all traffic.
 * - unanswered: any transaction without a response (value: percent of transactions).
 * - tc-not-retried: UDP responses with TC whose question never came again over TCP.
 * - zone-transfer: AXFR/IXFR answered with records.
 * - unsolicited, duplicate-id, malformed: any such message/event.
 */
import type { Finding, Gap, Regression, SummaryReport } from '../report/summaryReport';
import type { TransferExample } from './zoneTransfers';

export const LOCKSTEP_R2 = 0.9;
/** Fewer points than this make a high R² likely by chance (3 points fit a line often). */
export const LOCKSTEP_MIN_BINS = 10;
export const DOMINANT_MIN_AAAA = 10;
export const DOMINANT_SHARE = 0.5;
export const MAX_SILENCE_FINDINGS = 5;

export interface FindingExtras {
  tcClients: Array<[string, number]>;
  transferExamples: TransferExample[];
  unansweredByClient: ReadonlyMap<string, number>;
}

const pct = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 10;
const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

export function durationText(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${round(seconds, 3)} s`;
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts: string[] = [];
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (sec && !d) parts.push(`${sec} s`);
  return parts.join(' ');
}

export function deriveFindings(r: Omit<SummaryReport, 'findings'>, x: FindingExtras): Finding[] {
  const out: Finding[] = [];

  const aaaaTotal = r.qtypes['AAAA'] ?? 0;
  const topAaaa = r.topClients.byType['AAAA']?.[0];
  if (aaaaTotal >= DOMINANT_MIN_AAAA && topAaaa && topAaaa.count / aaaaTotal > DOMINANT_SHARE) {
    const share = pct(topAaaa.count, aaaaTotal);
    const bound = r.topClients.approximate ? 'at most ' : '';
    out.push({
      kind: 'aaaa-dominant-client',
      text: `${topAaaa.address} sent ${bound}${share}% of AAAA queries (${topAaaa.count} of ${aaaaTotal}).`,
      value: share,
      unit: 'percent',
      subject: topAaaa.address,
    });
  }

  const lockstep = (g: Regression, who: string, subject: string): void => {
    if (
      g.r2 === null ||
      g.slope === null ||
      g.intercept === null ||
      g.bins < LOCKSTEP_MIN_BINS ||
      g.r2 < LOCKSTEP_R2 ||
      g.slope <= 0
    ) {
      return;
    }
    out.push({
      kind: 'aaaa-lockstep-a',
      text:
        `${who} in lockstep with A queries: R² = ${round(g.r2, 3)} over ${g.bins} bins of ${g.binSeconds} s ` +
        `(AAAA ≈ ${round(g.slope, 3)} × A ${g.intercept < 0 ? '−' : '+'} ${round(Math.abs(g.intercept), 2)}).`,
      value: round(g.r2, 4),
      unit: 'r2',
      subject,
    });
  };
  // Without times, bins, fits and silences describe nothing: no finding rests on them.
  if (r.timesKnown) lockstep(r.regression, 'AAAA queries run', '*');
  // Per client too: the paper's relay sent AAAA in lockstep with A while the rest of the
  // traffic blurred the overall fit.
  for (const [address, g] of Object.entries(r.regressionByClient)) {
    if (r.timesKnown) lockstep(g, `${address} sends AAAA queries`, address);
  }

  // A source's silence inside a silence of all traffic says nothing more: leave it out.
  const allQuiet = r.gaps.filter((g) => g.source === '*');
  const within = (g: Gap): boolean =>
    g.source !== '*' &&
    allQuiet.some((q) => {
      const overlap =
        Math.min(Date.parse(g.end), Date.parse(q.end)) -
        Math.max(Date.parse(g.start), Date.parse(q.start));
      return overlap >= 0.9 * g.seconds * 1000;
    });
  const silences = r.gaps
    .filter((g) => r.timesKnown && !within(g))
    .sort(
      (a, b) => (a.source === '*' ? 0 : 1) - (b.source === '*' ? 0 : 1) || b.seconds - a.seconds,
    )
    .slice(0, MAX_SILENCE_FINDINGS);
  for (const gap of silences) {
    const who = gap.source === '*' ? 'All DNS traffic stopped' : `${gap.source} was silent`;
    out.push({
      kind: 'silence',
      text: `${who} from ${gap.start} to ${gap.end} (${durationText(gap.seconds)}).`,
      value: gap.seconds,
      unit: 'seconds',
      subject: gap.source,
    });
  }

  const t = r.totals;
  if (t.unanswered > 0 && t.transactions > 0) {
    const share = pct(t.unanswered, t.transactions);
    const worst = [...x.unansweredByClient].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    )[0];
    const who = worst ? `; most from ${worst[0]} (${worst[1]})` : '';
    out.push({
      kind: 'unanswered',
      text: `${share}% of queries went unanswered (${t.unanswered} of ${t.transactions}${who}).`,
      value: share,
      unit: 'percent',
      subject: '*',
    });
  }

  if (t.truncatedNotRetried > 0) {
    const first = x.tcClients[0];
    const who = first ? `; ${first[0]}: ${first[1]}` : '';
    out.push({
      kind: 'tc-not-retried',
      text: `${t.truncatedNotRetried} UDP response${t.truncatedNotRetried === 1 ? ' with TC set was' : 's with TC set were'} not retried over TCP${who}.`,
      value: t.truncatedNotRetried,
      unit: 'count',
      subject: first?.[0] ?? '*',
    });
  }

  if (t.transfers > 0) {
    const ex = x.transferExamples
      .map(
        (e) =>
          `${e.qtype} of ${e.zone || '(unnamed zone)'} from ${e.server} to ${e.client} (${e.messages} message${e.messages === 1 ? '' : 's'})`,
      )
      .join('; ');
    out.push({
      kind: 'zone-transfer',
      text: `${t.transfers} zone transfer${t.transfers === 1 ? ' was' : 's were'} answered to a client: ${ex}.`,
      value: t.transfers,
      unit: 'count',
      subject: x.transferExamples[0]?.client ?? '*',
    });
  }

  const simple: Array<[string, number, string]> = [
    ['unsolicited', t.unsolicited, 'response(s) matched no open query (unsolicited)'],
    [
      'duplicate-id',
      t.duplicateIds,
      'query ID(s) were reused by a client for a different question while the first was open',
    ],
    ['malformed', t.malformed, 'DNS message(s) were malformed'],
  ];
  for (const [kind, n, what] of simple) {
    if (n > 0) out.push({ kind, text: `${n} ${what}.`, value: n, unit: 'count', subject: '*' });
  }
  return out;
}
