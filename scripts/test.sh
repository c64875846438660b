#!/usr/bin/env bash
# Fresh machine → full test run: install (incl. Debian's chromium), lint, then pytest.
# Extra arguments go to pytest, e.g. `scripts/test.sh -m browser` for the browser tests alone.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
bash scripts/setup.sh requirements-dev.txt
if [ -z "${SENTRA_BOUNDARIES_DIR:-}" ] && [ -d ../shared/geodata/wilayah_boundaries ]; then
  export SENTRA_BOUNDARIES_DIR="$PWD/../shared/geodata/wilayah_boundaries"
fi
if [ -z "${SENTRA_CODES_DIR:-}" ] && [ -d ../shared/geodata/wilayah_codes ]; then
  export SENTRA_CODES_DIR="$PWD/../shared/geodata/wilayah_codes"
fi
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
