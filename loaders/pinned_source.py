"""Files of a public repository pinned at one commit: fetched or read locally, hash-checked.

With the source's environment variable set, files are read from that folder (a checkout
of the repository, or a copy of its ``db/`` folder); otherwise pooch downloads them once
into the per-user cache. Either way every file must match its pinned SHA-256, and any
problem is one ``SourceFileError`` naming the file and the fix (a text key, ``TextError``).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pooch

from sentra.i18n import N_, TextError

ENV_CACHE = "SENTRA_CACHE_DIR"


class SourceFileError(TextError, RuntimeError):
    """A pinned source file is missing, truncated, altered or unreadable."""


def cache_dir() -> Path:
    """Per-user cache folder (outside git) for downloads and processed layers."""
    return Path(os.environ.get(ENV_CACHE) or pooch.os_cache("peta-sentra"))


@dataclass(frozen=True)
class PinnedSource:
    repository: str  # owner/name on GitHub
    commit: str  # full commit hash
    sums_file: Path  # "<sha256>  <path under db/>" per line, committed beside the loader
    env_dir: str  # environment variable naming a local copy
    error: type[SourceFileError] = SourceFileError

    @property
    def base_url(self) -> str:
        return f"https://raw.githubusercontent.com/{self.repository}/{self.commit}/db/"

    def pinned_files(self) -> dict[str, str]:
        """Relative path under ``db/`` → expected SHA-256, from the pinned list."""
        pins: dict[str, str] = {}
        for line in self.sums_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                digest, rel = line.split(maxsplit=1)
                pins[rel.strip()] = digest.lower()
        return pins

    def key(self) -> str:
        """A digest of all pinned hashes: changes whenever the source changes."""
        return hashlib.sha256(self.sums_file.read_bytes()).hexdigest()

    def files(self) -> dict[str, Path]:
        """Verified local paths of every pinned file, keyed by path under ``db/``."""
        pins = self.pinned_files()
        folder = os.environ.get(self.env_dir)
        if folder:
            return self._verified_local(Path(folder), pins)
        return self._downloaded(pins)

    def _fail(self, rel: str, key: str, **params: object) -> SourceFileError:
        """The error for file ``rel``: its name, the repository and the fix (``key``)."""
        return self.error(key, file=rel, repository=self.repository, env=self.env_dir, **params)

    def _local_path(self, folder: Path, rel: str) -> Path:
        for candidate in (folder / "db" / rel, folder / rel):
            if candidate.is_file():
                return candidate
        raise self._fail(rel, N_("source_missing"), folder=folder)

    def _verified_local(self, folder: Path, pins: dict[str, str]) -> dict[str, Path]:
        paths: dict[str, Path] = {}
        for rel, digest in pins.items():
            path = self._local_path(folder, rel)
            actual = pooch.file_hash(str(path), alg="sha256")
            if actual != digest:
                raise self._fail(
                    rel,
                    N_("source_altered"),
                    actual=actual[:12],
                    expected=digest[:12],
                    path=path,
                    commit=self.commit[:12],
                )
            paths[rel] = path
        return paths

    def _downloaded(self, pins: dict[str, str]) -> dict[str, Path]:
        fetcher = pooch.create(
            path=cache_dir() / "source" / self.commit[:12],
            base_url=self.base_url,
            registry={rel: f"sha256:{digest}" for rel, digest in pins.items()},
            retry_if_failed=2,
        )
        paths: dict[str, Path] = {}
        for rel in pins:
            try:
                paths[rel] = Path(fetcher.fetch(rel))
            except ValueError as exc:  # pooch: hash mismatch after download
                raise self._fail(rel, N_("source_hash_mismatch")) from exc
            except Exception as exc:  # network errors of any kind
                raise self._fail(
                    rel, N_("source_download_failed"), error=type(exc).__name__
                ) from exc
        return paths
