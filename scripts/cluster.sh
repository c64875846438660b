#!/usr/bin/env bash
# Several dashboard processes and the read API behind HAProxy on one shared PostgreSQL/PostGIS
# store (HAProxy sends /api to the API, at most 100 requests per client in 10 s), on this
# machine (the shape of a multi-machine deployment; see README "Beyond one machine").
#   bash scripts/cluster.sh start [PROCESSES=2] [PORT=8600]   # one URL: http://127.0.0.1:PORT
#   bash scripts/cluster.sh stop
#   bash scripts/cluster.sh status
# A throwaway PostgreSQL cluster is created (data in a temporary folder, Unix socket only) and
# deleted at stop; set SENTRA_DATABASE_URL to use an existing database instead. Logs and the
# HAProxy configuration are in var/cluster/. SENTRA_PYTHON: a Python with the requirements
# installed (default: .venv, created by scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
run=var/cluster
pidfile=$run/cluster.pid

# shellcheck source=scripts/packages.sh
source scripts/packages.sh

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "${1:-}" in
  start)
    if running; then echo "Sudah berjalan / already running (pid $(cat "$pidfile"))"; exit 1; fi
    # shellcheck disable=SC2046
    apt_install $(server_packages)
    python="${SENTRA_PYTHON:-}"
    if [ -z "$python" ]; then
      bash scripts/setup.sh requirements.txt
      python=.venv/bin/python
    fi
    # Prepare the pinned sources' caches once, not once per process.
    "$python" -m loaders.boundaries >/dev/null
    "$python" -m loaders.wilayah_codes >/dev/null
    mkdir -p "$run"
    args=(--processes "${2:-2}" --port "${3:-8600}" --folder "$run")
    [ -n "${SENTRA_DATABASE_URL:-}" ] && args+=(--database-url "$SENTRA_DATABASE_URL")
    nohup "$python" -m tools.cluster "${args[@]}" >"$run/cluster.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 180); do
      if grep -q "^Siap" "$run/cluster.log"; then grep "^Siap" "$run/cluster.log"; exit 0; fi
      running || { cat "$run/cluster.log"; rm -f "$pidfile"; exit 1; }
      sleep 1
    done
    echo "Tidak siap dalam 180 s / not ready after 180 s; see $run/cluster.log"; exit 1
    ;;
  stop)
    if ! running; then echo "Tidak berjalan / not running"; rm -f "$pidfile"; exit 0; fi
    pid=$(cat "$pidfile")
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    rm -f "$pidfile"
    tail -n 1 "$run/cluster.log"
    ;;
  status)
    if running; then grep "^Siap" "$run/cluster.log"; else echo "Tidak berjalan / not running"; fi
    ;;
  *)
    echo "usage: $0 start [PROCESSES] [PORT] | stop | status"; exit 2
    ;;
esac
