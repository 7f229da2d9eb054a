#!/bin/sh
# All K shards of a sharded `synth sample` on one machine, JOBS at a time (default: the number of cores), through
# xargs: each runs sample-shard.sh with its JOB_COMPLETION_INDEX, as the pods of the Kubernetes Job do.
#
#   sample-shards.sh MODEL ROWS K OUT [more `synth sample` options, e.g. --seed 5]
#
# writes OUT/part-0-of-K.parquet … OUT/part-(K-1)-of-K.parquet and fails if any shard fails.
# With GNU parallel instead of xargs:
#   seq 0 $((K - 1)) | parallel -j "$JOBS" JOB_COMPLETION_INDEX={} deploy/sample-shard.sh MODEL ROWS K OUT
set -eu

if [ "$#" -lt 4 ]; then
  echo "usage: $0 MODEL ROWS K OUT [synth sample options...]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
shards=$3
case "$shards" in
  '' | *[!0-9]* | 0) echo "$0: K must be a whole number of shards, at least 1 (got '$shards')." >&2; exit 2 ;;
esac
jobs=${JOBS:-$(nproc)}

seq 0 $((shards - 1)) | xargs -P "$jobs" -I '{}' env JOB_COMPLETION_INDEX='{}' "$here/sample-shard.sh" "$@"
