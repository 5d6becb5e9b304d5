// `npm start`: try DNSpector in a real VS Code in the browser. Builds the extension, packages
// it into .vscode-test/start/dnspector.vsix, installs it into code-server 4.100.3 (VS Code
// 1.100.3; installed by scripts/install-vscode.sh when missing) with its own extensions and
// user-data folders under .vscode-test/start (kept between runs, so settings stay), opens a
// folder (default: a fresh copy of test/fixtures), prints the URL and runs until Ctrl+C.
// A .vsix install is used because code-server forgets an extension loaded by the
// `payload` development path once the page is reloaded without it, and does not list an
// extension folder that is a symlink to the repository.
//
//   npm start [-- [--port N] [FOLDER]]        (default port 8080, or a free one if taken)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const cache = join(root, '.vscode-test', 'start');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm start: \`${command} ${args.join(' ')}\` failed`);
    process.exit(result.status ?? 1);
  }
}

const argv = process.argv.slice(2);
let port = Number(process.env.PORT ?? 8080);
let folder;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--port') port = Number(argv[++i]);
  else folder = resolve(process.env.INIT_CWD ?? process.cwd(), argv[i]);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('npm start: --port needs a number from 0 to 65535');
  process.exit(2);
}

run('bash', [join(root, 'scripts', 'install-vscode.sh')]);
run(process.execPath, [join(root, 'esbuild.mjs')]);

// The launcher is TypeScript shared with the tests; bundle it for this Node process.
const launcherFile = join(cache, 'codeServer.cjs');
await esbuild.build({
  entryPoints: [join(root, 'test', 'vscode', 'codeServer.ts')],
  outfile: launcherFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
const launcher = createRequire(import.meta.url)(launcherFile);

console.log('npm start: packaging the extension');
const vsix = await launcher.packageVsix(join(cache, 'dnspector.vsix'), root);

if (!folder) {
  folder = join(cache, 'workspace');
  rmSync(folder, { recursive: true, force: true });
  cpSync(join(root, 'test', 'fixtures'), folder, { recursive: true });
}
if (!existsSync(folder)) {
  console.error(`npm start: no folder ${folder}`);
  process.exit(2);
}
if (port !== 0 && !(await launcher.portIsFree(port))) {
  console.log(`npm start: port ${port} is taken, using a free one`);
  port = 0;
}

console.log('npm start: installing the extension and starting code-server');
const server = await launcher.startCodeServer({
  port: port === 0 ? undefined : port,
  userDataDir: join(cache, 'user-data'),
  extensionsDir: join(cache, 'extensions'),
  vsix: [vsix],
});
const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
console.log(`\nDNSpector in VS Code 1.100.3 (code-server 4.100.3): open\n\n  ${url}\n`);
console.log('Open a .pcap / .pcapng file from the explorer. Ctrl+C stops the server.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
