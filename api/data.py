"""What the API reads, loaded once per process and per data version, shared by requests.

The same doors as the dashboard's process caches (``ui/cached.py``): the store
(``loaders.store.open_store``), the boundary layers, the reference tables with the offices'
complete lists of a version, the coverage of a version and the imported regional
indicators (``loaders.reference``). Requests run on a thread pool: loads are guarded by a
lock, and what is returned is shared, so treat it as read-only.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import pandas as pd

from loaders.boundaries import BoundaryLayers, load
from loaders.reference import coverage_at, imported_indicators, load_reference, reference_at
from loaders.store import Store, open_store
from sentra.indicators import Reference
from sentra.regional_indicators import ImportedIndicators

T = TypeVar("T")
VERSIONS_KEPT = 2  # centres of this many versions in memory (a million centres: ~0.3 GB each)


@dataclass(frozen=True)
class Snapshot:
    """The store's state a request is answered from."""

    current: int  # the current data version
    versions: frozenset[int]  # every stored version
    indicators: int  # the newest imported regional indicator version (0: none)


@dataclass
class VersionData:
    """One data version: its centres, the reference tables as of it, its coverage."""

    version: int
    centres: pd.DataFrame
    ref: Reference
    _coverage: Callable[[], pd.DataFrame]
    _cached: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def coverage(self) -> pd.DataFrame:
        """Where each region's figures come from (``sentra.coverage``), built on first use."""
        if "coverage" not in self._cached:
            self._cached["coverage"] = self._coverage()
        return self._cached["coverage"]


class DataSource:
    """The store and everything read from it, for the life of the API process."""

    def __init__(self, store: Store | None = None, layers: BoundaryLayers | None = None) -> None:
        self.store = store or open_store()
        self.layers = layers or load()[0]
        self.regions = self.layers.all_regions  # every province, regency and kecamatan
        self.reference = load_reference(self.store, self.regions)
        self._lock = threading.RLock()
        self._snapshot: tuple[object, Snapshot] | None = None
        self._versions: OrderedDict[int, VersionData] = OrderedDict()
        self._imported: tuple[int, ImportedIndicators] | None = None
        self._version_table: tuple[Snapshot, pd.DataFrame] | None = None

    def snapshot(self) -> Snapshot:
        """The current version, the stored versions and the newest indicator version. A
        file store is asked again only when its files changed (``Store.change_mark``); a
        database server on every request."""
        mark = self.store.change_mark()
        kept = self._snapshot
        if mark is not None and kept is not None and kept[0] == mark:
            return kept[1]
        versions = self.store.versions()
        indicators = self.store.regional_indicator_versions()["indicator_version"]
        snapshot = Snapshot(
            current=int(versions.loc[versions["is_current"], "version_id"].iloc[0]),
            versions=frozenset(int(v) for v in versions["version_id"]),
            indicators=int(indicators.max()) if len(indicators) else 0,
        )
        with self._lock:
            self._version_table = (snapshot, versions)
            if mark is not None:
                self._snapshot = (mark, snapshot)
        return snapshot

    def version_table(self, snapshot: Snapshot) -> pd.DataFrame:
        """``Store.versions()`` as of ``snapshot``."""
        with self._lock:
            kept = self._version_table
        if kept is not None and kept[0] == snapshot:
            return kept[1]
        return self.store.versions()

    def at(self, version: int) -> VersionData:
        """The data of one stored version, loaded once and kept for the newest few asked."""
        with self._lock:
            data = self._versions.get(version)
            if data is None:
                data = VersionData(
                    version,
                    self.store.centres(version),
                    reference_at(self.reference, self.store, version),
                    lambda: coverage_at(self.reference, self.store, version),
                )
                self._versions[version] = data
                while len(self._versions) > VERSIONS_KEPT:
                    self._versions.popitem(last=False)
            else:
                self._versions.move_to_end(version)
            return data

    def imported(self, snapshot: Snapshot) -> ImportedIndicators:
        """The newest version of every imported regional indicator, as of ``snapshot``."""
        with self._lock:
            if self._imported is None or self._imported[0] != snapshot.indicators:
                self._imported = (snapshot.indicators, imported_indicators(self.store))
            return self._imported[1]

    def close(self) -> None:
        self.store.close()
