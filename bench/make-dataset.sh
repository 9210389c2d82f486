#!/bin/sh
# Generates a benchmark dataset: bench/make-dataset.sh DIR [SETTLEMENTS]
#
# The default, 1,000,000 settlements at --lines-scale 2.2, gives 11.0 million fee lines
# (2.3 GB of CSV; under 3 minutes and about 100 MB of memory on one core). The data is the
# example generator's (tools/datagen), with injected violations of every rule at the default
# rate, so the screening finds real hits; --seed 1 makes it reproducible: the same command gives
# byte-identical files.
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 DIR [SETTLEMENTS]   (default 1000000 settlements, ~11M fee lines)" >&2
  exit 2
fi
here=$(dirname "$0")
exec nice -n 10 python3 "$here/../tools/datagen/fundguard_datagen.py" \
  --out "$1" --seed 1 --settlements "${2:-1000000}" --lines-scale 2.2
