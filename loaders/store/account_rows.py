"""The store's accounts and failed sign-ins (tables of schema steps 5 and 6).

Only hashes are stored; hashing and checking passwords is ``loaders.accounts``' work.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd

from sentra.accounts import FAILURE_WINDOW, Account, wait_before_next

ACCOUNT_COLUMNS = ["name", "role", "regions", "office", "disabled", "created_at", "updated_at"]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _account(row: tuple) -> Account:
    name, role, regions, office = row[:4]
    return Account(name, role, tuple((regions or "").split()), office or "")


class AccountRows:
    """A base of ``Store``, whose backends provide ``_read``, ``_write``, ``_rows`` and
    ``_exec``."""

    def add_account(self, account: Account, password_hash: str) -> bool:
        """Store a new account; False (nothing stored) when the name is taken."""
        with self._write() as con:
            if self._rows(con, "SELECT 1 FROM accounts WHERE name = ?", [account.name]):
                return False
            now = _now()
            self._exec(
                con,
                "INSERT INTO accounts (name, role, regions, office, password_hash, disabled, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)",
                [
                    account.name,
                    account.role,
                    " ".join(account.regions),
                    account.office,
                    password_hash,
                    now,
                    now,
                ],
            )
        return True

    def accounts(self) -> pd.DataFrame:
        """Every account, without its hash."""
        with self._read() as con:
            rows = self._rows(
                con, f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM accounts ORDER BY name"
            )
        return pd.DataFrame(rows, columns=ACCOUNT_COLUMNS)

    def account(self, name: str) -> Account | None:
        """The enabled account of that name (None: unknown or disabled)."""
        found = self.account_with_hash(name)
        return found[0] if found else None

    def account_with_hash(self, name: str) -> tuple[Account, str] | None:
        """The enabled account of that name and its password hash, for signing in."""
        with self._read() as con:
            rows = self._rows(
                con,
                "SELECT name, role, regions, office, password_hash FROM accounts "
                "WHERE name = ? AND NOT disabled",
                [name],
            )
        return (_account(rows[0]), rows[0][4]) if rows else None

    def set_password_hash(self, name: str, password_hash: str) -> bool:
        """Replace an account's hash (a disabled account stays disabled); False: no such
        account."""
        with self._write() as con:
            return bool(
                self._exec(
                    con,
                    "UPDATE accounts SET password_hash = ?, updated_at = ? WHERE name = ?",
                    [password_hash, _now(), name],
                )
            )

    def disable_account(self, name: str) -> bool:
        """Disable an account (kept, so versions still name it); False: no such account."""
        with self._write() as con:
            return bool(
                self._exec(
                    con,
                    "UPDATE accounts SET disabled = TRUE, updated_at = ? WHERE name = ?",
                    [_now(), name],
                )
            )

    def begin_sign_in(self, name: str, now: datetime) -> timedelta:
        """Before a password is checked: how long ``name`` must still wait (then nothing is
        recorded), or zero, and the attempt is recorded as a failure until
        ``clear_sign_in_failures`` says otherwise. One transaction under the name's sign-in
        lock, so that attempts made at once each see the ones before them (checking first
        and recording after would let any number of them through together)."""
        with self._write_sign_in(name) as con:
            rows = self._rows(
                con,
                "SELECT failed_at FROM sign_in_failures WHERE name = ? AND failed_at >= ? "
                "ORDER BY failed_at",
                [name, now - FAILURE_WINDOW],
            )
            wait = wait_before_next([r[0] for r in rows], now)
            if wait <= timedelta(0):
                self._exec(con, "INSERT INTO sign_in_failures VALUES (?, ?)", [name, now])
        return wait

    def clear_sign_in_failures(self, name: str, before: datetime) -> None:
        """Forget ``name``'s failures (after a right password) and everyone's older than
        ``before`` (the table stays small)."""
        with self._write_sign_in(name) as con:
            self._exec(
                con,
                "DELETE FROM sign_in_failures WHERE name = ? OR failed_at < ?",
                [name, before],
            )
