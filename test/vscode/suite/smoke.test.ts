// The extension loads in a real VS Code: it is installed under its manifest id, activates
// without throwing, and contributes its commands; the runner's fixture workspace is open.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { fixtureUri } from './workspace';

interface Manifest {
  publisher: string;
  name: string;
  contributes?: { commands?: { command: string }[] };
}

function manifest(): Manifest {
  const extension = vscode.extensions.getExtension('dnspector.dnspector');
  assert.ok(extension, 'dnspector.dnspector is not installed in this VS Code');
  return JSON.parse(readFileSync(join(extension.extensionPath, 'package.json'), 'utf8'));
}

describe('extension in a real VS Code', () => {
  it('is installed under the id publisher.name from its manifest', () => {
    const { publisher, name } = manifest();
    assert.equal(`${publisher}.${name}`, 'dnspector.dnspector');
  });

  it('activates without throwing', async () => {
    const extension = vscode.extensions.getExtension('dnspector.dnspector');
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command its manifest contributes, and at least one', async () => {
    await vscode.extensions.getExtension('dnspector.dnspector')?.activate();
    const contributed = (manifest().contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'the manifest contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed but not registered');
  });

  it('opens the fixture workspace the runner prepared', async () => {
    const stat = await vscode.workspace.fs.stat(fixtureUri('udp-queries.pcap'));
    const bytes = readFileSync(
      join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'udp-queries.pcap'),
    );
    assert.equal(stat.size, bytes.length);
  });
});
