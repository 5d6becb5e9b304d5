import { strict as assert } from 'node:assert';
import {
  countText,
  durationText,
  fitText,
  msText,
  percentText,
  r2Text,
  sortedCounts,
  timeText,
} from '../../../../src/core/report/reportNumbers';

describe('reportNumbers', () => {
  it('groups thousands', () => {
    assert.deepEqual([0, 999, 1000, 1234567, -4200].map(countText), [
      '0',
      '999',
      '1,000',
      '1,234,567',
      '-4,200',
    ]);
  });

  it('writes percentages with one decimal and a dash for nothing', () => {
    assert.equal(percentText(1, 3), '33.3%');
    assert.equal(percentText(0, 0), '-');
  });

  it('writes durations the way people say them', () => {
    assert.deepEqual(
      [0.25, 45, 60, 725, 3600, 43200 + 300, 2 * 86400 + 4 * 3600].map(durationText),
      ['0.25 s', '45 s', '1 min', '12 min 5 s', '1 h', '12 h 5 min', '2 d 4 h'],
    );
  });

  it('writes fit figures with 4 significant digits and R^2 with 3 decimals', () => {
    assert.equal(fitText(0.83333333), '0.8333');
    assert.equal(fitText(-1234.5678), '-1235');
    assert.equal(fitText(null), '-');
    assert.equal(r2Text(0.96349), '0.963');
  });

  it('writes seconds as milliseconds', () => {
    assert.equal(msText(0.000159), '0.159 ms');
    assert.equal(msText(null), '-');
  });

  it('shortens ISO times, keeping non-zero milliseconds', () => {
    assert.equal(timeText('2024-05-01T11:07:00.000Z'), '2024-05-01 11:07:00Z');
    assert.equal(timeText('2024-05-01T11:07:00.250Z'), '2024-05-01 11:07:00.250Z');
  });

  it('sorts counts largest first, ties by name', () => {
    assert.deepEqual(sortedCounts({ b: 2, a: 2, c: 5 }), [
      ['c', 5],
      ['a', 2],
      ['b', 2],
    ]);
  });
});
