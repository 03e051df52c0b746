#!/bin/bash
# Submits the sharded space-order study and its merge: the merge job waits for every array task
# (afterok), so it runs only when all shards succeeded. Run from the folder that should hold
# logs/, parts/ and verify-space-order/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p logs
array=$(sbatch --parsable "$here/space-order.slurm")
array=${array%%;*}   # --parsable prints "id" or "id;cluster"
sbatch --dependency=afterok:"$array" "$here/space-order-merge.slurm"
