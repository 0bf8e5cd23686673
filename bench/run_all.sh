#!/bin/bash
# The runs of bench/RESULTS.md, one after the other.
#   bash bench/run_all.sh [corpus folder, default /tmp] [minutes for the 100k run, default: no limit]
set -e
cd "$(dirname "$0")/.."
DIR=${1:-/tmp}
PY=.venv/bin/python
OUT=bench/RESULTS.md
$PY bench/throughput.py --articles 1000 --corpus-dir "$DIR" --append $OUT
$PY bench/throughput.py --articles 1000 --workers 2 --corpus-dir "$DIR" --append $OUT
$PY bench/throughput.py --articles 1000 --dask local --corpus-dir "$DIR" --append $OUT
$PY bench/throughput.py --articles 100000 --workers 2 --corpus-dir "$DIR" --checkpoint 2000 \
    --max-minutes "${2:-0}" --append $OUT
