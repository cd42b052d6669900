#!/usr/bin/env bash
# The cost of mcp-ee's agent-token check alone (bench/token-check/io/mcpee/tokens/TokenCheckBench.java): compiled
# against the built mcp-ee classes and run in one JVM. Arguments: [table size] [tokens presented in turn]
# [checks timed] [warm-up seconds], default 100000 1000 2000000 20.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
classes="$root/src/mcp-ee/target/classes"
[[ -d "$classes" ]] || (cd "$root" && mvn -B -q install -DskipTests) >&2
tmp="$(mktemp -d "${TMPDIR:-/tmp}/mcpee-token-check.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && mvn -B -q -f src/mcp-ee/pom.xml dependency:build-classpath -Dmdep.outputFile="$tmp/cp.txt") >&2
cp="$classes:$(cat "$tmp/cp.txt")"
javac -d "$tmp/out" -cp "$cp" "$here/token-check/io/mcpee/tokens/TokenCheckBench.java"
java -cp "$tmp/out:$cp" io.mcpee.tokens.TokenCheckBench "$@"
