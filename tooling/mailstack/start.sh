#!/bin/bash
# Starts Youjian's local mail providers on 127.0.0.1: a private Dovecot (IMAP/POP3/LMTP/SASL),
# a private Postfix (MX, submission, SMTPS) and the provider-emulating IMAP proxy (QQ and
# NetEase profiles). Idempotent: returns at once when the stack is already up and healthy;
# a stale or half-dead instance is stopped first. Run as root. State lives in $ROOT.
#
#   bash tooling/mailstack/start.sh          ROOT=/tmp/x bash tooling/mailstack/start.sh
#   KEEP=1 keeps the previous mail and users instead of starting from a clean slate.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
ROOT=${ROOT:-/tmp/youjian-mailstack}
VMAIL=${VMAIL:-vmail}
# Dovecot: IMAP IMAPS POP3 POP3S LMTP SASL; Postfix: SMTP submission SMTPS; proxy: QQ 163.
PORTS="31143 31993 31110 31995 31024 31012 31025 31587 31465 32993 33993"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pid_alive() { local pid; pid=$(head -1 "$1" 2>/dev/null | tr -d ' ') && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
healthy() {
  pid_alive "$ROOT/run/dovecot/master.pid" && pid_alive "$ROOT/postfix/spool/pid/master.pid" &&
    pid_alive "$ROOT/run/provider-proxy.pid" || return 1
  local p; for p in $PORTS; do port_open "$p" || return 1; done
}

# Several test processes may call this at once (ensureMailstack): one starts, the rest wait
# here and then find the stack healthy. Daemons must not inherit fd 9 (9>&- below) or they
# would hold the lock forever.
mkdir -p "$(dirname "$ROOT")"
exec 9>"$ROOT.lock"
flock 9
if healthy; then echo "mailstack already up (ROOT=$ROOT)"; exit 0; fi
T0=$(date +%s%N)

install_packages() {
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  local pkgs="dovecot-imapd dovecot-pop3d dovecot-lmtpd dovecot-sieve postfix"
  DEBIAN_FRONTEND=noninteractive apt-get install -y $pkgs >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y $pkgs >/dev/null; }
}
[ -x /usr/sbin/dovecot ] && [ -x /usr/lib/dovecot/imap ] && [ -x /usr/lib/dovecot/pop3 ] &&
  [ -x /usr/lib/dovecot/lmtp ] && [ -f /usr/lib/dovecot/modules/lib90_sieve_plugin.so ] &&
  [ -x /usr/lib/postfix/sbin/master ] || install_packages
id "$VMAIL" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$VMAIL"

[ -d "$ROOT" ] && ROOT="$ROOT" FAST=1 bash "$HERE/stop.sh" >/dev/null
for p in $PORTS; do
  if port_open "$p"; then echo "port $p is in use by something else; not starting" >&2; exit 1; fi
done

# Fresh state every cold start, except the certificate: running Node processes trust it
# through NODE_EXTRA_CA_CERTS, which is read once at their start.
# Old state is moved aside and deleted in the background: a 50,000-message Maildir takes
# seconds to delete, and nobody has to wait for that.
if [ "${KEEP:-0}" != 1 ]; then
  TRASH="$ROOT.trash.$$"
  mkdir -p "$TRASH"
  for d in etc run state log mail postfix; do [ -e "$ROOT/$d" ] && mv "$ROOT/$d" "$TRASH/"; done
  setsid rm -rf "$TRASH" </dev/null >/dev/null 2>&1 9>&- &
fi
mkdir -p "$ROOT"/{etc/users/qq.test,etc/users/163.test,etc/users/courier.test,etc/sieve,run/dovecot,state/dovecot,log,tls,mail}
mkdir -p "$ROOT"/postfix/{etc,data,spool}
if [ ! -s "$ROOT/tls/cert.pem" ] || [ ! -s "$ROOT/tls/key.pem" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$ROOT/tls/key.pem" -out "$ROOT/tls/cert.pem" 2>/dev/null
fi
chmod 644 "$ROOT/tls/cert.pem" "$ROOT/tls/key.pem"

render() { sed -e "s#@ROOT@#$ROOT#g" -e "s#@VMAIL@#$VMAIL#g" "$1" >"$2"; }
render "$HERE/dovecot/dovecot.conf.tmpl" "$ROOT/etc/dovecot.conf"
cp "$HERE/dovecot/sent-copy.sieve" "$ROOT/etc/sieve/sent-copy.sieve"
# The standing users, one passwd-file each (see the passdb comment in dovecot.conf.tmpl).
for list in "$HERE"/users/*.passwd; do
  domain=$(basename "$list" .passwd)
  mkdir -p "$ROOT/etc/users/$domain"
  while IFS= read -r entry; do
    [ -n "$entry" ] && printf '%s\n' "$entry" >"$ROOT/etc/users/$domain/${entry%%@*}"
  done <"$list"
done
chmod -R a+rX "$ROOT/etc/users"
render "$HERE/postfix/main.cf.tmpl" "$ROOT/postfix/etc/main.cf"
render "$HERE/postfix/master.cf.tmpl" "$ROOT/postfix/etc/master.cf"
cp "$HERE/postfix/sender_login.regexp" "$HERE/postfix/sender_bcc.regexp" \
  "$HERE/postfix/product_accounts.regexp" "$ROOT/postfix/etc/"
# Postfix sleeps 1-2 s before using a config or table file younger than ~2 s.
touch -d '-1 minute' "$ROOT"/postfix/etc/*
# Compile the sieve script now, as the LMTP user cannot write next to it.
sievec -c "$ROOT/etc/dovecot.conf" "$ROOT/etc/sieve/sent-copy.sieve"
chown -R "$VMAIL:$VMAIL" "$ROOT/mail"
chown postfix:postfix "$ROOT/postfix/data"
# The queue tree `postfix start` would create (and spend seconds checking) every time.
Q="$ROOT/postfix/spool"
for d in active bounce corrupt defer deferred flush hold incoming private saved trace; do
  install -d -o postfix -g root -m 700 "$Q/$d"
done
install -d -o postfix -g postdrop -m 730 "$Q/maildrop"
install -d -o postfix -g postdrop -m 710 "$Q/public"
install -d -o root -g root -m 755 "$Q/pid"
touch "$ROOT/log/dovecot.log" "$ROOT/log/postfix.log"

# Daemons get /dev/null and a log for stdio: a caller reading our output must see EOF.
dovecot -c "$ROOT/etc/dovecot.conf" </dev/null >>"$ROOT/log/dovecot.log" 2>&1 9>&-
/usr/lib/postfix/sbin/master -c "$ROOT/postfix/etc" -w </dev/null >>"$ROOT/log/postfix.log" 2>&1 9>&- ||
  { tail -5 "$ROOT/log/postfix.log" >&2; exit 1; }
(
  cd "$REPO"
  YOUJIAN_MAILSTACK_ROOT="$ROOT" exec setsid node_modules/.bin/tsx tooling/mailstack/src/provider-proxy/main.ts \
    </dev/null >>"$ROOT/log/provider-proxy.log" 2>&1 9>&-
) &
echo $! >"$ROOT/run/provider-proxy.pid"

wait_port() {
  local i; for i in $(seq 1 600); do port_open "$1" && return 0; sleep 0.025; done
  echo "port $1 did not come up; see $ROOT/log" >&2; return 1
}
for p in $PORTS; do wait_port "$p"; done
MS=$((($(date +%s%N) - T0) / 1000000))
echo "mailstack up in ${MS} ms (ROOT=$ROOT): Dovecot IMAP 31143 IMAPS 31993 POP3 31110 POP3S 31995" \
  "LMTP 31024 SASL 31012; Postfix SMTP 31025 submission 31587 SMTPS 31465;" \
  "proxy imap.qq.test 32993, imap.163.test 33993"
