#!/usr/bin/env bash
# Runs the load scenarios behind the table in docs/benchmarks.md, three runs each (medians are
# printed by the generator), and keeps every result in zocket-bench/target/load-results/.
# Build first: mvn -q -pl zocket-bench -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")"
out=target/load-results
mkdir -p "$out"
run() {
    local name=$1; shift
    echo "== $name" >&2
    java -cp target/benchmarks.jar dev.zocket.bench.load.LoadGenerator --repeat 3 "$@" > "$out/$name.json"
}
for n in 1 10 100 1000; do run "rpc-$n" --scenario rpc --connections "$n"; done
for n in 10 100 1000; do run "hot-$n" --scenario hot --connections "$n"; done
for n in 10 100; do run "hot-watch-$n" --scenario hot --connections "$n" --watch true; done
run fanout-10x100 --scenario fanout --subscribers 10 --rate 100
run fanout-100x100 --scenario fanout --subscribers 100 --rate 100
run fanout-1000x20 --scenario fanout --subscribers 1000 --rate 20
run fanout-1000x50 --scenario fanout --subscribers 1000 --rate 50
run fanout-5000x5 --scenario fanout --subscribers 5000 --rate 5
for n in 1000 5000 10000; do run "connect-$n" --scenario connect --connections "$n" --duration 5; done
