#!/usr/bin/env bash
# Starts the bench server from the benchmarks jar given, sends it 50 upgrade requests of 63 KiB in
# 32-byte pieces (one piece per millisecond per socket) and prints the server's CPU meanwhile.
#   run.sh zocket-bench/target/benchmarks.jar
set -euo pipefail
jar=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" "$here/Trickle.java"
java -XX:+UseSerialGC -Xms32m -Xmn16m -Xmx512m -cp "$jar" dev.zocket.bench.BenchServer --port 0 > "$work/server.out" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 50); do
    sleep 0.2
    port=$(grep -o "ws://[0-9.]*:[0-9]*" "$work/server.out" | head -1 | sed 's/.*://') || true
    [[ -n $port ]] && break
done
sleep 1
java -cp "$work" Trickle "$port" 50 32 "$pid"
kill "$pid"
wait "$pid" 2> /dev/null || true
