#!/usr/bin/env bash
# Fresh machine → full test run: install (incl. Debian's chromium, PostgreSQL/PostGIS and
# HAProxy), lint, then pytest.
# Extra arguments go to pytest, e.g. `scripts/test.sh -m browser` for the browser tests alone.
set -euo pipefail
cd "$(dirname "$0")/.."
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
bash scripts/setup.sh requirements-dev.txt
if [ -z "${SENTRA_BOUNDARIES_DIR:-}" ] && [ -d ../shared/geodata/wilayah_boundaries ]; then
  export SENTRA_BOUNDARIES_DIR="$PWD/../shared/geodata/wilayah_boundaries"
fi
if [ -z "${SENTRA_CODES_DIR:-}" ] && [ -d ../shared/geodata/wilayah_codes ]; then
  export SENTRA_CODES_DIR="$PWD/../shared/geodata/wilayah_codes"
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
