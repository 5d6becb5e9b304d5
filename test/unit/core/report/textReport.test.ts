import { strict as assert } from 'node:assert';
import { textReport } from '../../../../src/core/report/textReport';
import { sampleReport } from './sampleReport';

/** The lines of one section, from its underlined title to the next title. */
function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => l === title && lines[i + 1] === '-'.repeat(title.length));
  assert.ok(at >= 0, `no section "${title}"`);
  const end = lines.findIndex((l, i) => i > at + 1 && /^-+$/.test(lines[i + 1] ?? '') && l !== '');
  return lines.slice(at + 2, end < 0 ? undefined : end);
}

describe('textReport', () => {
  const text = textReport(sampleReport());

  it('puts the findings first, each as a bullet with its figure', () => {
    const titles = text
      .split('\n')
      .filter((l, i, all) => /^-+$/.test(all[i + 1] ?? '') && l !== '');
    assert.equal(titles[0], 'Findings');
    assert.deepEqual(
      section(text, 'Findings').filter((l) => l.startsWith('  - ')),
      ['  - 10.0.0.5 sent 50.0% of the AAAA queries.', '  - 33.3% of queries got no response.'],
    );
  });

  it('opens with the span and message count', () => {
    const [title, rule, subtitle] = text.split('\n');
    assert.equal(title, 'DNS traffic summary');
    assert.equal(rule, '='.repeat(title?.length ?? 0));
    assert.equal(
      subtitle,
      '2024-05-01 11:00:00Z to 2024-05-01 11:03:00Z (3 min), 200 DNS messages, time series in bins of 1 min',
    );
  });

  it('lists the five top AAAA clients in rank order with their share of AAAA queries', () => {
    const lines = section(text, 'Top clients');
    const start = lines.indexOf('  Top AAAA clients (50 AAAA queries):');
    assert.ok(start >= 0, lines.join('\n'));
    const rows = lines.slice(start + 3, start + 8).map((l) => l.trim().split(/\s+/));
    assert.deepEqual(rows, [
      ['1', '10.0.0.5', '25', '50.0%'],
      ['2', '10.0.0.6', '10', '20.0%'],
      ['3', '10.0.0.7', '6', '12.0%'],
      ['4', '10.0.0.8', '5', '10.0%'],
      ['5', '10.0.0.9', '4', '8.0%'],
    ]);
  });

  it('right-aligns numbers under their header', () => {
    const lines = section(text, 'Totals');
    const header = lines.find((l) => l.includes('Count')) as string;
    const row = lines.find((l) => l.includes('DNS messages')) as string;
    assert.equal(row.indexOf('200') + 3, header.indexOf('Count') + 5);
  });

  it('states the A vs AAAA fit with slope, intercept and R^2, and per client', () => {
    const lines = section(text, 'A vs AAAA').join('\n');
    assert.match(lines, /AAAA = 0\.8333 x A \+ 0\.5, R\^2 = 0\.963 over 3 bins/);
    assert.match(lines, /10\.0\.0\.5\s+3\s+40\s+25\s+-\s+-\s+-/);
  });

  it('does not tag findings about all traffic with a cryptic "(*)"', () => {
    const r = sampleReport();
    r.findings = [
      {
        kind: 'unanswered',
        text: '5% of queries went unanswered (1 of 20).',
        value: 5,
        unit: 'percent',
        subject: '*',
      },
    ];
    const lines = section(textReport(r), 'Findings').join('\n');
    assert.match(lines, /5% of queries went unanswered \(1 of 20\)\.$/m);
    assert.doesNotMatch(lines, /\(\*\)/);
  });

  it('writes a negative intercept as "- 1.337", not "+ -1.337"', () => {
    const r = sampleReport();
    r.regression.intercept = -1.337;
    const lines = section(textReport(r), 'A vs AAAA').join('\n');
    assert.match(lines, /AAAA = 0\.8333 x A - 1\.337, R\^2/);
    assert.doesNotMatch(lines, /\+ -/);
  });

  it('shows gaps with their start, end and length', () => {
    const rows = section(text, 'Gaps').join('\n');
    assert.match(rows, /\*\s+2024-05-01 11:07:00Z\s+2024-05-01 23:07:00Z\s+12 h/);
  });

  it('shows response-time percentiles in milliseconds and the histogram', () => {
    const lines = section(text, 'Response times').join('\n');
    assert.match(
      lines,
      /last query sent\s+80\s+0\.100 ms\s+2\.000 ms\s+12\.500 ms\s+250\.000 ms\s+500\.000 ms\s+10\.000 ms/,
    );
    assert.match(lines, /1\.000 ms - 10\.000 ms\s+60\s+75\.0%/);
    assert.match(lines, /> 10\.000 ms\s+10\s+12\.5%/);
  });

  it('says how many queries went unanswered', () => {
    assert.deepEqual(
      section(text, 'Unanswered queries').filter((l) => l !== ''),
      ['  40 of 120 queries (retransmissions folded in) got no response: 33.3%.'],
    );
  });

  it('says so when nothing stands out and there is no traffic', () => {
    const r = sampleReport();
    r.findings = [];
    r.start = null;
    r.end = null;
    const t = textReport(r);
    assert.ok(section(t, 'Findings').includes('  Nothing stands out.'));
    assert.equal(t.split('\n')[2], 'no DNS messages');
  });
});
