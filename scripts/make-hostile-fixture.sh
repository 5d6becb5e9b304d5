#!/usr/bin/env bash
# make-hostile-fixture.sh — builds test/fixtures/hostile-names.pcap: real DNS traffic whose
# names and record data are HTML, script and Markdown.
#
# Why: every string from a packet must reach the webview, the Packet view's tooltips and the
# CLI as text, never as markup. The tests that prove it need a capture of real DNS software
# carrying such text, so this script serves it with BIND's named (authoritative, recursion
# off) in a private network namespace, asks for it with dig over UDP and TCP, and records lo
# with tcpdump, the way scripts/make-fixtures.sh does for the other fixtures.
#
# Usage (root, Debian 12): scripts/make-hostile-fixture.sh [OUTPUT_FILE]
#   (default: test/fixtures/hostile-names.pcap). Needs bind9, bind9-dnsutils, tcpdump,
#   iproute2. Timestamps and DNS ids differ on every run; the committed file is the fixture.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)
OUT=$(realpath -m "${1:-$SCRIPT_DIR/../test/fixtures/hostile-names.pcap}")
NS=dnspector-hostile
WORK=""
NAMED_PID=""
TCPDUMP_PID=""

for tool in named named-checkzone dig tcpdump ip; do
  command -v "$tool" >/dev/null || { echo "make-hostile-fixture: missing $tool" >&2; exit 1; }
done
[[ $(id -u) -eq 0 ]] || { echo "make-hostile-fixture: must run as root" >&2; exit 1; }

cleanup() {
  local rc=$?
  set +e
  [[ -n $TCPDUMP_PID ]] && kill -TERM "$TCPDUMP_PID" 2>/dev/null && wait "$TCPDUMP_PID" 2>/dev/null
  [[ -n $NAMED_PID ]] && kill "$NAMED_PID" 2>/dev/null && wait "$NAMED_PID" 2>/dev/null
  ip netns pids "$NS" 2>/dev/null | xargs -r kill 2>/dev/null
  ip netns del "$NS" 2>/dev/null
  [[ -n $WORK && -d $WORK && -z ${KEEP_WORK:-} ]] && rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ip netns list | grep -qw "$NS"; then
  ip netns pids "$NS" | xargs -r kill 2>/dev/null || true
  ip netns del "$NS"
fi
WORK=$(mktemp -d /tmp/dnspector-hostile.XXXXXX)
in_ns() { ip netns exec "$NS" "$@"; }
ip netns add "$NS"
in_ns ip link set lo up

# ---------------------------------------------------------------- zones
# Master-file escapes: a space is \032, and ( ) ; " must be escaped with a backslash
# outside quotes (\059 for a ; as in &lt; since ; starts a comment). Inside quotes only
# " and \ need it.
cat >"$WORK/example.test" <<'EOF'
$TTL 3600
@    IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300
     IN NS  ns1
ns1  IN A   127.0.0.1
<img\032src=x\032onerror=alert\(1\)>  IN A   192.0.2.1
<img\032src=x\032onerror=alert\(1\)>  IN TXT "<img src=x onerror=alert(3)>"
</script><script>alert\(2\)</script>  IN A   192.0.2.2
<svg\032onload=alert\(5\)>            IN A   192.0.2.5
q\034uote'&lt\059b&gt\059\059semi     IN A   192.0.2.6
xss  IN TXT "<img src=x onerror=alert(3)>"
xss  IN TXT "</script>"
xss  IN TXT "javascript:alert(4)"
xss  IN TXT "[click](command:workbench.action.quit)"
xss  IN TXT "**bold** <b>b</b> &amp; `code`"
cname IN CNAME <svg\032onload=alert\(5\)>
mx   IN MX  10 <svg\032onload=alert\(5\)>
hinfo IN HINFO "<b>cpu</b>" "<script>alert(6)</script>"
caa  IN CAA 0 tbs "<img src=x onerror=alert(7)>"
ctl  IN TXT "\027[31mred\027[0m" "rlo:\226\128\174txt.exe" "nul:\000:tab:\009:"
\027[2J\000nul IN A 192.0.2.7
EOF
cat >"$WORK/2.0.192.in-addr.arpa" <<'EOF'
$TTL 3600
@  IN SOA ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 300
   IN NS  ns1.example.test.
1  IN PTR <img\032src=x\032onerror=alert\(1\)>.example.test.
EOF
named-checkzone -q -k ignore example.test "$WORK/example.test"
named-checkzone -q -k ignore 2.0.192.in-addr.arpa "$WORK/2.0.192.in-addr.arpa"

cat >"$WORK/named.conf" <<EOF
options {
  directory "$WORK";
  pid-file "$WORK/named.pid";
  session-keyfile "$WORK/session.key";
  managed-keys-directory "$WORK";
  listen-on port 53 { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  check-names primary ignore;
  dnssec-validation no;
  notify no;
};
zone "example.test" { type primary; file "$WORK/example.test"; };
zone "2.0.192.in-addr.arpa" { type primary; file "$WORK/2.0.192.in-addr.arpa"; };
EOF

in_ns named -g -c "$WORK/named.conf" -u root >"$WORK/named.log" 2>&1 &
NAMED_PID=$!
for _ in $(seq 1 100); do
  grep -q 'running$' "$WORK/named.log" 2>/dev/null && break
  kill -0 "$NAMED_PID" 2>/dev/null || { cat "$WORK/named.log" >&2; exit 1; }
  sleep 0.1
done
grep -q 'running$' "$WORK/named.log" || { cat "$WORK/named.log" >&2; exit 1; }

# ---------------------------------------------------------------- capture
in_ns tcpdump -U --immediate-mode -Z root -i lo -w "$WORK/hostile.pcap" port 53 >"$WORK/tcpdump.log" 2>&1 &
TCPDUMP_PID=$!
for _ in $(seq 1 100); do
  grep -q 'listening on' "$WORK/tcpdump.log" && break
  sleep 0.05
done
# dig reads names with DNS escapes (\032 is a space); parentheses are plain characters there
q() { in_ns dig +tries=1 +time=3 @127.0.0.1 "$@" >>"$WORK/dig.log" 2>&1 || true; }
q '<img\032src=x\032onerror=alert(1)>.example.test' A
q '</script><script>alert(2)</script>.example.test' A
q '<img\032src=x\032onerror=alert(1)>.example.test' TXT
q xss.example.test TXT
q cname.example.test A
q cname.example.test CNAME
q mx.example.test MX
q -x 192.0.2.1
q hinfo.example.test HINFO
q caa.example.test CAA
q 'q\"uote'"'"'&lt;b&gt;;semi.example.test' A
q '<iframe\032src=javascript:alert(8)>.example.test' A
q ctl.example.test TXT
q '\027[2J\000nul.example.test' A
q +tcp xss.example.test TXT
sleep 0.3
kill -TERM "$TCPDUMP_PID"
wait "$TCPDUMP_PID" || true
TCPDUMP_PID=""

mkdir -p "$(dirname "$OUT")"
cp "$WORK/hostile.pcap" "$OUT"
echo "wrote $OUT ($(tcpdump -r "$OUT" 2>/dev/null | wc -l) packets)" >&2
