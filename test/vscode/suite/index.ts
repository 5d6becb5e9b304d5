// Entry of the extension-host suite: both runners (runCodeServer.ts in code-server,
// runElectron.ts in a downloaded VS Code) point extensionTestsPath at this module's output,
// and VS Code calls run() inside the extension host. It runs every *.test.js under this
// folder with mocha (bdd, like the unit tests), prints each failure with its error, and
// rejects when any test failed, which makes the runner exit non-zero.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `*.test.js` below `dir`, sorted so runs are repeatable. */
function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (name.endsWith('.test.js')) found.push(path);
  }
  return found;
}

export async function run(): Promise<void> {
  // mocha 12 is an ES module; import() keeps it one (require would need require(esm)).
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.DNSPECTOR_SUITE_TIMEOUT_MS ?? 60_000),
  });
  const grep = process.env.DNSPECTOR_SUITE_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  await mocha.loadFilesAsync();

  const failures: string[] = [];
  const failed = await new Promise<number>((resolveRun) => {
    const runner = mocha.run(resolveRun);
    runner.on('fail', (test, error: Error) => {
      failures.push(`${test.fullTitle()}: ${error.stack ?? error.message}`);
    });
  });
  if (failed > 0) {
    for (const failure of failures) console.error(`FAILED ${failure}`);
    throw new Error(`${failed} extension-host test(s) failed`);
  }
}
