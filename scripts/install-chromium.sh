#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the editor test (playwright-core drives
# it with executablePath; Playwright's own browser download does not work here).
# Idempotent: does nothing when /usr/bin/chromium already runs.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
say() { printf '[install-chromium] %s\n' "$*" >&2; }
if "$CHROMIUM" --version >/dev/null 2>&1; then
	say "$("$CHROMIUM" --version) already installed"
	exit 0
fi
LOG="${ETOP_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-etop-ocr}/logs/chromium.log"
mkdir -p "$(dirname "$LOG")"
SUDO=""
if [[ $(id -u) != 0 ]]; then
	command -v sudo >/dev/null || { say "ERROR: not root and no sudo; install the Debian package 'chromium' yourself"; exit 1; }
	SUDO="sudo -n"
fi
say "installing Debian chromium with apt-get (log: $LOG)"
start=$SECONDS
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk; } >>"$LOG" 2>&1; then
	say "ERROR: apt-get install chromium failed after $((SECONDS - start))s; last lines of $LOG:"
	tail -n 30 "$LOG" | sed 's/^/    /' >&2
	exit 1
fi
"$CHROMIUM" --version >/dev/null 2>&1 || { say "ERROR: chromium installed but $CHROMIUM --version fails"; exit 1; }
say "$("$CHROMIUM" --version) installed in $((SECONDS - start))s"
