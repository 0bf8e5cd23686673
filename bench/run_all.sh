#!/bin/bash
# The runs of bench/RESULTS.md, one after the other (about 1 h 30 on 2 busy cores).
#   bash bench/run_all.sh [corpus folder, default /tmp]
set -e
cd "$(dirname "$0")/.."
DIR=${1:-/tmp}
PY=.venv/bin/python
OUT=bench/RESULTS.md
$PY bench/throughput.py --articles 1000 --corpus-dir "$DIR" --append $OUT
$PY bench/throughput.py --articles 1000 --workers 2 --corpus-dir "$DIR" --append $OUT
$PY bench/throughput.py --articles 1000 --dask local --corpus-dir "$DIR" --append $OUT
$PY bench/throughput.py --articles 10000 --workers 2 --corpus-dir "$DIR" --append $OUT
$PY bench/throughput.py --articles 100000 --workers 2 --corpus-dir "$DIR" --append $OUT
$PY bench/throughput.py --articles 10000 --corpus-dir "$DIR" --append $OUT
