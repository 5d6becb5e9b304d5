// Runs the same extension-host suite (test/vscode/suite) in a desktop VS Code that
// @vscode/test-electron downloads: for machines with internet access (a public CI). The
// closed build machine uses runCodeServer.ts instead. VSCODE_VERSION picks the version
// (default 1.100.3, the one code-server 4.100.3 embeds, so both runners test the same API).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { exitWith, fixtureWorkspace, repoRoot } from './codeServer';

async function main(): Promise<number> {
  const root = repoRoot();
  const workspace = fixtureWorkspace(root);
  try {
    return await runTests({
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

exitWith(main);
