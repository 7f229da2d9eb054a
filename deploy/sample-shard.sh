#!/bin/sh
# One shard of a sharded `synth sample`, the shard number taken from JOB_COMPLETION_INDEX (what a Kubernetes
# Indexed Job gives each of its pods). The container's entrypoint, and what sample-shards.sh runs K times on one
# machine, so both run the same command.
#
#   JOB_COMPLETION_INDEX=i sample-shard.sh MODEL ROWS K OUT [more `synth sample` options, e.g. --seed 5]
#
# writes OUT/part-i-of-K.parquet. SYNTH is the synth command (default: synth on the PATH; the image sets it).
set -eu

if [ "$#" -lt 4 ]; then
  echo "usage: JOB_COMPLETION_INDEX=i $0 MODEL ROWS K OUT [synth sample options...]" >&2
  exit 2
fi
model=$1 rows=$2 shards=$3 out=$4
shift 4
if [ -z "${JOB_COMPLETION_INDEX:-}" ]; then
  echo "$0: JOB_COMPLETION_INDEX is not set: give the shard number, 0 to $((shards - 1)) (a Kubernetes Indexed Job sets it)." >&2
  exit 2
fi

# SYNTH is split on spaces on purpose, so that it may be e.g. "dotnet /opt/synth/synth.dll".
# shellcheck disable=SC2086
exec ${SYNTH:-synth} sample "$model" --rows "$rows" --shard "$JOB_COMPLETION_INDEX/$shards" --out "$out" --format parquet "$@"
