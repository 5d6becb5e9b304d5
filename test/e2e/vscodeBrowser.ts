// Harness for browser (end-to-end) tests: a real VS Code workbench (code-server) with
// DNSpector installed from a freshly packaged .vsix (or loaded as the extension under
// development), opened in Debian's Chromium through playwright-core, on a temp copy of
// test/fixtures. Helpers open files the way a user does (Ctrl+P), find a custom editor's
// webview (an iframe inside an iframe) and take screenshots. Tests call openWorkbench() in a
// `before` hook and close() in `after`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../vscode/chromium';
import {
  fixtureWorkspace,
  packageVsix,
  repoRoot,
  startCodeServer,
  type CodeServer,
} from '../vscode/codeServer';

export interface WorkbenchOptions {
  /**
   * 'vsix' (default): package the repository (dist/ must be built) and install the .vsix, as
   * a user would; 'development': load the repository as the extension under development.
   */
  extension?: 'vsix' | 'development';
  /** A ready .vsix to install instead of packaging one. */
  vsix?: string;
  /** Folder to open; a fresh copy of test/fixtures (removed by close) when absent. */
  workspace?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Browser window size (default 1400 x 900). */
  viewport?: { width: number; height: number };
}

export interface Workbench {
  server: CodeServer;
  browser: Browser;
  page: Page;
  /** The folder the workbench has open. */
  workspace: string;
  /** Opens a workspace file by name through Quick Open (Ctrl+P, type, Enter). */
  openFile(name: string): Promise<void>;
  /**
   * Opens a file the test just wrote into the workspace's top folder, from the Explorer
   * (double click): Quick Open's file search may not have seen a new file yet.
   */
  openNewFile(name: string): Promise<void>;
  /** Runs a command by its palette title (F1, type, Enter), e.g. 'DNSpector: Filter Packets'. */
  runCommand(title: string): Promise<void>;
  /**
   * The content frame of a webview (custom editor or panel; the inner of two iframes): the
   * first whose document has `selector`, or else whose visible text contains `text`, or
   * else shows any text. Waits up to timeoutMs (default 30 s).
   */
  webviewFrame(options?: { selector?: string; text?: string; timeoutMs?: number }): Promise<Frame>;
  /** A PNG of the whole window (folders are created). */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

let packaged: Promise<string> | undefined;

/** The repository packaged into a temp .vsix, once per process (dist/ must be built). */
export function packageExtension(): Promise<string> {
  packaged ??= packageVsix(join(mkdtempSync(join(tmpdir(), 'dnspector-vsix-')), 'dnspector.vsix'));
  return packaged;
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const root = repoRoot();
  const mode = options.extension ?? 'vsix';
  const vsix = mode === 'vsix' ? [options.vsix ?? (await packageExtension())] : [];
  const ownWorkspace = options.workspace === undefined;
  const workspace = options.workspace ?? fixtureWorkspace(root);
  const server = await startCodeServer({ vsix, settings: options.settings });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({
      viewport: options.viewport ?? { width: 1400, height: 900 },
    });
    await page.goto(
      server.workbenchUrl({
        folder: workspace,
        extensionDevelopmentPath: mode === 'development' ? root : undefined,
      }),
    );
    // The explorer lists the folder once the workbench and the remote file system are up.
    await page
      .locator('.explorer-folders-view .monaco-list-row')
      .first()
      .waitFor({ timeout: 60_000 });
    return workbench(server, browser, page, workspace, ownWorkspace);
  } catch (error) {
    await browser?.close();
    await server.stop();
    if (ownWorkspace) rmSync(workspace, { recursive: true, force: true });
    throw error;
  }
}

/** A webview's host frame: VS Code's pre/index.html (vscode-webview:// on the desktop). */
const webviewHost = /\/webview\/browser\/pre\/index\.html|^vscode-webview:/;

/** The frames that hold webview content: children of a webview host frame. */
export function webviewContentFrames(page: Page): Frame[] {
  return page.frames().filter((frame) => {
    const parent = frame.parentFrame();
    return !frame.isDetached() && parent !== null && webviewHost.test(parent.url());
  });
}

function workbench(
  server: CodeServer,
  browser: Browser,
  page: Page,
  workspace: string,
  ownWorkspace: boolean,
): Workbench {
  const quickInput = page.locator('.quick-input-widget');
  const pick = async (key: string, text: string): Promise<void> => {
    await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, force: true });
    await page.keyboard.press(key);
    const box = quickInput.locator('input');
    await box.waitFor({ state: 'visible' });
    await box.fill(text);
    // Wait for the first result to match what was typed before accepting it (recently
    // opened files are listed first, before the search for the typed name answers).
    // A row shows a file's name and its folder apart, so a path is matched by its last part.
    const wanted = (text.replace(/^>/, '').split('/').pop() ?? '').toLowerCase();
    const first = quickInput.locator('.monaco-list-row').first();
    await first.waitFor();
    const deadline = Date.now() + 10_000;
    while (!(await first.innerText()).toLowerCase().includes(wanted) && Date.now() < deadline) {
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Enter');
    await quickInput.waitFor({ state: 'hidden' });
  };
  return {
    server,
    browser,
    page,
    workspace,
    openFile: (name) => pick('Control+P', name),
    openNewFile: async (name) => {
      const folder = page.locator('.pane-header', { hasText: basename(workspace) });
      if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
      const entry = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
      await entry.first().waitFor({ timeout: 30_000 });
      await entry.first().dblclick();
      await page.locator('.tab.active', { hasText: name }).waitFor();
    },
    runCommand: (title) => pick('F1', `>${title}`),
    webviewFrame: async ({ selector, text, timeoutMs = 30_000 } = {}) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        for (const frame of webviewContentFrames(page)) {
          try {
            if (selector) {
              if ((await frame.locator(selector).count()) > 0) return frame;
              continue;
            }
            const body = await frame.locator('body').innerText({ timeout: 1000 });
            if (text ? body.includes(text) : body.trim().length > 0) return frame;
          } catch {
            // the frame navigated or went away while we looked
          }
        }
        await page.waitForTimeout(250);
      }
      const urls = page.frames().map((frame) => frame.url());
      throw new Error(
        `no webview frame with ${selector ?? text ?? 'content'} within ${timeoutMs} ms; ` +
          `frames: ${urls.join(', ')}`,
      );
    },
    screenshot: async (path) => {
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path });
    },
    close: async () => {
      await browser.close();
      await server.stop();
      if (ownWorkspace) rmSync(workspace, { recursive: true, force: true });
    },
  };
}
