"""What the published figures cover: where a count of clusters exists at all, and how the
mapped count of sentra stands against BPS 2024's national count.

Clusters (*klaster*) have one published regional count: Central Java's 133 (2009, fact
``clusters_central_java_2009``). The illustrative sample spreads that total over Central
Java's regencies and kecamatan, so counts there are shown (marked illustrative). Elsewhere
the clusters on the map are known examples, not a count: a cluster count, share or total is
"no data" there unless an office's complete list covers the region.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

import pandas as pd

NATIONAL_SENTRA_FACT = "sentra_industri_national_2024"


def cluster_published(facts: pd.DataFrame) -> frozenset[str]:
    """Region codes with a published count of clusters: facts in unit ``klaster`` with a
    figure and a region (a national count of clusters *formed by one ministry* is not a
    count of all clusters, so facts without a region are left out)."""
    if facts.empty:
        return frozenset()
    value = pd.to_numeric(facts["value"], errors="coerce")
    codes = facts["region_code"].fillna("").astype(str)
    rows = (facts["unit"] == "klaster") & value.notna() & (codes != "")
    return frozenset(c for cs in codes[rows] for c in cs.split(";") if c)


def cluster_known(
    code: str | None,
    facts: pd.DataFrame,
    complete_lists: Collection[str] = frozenset(),
    provinces: Iterable[str] = (),
) -> bool:
    """Whether clusters can be counted in a region: a published figure or an office's
    complete list (``complete_lists``: region codes) covers it or a region containing it.

    ``code`` None is the nation: known only when every one of ``provinces`` is.
    """
    covered = cluster_published(facts) | frozenset(complete_lists)
    if code is None:
        provinces = list(provinces)
        return bool(provinces) and all(p in covered for p in provinces)
    return any(code[:n] in covered for n in (2, 5, 8) if n <= len(code))


def clusters_known_in(
    codes: Iterable[str], facts: pd.DataFrame, complete_lists: Collection[str] = frozenset()
) -> pd.Series:
    """``cluster_known`` for many region codes at once (a boolean Series indexed by code)."""
    covered = cluster_published(facts) | frozenset(complete_lists)
    codes = list(codes)
    known = [any(c[:n] in covered for n in (2, 5, 8) if n <= len(c)) for c in codes]
    return pd.Series(known, index=pd.Index(codes, dtype=object), dtype=bool)


@dataclass(frozen=True)
class BpsNational:
    """BPS 2024's national count of sentra industri against its per-province table."""

    national: int | None  # the published national count (None: no such fact)
    per_province: int  # the sum of the published per-province counts
    missing: tuple[str, ...]  # province codes with no per-province figure, in code order

    @property
    def gap(self) -> int | None:
        """The part of the national count with no province (None: no national count)."""
        return None if self.national is None else self.national - self.per_province


def bps_national(
    facts: pd.DataFrame, bps_2024: pd.DataFrame, provinces: Iterable[str]
) -> BpsNational:
    """The national figure (fact ``sentra_industri_national_2024``), the per-province sum
    and the provinces (of ``provinces``) the per-province table leaves out."""
    national = None
    if not facts.empty:
        rows = facts[facts["fact_id"] == NATIONAL_SENTRA_FACT]
        value = pd.to_numeric(rows["value"], errors="coerce").dropna()
        national = int(value.iloc[0]) if len(value) else None
    published = set(bps_2024["province_code"].astype(str))
    missing = tuple(sorted(p for p in provinces if p not in published))
    return BpsNational(national, int(bps_2024["sentra_industri"].sum()), missing)
