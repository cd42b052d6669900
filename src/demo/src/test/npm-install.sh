#!/usr/bin/env bash
# Installs the npm packages a folder of src/test lists (its package.json and package-lock.json: the official MCP
# conformance suite, or the official MCP clients), and the Node.js 22 they need (as the npm package "node"), into a
# folder of target: npm-install.sh SOURCE_FOLDER TARGET_FOLDER. The source folder's scripts (*.mjs) are copied
# beside them, so that they resolve the installed packages. Only the npm registry is used; the machine's own Node
# (20 is enough) runs npm. An installation that matches both files is kept, so a rerun costs nothing.
set -euo pipefail
here="$(cd "${1:?usage: npm-install.sh SOURCE_FOLDER TARGET_FOLDER}" && pwd)"
dest="${2:?usage: npm-install.sh SOURCE_FOLDER TARGET_FOLDER}"
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
node="$dest/node_modules/.bin/node"
for script in "$here"/*.mjs; do
    if [ -e "$script" ]; then cp "$script" "$dest/"; fi
done

if [ -x "$node" ] && cmp -s "$here/package.json" "$dest/package.json" \
        && cmp -s "$here/package-lock.json" "$dest/package-lock.json" && "$node" --version >/dev/null 2>&1; then
    echo "npm packages of $here already installed in $dest (node $("$node" --version))"
    exit 0
fi
command -v npm >/dev/null || { echo "npm is required to install the packages of $here" >&2; exit 1; }
echo "installing the npm packages of $here into $dest"
rm -rf "$dest/node_modules" "$dest/package.json" "$dest/package-lock.json"
cp "$here/package.json" "$here/package-lock.json" "$dest/"
# npm on Node 20 warns that some packages want Node 22 (EBADENGINE): they run on the Node 22 installed here
(cd "$dest" && npm ci --no-audit --no-fund --loglevel=error)
"$node" --version
