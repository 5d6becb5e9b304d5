#!/usr/bin/env bash
# make-log-fixtures.sh — builds the real DNS server query logs in test/fixtures/logs/.
#
# Why: issue 5 reads BIND, unbound and dnsmasq query logs. Their formats change between
# releases, so the parsers' tests need what the real daemons write, not hand-made lines.
# This script runs each daemon from Debian 12 on loopback inside a private network
# namespace, asks it the same questions with dig, and keeps both the daemon's log and a
# tcpdump capture of the same run (so a test can check that every logged query is in the
# capture). The committed files are the fixtures; this script is their provenance
# (timestamps, ports, DNS ids and cookies differ on every run).
#
# Phases (one daemon on 127.0.0.1#53 and ::1#53 at a time, each with its own capture):
#   1. named with `querylog yes` and three file channels (no print-*, print-time,
#      print-time+print-category+print-severity)          -> bind-*.log, bind.pcap
#   2. named with two views ("relay" for 127.0.1.25, "internal" for the rest) -> bind-view.*
#   3. unbound (log-queries, log-replies, epoch time) forwarding to a back-end named on
#      127.0.0.1#5300 (outside the capture filter)         -> unbound.log, unbound.pcap
#   4. the same unbound with log-time-ascii                 -> unbound-ascii.*
#   5. dnsmasq with log-queries=extra, log-facility=FILE, forwarding to the back-end
#                                                           -> dnsmasq-extra.*
# Phase 1 also logs the queries through syslog(3) when rsyslog is installed: a private
# rsyslogd (not the system's; none need run) listens on $WORK/dev/log, and named runs in a
# private mount namespace whose /dev is $WORK/dev, so its syslog() reaches that rsyslogd,
# which writes the classic format (RSYSLOG_TraditionalFileFormat) and Debian 12's default
# (RSYSLOG_FileFormat, RFC 3339 time)                       -> bind-syslog*.log
#
# Usage (root, Debian 12): scripts/make-log-fixtures.sh [OUTPUT_DIR]
#   (default: test/fixtures/logs)
# Needs: bind9 bind9-utils bind9-dnsutils unbound dnsmasq tcpdump iproute2 util-linux
# (rsyslog optional: without it the bind-syslog*.log files are skipped).
# Re-runnable: everything lives in a mktemp -d directory and the namespace "dnspector-lfx";
# the EXIT trap kills what it started and removes both, on success and on failure.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)
OUT=$(realpath -m "${1:-$SCRIPT_DIR/../test/fixtures/logs}")
NS=dnspector-lfx
WORK=""
TCPDUMP_PID=""
DAEMON_PID=""  # the daemon of the current phase
BACKEND_PID="" # the back-end named of phases 3-5
RSYSLOG_PID="" # the private rsyslogd of phase 1

# ---------------------------------------------------------------- prerequisites
missing=()
need() { # need TOOL APT-PACKAGE
  command -v "$1" >/dev/null 2>&1 || missing+=("$1 (apt-get install $2)")
}
need named bind9
need named-checkconf bind9-utils
need named-checkzone bind9-utils
need dig bind9-dnsutils
need unbound unbound
need unbound-checkconf unbound
need dnsmasq dnsmasq
need tcpdump tcpdump
need ip iproute2
need ss iproute2
need unshare util-linux
if ((${#missing[@]})); then
  printf 'make-log-fixtures: missing tool: %s\n' "${missing[@]}" >&2
  exit 1
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "make-log-fixtures: must run as root (network namespace, tcpdump, port 53)" >&2
  exit 1
fi

log() { printf '== %s\n' "$*" >&2; }
skip() { printf '!! skipped: %s\n' "$*" >&2; }

# ---------------------------------------------------------------- cleanup
stop_pid() { # stop_pid PID: TERM and wait (a daemon flushes its log on TERM)
  [[ -n $1 ]] || return 0
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  set +e
  stop_pid "$TCPDUMP_PID"
  stop_pid "$DAEMON_PID"
  stop_pid "$BACKEND_PID"
  stop_pid "$RSYSLOG_PID"
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

export TZ=UTC # print-time and log-time-ascii write local time
WORK=$(mktemp -d /tmp/dnspector-log-fixtures.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$OUT"
# in_ns is for foreground commands: a function sent to the background runs in a subshell,
# so its $! would not be the daemon's PID (background daemons use ip netns exec directly)
in_ns() { ip netns exec "$NS" "$@"; }
ip netns add "$NS"
in_ns ip link set lo up
in_ns ip addr add 127.0.1.25/8 dev lo 2>/dev/null || true # the A/AAAA lockstep client

wait_port() { # wait_port PROTO PORT PID NAME: until something listens (no probe query: it would be logged)
  local proto=$1 port=$2 pid=$3 name=$4
  for _ in $(seq 1 100); do
    if in_ns ss -H -l "-${proto}n" "sport = :$port" | grep -q .; then return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "make-log-fixtures: $name did not start" >&2
  cat "$WORK/$name.out" >&2 2>/dev/null || true
  exit 1
}

# ---------------------------------------------------------------- zones
Z=$WORK/zones
mkdir -p "$Z"
cat >"$Z/example.test" <<'EOF'
$TTL 3600
@        IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300
         IN NS  ns1
         IN MX  10 mail
ns1      IN A    127.0.0.1
www      IN A    192.0.2.10
www      IN AAAA 2001:db8::10
mail     IN A    192.0.2.25
mail     IN AAAA 2001:db8::25
txt      IN TXT  "hello world"
alias    IN CNAME www
EOF
for ((i = 0; i < 20; i++)); do
  printf 'host-%02d A 198.51.100.%d\nhost-%02d AAAA 2001:db8:100::%d\n' "$i" $((i + 1)) "$i" $((i + 1))
done >>"$Z/example.test"
cat >"$Z/2.0.192.in-addr.arpa" <<'EOF'
$TTL 3600
@  IN SOA ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 300
   IN NS  ns1.example.test.
10 IN PTR www.example.test.
25 IN PTR mail.example.test.
EOF
named-checkzone -q example.test "$Z/example.test"
named-checkzone -q 2.0.192.in-addr.arpa "$Z/2.0.192.in-addr.arpa"
ZONES="
  zone \"example.test\" { type primary; file \"$Z/example.test\"; };
  zone \"2.0.192.in-addr.arpa\" { type primary; file \"$Z/2.0.192.in-addr.arpa\"; };"

named_options() { # named_options DIR LISTEN-V4 LISTEN-V6 PORT QUERYLOG
  cat <<EOF
options {
  directory "$1";
  pid-file "$1/named.pid";
  session-keyfile "$1/session.key";
  managed-keys-directory "$1";
  listen-on port $4 { $2; };
  listen-on-v6 port $4 { $3; };
  recursion no;
  dnssec-validation no;
  notify no;
  querylog $5;
};
EOF
}

start_named() { # start_named NAME CONF PORT [private-dev]: named -f (foreground, logging as configured)
  local name=$1 conf=$2 port=$3
  mkdir -p "$WORK/$name"
  named-checkconf "$conf"
  if [[ ${4:-} == private-dev ]]; then
    # /dev replaced by $WORK/dev (the rsyslogd socket "log" and the device nodes named
    # uses) in a mount namespace of its own; unshare, sh and ip exec, so $! is named
    # shellcheck disable=SC2016
    unshare -m --propagation private sh -c 'for d in null zero random urandom; do
        touch "$1/dev/$d" && mount --bind "/dev/$d" "$1/dev/$d" || exit 1
      done
      mount --rbind "$1/dev" /dev && exec ip netns exec "$2" named -f -c "$3" -u root' \
      sh "$WORK" "$NS" "$conf" >"$WORK/$name.out" 2>&1 &
  else
    ip netns exec "$NS" named -f -c "$conf" -u root >"$WORK/$name.out" 2>&1 &
  fi
  DAEMON_PID=$!
  wait_port u "$port" "$DAEMON_PID" "$name"
}

# ---------------------------------------------------------------- capture helpers
start_capture() { # start_capture FILE — returns once tcpdump is listening
  local file=$1
  : >"$WORK/tcpdump.log"
  ip netns exec "$NS" tcpdump -U --immediate-mode -B 16384 -Z root -i lo -w "$file" 'udp port 53 or tcp port 53' >"$WORK/tcpdump.log" 2>&1 &
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
  stop_pid "$TCPDUMP_PID" # SIGTERM: background jobs of a script ignore SIGINT
  TCPDUMP_PID=""
}

# ---------------------------------------------------------------- the questions
# The same list for every daemon: each query type and dig option the parsers must see.
DIG=(dig +tries=1 +time=3)
q4() { in_ns "${DIG[@]}" @127.0.0.1 "$@" >>"$WORK/dig.log" 2>&1 || true; }
q6() { in_ns "${DIG[@]}" @::1 "$@" >>"$WORK/dig.log" 2>&1 || true; }
ask_all() {
  q4 www.example.test A
  q4 www.example.test AAAA
  q4 example.test MX
  q4 txt.example.test TXT
  q4 -x 192.0.2.10
  q4 +tcp mail.example.test A
  q4 +dnssec www.example.test A
  q4 +cookie mail.example.test AAAA
  # the server's cookie sent back (BIND logs V, a valid server cookie, instead of K)
  in_ns "${DIG[@]}" @127.0.0.1 +cookie www.example.test TXT >"$WORK/cookie.out" 2>&1 || true
  local cookie
  cookie=$(sed -n 's/^; COOKIE: \([0-9a-f]*\).*/\1/p' "$WORK/cookie.out" | head -1)
  if [[ -n $cookie ]]; then q4 +cookie="$cookie" www.example.test MX; else skip "server cookie query"; fi
  q4 +noedns alias.example.test A
  q4 +norec www.example.test A
  q4 +cdflag www.example.test AAAA
  q4 nosuch.example.test A
  q4 ads.blocked.test A # not served: REFUSED by named; dnsmasq answers from its config
  q4 www.example.test A # again: answered from the cache by unbound and dnsmasq
  q6 www.example.test AAAA
  q6 +tcp mail.example.test A
  # a mail relay asking A and AAAA in lockstep from its own address
  local i
  : >"$WORK/relay.batch"
  for ((i = 0; i < 12; i++)); do
    printf 'host-%02d.example.test A\nhost-%02d.example.test AAAA\n' "$i" "$i" >>"$WORK/relay.batch"
  done
  in_ns "${DIG[@]}" @127.0.0.1 -b 127.0.1.25 +noedns -f "$WORK/relay.batch" >>"$WORK/dig.log" 2>&1 || true
}

run_phase() { # run_phase PCAP-NAME: capture ask_all against the running daemon
  log "$1"
  start_capture "$WORK/$1"
  ask_all
  stop_capture
  cp "$WORK/$1" "$OUT/$1"
}

# ---------------------------------------------------------------- 1. named, three channels
D=$WORK/named-print
SYSLOG=no
if command -v rsyslogd >/dev/null 2>&1; then
  mkdir -p "$WORK/dev" "$WORK/rsyslog"
  cat >"$WORK/rsyslog.conf" <<EOF
global(workDirectory="$WORK/rsyslog" localHostname="ns1")
module(load="imuxsock" SysSock.Name="$WORK/dev/log" SysSock.RateLimit.Interval="0")
if \$programname == "named" then {
  action(type="omfile" file="$WORK/bind-syslog.log" template="RSYSLOG_TraditionalFileFormat")
  action(type="omfile" file="$WORK/bind-syslog-rfc3339.log" template="RSYSLOG_FileFormat")
}
EOF
  rsyslogd -N1 -f "$WORK/rsyslog.conf" >"$WORK/rsyslog.check" 2>&1 || { cat "$WORK/rsyslog.check" >&2; exit 1; }
  rsyslogd -n -f "$WORK/rsyslog.conf" -i "$WORK/rsyslog.pid" >"$WORK/rsyslog.out" 2>&1 &
  RSYSLOG_PID=$!
  for _ in $(seq 1 100); do [[ -S $WORK/dev/log ]] && break; sleep 0.05; done
  if [[ -S $WORK/dev/log ]]; then SYSLOG=yes; else
    skip "bind-syslog*.log: rsyslogd did not open $WORK/dev/log"
    cat "$WORK/rsyslog.out" >&2
  fi
else
  skip "bind-syslog*.log: rsyslogd not installed (apt-get install rsyslog)"
fi
{
  named_options "$D" 127.0.0.1 "::1" 53 yes
  cat <<EOF
logging {
  channel run { file "$D/run.log"; severity info; print-time yes; };
  channel plain { file "$D/bind-plain.log"; severity info; };
  channel ptime { file "$D/bind-print-time.log"; severity info; print-time yes; };
  channel pall {
    file "$D/bind-print-all.log"; severity info;
    print-time yes; print-category yes; print-severity yes;
  };
  category default { run; };
  channel sys { syslog daemon; severity info; };
  category queries { plain; ptime; pall; $([[ $SYSLOG == yes ]] && echo "sys;") };
};
$ZONES
EOF
} >"$WORK/named-print.conf"
start_named named-print "$WORK/named-print.conf" 53 "$([[ $SYSLOG == yes ]] && echo private-dev)"
run_phase bind.pcap
stop_pid "$DAEMON_PID"
DAEMON_PID=""
for f in bind-plain.log bind-print-time.log bind-print-all.log; do cp "$D/$f" "$OUT/$f"; done
if [[ $SYSLOG == yes ]]; then
  sleep 0.3
  stop_pid "$RSYSLOG_PID" # TERM: rsyslogd writes out its queue
  RSYSLOG_PID=""
  cp "$WORK/bind-syslog.log" "$WORK/bind-syslog-rfc3339.log" "$OUT/"
fi

# ---------------------------------------------------------------- 2. named with views
D=$WORK/named-view
{
  named_options "$D" 127.0.0.1 "::1" 53 yes
  cat <<EOF
logging {
  channel run { file "$D/run.log"; severity info; print-time yes; };
  channel view { file "$D/bind-view.log"; severity info; print-time yes; };
  category default { run; };
  category queries { view; };
};
view "relay" {
  match-clients { 127.0.1.25; };
  $ZONES
};
view "internal" {
  match-clients { any; };
  $ZONES
};
EOF
} >"$WORK/named-view.conf"
start_named named-view "$WORK/named-view.conf" 53
run_phase bind-view.pcap
stop_pid "$DAEMON_PID"
DAEMON_PID=""
cp "$D/bind-view.log" "$OUT/bind-view.log"


# ---------------------------------------------------------------- back-end named on :5300
D=$WORK/named-backend
{
  named_options "$D" "127.0.0.1" "none" 5300 no
  echo "$ZONES"
} >"$WORK/named-backend.conf"
start_named named-backend "$WORK/named-backend.conf" 5300
BACKEND_PID=$DAEMON_PID
DAEMON_PID=""

# ---------------------------------------------------------------- 3./4. unbound
unbound_conf() { # unbound_conf LOGFILE ASCII(yes|no)
  cat <<EOF
server:
  directory: "$WORK"
  chroot: ""
  username: ""
  pidfile: ""
  use-syslog: no
  logfile: "$1"
  log-time-ascii: $2
  log-queries: yes
  log-replies: yes
  verbosity: 0
  interface: 127.0.0.1
  interface: ::1
  port: 53
  do-ip6: yes
  access-control: 127.0.0.0/8 allow
  access-control: ::1 allow
  do-not-query-localhost: no
  module-config: "iterator"
  local-zone: "test." nodefault
  local-zone: "2.0.192.in-addr.arpa." nodefault
forward-zone:
  name: "."
  forward-addr: 127.0.0.1@5300
EOF
}
for variant in unbound:no unbound-ascii:yes; do
  name=${variant%%:*}
  unbound_conf "$WORK/$name.log" "${variant#*:}" >"$WORK/$name.conf"
  unbound-checkconf "$WORK/$name.conf" >/dev/null
  ip netns exec "$NS" unbound -d -c "$WORK/$name.conf" >"$WORK/$name.out" 2>&1 &
  DAEMON_PID=$!
  wait_port u 53 "$DAEMON_PID" "$name"
  run_phase "$name.pcap"
  stop_pid "$DAEMON_PID"
  DAEMON_PID=""
  cp "$WORK/$name.log" "$OUT/$name.log"
done

# ---------------------------------------------------------------- 5. dnsmasq
cat >"$WORK/dnsmasq.conf" <<EOF
port=53
interface=lo
bind-interfaces
no-resolv
no-hosts
no-poll
server=127.0.0.1#5300
user=root
pid-file=$WORK/dnsmasq.pid
log-queries=extra
log-facility=$WORK/dnsmasq-extra.log
cache-size=150
address=/blocked.test/
EOF
dnsmasq --test -C "$WORK/dnsmasq.conf" >/dev/null 2>&1
ip netns exec "$NS" dnsmasq -k -C "$WORK/dnsmasq.conf" >"$WORK/dnsmasq.out" 2>&1 &
DAEMON_PID=$!
wait_port u 53 "$DAEMON_PID" dnsmasq
run_phase dnsmasq-extra.pcap
stop_pid "$DAEMON_PID"
DAEMON_PID=""
cp "$WORK/dnsmasq-extra.log" "$OUT/dnsmasq-extra.log"

stop_pid "$BACKEND_PID"
BACKEND_PID=""

# ---------------------------------------------------------------- summary
for f in bind-plain.log bind-print-time.log bind-print-all.log bind-syslog.log \
  bind-syslog-rfc3339.log bind-view.log unbound.log \
  unbound-ascii.log dnsmasq-extra.log bind.pcap bind-view.pcap unbound.pcap unbound-ascii.pcap \
  dnsmasq-extra.pcap; do
  [[ -f $OUT/$f ]] || continue
  printf '%-24s %7d bytes %4d lines\n' "$f" "$(stat -c %s "$OUT/$f")" "$(wc -l <"$OUT/$f")"
done
log "done: $(du -sh "$OUT" | cut -f1) in $OUT"
