/**
 * Records say where their packet bytes sit in the file (dataOffset), so the capture editor
 * can read any packet again by position: for every record of every uncompressed capture,
 * the file's bytes at [dataOffset, +capturedLength) are the record's bytes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readCaptureFile } from '../../../src/node/captureFile';
import { corpusCaptures, fixtureCaptures } from '../../helpers/captureFiles';

describe('record dataOffset', () => {
  const files = [...fixtureCaptures(), ...corpusCaptures()].filter((f) => !f.endsWith('.gz'));

  it('covers both formats', () => {
    assert.ok(files.some((f) => f.endsWith('.pcap')));
    assert.ok(files.some((f) => f.endsWith('.pcapng')));
  });

  for (const file of files) {
    it(`points at each record's bytes in ${file.split('/').slice(-2).join('/')}`, async () => {
      const bytes = readFileSync(file);
      await readCaptureFile(file, (record) => {
        const at = bytes.subarray(record.dataOffset, record.dataOffset + record.capturedLength);
        assert.deepEqual(new Uint8Array(at), new Uint8Array(record.data), `frame ${record.frame}`);
        assert.ok(record.dataOffset > record.fileOffset);
      });
    });
  }
});
