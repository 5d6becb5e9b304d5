#!/usr/bin/env bash
# Installs a real VS Code for the extension-host and browser tests on a machine that can reach
# only the npm registry and Debian's packages: code-server 4.100.3 (= VS Code 1.100.3, the last
# line on Node 20) from npm into .vscode-test/code-server, plus Debian's chromium, ripgrep and
# the Kerberos headers. code-server's own postinstall refuses root and downloads ripgrep from
# GitHub, so it is installed with scripts off and its postinstall steps are done here by hand
# (recipe: ../shared/notes/real-vscode-on-a-closed-machine.md). Idempotent: a marker file with
# the version makes a second run return at once.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
VERSION=4.100.3
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${DNSPECTOR_CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
MARKER="$DIR/installed-version"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

need=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v rg >/dev/null || need+=(ripgrep)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ "${#need[@]}" -gt 0 ]; then
  echo "install-vscode: apt-get install ${need[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$VERSION" ] &&
  [ -f "$DIR/node_modules/code-server/out/node/entry.js" ]; then
  echo "install-vscode: code-server $VERSION already in $DIR"
  exit 0
fi

echo "install-vscode: installing code-server $VERSION into $DIR (about a minute)"
start=$(date +%s)
rm -rf "$DIR"
mkdir -p "$DIR"
npm_q=(--no-audit --no-fund --loglevel=error)
npm install --prefix "$DIR" --ignore-scripts "${npm_q[@]}" "code-server@$VERSION"
(cd "$DIR" && npm rebuild argon2 "${npm_q[@]}" >/dev/null)
VS="$DIR/node_modules/code-server/lib/vscode"
(
  cd "$VS"
  npm install --omit=dev --ignore-scripts "${npm_q[@]}"
  # node-pty's own install script runs `npx node-gyp`, which would stop at a prompt.
  npm_config_yes=true npm rebuild kerberos node-pty @vscode/spdlog native-watchdog \
    @parcel/watcher "${npm_q[@]}" >/dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --ignore-scripts "${npm_q[@]}")
)
node "$DIR/node_modules/code-server/out/node/entry.js" --version | head -n 1
echo "$VERSION" >"$MARKER"
echo "install-vscode: done in $(($(date +%s) - start)) s"
