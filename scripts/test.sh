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
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing="$missing postgresql"
[ -f /usr/share/postgresql/15/extension/postgis.control ] || missing="$missing postgresql-15-postgis-3"
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing="$missing haproxy"
if [ -n "$missing" ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq $missing >/dev/null
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
