import { strict as assert } from 'node:assert';
import { csvField, csvReport } from '../../../../src/core/report/csvReport';
import { sampleReport } from './sampleReport';

describe('csvReport', () => {
  const csv = csvReport(sampleReport());
  const rows = csv.trimEnd().split('\n');

  it('has a header naming every column, qtypes and rcodes by total', () => {
    assert.equal(
      rows[0],
      'bin_start,bin_seconds,messages,qtype_A,qtype_AAAA,qtype_NSAP-PTR,rcode_NOERROR,rcode_NXDOMAIN,aaaa_per_a,' +
        'client_10.0.0.5,client_2001:db8::1',
    );
  });

  it('has one row per bin with the bin values, empty ratio where A is 0', () => {
    assert.equal(rows.length, 1 + 3);
    assert.deepEqual(rows.slice(1), [
      '2024-05-01T11:00:00.000Z,60,100,30,20,10,35,5,0.666667,35,30',
      '2024-05-01T11:01:00.000Z,60,0,0,0,0,0,0,,0,0',
      '2024-05-01T11:02:00.000Z,60,100,30,30,0,35,5,1,35,0',
    ]);
  });

  it('quotes fields holding commas, quotes or newlines', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('plain'), 'plain');
  });

  it('prints only the header when there are no bins', () => {
    const r = sampleReport();
    r.series = {
      ...r.series,
      binStarts: [],
      messages: [],
      qtypes: {},
      rcodes: {},
      clients: {},
      aVsAaaa: { a: [], aaaa: [], ratio: [] },
    };
    r.topClients.all = [];
    assert.equal(csvReport(r), 'bin_start,bin_seconds,messages,aaaa_per_a\n');
  });
});
