"""Files of a public repository pinned at one commit: fetched or read locally, hash-checked.

With the source's environment variable set, files are read from that folder (a checkout
of the repository, or a copy of its ``db/`` folder); otherwise pooch downloads them once
into the per-user cache. Either way every file must match its pinned SHA-256, and any
problem is one ``SourceFileError`` naming the file and the fix, in both languages.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pooch

ENV_CACHE = "SENTRA_CACHE_DIR"


class SourceFileError(RuntimeError):
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
    label_id: str  # what the files are, for messages: "Berkas batas wilayah"
    label_en: str  # "Boundary file"
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

    def _fail(self, rel: str, problem: str, remedy: str) -> SourceFileError:
        return self.error(
            f"{self.label_id} '{rel}' {problem}. {remedy}\n({self.label_en} '{rel}': {problem}.)"
        )

    def _local_path(self, folder: Path, rel: str) -> Path:
        for candidate in (folder / "db" / rel, folder / rel):
            if candidate.is_file():
                return candidate
        raise self._fail(
            rel,
            f"tidak ditemukan di {folder} / not found",
            f"Salin ulang folder sumber lengkap ke {folder} atau kosongkan {self.env_dir} "
            "agar berkas diunduh dari alamat publiknya.",
        )

    def _verified_local(self, folder: Path, pins: dict[str, str]) -> dict[str, Path]:
        paths: dict[str, Path] = {}
        for rel, digest in pins.items():
            path = self._local_path(folder, rel)
            actual = pooch.file_hash(str(path), alg="sha256")
            if actual != digest:
                raise self._fail(
                    rel,
                    f"rusak atau berubah (SHA-256 {actual[:12]}…, seharusnya {digest[:12]}…) "
                    f"di {path} / truncated or altered",
                    f"Ganti berkas itu dengan salinan asli dari commit {self.commit[:12]} "
                    f"repositori {self.repository}.",
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
                raise self._fail(
                    rel,
                    "terunduh tetapi isinya tidak cocok dengan SHA-256 yang dipatok "
                    "/ hash mismatch",
                    "Coba lagi nanti; jika tetap gagal, unduh repositori secara manual dan "
                    f"arahkan {self.env_dir} ke foldernya.",
                ) from exc
            except Exception as exc:  # network errors of any kind
                raise self._fail(
                    rel,
                    f"tidak dapat diunduh ({type(exc).__name__}) / download failed",
                    f"Periksa koneksi internet, atau arahkan {self.env_dir} ke salinan lokal "
                    f"repositori {self.repository}.",
                ) from exc
        return paths
