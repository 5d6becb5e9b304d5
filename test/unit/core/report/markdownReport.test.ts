import { strict as assert } from 'node:assert';
import {
  markdownCell,
  markdownReport,
  markdownTable,
} from '../../../../src/core/report/markdownReport';
import { sampleReport } from './sampleReport';

describe('markdownReport', () => {
  const md = markdownReport(sampleReport());
  const lines = md.split('\n');

  it('has a title, then the findings as the first section', () => {
    assert.equal(lines[0], '# DNS traffic summary');
    const sections = lines.filter((l) => l.startsWith('## '));
    assert.equal(sections[0], '## Findings');
    assert.ok(
      sections.includes('## A vs AAAA') &&
        sections.includes('## Gaps') &&
        sections.includes('## Response times'),
    );
  });

  it('draws the top AAAA clients as a table with right-aligned numbers', () => {
    const at = lines.indexOf('**Top AAAA clients (50 AAAA queries)**');
    assert.ok(at >= 0);
    assert.deepEqual(lines.slice(at + 2, at + 5), [
      '| # | Client | Queries | Share of AAAA |',
      '| ---: | --- | ---: | ---: |',
      '| 1 | 10.0.0.5 | 25 | 50.0% |',
    ]);
  });

  it('escapes pipes and markup in cells', () => {
    assert.ok(lines.includes('| 1 | a\\|b.example | 120 | 100.0% |'));
    assert.equal(markdownCell('*x* _y_ `z` <b>'), '\\*x\\* \\_y\\_ \\`z\\` \\<b\\>');
  });

  it('gives an empty header cell a space so the table still parses', () => {
    assert.deepEqual(
      markdownTable({ columns: ['', 'Count'], align: ['left', 'right'], rows: [['a', '1']] }),
      ['|   | Count |', '| --- | ---: |', '| a | 1 |'],
    );
  });

  it('every table row has as many cells as its header', () => {
    const cells = (l: string): number => l.replace(/\\\|/g, '').split('|').length;
    let header = 0;
    for (const l of lines) {
      if (!l.startsWith('|')) {
        header = 0;
        continue;
      }
      if (header === 0) header = cells(l);
      else assert.equal(cells(l), header, l);
    }
  });
});
