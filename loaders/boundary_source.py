"""The pinned boundary source files (cahyadsn/wilayah_boundaries), always hash-checked.

With ``SENTRA_BOUNDARIES_DIR`` set they are read from that folder (a checkout of the
repository, or a copy of its ``db/`` folder); otherwise pooch downloads them once into
the per-user cache. Either way every file must match its pinned SHA-256.
"""

from __future__ import annotations

from pathlib import Path

from loaders.pinned_source import PinnedSource, SourceFileError
from sentra.map_assets import BOUNDARY_REPOSITORY

PINNED_COMMIT = "3c5a7960f4d227a38489094d84252bdbb3f978a5"
ENV_DIR = "SENTRA_BOUNDARIES_DIR"


class BoundarySourceError(SourceFileError):
    """A boundary source file is missing, truncated, altered or unreadable."""


SOURCE = PinnedSource(
    repository=BOUNDARY_REPOSITORY,
    commit=PINNED_COMMIT,
    sums_file=Path(__file__).with_name("wilayah_boundaries.sha256"),
    env_dir=ENV_DIR,
    error=BoundarySourceError,
)


def pinned_files() -> dict[str, str]:
    """Relative path under ``db/`` → expected SHA-256, from the pinned list."""
    return SOURCE.pinned_files()


def source_files() -> dict[str, Path]:
    """Verified local paths of every pinned file, keyed by path under ``db/``."""
    return SOURCE.files()


def source_key() -> str:
    """A digest of all pinned hashes: changes whenever the source changes."""
    return SOURCE.key()
