#!/usr/bin/env bash
# Installs, from Debian 12's packages, the real software the tests compare against and the
# fixtures are made with: tshark (the oracle), bind9 + dig (DNS server and client), tcpdump;
# then scripts/install-vscode.sh (code-server, chromium) for the tests in a real VS Code.
# Needs root (or sudo). Safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
need=()
command -v tshark >/dev/null || need+=(tshark)
command -v named >/dev/null || need+=(bind9)
command -v dig >/dev/null || need+=(bind9-dnsutils)
command -v tcpdump >/dev/null || need+=(tcpdump)
if [ "${#need[@]}" -gt 0 ]; then
  # tshark asks whether non-root users may capture; answer no without a prompt.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq tshark bind9 bind9-dnsutils tcpdump >/dev/null
fi
tshark --version | head -n 1
# A real VS Code (code-server) and Chromium for the extension-host and browser tests.
bash "$(dirname "$0")/install-vscode.sh"
