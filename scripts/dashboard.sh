#!/usr/bin/env bash
# Fresh machine → running dashboard: install, prepare boundaries and region codes (cached for offline use), start.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
.venv/bin/python -m loaders.boundaries
.venv/bin/python -m loaders.wilayah_codes
exec .venv/bin/python -m streamlit run app.py "$@"
