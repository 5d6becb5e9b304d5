// Starts a real VS Code (code-server 4.100.3 = VS Code 1.100.3, installed by
// scripts/install-vscode.sh into .vscode-test/code-server) on a free 127.0.0.1 port with a
// fresh user-data and extensions folder, and builds the workbench URLs that open a folder and
// pass the extension-under-development / test-suite payload. Used by the extension-host
// runner (runCodeServer.ts), the browser-test harness (test/e2e/vscodeBrowser.ts) and
// `npm start` (scripts/start.mjs). @vscode/test-web would do this for the web build of VS
// Code, but it downloads that build; code-server comes from the npm registry.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The repository root: the nearest folder upwards whose package.json is DNSpector's. */
export function repoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (pkg.name === 'dnspector') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no dnspector package.json above ${from}`);
    dir = parent;
  }
}

/** code-server's entry script; an error that says how to install it when it is missing. */
export function codeServerEntry(root: string = repoRoot()): string {
  const dir = process.env.DNSPECTOR_CODE_SERVER_DIR ?? join(root, '.vscode-test', 'code-server');
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    throw new Error(`code-server is not installed (${entry}); run: bash scripts/install-vscode.sh`);
  }
  return entry;
}

/** The extension's id as VS Code knows it: publisher.name from package.json. */
export function extensionId(root: string = repoRoot()): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
  };
  return `${pkg.publisher}.${pkg.name}`;
}

/** Runs a runner's main() and ends the process with its exit code (1 when it throws). */
export function exitWith(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Whether `port` on 127.0.0.1 can be listened on. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.unref();
    server.on('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

/** A fresh temp folder holding a copy of test/fixtures (captures and query logs). */
export function fixtureWorkspace(root: string = repoRoot()): string {
  const dir = mkdtempSync(join(tmpdir(), 'dnspector-ws-'));
  cpSync(join(root, 'test', 'fixtures'), dir, { recursive: true });
  return dir;
}

/** Settings that keep a test workbench quiet: no trust prompt, no welcome page, no updates. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Packages the repository into `out` as a .vsix, as `npm run package` does: vsce with
 * --no-dependencies (esbuild has bundled dns-packet and buffer into dist/, which must be
 * built), no repository field needed, README links left relative.
 */
export async function packageVsix(out: string, root: string = repoRoot()): Promise<string> {
  mkdirSync(dirname(resolve(out)), { recursive: true });
  await execFileAsync(
    process.execPath,
    [
      join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--no-rewrite-relative-links',
      '--allow-missing-repository',
      '-o',
      resolve(out),
    ],
    { cwd: root, timeout: 180_000 },
  );
  return resolve(out);
}

/** Installs a packaged extension into an extensions folder (code-server --install-extension). */
export async function installVsix(
  vsix: string,
  extensionsDir: string,
  root: string = repoRoot(),
): Promise<void> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'dnspector-install-ud-'));
  try {
    await execFileAsync(
      process.execPath,
      [
        codeServerEntry(root),
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensionsDir,
        '--install-extension',
        resolve(vsix),
        '--force',
      ],
      { timeout: 120_000 },
    );
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

export interface CodeServerOptions {
  /** Port to listen on; a free one when absent. */
  port?: number;
  /** User data folder; a fresh temp folder (removed by stop) when absent. */
  userDataDir?: string;
  /** Extensions folder; a fresh temp folder (removed by stop) when absent. */
  extensionsDir?: string;
  /** .vsix files installed into the extensions folder before start. */
  vsix?: string[];
  /** Settings merged over quietSettings into User/settings.json. */
  settings?: Record<string, unknown>;
  /** Receives code-server's own stdout/stderr lines (default: dropped). */
  onOutput?: (line: string) => void;
  /** How long to wait for the server to answer (default 60 s). */
  startTimeoutMs?: number;
}

export interface PayloadOptions {
  /** Folder opened in the workbench (absolute path on this machine). */
  folder?: string;
  /** Root of an extension to load as "under development" (absolute path). */
  extensionDevelopmentPath?: string;
  /** Module exporting `run(): Promise<void>`, run in the extension host (absolute path). */
  extensionTestsPath?: string;
}

export interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  /** The workbench URL for a folder and an optional development/test payload. */
  workbenchUrl(options?: PayloadOptions): string;
  /** Ends code-server and removes the temp folders this start made. */
  stop(): Promise<void>;
}

/** Starts code-server and resolves once its HTTP server answers. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const root = repoRoot();
  const entry = codeServerEntry(root);
  const port = options.port ?? (await freePort());
  const temps: string[] = [];
  const tempDir = (prefix: string): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    temps.push(dir);
    return dir;
  };
  const userDataDir = options.userDataDir ?? tempDir('dnspector-ud-');
  const extensionsDir = options.extensionsDir ?? tempDir('dnspector-ext-');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // A kept user-data folder keeps the user's own settings; the quiet ones fill the gaps (a
  // file JSON.parse cannot read, e.g. one with comments, is left as it is).
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  let existing: Record<string, unknown> | undefined = {};
  if (existsSync(settingsFile)) {
    try {
      existing = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    } catch {
      existing = undefined;
    }
  }
  if (existing) {
    const settings = { ...quietSettings, ...existing, ...options.settings };
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  }
  for (const vsix of options.vsix ?? []) await installVsix(vsix, extensionsDir, root);

  const child = spawn(
    process.execPath,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '' } },
  );
  const output: string[] = [];
  const onLine = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', onLine);
  child.stderr?.on('data', onLine);
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));

  const url = `http://127.0.0.1:${port}`;
  const cleanup = (): void => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    cleanup();
    throw new Error(`${(error as Error).message}\ncode-server output:\n${output.join('\n')}`, {
      cause: error,
    });
  }

  return {
    url,
    port,
    userDataDir,
    extensionsDir,
    workbenchUrl: (payload = {}) => workbenchUrl(url, port, payload),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      cleanup();
    },
  };
}

/**
 * `?folder=...&payload=...`: the web workbench's form of `--folder-uri`,
 * `--extensionDevelopmentPath` and `--extensionTestsPath` (paths become vscode-remote URIs
 * of this server).
 */
export function workbenchUrl(base: string, port: number, options: PayloadOptions): string {
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${port}${resolve(path)}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  }
  if (options.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  }
  payload.push(['skipWelcome', 'true']);
  const query = new URLSearchParams();
  if (options.folder) query.set('folder', resolve(options.folder));
  query.set('payload', JSON.stringify(payload));
  return `${base}/?${query.toString()}`;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}
