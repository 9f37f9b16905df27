#!/bin/bash
# Stops what start.sh started in $ROOT: the provider proxy, Dovecot and Postfix. Each runs in
# its own process group (its pid file names the leader), so one signal reaches its children.
# SIGTERM, wait until no live member is left, SIGKILL after ${GRACE:-5} s. FAST=1 kills at once
# (start.sh uses it for a stale instance whose data is thrown away anyway).
ROOT=${ROOT:-/tmp/youjian-mailstack}
leader() { local pid; pid=$(head -1 "$1" 2>/dev/null | tr -d ' '); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"; }
groups="$(leader "$ROOT/run/provider-proxy.pid") $(leader "$ROOT/run/dovecot/master.pid")"
groups="$groups $(leader "$ROOT/postfix/spool/pid/master.pid")"
groups=$(echo $groups)
group_alive() { ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'; }
any_alive() { local g; for g in $groups; do group_alive "$g" && return 0; done; return 1; }
if [ -n "$groups" ]; then
  signal=TERM; [ "${FAST:-0}" = 1 ] && signal=KILL
  for g in $groups; do kill -"$signal" -- -"$g" 2>/dev/null || true; done
  deadline=$(($(date +%s%N) + ${GRACE:-5} * 1000000000))
  while any_alive; do
    if [ "$(date +%s%N)" -gt "$deadline" ]; then
      for g in $groups; do kill -KILL -- -"$g" 2>/dev/null || true; done
    fi
    sleep 0.02
  done
fi
rm -f "$ROOT/run/provider-proxy.pid"
echo "mailstack stopped (ROOT=$ROOT)"
