/**
 * Every frame of every fixture and corpus capture, dissected in tree mode in-process:
 * no dissector bug surfaces, every field's bytes lie inside its data source (the editor
 * highlights them), and no file hangs. (Children may lie outside their parent, as in
 * Wireshark: udp.payload sits under the 8-byte UDP header item.)
 */
import { strict as assert } from 'node:assert';
import { readCaptureFile } from '../../src/node/captureFile';
import { FrameDissector } from '../../src/core/dissect/frame';
import { walkFields } from '../../src/core/field';
import { allCaptures } from '../helpers/captureFiles';

describe('field byte ranges over every fixture and corpus frame', function () {
  this.timeout(60_000);
  const files = allCaptures();

  it('finds captures', () => assert.ok(files.length > 0));

  for (const file of files) {
    it(`every field lies inside its data source: ${file.slice(file.lastIndexOf('/') + 1)}`, async () => {
      const dissector = new FrameDissector();
      const problems: string[] = [];
      let frames = 0;
      let fields = 0;
      await readCaptureFile(file, (record) => {
        frames++;
        const frame = dissector.dissect(record, true);
        assert.ok(frame.tree, 'tree mode builds a tree');
        for (const node of walkFields(frame.tree)) {
          fields++;
          const source = frame.sources[node.source];
          const where = `frame ${record.frame} ${node.name || JSON.stringify(node.label)}`;
          if (!source) {
            problems.push(`${where}: source ${node.source} does not exist`);
            continue;
          }
          if (node.start < 0 || node.length < 0 || node.start + node.length > source.bytes.length) {
            problems.push(
              `${where}: [${node.start}, ${node.length}] outside ${source.name} (${source.bytes.length} bytes)`,
            );
          }
          if (node.expert?.message.startsWith('Dissector bug'))
            problems.push(`${where}: ${node.expert.message}`);
        }
      });
      assert.ok(frames > 0, 'the capture has frames');
      assert.ok(fields > frames, 'each frame yields fields');
      assert.deepEqual(problems.slice(0, 20), []);
    });
  }
});
