/**
 * Loads an extension module at unit level with `vscode` answered by a stand-in object:
 * the host-side handlers can then be driven with fakes (panel, log, documents) in plain
 * Node. Only for behaviour that does not need the editor itself; real VS Code runs the
 * suites in test/vscode.
 */
import Module from 'node:module';

/** `require(path)` (relative to this folder) with `require('vscode')` returning `standIn`. */
export function requireWithStandInVscode<T>(path: string, standIn: unknown): T {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? standIn : original(request, ...rest);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path) as T;
  } finally {
    loader._load = original;
  }
}
