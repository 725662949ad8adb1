#!/usr/bin/env bash
# Runs the Java bench server and the original Zocket (TypeScript) on Bun side by side, driven by
# the same load generator, alternating the two within each round, and prints a table of medians.
#
#   zocket-bench/compare-original.sh            # every workload, 3 rounds
#   ROUNDS=5 WORKLOADS="rpc-64 fanout" zocket-bench/compare-original.sh
#
# Needs: Java 17, npm (registry access), and the original's source, which is not on npm: either
# git access to its public repository (cloned at ORIGINAL_COMMIT into the temporary directory) or
# ORIGINAL_DIR pointing at a checkout. Bun and the original's dependencies are installed from npm
# into a temporary directory at run time; nothing of theirs is kept in this repository.
# Not part of the Maven build. Build the generator first:
#   mvn -B -q -pl zocket-bench -am package -DskipTests
#
# Environment:
#   ROUNDS            fresh-server runs per server and workload (default 3)
#   WORKLOADS         any of: rpc-64 hot-16 rpc-1 fanout connect (default all)
#   JAVA_SERVER_OPTS  JVM options of the Java server (default: those docs/server.md recommends;
#                     JAVA_SERVER_OPTS= runs it with the JVM's defaults)
#   JAVA_C1_OPTS      if set, a second Java server, "java-c1", runs with these options in every
#                     round too, e.g. "$JAVA_SERVER_OPTS -XX:TieredStopAtLevel=1" (see docs/server.md)
#   EXTRA_ARGS        more load generator options for every run, e.g. "--warmup 2 --duration 5"
#   SYSCALLS          if 1, counts each server's system calls with perf for 5 s of every rpc,
#                     hot and fanout run (from the 7th second: inside the default measured
#                     window) and prints them per call or per delivered patch; needs perf
#   BUN_VERSION       default 1.4.5
#   ORIGINAL_REPO     default https://github.com/ChiChuRita/zocket.git
#   ORIGINAL_COMMIT   default 31b1d8fd9914b08e956ed28eed324b67020e6fac
#   ORIGINAL_DIR      an existing checkout of ORIGINAL_REPO (skips the clone)
#   JAR               the benchmarks jar (default zocket-bench/target/benchmarks.jar)
#   OUT               where raw results go (default zocket-bench/target/compare-original/<UTC time>)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-$here/target/benchmarks.jar}
[[ -f $jar ]] || { echo "Build first: mvn -B -q -pl zocket-bench -am package -DskipTests" >&2; exit 2; }

ROUNDS=${ROUNDS:-3}
WORKLOADS=${WORKLOADS:-"rpc-64 hot-16 rpc-1 fanout connect"}
JAVA_SERVER_OPTS=${JAVA_SERVER_OPTS-"-XX:+UseSerialGC -Xms32m -Xmn16m -Xmx512m -XX:TrimNativeHeapInterval=1000"}
BUN_VERSION=${BUN_VERSION:-1.4.5}
ORIGINAL_REPO=${ORIGINAL_REPO:-https://github.com/ChiChuRita/zocket.git}
ORIGINAL_COMMIT=${ORIGINAL_COMMIT:-31b1d8fd9914b08e956ed28eed324b67020e6fac}
OUT=${OUT:-$here/target/compare-original/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"

work=$(mktemp -d /tmp/zocket-original.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "Installing Bun $BUN_VERSION and the original's dependencies into $work" >&2
cd "$work"
echo '{"name":"zocket-original-bench","private":true,"type":"module"}' > package.json
npm install --silent --no-audit --no-fund "@oven/bun-linux-x64@$BUN_VERSION" zod@4 immer@10 @standard-schema/spec@1 >&2
bun=$work/node_modules/@oven/bun-linux-x64/bin/bun

if [[ -z ${ORIGINAL_DIR:-} ]]; then
    git clone --quiet "$ORIGINAL_REPO" "$work/checkout"
    git -C "$work/checkout" checkout --quiet "$ORIGINAL_COMMIT"
    ORIGINAL_DIR=$work/checkout
fi
mkdir -p orig
if git -C "$ORIGINAL_DIR" rev-parse --git-dir > /dev/null 2>&1; then
    git --git-dir="$(git -C "$ORIGINAL_DIR" rev-parse --absolute-git-dir)" archive "$ORIGINAL_COMMIT" \
        packages/core/src packages/server/src examples/counter/actors.ts | tar -x -C orig
else
    (cd "$ORIGINAL_DIR" && tar -c packages/core/src packages/server/src examples/counter/actors.ts) | tar -x -C orig
fi
# The packages' published entry points are built files; Bun runs their TypeScript sources directly.
cat > tsconfig.json <<'EOF'
{"compilerOptions":{"baseUrl":".","paths":{
  "@zocket/core":["./orig/packages/core/src/index.ts"],
  "@zocket/core/protocol":["./orig/packages/core/src/protocol.ts"],
  "@zocket/core/types":["./orig/packages/core/src/types.ts"],
  "@zocket/server/bun":["./orig/packages/server/src/bun.ts"]}}}
EOF
# The original's counter example, plus the fan-out workload's ticker (the same actor as
# dev.zocket.bench.Ticker), served the way the example serves it.
cat > bench-server.ts <<'EOF'
import { actor, createApp } from "@zocket/core";
import { serve } from "@zocket/server/bun";
import { z } from "zod";
import { app as counterApp } from "./orig/examples/counter/actors";

const ticker = actor({
  state: z.object({ seq: z.number().default(0), sentAtNanos: z.number().default(0) }),
  methods: {
    tick: {
      input: z.object({ seq: z.number(), sentAtNanos: z.number() }),
      handler: ({ state, input }) => {
        state.seq = input.seq;
        state.sentAtNanos = input.sentAtNanos;
      },
    },
  },
});

const app = createApp({ actors: { ...counterApp.actors, ticker } });
const server = serve(app, { port: 0, hostname: "127.0.0.1" });
console.log(`ws://127.0.0.1:${server.port}`);
EOF

java_cmd="java $JAVA_SERVER_OPTS -cp $jar dev.zocket.bench.BenchServer --port 0"
java_c1_cmd="java ${JAVA_C1_OPTS:-} -cp $jar dev.zocket.bench.BenchServer --port 0"
bun_cmd="$bun $work/bench-server.ts"
servers="java bun"
if [[ -n ${JAVA_C1_OPTS:-} ]]; then servers="java java-c1 bun"; fi
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo), $(uname -sr)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "bun: $("$bun" --version)"
    echo "original: $ORIGINAL_REPO @ $ORIGINAL_COMMIT"
    echo "java server: $java_cmd"
    if [[ -n ${JAVA_C1_OPTS:-} ]]; then echo "java-c1 server: $java_c1_cmd"; fi
} | tee "$OUT/session.txt" >&2

args_for() {
    case $1 in
        rpc-64) echo "--scenario rpc --connections 64" ;;
        hot-16) echo "--scenario hot --connections 16" ;;
        rpc-1) echo "--scenario rpc --connections 1" ;;
        fanout) echo "--scenario fanout --subscribers 1000 --rate 50" ;;
        connect) echo "--scenario connect --connections 5000 --duration 5" ;;
        *) echo "Unknown workload $1" >&2; exit 2 ;;
    esac
}

SYSCALL_EVENTS=raw_syscalls:sys_enter,syscalls:sys_enter_read,syscalls:sys_enter_recvfrom,syscalls:sys_enter_write,syscalls:sys_enter_writev,syscalls:sys_enter_sendto,syscalls:sys_enter_sendmsg,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_epoll_pwait,syscalls:sys_enter_epoll_ctl,syscalls:sys_enter_futex

# Counts the system calls of the server the generator started, for 5 s of its measured window.
count_syscalls() {
    local server_pid=""
    sleep 7
    server_pid=$(pgrep -P "$1" | head -1) || true
    if [[ -n $server_pid ]]; then
        perf stat -x, -e "$SYSCALL_EVENTS" -p "$server_pid" -o "$2" -- sleep 5 2> /dev/null || true
    fi
}

for workload in $WORKLOADS; do
    for round in $(seq 1 "$ROUNDS"); do
        # Alternate which server goes first, so neither always runs on the warmer (or busier) machine.
        if (( round % 2 )); then order=$servers; else order=$(echo "$servers" | tr ' ' '\n' | tac | tr '\n' ' '); fi
        for server in $order; do
            case $server in
                java) cmd=$java_cmd ;;
                java-c1) cmd=$java_c1_cmd ;;
                *) cmd=$bun_cmd ;;
            esac
            echo "== $workload, round $round, $server (load $(cut -d' ' -f1 /proc/loadavg))" >&2
            # shellcheck disable=SC2046
            java -cp "$jar" dev.zocket.bench.load.LoadGenerator $(args_for "$workload") \
                ${EXTRA_ARGS:-} --server-command "$cmd" > "$OUT/$workload-$server-$round.json" &
            generator=$!
            if [[ ${SYSCALLS:-} == 1 && $workload != connect ]]; then
                count_syscalls "$generator" "$OUT/$workload-$server-$round.syscalls"
            fi
            wait "$generator" || echo "   failed: see $OUT/$workload-$server-$round.json" >&2
        done
    done
done

python3 - "$OUT" "$servers" $WORKLOADS <<'EOF'
import glob, json, statistics, sys
out, servers, workloads = sys.argv[1], sys.argv[2].split(), sys.argv[3:]

def runs(workload, server):
    result = []
    for path in sorted(glob.glob(f"{out}/{workload}-{server}-[0-9]*.json")):
        try:
            result.append(json.load(open(path)))
        except ValueError:
            pass
    return result

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

def cpu(run, key):
    return run["cpu"].get(key)

rows = []
for workload in workloads:
    for server in servers:
        rs = runs(workload, server)
        if not rs:
            continue
        if workload == "connect":
            secs = [r["secondsToOpen"] for r in rs]
            rows.append((workload, server, len(rs), {
                "opened/s": med([r["connectionsPerSecond"] for r in rs]),
                "ms to open": med([s * 1000 for s in secs]),
                "CPU %": med([100 * cpu(r, "serverSeconds") / r["secondsToOpen"] for r in rs if cpu(r, "serverSeconds")]),
                "CPU µs/conn": med([r["serverCpuMicrosPerConnection"] for r in rs]),
                "sys %": med([100 * cpu(r, "serverSystemSeconds") / cpu(r, "serverSeconds") for r in rs if cpu(r, "serverSeconds")]),
                "RSS/conn B": med([r.get("residentBytesPerConnection") for r in rs]),
                "RSS MB": med([r["serverResidentAfter"] / 1e6 for r in rs if r.get("serverResidentAfter")]),
                "failed": max(r["failed"] for r in rs)}))
        elif workload == "fanout":
            rows.append((workload, server, len(rs), {
                "delivered": f'{min(r["deliveries"] for r in rs)}/{max(r["expectedDeliveries"] for r in rs)}',
                "p50 ms": med([r["deliveryLatencyMicros"]["p50"] / 1000 for r in rs]),
                "p99 ms": med([r["deliveryLatencyMicros"]["p99"] / 1000 for r in rs]),
                "CPU %": med([100 * cpu(r, "serverSeconds") / r["seconds"] for r in rs if cpu(r, "serverSeconds")]),
                "CPU µs/patch": med([r["serverCpuMicrosPerDelivery"] for r in rs]),
                "sys %": med([100 * cpu(r, "serverSystemSeconds") / cpu(r, "serverSeconds") for r in rs if cpu(r, "serverSeconds")]),
                "RSS MB": med([r["serverResidentBytes"] / 1e6 for r in rs if r.get("serverResidentBytes")])}))
        else:
            rows.append((workload, server, len(rs), {
                "calls/s": med([r["callsPerSecond"] for r in rs]),
                "calls/core-s": med([r["calls"] / cpu(r, "serverSeconds") for r in rs if cpu(r, "serverSeconds")]),
                "CPU %": med([100 * cpu(r, "serverSeconds") / r["seconds"] for r in rs if cpu(r, "serverSeconds")]),
                "sys %": med([100 * cpu(r, "serverSystemSeconds") / cpu(r, "serverSeconds") for r in rs if cpu(r, "serverSeconds")]),
                "p50 ms": med([r["latencyMicros"]["p50"] / 1000 for r in rs]),
                "p99 ms": med([r["latencyMicros"]["p99"] / 1000 for r in rs]),
                "RSS MB": med([r["serverResidentBytes"] / 1e6 for r in rs if r.get("serverResidentBytes")]),
                "errors": max(r["errors"] for r in rs)}))

def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.2f}"
    return f"{v:,}" if isinstance(v, int) else str(v)

print(f"Medians of fresh-server runs; raw results in {out}")
last = None
for workload, server, n, figures in rows:
    if workload != last:
        print()
        print(f"{workload:<8} {'server':<8} {'runs':>4}  " + "  ".join(f"{k:>13}" for k in figures))
        last = workload
    print(f"{'':<8} {server:<8} {n:>4}  " + "  ".join(f"{fmt(v):>13}" for v in figures.values()))
    if server == "bun":
        for name in (s for s in servers if s != "bun"):
            java = next((f for w, s, _, f in rows if w == workload and s == name), None)
            if java:
                ratio = {k: (java[k] / v if isinstance(v, (int, float)) and v and isinstance(java[k], (int, float)) else None)
                         for k, v in figures.items()}
                print(f"{'':<8} {name + '/bun':<13}  " + "  ".join(f"{fmt(r) if r is None else f'{r:.2f}x':>13}" for r in ratio.values()))
# System calls per call or per delivered patch (SYSCALLS=1): perf's counts over 5 s, divided by
# the operations the run measured per second times 5.
def syscalls(path):
    counts = {}
    try:
        for line in open(path):
            fields = line.strip().split(",")
            if len(fields) > 2 and fields[0].isdigit():
                counts[fields[2].split(":")[-1].replace("sys_enter_", "")] = int(fields[0])
    except OSError:
        pass
    return counts

names = {"sys_enter": "all", "read": "read", "recvfrom": "recvfrom", "write": "write", "writev": "writev",
         "sendto": "sendto", "sendmsg": "sendmsg", "epoll_wait": "epoll_wait", "epoll_pwait": "epoll_pwait",
         "epoll_ctl": "epoll_ctl", "futex": "futex"}
printed = False
for workload in workloads:
    if workload == "connect":
        continue
    for server in servers:
        per_op = {}
        for path in sorted(glob.glob(f"{out}/{workload}-{server}-[0-9]*.json")):
            counts = syscalls(path[:-len(".json")] + ".syscalls")
            try:
                r = json.load(open(path))
            except ValueError:
                continue
            rate = r["deliveries"] / r["seconds"] if workload == "fanout" else r["callsPerSecond"]
            if not counts or not rate:
                continue
            for event, count in counts.items():
                per_op.setdefault(event, []).append(count / (rate * 5))
        if not per_op:
            continue
        if not printed:
            print("\nSystem calls per call (fanout: per delivered patch), medians over 5 s of each run")
            print(f"{'workload':<8} {'server':<8}  " + "  ".join(f"{n:>11}" for n in names.values()))
            printed = True
        print(f"{workload:<8} {server:<8}  " + "  ".join(
            f"{med(per_op[e]):>11.3f}" if e in per_op else f"{'-':>11}" for e in names))
EOF
