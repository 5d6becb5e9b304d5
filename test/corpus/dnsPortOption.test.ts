/**
 * `--dns-port N` decodes another port as DNS the way `tshark -d tcp.port==N,dns -d
 * udp.port==N,dns` does: the tcpdump corpus has DNS over TCP and UDP on port 8053, which
 * tshark decodes over TCP only when told.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, repo, run, tsharkAvailable } from '../helpers/captureFiles';

const cli = join(repo, 'dist/cli.js');

describe('--dns-port decodes another port as DNS, as tshark -d does', function () {
  this.timeout(60_000);
  for (const name of ['dns_tcp_8053.pcap', 'dns_udp_8053.pcap']) {
    const file = join(corpusDir, 'tcpdump', name);
    it(name, function () {
      if (!tsharkAvailable() || !existsSync(file)) {
        console.log(`    tshark or ${name} is missing: not compared`);
        this.skip();
      }
      const theirs = run('tshark', [
        '-r',
        file,
        '-d',
        'tcp.port==8053,dns',
        '-d',
        'udp.port==8053,dns',
        '-Y',
        'dns',
      ]);
      const ours = run('node', [cli, 'list', file, '--dns-port', '8053']);
      assert.ok(theirs.trim().split('\n').length >= 2, 'tshark found DNS on port 8053');
      assert.equal(ours, theirs);
    });
  }
});
