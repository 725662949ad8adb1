#!/usr/bin/env bash
# Profiles the Java bench server under one load-generator workload with async-profiler (CPU
# samples, Java and kernel frames) and prints where its CPU goes: the share of the JIT compilers,
# the collector, the kernel and Java code, then the top frames by self time and by total time.
#
#   zocket-bench/profile.sh rpc-64              # or hot-16, rpc-1, fanout, connect
#   OUT=/tmp/profiles zocket-bench/profile.sh fanout
#
# Needs: Java 17, Maven (async-profiler is fetched from Maven Central, tools.profiler:async-profiler),
# python3, Linux x64. Not part of the Maven build. Build the generator first:
#   mvn -B -q -pl zocket-bench -am package -DskipTests
#
# Environment:
#   JAVA_SERVER_OPTS  JVM options of the server (default: those docs/server.md recommends)
#   EXTRA_ARGS        more load generator options, e.g. "--warmup 10 --duration 20"
#   PROFILER_VERSION  async-profiler version (default 4.1)
#   OUT               where the collapsed stacks go (default zocket-bench/target/profiles/<UTC time>)
#
# The stacks cover the whole run, warm-up included, so the JIT's share is larger than in the
# measured window; the Java and kernel frames below the event loop are what a call costs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-$here/target/benchmarks.jar}
[[ -f $jar ]] || { echo "Build first: mvn -B -q -pl zocket-bench -am package -DskipTests" >&2; exit 2; }
workload=${1:?"usage: profile.sh rpc-64|hot-16|rpc-1|fanout|connect"}
JAVA_SERVER_OPTS=${JAVA_SERVER_OPTS-"-XX:+UseSerialGC -Xms32m -Xmn16m -Xmx512m -XX:TrimNativeHeapInterval=1000"}
PROFILER_VERSION=${PROFILER_VERSION:-4.1}
OUT=${OUT:-$here/target/profiles/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"

case $workload in
    rpc-64) args="--scenario rpc --connections 64" ;;
    hot-16) args="--scenario hot --connections 16" ;;
    rpc-1) args="--scenario rpc --connections 1" ;;
    fanout) args="--scenario fanout --subscribers 1000 --rate 50" ;;
    connect) args="--scenario connect --connections 5000 --duration 5" ;;
    *) echo "Unknown workload $workload" >&2; exit 2 ;;
esac

work=$(mktemp -d /tmp/zocket-profile.XXXXXX)
trap 'rm -rf "$work"' EXIT
mvn -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" -DoutputDirectory="$work" >&2
(cd "$work" && unzip -q -o "async-profiler-$PROFILER_VERSION.jar" 'linux-x64/*')
agent="$work/linux-x64/libasyncProfiler.so"
stacks="$OUT/$workload.collapsed"

echo "Profiling $workload; stacks in $stacks" >&2
# shellcheck disable=SC2086
java -cp "$jar" dev.zocket.bench.load.LoadGenerator $args ${EXTRA_ARGS:-} --server-command \
    "java $JAVA_SERVER_OPTS -agentpath:$agent=start,event=cpu,interval=500us,file=$stacks,collapsed -cp $jar dev.zocket.bench.BenchServer --port 0" \
    > "$OUT/$workload.json"

python3 - "$stacks" <<'EOF'
import collections, sys

def kind(frames):
    if any("CompileBroker" in f for f in frames):
        return "JIT compilers"
    if any("GenCollectedHeap" in f or ("G1" in f and "Collect" in f) for f in frames):
        return "garbage collector"
    if frames[-1].endswith("_[k]"):
        return "kernel"
    return "Java and native code"

total = 0
kinds = collections.Counter()
own = collections.Counter()
inclusive = collections.Counter()
for line in open(sys.argv[1]):
    stack, _, count = line.rstrip().rpartition(" ")
    frames, count = stack.split(";"), int(count)
    total += count
    kinds[kind(frames)] += count
    if kind(frames) == "Java and native code":
        own[frames[-1]] += count
    if any("EventLoop.run" in f for f in frames):
        for frame in set(frames):
            inclusive[frame] += count

print(f"{total} samples")
for name, count in kinds.most_common():
    print(f"  {100 * count / total:5.1f}%  {name}")
print("\nTop frames by self time (kernel, JIT and collector left out), % of all samples:")
for frame, count in own.most_common(25):
    print(f"  {100 * count / total:5.2f}  {frame}")
print("\nTop frames under the event loops by total time, % of all samples:")
for frame, count in inclusive.most_common(40):
    print(f"  {100 * count / total:5.2f}  {frame}")
EOF
