// Runs the extension-host suite (test/vscode/suite) inside a real VS Code: code-server
// serves the workbench, Chromium opens it with the extension under development and the
// suite module in the `payload` parameter, and the workbench reports the host's log lines
// (codeAutomationLog) and the suite's result (codeAutomationExit) back to this process.
// The workspace is a temp copy of test/fixtures so tests can open captures and logs by path
// (the suite finds it as vscode.workspace.workspaceFolders[0]). Exits with the suite's code;
// a hard timeout (DNSPECTOR_VSCODE_TIMEOUT_MS, default 10 min) fails loudly with the last
// log lines.
// `@vscode/test-electron` is the usual runner but downloads VS Code; see runElectron.ts.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { exitWith, fixtureWorkspace, repoRoot, startCodeServer } from './codeServer';
import { launchChromium } from './chromium';

const verbose = process.env.DNSPECTOR_VSCODE_VERBOSE === '1';

/** Start-up chatter of the workbench and the failed gallery look-up (no network here). */
const workbenchNoise =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions|\[Service Worker\]|ChatSessionStore:)|ENOTFOUND open-vsx\.org/;

/** A log call's arguments (console.log's format string and values) as one line of text. */
function logText(message: unknown): string {
  let args = message;
  if (typeof message === 'string' && message.startsWith('[')) {
    try {
      args = JSON.parse(message);
    } catch {
      return message;
    }
  }
  if (Array.isArray(args)) return format(...(args as unknown[]));
  return typeof args === 'string' ? args : JSON.stringify(args);
}

async function main(): Promise<number> {
  const root = repoRoot();
  // Another build of the extension (a folder with package.json and dist/) may be tested.
  const extensionPath = process.env.DNSPECTOR_EXTENSION_PATH ?? root;
  const extensionTestsPath = join(__dirname, 'suite', 'index.js');
  if (!existsSync(join(extensionPath, 'dist', 'extension.js'))) {
    console.error(`${extensionPath}/dist/extension.js is missing: run \`node esbuild.mjs\` first`);
    return 1;
  }
  const timeoutMs = Number(process.env.DNSPECTOR_VSCODE_TIMEOUT_MS ?? 10 * 60_000);
  const started = Date.now();
  const tail: string[] = [];
  const remember = (line: string): void => {
    tail.push(line);
    if (tail.length > 60) tail.shift();
  };

  const workspace = fixtureWorkspace(root);
  const server = await startCodeServer({ onOutput: (line) => remember(`[code-server] ${line}`) });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const exitCode = new Promise<number>((resolveExit) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    });
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      const text = logText(message);
      remember(text);
      if (!verbose && workbenchNoise.test(text)) return;
      // Mostly the extension host's console: the suite's own output, mocha's report included.
      (level === 'error' ? console.error : console.log)(text);
    });
    page.on('pageerror', (error) => remember(`[page error] ${error.message}`));
    await page.goto(
      server.workbenchUrl({
        folder: workspace,
        extensionDevelopmentPath: extensionPath,
        extensionTestsPath,
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolveTimeout) => {
      timer = setTimeout(() => {
        console.error(
          `\nTIMEOUT: the extension-host suite did not finish within ${timeoutMs / 1000} s.` +
            `\nLast log lines:\n${tail.join('\n')}`,
        );
        resolveTimeout(124);
      }, timeoutMs);
    });
    const code = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    console.log(
      `extension-host suite ${code === 0 ? 'passed' : `failed (exit ${code})`} ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return code;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

exitWith(main);
