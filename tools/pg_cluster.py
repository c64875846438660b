"""A throwaway PostgreSQL 15 + PostGIS cluster (Debian packages) for tests and scripts/cluster.sh.

``initdb`` in a temporary folder, run as a non-root user (``postgres`` when started by root),
listening on a Unix socket inside that folder only: no TCP port, and the folder is readable by
its owner alone. Stopped and deleted at the end.
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

PG_BIN = Path(os.environ.get("SENTRA_PG_BIN", "/usr/lib/postgresql/15/bin"))
PORT = 5432  # only names the socket file (.s.PGSQL.5432); nothing listens on TCP
TEST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


class PostgresMissing(RuntimeError):
    """PostgreSQL or PostGIS is not installed (Debian: postgresql, postgresql-15-postgis-3)."""


@dataclass
class PgCluster:
    folder: Path
    user: str

    def url(self, database: str) -> str:
        return f"postgresql:///{database}?host={self.folder}&port={PORT}&user={self.user}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database (a fast file copy when ``template`` is given); its URL."""
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with psycopg.connect(self.url("postgres"), autocommit=True) as con:
            con.execute(query)
        return self.url(name)


def available() -> bool:
    return (PG_BIN / "initdb").exists() and any(
        Path("/usr/share/postgresql").glob("*/extension/postgis.control")
    )


def _as_owner(command: list[str], user: str) -> list[str]:
    return ["runuser", "-u", user, "--", *command] if os.geteuid() == 0 else command


def _start(folder: Path, user: str, settings: dict[str, str]) -> None:
    data = folder / "data"
    options = {
        "listen_addresses": "''",
        "unix_socket_directories": str(folder),
        "port": str(PORT),
        **settings,
    }
    flags = " ".join(f"-c {key}={value}" for key, value in options.items())
    try:
        for command in (
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(data),
                "-U",
                user,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-w",
                "-t",
                "60",
                "-o",
                flags,
                "start",
            ],
        ):
            subprocess.run(_as_owner(command, user), check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as exc:
        log = folder / "log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else exc.stderr
        raise RuntimeError(f"PostgreSQL did not start: {detail}") from exc


@contextmanager
def running_postgres(settings: dict[str, str] | None = None) -> Iterator[PgCluster]:
    """Start a fresh cluster; stop it and delete its folder afterwards, even on errors."""
    if not available():
        raise PostgresMissing(
            f"PostgreSQL/PostGIS not found ({PG_BIN}); apt-get install postgresql "
            "postgresql-15-postgis-3"
        )
    user = "postgres" if os.geteuid() == 0 else getpass.getuser()
    folder = Path(tempfile.mkdtemp(prefix="sentra-pg-"))
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, user)
        os.chmod(folder, 0o700)
        _start(folder, user, settings or {})
        try:
            yield PgCluster(folder, user)
        finally:
            stop = [str(PG_BIN / "pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "-w", "stop"]
            subprocess.run(_as_owner(stop, user), capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
