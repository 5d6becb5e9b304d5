// Where the extension-host tests find their files: the runners open a temp copy of
// test/fixtures as the workspace's only folder, so a fixture's name is enough.
import * as vscode from 'vscode';

/** The URI of a fixture (`'udp-queries.pcap'`, `'logs/bind-plain.log'`) in the workspace. */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the runner opened no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...name.split('/'));
}
