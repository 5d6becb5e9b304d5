/**
 * The summary panel's data (src/extension/summary/summaryView.ts, no vscode): the files
 * with their status from the exit codes, the report document with findings first, the
 * title's "+N more", the progress unit guessed from the file names and the export names.
 */
import { strict as assert } from 'node:assert';
import {
  exportFileName,
  filesTitle,
  progressText,
  summaryView,
} from '../../../src/extension/summary/summaryView';
import { StatsEngine } from '../../../src/core/stats/statsEngine';

describe('summary view data', () => {
  it('maps exit codes 0, 3 and 2 to ok, damaged and unreadable, and puts findings first', () => {
    const report = new StatsEngine().report();
    const view = summaryView(['/x/a.pcap', '/x/b.log', '/y/c.pcap'], {
      report,
      fileNotes: [
        { path: '/x/a.pcap', kind: 'capture', format: 'pcap', problems: [], exitCode: 0 },
        { path: '/x/b.log', kind: 'log', problems: ['1 line not parsed (line 3)'], exitCode: 3 },
        { path: '/y/c.pcap', kind: 'capture', problems: ['cannot read'], exitCode: 2 },
      ],
    });
    assert.deepEqual(
      view.files.map((f) => [f.name, f.status]),
      [
        ['a.pcap', 'ok'],
        ['b.log', 'damaged'],
        ['c.pcap', 'unreadable'],
      ],
    );
    assert.equal('format' in (view.files[1] ?? {}), false);
    assert.equal(view.document.sections[0]?.title, 'Findings');
    assert.equal(view.report, report);
    assert.equal(view.title, 'a.pcap, b.log, c.pcap');
  });

  it('names at most three files in a title', () => {
    assert.equal(filesTitle(['/a/1.pcap']), '1.pcap');
    assert.equal(
      filesTitle(['1', '2', '3', '4', '5'].map((n) => `/d/${n}.log`)),
      '1.log, 2.log, 3.log +2 more',
    );
  });

  it('counts packets for captures, lines for logs, and both for a mix', () => {
    assert.equal(progressText(['a.pcap', 'b.pcapng.gz'], 12345), '12,345 packets read');
    assert.equal(progressText(['query.log', 'old.log.gz'], 7), '7 lines read');
    assert.equal(progressText(['a.pcap', 'query.log'], 0), '0 packets/lines read');
  });

  it('suggests export names after the first file without its extensions', () => {
    assert.equal(exportFileName(['/x/udp-queries.pcap.gz'], 'markdown'), 'udp-queries-summary.md');
    assert.equal(exportFileName(['/x/q.log'], 'csv'), 'q-summary.csv');
    assert.equal(exportFileName([], 'json'), 'dns-summary.json');
  });
});
