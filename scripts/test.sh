#!/usr/bin/env bash
# Fresh machine → full test run: install (incl. Debian's chromium, PostgreSQL/PostGIS and
# HAProxy), lint, then pytest.
# Extra arguments go to pytest, e.g. `scripts/test.sh -m browser` for the browser tests alone.
# `scripts/test.sh --fast [pytest args]`: the fast tier only (`pytest -m "not slow"`, about a
# minute): no Debian packages installed, no real boundary files (../shared) needed.
set -euo pipefail
cd "$(dirname "$0")/.."
fast=""
args=()
for arg in "$@"; do
  if [ "$arg" = "--fast" ]; then fast=1; else args+=("$arg"); fi
done
if [ -z "$fast" ]; then
  # Debian packages the tests drive: chromium (browser tests), PostgreSQL 15 + PostGIS and
  # HAProxy (the shared store and several processes behind a proxy).
  missing=""
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium fonts-dejavu-core"
  # poppler-utils: the briefing tests read PDFs with pdftotext/pdfinfo and render them with pdftoppm.
  command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
  # shellcheck source=scripts/packages.sh
  source scripts/packages.sh
  # shellcheck disable=SC2086
  apt_install $missing $(server_packages)
fi
bash scripts/setup.sh requirements-dev.txt
if [ -z "$fast" ]; then
  if [ -z "${SENTRA_BOUNDARIES_DIR:-}" ] && [ -d ../shared/geodata/wilayah_boundaries ]; then
    export SENTRA_BOUNDARIES_DIR="$PWD/../shared/geodata/wilayah_boundaries"
  fi
  if [ -z "${SENTRA_CODES_DIR:-}" ] && [ -d ../shared/geodata/wilayah_codes ]; then
    export SENTRA_CODES_DIR="$PWD/../shared/geodata/wilayah_codes"
  fi
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
if [ -n "$fast" ]; then
  exec .venv/bin/python -m pytest -m "not slow" ${args[@]+"${args[@]}"}
fi
exec .venv/bin/python -m pytest ${args[@]+"${args[@]}"}
