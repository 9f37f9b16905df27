#!/usr/bin/env bash
# Installs the Debian packages the test suites need when they are missing:
# Chromium and a CJK font for the browser tests, isync (mbsync) for the benchmarks.
# The mail servers are installed by tooling/mailstack/start.sh itself.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'WenQuanYi Micro Hei' || need+=(fonts-wqy-microhei)
command -v mbsync >/dev/null || need+=(isync)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${need[*]} (run as root or: sudo apt-get install -y ${need[*]})" >&2
  exit 1
fi
echo "installing ${need[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q "${need[@]}" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "${need[@]}" >/dev/null; }
