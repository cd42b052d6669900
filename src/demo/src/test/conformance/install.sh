#!/usr/bin/env bash
# Installs the official MCP conformance suite and the Node.js 22 it needs (as the npm package "node") into the
# folder given as $1 (the pom passes target/conformance), from package.json and package-lock.json beside this
# script. Only the npm registry is used; the machine's own Node (20 is enough) runs npm. An installation that
# matches both files is kept, so a rerun costs nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${1:?usage: install.sh TARGET_FOLDER}"
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
node="$dest/node_modules/.bin/node"
suite="$dest/node_modules/@modelcontextprotocol/conformance/dist/index.js"

if [ -x "$node" ] && [ -f "$suite" ] && cmp -s "$here/package.json" "$dest/package.json" \
        && cmp -s "$here/package-lock.json" "$dest/package-lock.json" && "$node" --version >/dev/null 2>&1; then
    echo "conformance suite already installed in $dest (node $("$node" --version))"
    exit 0
fi
command -v npm >/dev/null || { echo "npm is required to install the MCP conformance suite" >&2; exit 1; }
echo "installing the MCP conformance suite into $dest"
rm -rf "$dest/node_modules" "$dest/package.json" "$dest/package-lock.json"
cp "$here/package.json" "$here/package-lock.json" "$dest/"
# npm on Node 20 warns that some packages want Node 22 (EBADENGINE): they run on the Node 22 installed here
(cd "$dest" && npm ci --no-audit --no-fund --loglevel=error)
"$node" --version
"$node" "$suite" --version
