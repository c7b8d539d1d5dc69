#!/usr/bin/env bash
# Compares admission that reads the cgroup with admission that reads only host memory.
#
# Creates a memory cgroup limited to 1 GiB under this shell's own memory cgroup and starts
# 'collector admission-server' outside it. A launch loop then starts WORKERS allocation
# workers inside the cgroup, each only after 'collector admit' exits 0. Each worker keeps
# WORKER_MIB of heap for HOLD_SECONDS. Runs twice: with budget.cgroup pointing at the
# test cgroup, and with budget.source=host-only (the old behaviour). Prints the OOM kills of
# each run, counted from the cgroup's oom_kill counter and from exit status 137.
#
# Needs root, a writable memory cgroup (v1 or v2), a JDK on PATH and the built collector jar
# (./mvnw -pl collector -am package -DskipTests). Usage, from the repository root:
#   collector/src/test/scripts/admission-oom-proof.sh [WORKERS] [WORKER_MIB] [HOLD_SECONDS]
set -euo pipefail

WORKERS=${1:-8}
WORKER_MIB=${2:-256}
HOLD_SECONDS=${3:-6}
LIMIT_BYTES=$((1024 * 1024 * 1024))
PORT=${PORT:-7399}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../../../target/hench-collector.jar}
WORK=$(mktemp -d /tmp/hench-oom-proof.XXXXXX)
# A worker's peak: its heap plus about 64 MiB of JVM overhead (code, metaspace, GC, threads).
EXPECTED_BYTES=$(( (WORKER_MIB + 64) * 1024 * 1024 ))

[ -f "$JAR" ] || { echo "collector jar not found at $JAR; build it first" >&2; exit 2; }
javac -d "$WORK" "$HERE/AllocationWorker.java"

# The memory cgroup of this shell, and the mount it lives under.
if grep -q ':memory:' /proc/self/cgroup; then
    VERSION=v1
    SELF=$(grep ':memory:' /proc/self/cgroup | head -1 | cut -d: -f3)
    MOUNT=$(awk '$9 == "cgroup" && $NF ~ /(^|,)memory(,|$)/ {print $5; exit}' /proc/self/mountinfo)
    LIMIT_FILE=memory.limit_in_bytes
else
    VERSION=v2
    SELF=$(grep '^0::' /proc/self/cgroup | cut -d: -f3)
    MOUNT=$(awk '$9 == "cgroup2" {print $5; exit}' /proc/self/mountinfo)
    LIMIT_FILE=memory.max
fi
SELF=${SELF%/}
NAME=hench-oom-proof-$$
CGROUP_PATH=$SELF/$NAME
CGROUP_DIR=$MOUNT$CGROUP_PATH

SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    if [ -d "$CGROUP_DIR" ]; then
        for pid in $(cat "$CGROUP_DIR/cgroup.procs" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
        for _ in 1 2 3 4 5 6 7 8 9 10; do rmdir "$CGROUP_DIR" 2>/dev/null && break; sleep 0.5; done
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

oom_kills() {
    if [ "$VERSION" = v1 ]; then
        awk '$1 == "oom_kill" {print $2}' "$CGROUP_DIR/memory.oom_control"
    else
        awk '$1 == "oom_kill" {print $2}' "$CGROUP_DIR/memory.events"
    fi
}

# Runs one launch loop; prints "<oom_kill counter> <exits with 137> <admit refusals/timeouts>
# <most workers alive at one launch>".
run_once() {
    local mode=$1
    mkdir "$CGROUP_DIR"
    echo "$LIMIT_BYTES" > "$CGROUP_DIR/$LIMIT_FILE"
    local settings=(--set budget.cgroup="$CGROUP_PATH" --set admission.interval=500ms
                    --set admission.reservationTimeout=20s)
    if [ "$mode" = host-only ]; then settings+=(--set budget.source=host-only); fi
    java -jar "$JAR" admission-server --port "$PORT" "${settings[@]}" > "$WORK/server-$mode.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        grep -q 'listening on' "$WORK/server-$mode.log" && break
        sleep 0.1
    done

    local pids=() retries=0 most=0
    for i in $(seq 1 "$WORKERS"); do
        while true; do
            set +e
            java -jar "$JAR" admit --url "http://127.0.0.1:$PORT" --wait 60s \
                --expected-bytes "$EXPECTED_BYTES" --quiet
            local rc=$?
            set -e
            if [ "$rc" -eq 0 ]; then break; fi
            if [ "$rc" -eq 5 ] || [ "$rc" -eq 2 ]; then echo "admit failed with $rc" >&2; exit 1; fi
            retries=$((retries + 1))
            sleep 0.5
        done
        # The subshell moves itself into the cgroup, then becomes the worker JVM.
        sh -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' _ "$CGROUP_DIR" \
            java -Xms16m -Xmx$((WORKER_MIB + 48))m -XX:+UseSerialGC -cp "$WORK" AllocationWorker \
            "$WORKER_MIB" "$HOLD_SECONDS" > /dev/null 2>&1 &
        pids+=($!)
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=$((alive + 1)); done
        if [ "$alive" -gt "$most" ]; then most=$alive; fi
    done

    local killed=0
    for pid in "${pids[@]}"; do
        set +e
        wait "$pid"
        local status=$?
        set -e
        if [ "$status" -eq 137 ]; then killed=$((killed + 1)); fi
    done
    local counter
    counter=$(oom_kills)
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
    rmdir "$CGROUP_DIR"
    echo "$counter $killed $retries $most"
}

echo "cgroup $VERSION $CGROUP_DIR limit $LIMIT_BYTES; $WORKERS workers of $WORKER_MIB MiB held ${HOLD_SECONDS}s"
java -version 2>&1 | head -1
start=$(date +%s)
read -r c_oom c_137 c_retries c_most < <(run_once cgroup)
echo "admission reading the cgroup: oom_kill=$c_oom exit137=$c_137 admit-retries=$c_retries" \
    "most-alive=$c_most ($(( $(date +%s) - start ))s)"
start=$(date +%s)
read -r h_oom h_137 h_retries h_most < <(run_once host-only)
echo "admission reading host memory only: oom_kill=$h_oom exit137=$h_137 admit-retries=$h_retries" \
    "most-alive=$h_most ($(( $(date +%s) - start ))s)"
