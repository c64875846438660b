#!/usr/bin/env bash
# Fresh machine → running dashboard: install, prepare boundaries and region codes (cached for offline use), start.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
.venv/bin/python -m loaders.boundaries
.venv/bin/python -m loaders.wilayah_codes
# The server prepares its first visit while it starts (serving/start.py).
exec .venv/bin/python -m serving.start "$@"
