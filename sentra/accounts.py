"""Who may change what: an account's role and the regions it may change (no passwords here).

An editor's regions are province (``33``), regency (``33.26``) or kecamatan (``33.26.14``)
codes; a centre is inside them when its most detailed code lies in one of them. An admin may
change everything and manage accounts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd

ROLES = ("editor", "admin")
# Names are shown in version lists and on screen: letters, digits and . _ - only.
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
MIN_PASSWORD = 10
# Wrong passwords for one name within FAILURE_WINDOW: the first FREE_FAILURES cost nothing,
# then each attempt waits twice as long as the one before, at most MAX_WAIT.
FAILURE_WINDOW = timedelta(minutes=15)
FREE_FAILURES = 3
MAX_WAIT = timedelta(minutes=5)


@dataclass(frozen=True)
class Account:
    name: str
    role: str  # one of ROLES
    regions: tuple[str, ...] = ()  # empty: an editor may change nothing, an admin everything
    office: str = ""  # free text, e.g. "Dinperindag Kab. Pekalongan"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def covers(self, code: str) -> bool:
        """May this account change figures of region ``code`` (its own or one inside it)?"""
        return self.is_admin or any(code == r or code.startswith(r + ".") for r in self.regions)

    def outside(self, codes: Iterable[str]) -> list[str]:
        """The region codes among ``codes`` this account may not change, once each, sorted."""
        return sorted({str(c) for c in codes if not self.covers(str(c))})

    def inside(self, centres: pd.DataFrame) -> pd.Series:
        """Per centre row: may this account change it? (regency_code, kecamatan_code)"""
        if self.is_admin:
            return pd.Series(True, index=centres.index)
        regency = centres["regency_code"].astype("string").fillna("")
        kecamatan = centres["kecamatan_code"].astype("string").fillna("")
        allowed = pd.Series(False, index=centres.index)
        for code in self.regions:
            if code.count(".") == 2:  # a kecamatan bound needs the row's kecamatan
                allowed |= kecamatan == code
            else:
                allowed |= (regency == code) | regency.str.startswith(code + ".")
        return allowed


def valid_name(name: str) -> bool:
    return NAME.fullmatch(name) is not None


def wait_before_next(failures: list[datetime], now: datetime) -> timedelta:
    """How long a sign-in under a name must still wait, given that name's recent wrong
    passwords (oldest first); zero when it may try now. The same for known and unknown
    names, so the wait says nothing about whether an account exists."""
    recent = [f for f in failures if now - f < FAILURE_WINDOW]
    if len(recent) < FREE_FAILURES:
        return timedelta(0)
    wait = min(timedelta(seconds=2 ** (len(recent) - FREE_FAILURES + 1)), MAX_WAIT)
    return max(recent[-1] + wait - now, timedelta(0))
