#!/usr/bin/env bash
# make-bench-captures.sh — makes the large captures `npm run bench` measures (issue 7).
#
# Why: speed figures mean something only on traffic real DNS software made. This script
# starts BIND's named (authoritative for a few zones, recursion off) in a private network
# namespace, drives it with dnsperf from a query file with a resolver-like mix (~45% A,
# ~40% AAAA, MX, TXT, PTR, SOA, NS; ~5% of the names do not exist: NXDOMAIN), records the
# loopback traffic with tcpdump -s 0, and cuts the recording into exact packet counts:
#   dns-5m.pcap    the first 5,000,000 packets (queries and responses)
#   dns-1m.pcap    the first 1,000,000 packets of the same traffic
#   dns-1m.pcapng  dns-1m.pcap converted by editcap -F pcapng
# The files live in a cache outside the repository and are made only when missing.
#
# Usage (root, Debian 12): scripts/make-bench-captures.sh [CACHE_DIR]
#   CACHE_DIR defaults to ${DNSPECTOR_BENCH_CACHE:-$HOME/.cache/dnspector-bench}
#   BENCH_QPS (default 40000): dnsperf's -Q rate limit; lower it if tcpdump drops packets.
# Needs: bind9 dnsperf tcpdump tshark (editcap, capinfos) iproute2.
# The EXIT trap stops named and tcpdump and removes the namespace and the work directory.
set -euo pipefail

CACHE=$(realpath -m "${1:-${DNSPECTOR_BENCH_CACHE:-$HOME/.cache/dnspector-bench}}")
NETNS=dnspector-bench
QPS=${BENCH_QPS:-40000}
PACKETS_BIG=5000000
PACKETS_SMALL=1000000
# Queries asked: each answered query makes two packets; 4% over covers timeouts.
QUERIES=$((PACKETS_BIG / 2 * 104 / 100))

if [[ -s $CACHE/dns-5m.pcap && -s $CACHE/dns-1m.pcap && -s $CACHE/dns-1m.pcapng ]]; then
  echo "bench captures present in $CACHE"
  exit 0
fi

for tool in named named-checkconf dnsperf tcpdump editcap capinfos ip; do
  command -v "$tool" >/dev/null || {
    echo "make-bench-captures: $tool is missing (apt-get install bind9 dnsperf tcpdump tshark iproute2)" >&2
    exit 1
  }
done
[[ $(id -u) -eq 0 ]] || {
  echo "make-bench-captures: run as root (network namespace, tcpdump)" >&2
  exit 1
}

began=$(date +%s)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dnspector-bench.XXXXXX")
SERVER_PID=""
DUMP_PID=""
finish() {
  local rc=$?
  set +e
  [[ -n $DUMP_PID ]] && kill -TERM "$DUMP_PID" 2>/dev/null && wait "$DUMP_PID" 2>/dev/null
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  ip netns del "$NETNS" 2>/dev/null
  rm -rf "$TMP"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

ip netns del "$NETNS" 2>/dev/null || true
ip netns add "$NETNS"
ip netns exec "$NETNS" ip link set lo up
mkdir -p "$CACHE"

# ---------------------------------------------------------------- zones
# Three forward zones of HOSTS names, each with A and AAAA; MX and TXT at the apex and on
# every tenth host; one reverse zone with a PTR per host.
HOSTS=2000
for zone in alpha.test beta.test gamma.test; do
  awk -v zone="$zone" -v hosts="$HOSTS" 'BEGIN {
    print "$TTL 300"
    print "@ IN SOA ns1." zone ". hostmaster." zone ". 1 7200 3600 1209600 300"
    print "  IN NS ns1." zone "."
    print "  IN MX 10 mail." zone "."
    print "  IN TXT \"v=spf1 mx -all\""
    print "ns1 IN A 127.0.0.1"
    print "mail IN A 192.168.0.25"
    for (i = 0; i < hosts; i++) {
      printf "h%d IN A 192.168.%d.%d\n", i, int(i / 250), i % 250 + 1
      printf "h%d IN AAAA 2001:db8::%x:%x\n", i, int(i / 250), i % 250 + 1
      if (i % 10 == 0) {
        printf "h%d IN MX 10 mail.%s.\n", i, zone
        printf "h%d IN TXT \"host %d of %s\"\n", i, i, zone
      }
    }
  }' >"$TMP/$zone.zone"
done
awk -v hosts="$HOSTS" 'BEGIN {
  print "$TTL 300"
  print "@ IN SOA ns1.alpha.test. hostmaster.alpha.test. 1 7200 3600 1209600 300"
  print "  IN NS ns1.alpha.test."
  for (i = 0; i < hosts; i++) printf "%d.%d IN PTR h%d.alpha.test.\n", i % 250 + 1, int(i / 250), i
}' >"$TMP/168.192.in-addr.arpa.zone"

cat >"$TMP/named.conf" <<EOF
options {
  directory "$TMP";
  pid-file "$TMP/named.pid";
  listen-on port 53 { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  notify no;
  dnssec-validation no;
  minimal-responses no-auth;
};
EOF
for zone in alpha.test beta.test gamma.test 168.192.in-addr.arpa; do
  printf 'zone "%s" { type primary; file "%s"; };\n' "$zone" "$TMP/$zone.zone" >>"$TMP/named.conf"
done
named-checkconf -z "$TMP/named.conf" >/dev/null

# ---------------------------------------------------------------- queries
# Fixed seed: the same query file on every run. Types by share: A 45, AAAA 40, MX 4, TXT 4,
# PTR 4, SOA 1.5, NS 1.5 (percent); one name in 20 does not exist (NXDOMAIN).
awk -v n="$QUERIES" -v hosts="$HOSTS" 'BEGIN {
  srand(7)
  split("alpha.test beta.test gamma.test", zones, " ")
  for (q = 0; q < n; q++) {
    z = zones[int(rand() * 3) + 1]
    h = int(rand() * hosts)
    missing = rand() < 0.05
    host = (missing ? "nx" : "h") h "." z
    r = rand() * 100
    if (r < 45) print host, "A"
    else if (r < 85) print host, "AAAA"
    else if (r < 89) print (h % 2 ? z : host), "MX"
    else if (r < 93) print (h % 2 ? z : host), "TXT"
    else if (r < 97) printf "%d.%d.%s.168.192.in-addr.arpa PTR\n", h % 250 + 1, int(h / 250), (missing ? "99" : "")
    else if (r < 98.5) print (missing ? host : z), "SOA"
    else print (missing ? host : z), "NS"
  }
}' | sed 's/\.\.168/.168/' >"$TMP/queries.txt"

# ---------------------------------------------------------------- run
echo "== named, tcpdump and dnsperf ($QUERIES queries, at most $QPS/s) in namespace $NETNS" >&2
ip netns exec "$NETNS" named -g -c "$TMP/named.conf" -u root >"$TMP/named.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 200); do
  grep -q 'running$' "$TMP/named.log" && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
grep -q 'running$' "$TMP/named.log" || {
  cat "$TMP/named.log" >&2
  echo "make-bench-captures: named did not start" >&2
  exit 1
}

ip netns exec "$NETNS" tcpdump -i lo -s 0 -B 262144 -n -w "$TMP/traffic.pcap" 'udp port 53' \
  >"$TMP/tcpdump.log" 2>&1 &
DUMP_PID=$!
for _ in $(seq 1 100); do
  grep -q 'listening on' "$TMP/tcpdump.log" && break
  sleep 0.05
done

ip netns exec "$NETNS" dnsperf -s 127.0.0.1 -d "$TMP/queries.txt" -n 1 -c 8 -q 200 -t 2 \
  -Q "$QPS" >"$TMP/dnsperf.log" 2>&1 || {
  cat "$TMP/dnsperf.log" >&2
  exit 1
}
sleep 0.5
kill -TERM "$DUMP_PID"
wait "$DUMP_PID" || true
DUMP_PID=""
grep -E 'Queries (sent|completed|lost)|Response codes|Queries per second' "$TMP/dnsperf.log" >&2 || true
grep -E 'captured|dropped' "$TMP/tcpdump.log" >&2 || true

recorded=$(capinfos -M -c "$TMP/traffic.pcap" | awk '/Number of packets/ { print $NF }')
echo "== recorded $recorded packets" >&2
if ((recorded < PACKETS_BIG)); then
  echo "make-bench-captures: only $recorded packets recorded, need $PACKETS_BIG (lower BENCH_QPS?)" >&2
  exit 1
fi

# ---------------------------------------------------------------- cut and convert
editcap -F pcap -r "$TMP/traffic.pcap" "$TMP/dns-5m.pcap" "1-$PACKETS_BIG"
editcap -F pcap -r "$TMP/dns-5m.pcap" "$TMP/dns-1m.pcap" "1-$PACKETS_SMALL"
editcap -F pcapng "$TMP/dns-1m.pcap" "$TMP/dns-1m.pcapng"
for f in dns-5m.pcap dns-1m.pcap dns-1m.pcapng; do
  mv "$TMP/$f" "$CACHE/$f"
  printf '%-14s %'"'"'12d packets %'"'"'14d bytes\n' "$f" \
    "$(capinfos -M -c "$CACHE/$f" | awk '/Number of packets/ { print $NF }')" "$(stat -c %s "$CACHE/$f")"
done
echo "== bench captures made in $(($(date +%s) - began)) s, in $CACHE" >&2
