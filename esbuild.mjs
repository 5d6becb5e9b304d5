// Every bundle from one script: the CLI (and later the extension, worker and webviews),
// and with --tests a file-by-file transpile of src/ and test/ into out/ for mocha.
import * as esbuild from 'esbuild';
import {
  readdirSync,
  statSync,
  chmodSync,
  rmSync,
  existsSync,
  mkdirSync,
  copyFileSync,
} from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning' };

const bundles = [
  {
    ...common,
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The extension (VS Code provides `vscode`) and the index worker it starts.
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/node/indexWorker.ts'],
    outfile: 'dist/indexWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  // Webview UIs: plain browser scripts, loaded by nonce under a strict CSP.
  ...['capture', 'summary'].map((name) => ({
    ...common,
    entryPoints: [`webview/${name}/main.ts`],
    outfile: `dist/webview/${name}.js`,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  })),
].filter((b) => b.entryPoints.every((e) => existsSync(e)));

if (args.has('--tests')) {
  // DNSPECTOR_OUT lets parallel builds use their own folder (out-<name>).
  const outdir = process.env.DNSPECTOR_OUT ?? 'out';
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [...tsFiles('src'), ...tsFiles('test'), ...tsFiles('webview')],
    outdir,
    outbase: '.',
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (args.has('--watch')) {
  for (const b of bundles) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(bundles.map((b) => esbuild.build(b)));
  chmodSync('dist/cli.js', 0o755);
}

// The webviews' icon font (codicons), served from dist/ under the webview CSP.
mkdirSync('dist/codicons', { recursive: true });
for (const f of ['codicon.css', 'codicon.ttf']) {
  copyFileSync(join('node_modules/@vscode/codicons/dist', f), join('dist/codicons', f));
}
