#!/usr/bin/env bash
# make-fixtures.sh — builds the small, real packet captures in test/fixtures/.
#
# Why: DNSpector's decoding must equal tshark's field for field, so its tests need captures
# of real DNS software, not hand-made bytes. This script starts BIND's named (authoritative,
# recursion off) inside a private network namespace, asks it questions with dig and nsupdate,
# records the traffic with tcpdump, and derives format/link-type variants with Wireshark's
# editcap and mergecap. The committed captures are the fixtures; this script is their
# provenance (timestamps, DNS ids and signatures differ on every run).
#
# Usage (root, Debian 12): scripts/make-fixtures.sh [OUTPUT_DIR]   (default: test/fixtures)
# Needs: bind9 bind9-utils bind9-dnsutils tcpdump tshark iproute2 gzip (python3 for VLAN).
# Re-runnable: everything lives in a mktemp -d directory and the namespace "dnspector-fx";
# the EXIT trap kills what it started and removes both, on success and on failure.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)
OUT=$(realpath -m "${1:-$SCRIPT_DIR/../test/fixtures}")
NS=dnspector-fx
WORK=""
NAMED_PID=""
TCPDUMP_PID=""

# ---------------------------------------------------------------- prerequisites
missing=()
need() { # need TOOL APT-PACKAGE
  command -v "$1" >/dev/null 2>&1 || missing+=("$1 (apt-get install $2)")
}
need named bind9
need dnssec-keygen bind9-utils
need dnssec-signzone bind9-utils
need named-checkzone bind9-utils
need named-checkconf bind9-utils
need dig bind9-dnsutils
need nsupdate bind9-dnsutils
need tcpdump tcpdump
need tshark tshark
need editcap tshark
need mergecap tshark
need capinfos tshark
need ip iproute2
need gzip gzip
if ((${#missing[@]})); then
  printf 'make-fixtures: missing tool: %s\n' "${missing[@]}" >&2
  exit 1
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "make-fixtures: must run as root (network namespace, tcpdump, port 53)" >&2
  exit 1
fi

log() { printf '== %s\n' "$*" >&2; }
skip() { printf '!! skipped: %s\n' "$*" >&2; }

# ---------------------------------------------------------------- cleanup
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

# a stale namespace from an interrupted run would hold port 53
if ip netns list | grep -qw "$NS"; then
  ip netns pids "$NS" | xargs -r kill 2>/dev/null || true
  ip netns del "$NS"
fi

WORK=$(mktemp -d /tmp/dnspector-fixtures.XXXXXX)
mkdir -p "$OUT"
in_ns() { ip netns exec "$NS" "$@"; }
ip netns add "$NS"
in_ns ip link set lo up
# an Ethernet-sized MTU and no GSO super-packets (lo has no ethtool offload switch here),
# so a large TCP answer or an AXFR spans many MSS-sized segments as on a real network
in_ns ip link set lo mtu 1500
in_ns ip link set lo gso_max_segs 1 || skip "gso_max_segs: TCP segments may exceed the MTU"

# ---------------------------------------------------------------- zones
Z=$WORK/zones
K=$WORK/keys
mkdir -p "$Z" "$K"

make_hosts() { # many records so an AXFR needs several TCP segments and messages
  local i
  for ((i = 0; i < 300; i++)); do
    printf 'host-%03d A 198.51.100.%d\n' "$i" $((i % 254 + 1))
    printf 'host-%03d TXT "bulk record %03d for the zone transfer"\n' "$i" "$i"
  done
}
make_big() { # 60 A records: a 1 kB answer, over the 512-byte limit of plain DNS over UDP
  local i
  for ((i = 1; i <= 60; i++)); do printf 'big A 192.0.2.%d\n' "$i"; done
}
long_string() { printf '"%s"' "$(printf "$1%.0s" $(seq 1 "$2"))"; }

sign_zone() { # sign_zone ZONE FILE [extra dnssec-signzone args]: KSK+ZSK, writes FILE.signed
  local zone=$1 file=$2
  shift 2
  dnssec-keygen -q -K "$K" -a ECDSAP256SHA256 -f KSK -n ZONE "$zone" >/dev/null
  dnssec-keygen -q -K "$K" -a ECDSAP256SHA256 -n ZONE "$zone" >/dev/null
  (cd "$Z" && dnssec-signzone -q -K "$K" -S -d "$Z" -o "$zone" -f "$file.signed" "$@" "$file" >/dev/null)
}

cat >"$Z/signed.example.test" <<'EOF'
$TTL 3600
@    IN SOA ns1.example.test. hostmaster.example.test. 2024010101 7200 3600 1209600 300
     IN NS  ns1.example.test.
www  IN A    192.0.2.80
www  IN AAAA 2001:db8::80
txt  IN TXT  "signed with NSEC"
mail IN MX   10 www
EOF
sed -e 's/signed with NSEC/signed with NSEC3/' -e 's/192.0.2.80/192.0.2.81/' \
  -e 's/2001:db8::80/2001:db8::81/' "$Z/signed.example.test" >"$Z/nsec3.example.test"
sign_zone signed.example.test signed.example.test
sign_zone nsec3.example.test nsec3.example.test -3 aabbccdd -H 0

{
  cat <<'EOF'
$TTL 3600
@        IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300
         IN NS  ns1
         IN MX  10 mail
         IN MX  20 mail2
         IN TXT "v=spf1 mx -all"
         IN CAA 0 issue "ca.example.net"
         IN CAA 0 iodef "mailto:security@example.test"
         IN CAA 128 tbs "unknown critical tag"
ns1      IN A    127.0.0.1
ns1      IN AAAA ::1
www      IN A    192.0.2.10
www      IN AAAA 2001:db8::10
www      IN AAAA 2001:db8::11
www      IN AAAA 2001:db8:0:1::12
mail     IN A    192.0.2.25
mail2    IN A    192.0.2.26
alias    IN CNAME www
chain    IN CNAME alias
txt      IN TXT "hello world"
multi    IN TXT "first string" "second string" "third; with \"quotes\" and \\ backslash"
empty    IN TXT ""
_sip._tcp IN SRV 10 60 5060 sip
sip      IN A    192.0.2.50
_https._tcp IN URI 10 1 "https://www.example.test/"
_443._tcp.www IN TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
www      IN SSHFP 4 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
naptr    IN NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp.example.test.
hinfo    IN HINFO "PC-x86" "Linux"
rp       IN RP   hostmaster.example.test. txt.example.test.
loc      IN LOC  52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m
dname    IN DNAME example.net.
*.wild   IN A    192.0.2.99
unknown  IN TYPE65400 \# 4 deadbeef
sp\032ace IN A   192.0.2.77
\200\255bin IN A 192.0.2.78
dot\.label IN A  192.0.2.79
upper-CASE IN A  192.0.2.80
signed   IN NS   ns1
nsec3    IN NS   ns1
EOF
  make_big
  printf 'bigtxt IN TXT'
  for s in a b c d e f g h i j k l; do printf ' %s' "$(long_string "$s" 240)"; done
  printf '\n'
  make_hosts
  cat "$Z/dsset-signed.example.test." "$Z/dsset-nsec3.example.test."
} >"$Z/example.test"
# SVCB/HTTPS only if this named knows them (BIND 9.18 may not)
printf '$ORIGIN example.test.\nsvc IN SVCB 1 svc-target.example.test. alpn="h2,h3" port=8443\nsvc IN HTTPS 1 . alpn="h2" ipv4hint=192.0.2.10\n' >"$WORK/svcb.frag"
if cat "$Z/example.test" "$WORK/svcb.frag" >"$WORK/try.zone" &&
  named-checkzone -q example.test "$WORK/try.zone"; then
  cp "$WORK/try.zone" "$Z/example.test"
else
  skip "SVCB/HTTPS records: named-checkzone rejects them"
fi
named-checkzone -q example.test "$Z/example.test"

cat >"$Z/2.0.192.in-addr.arpa" <<'EOF'
$TTL 3600
@  IN SOA ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 300
   IN NS  ns1.example.test.
10 IN PTR www.example.test.
25 IN PTR mail.example.test.
EOF
cat >"$Z/8.b.d.0.1.0.0.2.ip6.arpa" <<'EOF'
$TTL 3600
@  IN SOA ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 300
   IN NS  ns1.example.test.
0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 IN PTR www.example.test.
EOF
cat >"$Z/dyn.test" <<'EOF'
$TTL 300
@    IN SOA ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 300
     IN NS  ns1.example.test.
a    IN A   192.0.2.101
EOF

cat >"$WORK/named.conf" <<EOF
options {
  directory "$WORK";
  pid-file "$WORK/named.pid";
  session-keyfile "$WORK/session.key";
  managed-keys-directory "$WORK";
  listen-on port 53 { 127.0.0.1; };
  listen-on-v6 port 53 { ::1; };
  recursion no;
  max-udp-size 4096;   # lets a 3 kB UDP answer be fragmented (default 1232)
  edns-udp-size 4096;
  check-names primary ignore;
  allow-transfer { any; };
  dnssec-validation no;
  server-id "dnspector-fixture";
  response-padding { any; } block-size 128;
  tcp-advertised-timeout 300;
  notify no;
};
zone "example.test" { type primary; file "$Z/example.test"; };
zone "signed.example.test" { type primary; file "$Z/signed.example.test.signed"; };
zone "nsec3.example.test" { type primary; file "$Z/nsec3.example.test.signed"; };
zone "2.0.192.in-addr.arpa" { type primary; file "$Z/2.0.192.in-addr.arpa"; };
zone "8.b.d.0.1.0.0.2.ip6.arpa" { type primary; file "$Z/8.b.d.0.1.0.0.2.ip6.arpa"; };
zone "dyn.test" { type primary; file "$Z/dyn.test"; allow-update { 127.0.0.1; ::1; }; max-ixfr-ratio unlimited; };
EOF
named-checkconf "$WORK/named.conf"

# ---------------------------------------------------------------- named
log "starting named in namespace $NS"
ip netns exec "$NS" named -g -c "$WORK/named.conf" -u root >"$WORK/named.log" 2>&1 &
NAMED_PID=$!
for _ in $(seq 1 100); do
  if grep -q 'running$' "$WORK/named.log" 2>/dev/null; then break; fi
  kill -0 "$NAMED_PID" 2>/dev/null || { cat "$WORK/named.log" >&2; exit 1; }
  sleep 0.1
done
grep -q 'running$' "$WORK/named.log" || { cat "$WORK/named.log" >&2; echo "named did not start" >&2; exit 1; }

# ---------------------------------------------------------------- capture helpers
DIG=(dig +tries=1 +time=3)
q4() { in_ns "${DIG[@]}" @127.0.0.1 "$@" >>"$WORK/dig.log" 2>&1 || true; }
q6() { in_ns "${DIG[@]}" @::1 "$@" >>"$WORK/dig.log" 2>&1 || true; }

start_capture() { # start_capture FILE [tcpdump args...] — returns once tcpdump is listening
  local file=$1
  shift
  : >"$WORK/tcpdump.log"
  ip netns exec "$NS" tcpdump -U --immediate-mode -B 16384 -Z root -w "$file" "$@" >"$WORK/tcpdump.log" 2>&1 &
  TCPDUMP_PID=$!
  for _ in $(seq 1 100); do
    grep -q 'listening on' "$WORK/tcpdump.log" && return 0
    kill -0 "$TCPDUMP_PID" 2>/dev/null || break
    sleep 0.05
  done
  cat "$WORK/tcpdump.log" >&2
  return 1
}
stop_capture() {
  sleep 0.3
  # SIGTERM, not SIGINT: a non-interactive shell starts background jobs with SIGINT ignored
  kill -TERM "$TCPDUMP_PID"
  wait "$TCPDUMP_PID" || true
  TCPDUMP_PID=""
}
DNS_FILTER="port 53"

# ---------------------------------------------------------------- captures on lo
log "udp-queries.pcap"
start_capture "$WORK/udp-queries.pcap" -i lo "$DNS_FILTER"
q4 www.example.test A
q4 www.example.test AAAA
q4 example.test MX
q4 example.test SOA
q4 example.test NS
q4 example.test CAA
q4 txt.example.test TXT
q4 multi.example.test TXT
q4 empty.example.test TXT
q4 _sip._tcp.example.test SRV
q4 chain.example.test A
q4 -x 192.0.2.10
q4 -x 2001:db8::10
q4 example.test ANY
q4 nosuchname.example.test A
q4 www.example.test TYPE99
q4 www.not-served.test A
q4 'sp\032ace.example.test' A
q4 '\200\255bin.example.test' A
q4 'dot\.label.example.test' A
q4 UPPER-case.Example.TEST A
q4 x.y.wild.example.test A
q4 www.example.test SSHFP
q4 _443._tcp.www.example.test TLSA
q4 _https._tcp.example.test URI
q4 naptr.example.test NAPTR
q4 hinfo.example.test HINFO
q4 rp.example.test RP
q4 loc.example.test LOC
q4 foo.dname.example.test A
q4 unknown.example.test TYPE65400
q4 svc.example.test SVCB
q4 svc.example.test HTTPS
q4 version.bind TXT CH
q4 +norec +adflag +cdflag www.example.test A
q4 +opcode=status example.test
stop_capture

log "ipv6.pcap"
start_capture "$WORK/ipv6.pcap" -i lo "$DNS_FILTER"
q6 www.example.test AAAA
q6 www.example.test A
q6 -x 2001:db8::10
q6 nosuchname.example.test A
q6 +tcp example.test MX
stop_capture

log "dnssec.pcap"
start_capture "$WORK/dnssec.pcap" -i lo "$DNS_FILTER"
q4 +dnssec signed.example.test DNSKEY
q4 +dnssec www.signed.example.test A
q4 +dnssec nosuch.signed.example.test A
q4 +dnssec www.signed.example.test TXT
q4 +dnssec signed.example.test DS
q4 +dnssec nsec3.example.test DNSKEY
q4 +dnssec nsec3.example.test NSEC3PARAM
q4 +dnssec nosuch.nsec3.example.test A
q4 +dnssec www.nsec3.example.test MX
q4 +dnssec nsec3.example.test DS
stop_capture

log "edns-options.pcap"
start_capture "$WORK/edns-options.pcap" -i lo "$DNS_FILTER"
in_ns "${DIG[@]}" @127.0.0.1 +cookie www.example.test A >"$WORK/cookie.out" 2>&1 || true
cookie=$(sed -n 's/^; COOKIE: \([0-9a-f]*\).*/\1/p' "$WORK/cookie.out" | head -1)
if [[ -n $cookie ]]; then q4 +cookie="$cookie" www.example.test A; else skip "second cookie query: no server cookie"; fi
q4 +nsid www.example.test A
q4 +subnet=192.0.2.0/24 www.example.test A
q4 +subnet=2001:db8::/56 www.example.test AAAA
q4 +padding=128 www.example.test A
q4 +tcp +padding=128 www.example.test A
q4 +tcp +keepalive www.example.test A
q4 +expire example.test SOA
q4 +ednsopt=65001:deadbeef www.example.test A
q4 +edns=1 www.example.test A
q4 +ednsflags=0x0100 www.example.test A
q4 +noedns www.example.test A
q4 +bufsize=1232 +dnssec www.example.test A
stop_capture

log "truncated-tc-retry.pcap"
start_capture "$WORK/truncated-tc-retry.pcap" -i lo "$DNS_FILTER"
q4 +noedns big.example.test A
q4 +bufsize=512 big.example.test A
stop_capture

log "tcp-queries.pcap"
start_capture "$WORK/tcp-queries.pcap" -i lo "$DNS_FILTER"
q4 +tcp www.example.test A
q4 +tcp +keepopen www.example.test A mail.example.test A txt.example.test TXT example.test MX
stop_capture

log "tcp-axfr.pcap"
start_capture "$WORK/tcp-axfr.pcap" -i lo "$DNS_FILTER"
q4 example.test AXFR
stop_capture

log "update-ixfr.pcap"
start_capture "$WORK/update-ixfr.pcap" -i lo "$DNS_FILTER"
in_ns nsupdate >>"$WORK/dig.log" 2>&1 <<'EOF' || skip "nsupdate failed"
server 127.0.0.1 53
zone dyn.test
update add b.dyn.test 300 A 192.0.2.102
update delete a.dyn.test A
send
EOF
q4 dyn.test IXFR=1
stop_capture

log "ipv4-fragments.pcap / ipv6-fragments.pcap (lo MTU 1280)"
in_ns ip link set lo mtu 1280
start_capture "$WORK/ipv4-fragments.pcap" -i lo
q4 +bufsize=4096 bigtxt.example.test TXT
stop_capture
start_capture "$WORK/ipv6-fragments.pcap" -i lo
q6 +bufsize=4096 bigtxt.example.test TXT
stop_capture
in_ns ip link set lo mtu 1500

log "snaplen-80.pcap"
start_capture "$WORK/snaplen-80.pcap" -i lo -s 80 "$DNS_FILTER"
q4 www.example.test AAAA
q4 example.test MX
q4 multi.example.test TXT
stop_capture

log "sll2.pcap / sll.pcap (tcpdump -i any)"
start_capture "$WORK/sll2.pcap" -i any "$DNS_FILTER"
q4 mail.example.test A
q6 mail.example.test AAAA
stop_capture
start_capture "$WORK/sll.pcap" -i any -y LINUX_SLL "$DNS_FILTER"
q4 mail2.example.test A
q6 www.example.test AAAA
stop_capture

# ---------------------------------------------------------------- derived variants
log "variants with editcap / mergecap / gzip / head"
editcap -F pcapng "$WORK/udp-queries.pcap" "$WORK/udp-queries.pcapng"
editcap -F nsecpcap "$WORK/dnssec.pcap" "$WORK/nanosecond.pcap"
mergecap -F pcapng -w "$WORK/two-interfaces.pcapng" "$WORK/tcp-queries.pcap" "$WORK/sll2.pcap"
gzip -9 -n -c "$WORK/udp-queries.pcap" >"$WORK/udp-queries.pcap.gz"
gzip -9 -n -c "$WORK/udp-queries.pcapng" >"$WORK/udp-queries.pcapng.gz"
# raw IP link types: strip the 14-byte Ethernet header and relabel the link type
editcap -F pcap -C 14 -T rawip "$WORK/udp-queries.pcap" "$WORK/raw-ip.pcap"
editcap -F pcap -C 14 -T rawip4 "$WORK/tcp-queries.pcap" "$WORK/raw-ipv4.pcap"
editcap -F pcap -C 14 -T rawip6 "$WORK/ipv6.pcap" "$WORK/raw-ipv6.pcap"
# a file that ends inside a record: drop the last 30 bytes of the last record
size=$(stat -c %s "$WORK/edns-options.pcap")
head -c $((size - 30)) "$WORK/edns-options.pcap" >"$WORK/cut-mid-record.pcap"

# 802.1Q / 802.1ad: this kernel has no 8021q module, so the tags are inserted into the
# Ethernet frames of a real lo capture (after the two MAC addresses) instead of captured.
if command -v python3 >/dev/null 2>&1; then
  tag_frames() { # tag_frames IN OUT TPID:VID[,TPID:VID...]
    python3 - "$@" <<'PY'
import struct, sys
src, dst, spec = sys.argv[1], sys.argv[2], sys.argv[3]
tags = b"".join(struct.pack(">HH", int(t, 16), int(v))
                for t, v in (s.split(":") for s in spec.split(",")))
data = open(src, "rb").read()
magic = data[:4]
if magic != b"\xd4\xc3\xb2\xa1":
    sys.exit("tag_frames: expects a little-endian microsecond pcap")
out = bytearray(data[:24])
pos = 24
while pos + 16 <= len(data):
    sec, usec, incl, orig = struct.unpack_from("<IIII", data, pos)
    frame = data[pos + 16:pos + 16 + incl]
    frame = frame[:12] + tags + frame[12:]
    out += struct.pack("<IIII", sec, usec, len(frame), orig + len(tags)) + frame
    pos += 16 + incl
open(dst, "wb").write(out)
PY
  }
  tag_frames "$WORK/udp-queries.pcap" "$WORK/vlan-8021q.pcap" 8100:10
  tag_frames "$WORK/tcp-queries.pcap" "$WORK/vlan-qinq.pcap" 88a8:20,8100:30
else
  skip "VLAN fixtures: python3 not installed"
fi

# ---------------------------------------------------------------- install and check
FILES=(udp-queries.pcap ipv6.pcap dnssec.pcap edns-options.pcap truncated-tc-retry.pcap
  tcp-queries.pcap tcp-axfr.pcap update-ixfr.pcap ipv4-fragments.pcap ipv6-fragments.pcap
  snaplen-80.pcap sll2.pcap sll.pcap udp-queries.pcapng nanosecond.pcap two-interfaces.pcapng
  udp-queries.pcap.gz udp-queries.pcapng.gz raw-ip.pcap raw-ipv4.pcap raw-ipv6.pcap
  cut-mid-record.pcap vlan-8021q.pcap vlan-qinq.pcap)
for f in "${FILES[@]}"; do
  [[ -f $WORK/$f ]] || { skip "$f was not produced"; continue; }
  cp "$WORK/$f" "$OUT/$f"
  n=$(tshark -r "$OUT/$f" -Y dns 2>/dev/null | wc -l || true)
  printf '%-26s %7d bytes  %3d DNS frames\n' "$f" "$(stat -c %s "$OUT/$f")" "$n"
done
log "done: $(du -ch "${FILES[@]/#/$OUT/}" 2>/dev/null | tail -1)"

# ---------------------------------------------------------------- transactions (issue 3)
# retransmissions.pcap: the hard cases of query/response matching, from real dig against
# a deliberately odd UDP server (python3 on 127.0.0.2:53, next to named) that picks its
# behaviour from the query name's first label: "silent*" never answers, "twice*" answers
# twice, "wrongid*" answers with another ID, "late*" answers only the third copy of a query
# (dig retransmits with the same ID). Appended by the transactions work; needs python3.
if command -v python3 >/dev/null 2>&1; then
  log "retransmissions.pcap"
  cat >"$WORK/odd-server.py" <<'PY'
import socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.2", 53))
open(sys.argv[1], "w").close()  # tells the script we listen
copies = {}
while True:
    data, peer = s.recvfrom(4096)
    if len(data) < 17:
        continue
    qid, flags = struct.unpack(">HH", data[:4])
    i, labels = 12, []
    while i < len(data) and data[i]:
        labels.append(data[i + 1:i + 1 + data[i]])
        i += 1 + data[i]
    question = data[12:i + 5]
    first = labels[0].decode("ascii", "replace") if labels else ""
    def answer(rid):
        header = struct.pack(">HHHHHH", rid, 0x8400 | (flags & 0x0100), 1, 1, 0, 0)
        record = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, 4) + bytes([192, 0, 2, 53])
        s.sendto(header + question + record, peer)
    copies[(peer, qid)] = n = copies.get((peer, qid), 0) + 1
    if first.startswith("silent"):
        continue
    if first.startswith("twice"):
        answer(qid)
        answer(qid)
    elif first.startswith("wrongid"):
        answer(qid ^ 0x5a5a)
    elif first.startswith("late"):
        if n == 3:
            answer(qid)
    else:
        answer(qid)
PY
  in_ns ip addr add 127.0.0.2/8 dev lo 2>/dev/null || true
  in_ns python3 "$WORK/odd-server.py" "$WORK/odd-server.ready" &
  ODD_PID=$!
  for _ in $(seq 1 100); do [[ -f $WORK/odd-server.ready ]] && break; sleep 0.05; done
  odd() { in_ns dig @127.0.0.2 +noedns "$@" >>"$WORK/dig.log" 2>&1 || true; }
  start_capture "$WORK/retransmissions.pcap" -i lo "udp port 53"
  # dig sends each retry from a new port unless bound with -b: bound, they are retransmissions
  odd -b '127.0.0.1#40051' +tries=3 +timeout=1 silent.test A  # 3 copies 1 s apart, never answered
  odd -b '127.0.0.1#40052' +tries=3 +timeout=1 late.test A    # 3 copies; the answer follows the third
  odd +tries=2 +timeout=1 silent-ports.test A                  # 2 copies from 2 ports: 2 conversations
  odd +tries=1 +timeout=1 twice.test A                 # one query, two identical answers
  odd +tries=1 +timeout=1 wrongid.test A               # an answer with another ID, query unanswered
  odd -b '127.0.0.1#40053' +qid=4660 +tries=1 +timeout=1 silent-one.test A     # same port and ID,
  odd -b '127.0.0.1#40053' +qid=4660 +tries=1 +timeout=1 silent-two.test AAAA  # different question
  odd +qid=4661 +tries=1 +timeout=1 silent-three.test A &                      # same ID, two ports,
  odd +qid=4661 +tries=1 +timeout=1 silent-four.test A                         # both open at once
  wait %% 2>/dev/null || true
  odd -b '127.0.0.1#40055' +tries=3 +timeout=3 late-slow.test A  # copies 3 s apart: the third (6 s)
  #                                       is past tshark's 5 s retransmission window: a new query
  q4 -b '127.0.0.1#40054' +qid=4662 www.example.test A # answered, then the same port and ID again:
  q4 -b '127.0.0.1#40054' +qid=4662 www.example.test A # a new transaction, not a retransmission
  stop_capture
  kill "$ODD_PID" 2>/dev/null && wait "$ODD_PID" 2>/dev/null || true
  cp "$WORK/retransmissions.pcap" "$OUT/retransmissions.pcap"
  printf '%-26s %7d bytes  %3d DNS frames\n' retransmissions.pcap "$(stat -c %s "$OUT/retransmissions.pcap")" \
    "$(tshark -r "$OUT/retransmissions.pcap" -Y dns 2>/dev/null | wc -l)"
else
  skip "retransmissions.pcap: python3 not installed"
fi

# ---------------------------------------------------------------- incident-demo.pcap
# A small picture of the incident DNSpector's analyses come from: a mail relay (127.0.1.25)
# sends A and AAAA queries in lockstep at a rate that changes every second, four other clients
# ask mostly A with some MX/TXT, and an hour of silence (editcap shifts a second run by 3600 s;
# mergecap joins the two) stands for an outage. `dnspector summarize` should find the lockstep,
# the top AAAA client and the gap in it.
log "incident-demo.pcap"
for c in 25 31 32 33 34; do in_ns ip addr add "127.0.1.$c/8" dev lo 2>/dev/null || true; done
incident_run() { # incident_run FILE SECONDS SEED
  local file=$1 seconds=$2 s k i c pids=()
  RANDOM=$3
  start_capture "$file" -i lo "udp port 53"
  for ((s = 0; s < seconds; s++)); do
    k=$((2 + RANDOM % 9))
    : >"$WORK/relay.batch"
    for ((i = 0; i < k; i++)); do
      printf 'host-%03d.example.test A\nhost-%03d.example.test AAAA\n' $((RANDOM % 300)) $((RANDOM % 300)) >>"$WORK/relay.batch"
    done
    cp "$WORK/relay.batch" "$WORK/relay.$s.batch"
    in_ns dig +tries=1 +time=2 +noedns @127.0.0.1 -b 127.0.1.25 -f "$WORK/relay.$s.batch" >>"$WORK/dig.log" 2>&1 &
    pids+=($!)
    for c in 31 32 33 34; do
      if ((RANDOM % 2)); then
        in_ns dig +tries=1 +time=2 @127.0.0.1 -b "127.0.1.$c" "host-$(printf %03d $((RANDOM % 300))).example.test" \
          "$(if ((RANDOM % 5 == 0)); then echo MX; else echo A; fi)" >>"$WORK/dig.log" 2>&1 &
        pids+=($!)
      fi
    done
    sleep 1
  done
  wait "${pids[@]}" 2>/dev/null || true # only the digs: named and tcpdump are jobs too
  stop_capture
}
incident_run "$WORK/incident-1.pcap" 40 1
incident_run "$WORK/incident-2.pcap" 15 2
editcap -t 3600 "$WORK/incident-2.pcap" "$WORK/incident-2-later.pcap"
mergecap -F pcap -w "$OUT/incident-demo.pcap" "$WORK/incident-1.pcap" "$WORK/incident-2-later.pcap"
printf '%-26s %7d bytes  %3d DNS frames\n' incident-demo.pcap "$(stat -c %s "$OUT/incident-demo.pcap")" \
  "$(tshark -r "$OUT/incident-demo.pcap" -Y dns 2>/dev/null | wc -l)"
