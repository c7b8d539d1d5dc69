#!/usr/bin/env bash
# Measures archival throughput: generates a runs directory of finished runs that are all due for
# archival (40 to 60 days old), then times one `collector housekeeping --once` pass over it.
#
# Usage: collector/scripts/bench-housekeeping.sh [DIR] [RUN_COUNT] [BYTES_PER_RUN] [--set KEY=VALUE]...
# Defaults: a new directory under /tmp, 512 runs of 4 MiB (2 GiB). Arguments after the third go to
# `collector housekeeping`, for example --set archival.gzipLevel=6. Needs the built jars:
#   ./mvnw -B -ntp -o -q -pl sample-app,collector -am package -DskipTests
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-$(mktemp -d /tmp/hench-bench-runs.XXXXXX)}
count=${2:-512}
bytes_per_run=${3:-4194304}
shift $(( $# < 3 ? $# : 3 ))
java=${JAVA:-java}

"$java" -cp "$root/sample-app/target/hench-sample-app.jar" \
    dev.hench.sample.runs.RunsDirectoryGenerator "$dir" "$count" "$bytes_per_run" 60 40
sync
before=$(du -sb "$dir" | cut -f1)
echo "generated $count runs, $before bytes in $dir"

start=$(date +%s.%N)
"$java" -jar "$root/collector/target/hench-collector.jar" housekeeping --runs "$dir" --once "$@" \
    | grep -E '^(pass at|rebuilt)'
end=$(date +%s.%N)

after=$(du -sb "$dir" | cut -f1)
awk -v b="$before" -v a="$after" -v s="$start" -v e="$end" 'BEGIN {
    t = e - s
    printf "pass took %.1f s; %.0f MiB in, %.0f MiB on disk after; %.1f MiB/s of run files\n",
        t, b / 1048576, a / 1048576, b / 1048576 / t
}'
