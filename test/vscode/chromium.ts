// Launches Debian's Chromium (/usr/bin/chromium, installed by scripts/install-vscode.sh)
// through playwright-core, which drives a browser it did not download. The flags are the ones
// that work headless as root in a container without a GPU (see
// ../shared/notes/real-vscode-on-a-closed-machine.md).
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.DNSPECTOR_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(options: { headless?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
