/**
 * readCaptureFile's betweenChunks hook (a writer's backpressure, as `fields` writing to a
 * slow pipe): called once per chunk read, and no further record arrives until the promise
 * it returned has settled; every record still comes, in order.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readCaptureFile } from '../../../src/node/captureFile';
import { fixtureDir } from '../../helpers/captureFiles';

describe('readCaptureFile betweenChunks', () => {
  const path = join(fixtureDir, 'udp-queries.pcap');

  it('waits for the returned promise before reading on, once per chunk', async () => {
    const chunkSize = 1024;
    const chunks = Math.ceil(statSync(path).size / chunkSize);
    const frames: number[] = [];
    let waiting = false;
    let calls = 0;
    const result = await readCaptureFile(
      path,
      (record) => {
        assert.equal(waiting, false, `frame ${record.frame} arrived during a wait`);
        frames.push(record.frame);
      },
      {
        chunkSize,
        betweenChunks: () => {
          calls++;
          waiting = true;
          return new Promise((resolve) =>
            setTimeout(() => {
              waiting = false;
              resolve();
            }, 1),
          );
        },
      },
    );
    assert.equal(calls, chunks);
    assert.equal(frames.length, result.frames);
    assert.deepEqual(
      frames,
      Array.from({ length: result.frames }, (_, i) => i + 1),
    );
  });

  it('reads on at once when it returns nothing', async () => {
    let calls = 0;
    const result = await readCaptureFile(path, () => undefined, {
      chunkSize: 4096,
      betweenChunks: () => {
        calls++;
        return undefined;
      },
    });
    assert.ok(result.frames > 0);
    assert.equal(calls, Math.ceil(statSync(path).size / 4096));
  });
});
