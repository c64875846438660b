"""The pinned boundary source files, fetched or read locally, always hash-checked.

The files come from cahyadsn/wilayah_boundaries at one pinned commit. With
``SENTRA_BOUNDARIES_DIR`` set they are read from that folder (a checkout of the
repository, or a copy of its ``db/`` folder); otherwise pooch downloads them once
into the per-user cache. Either way every file must match its pinned SHA-256.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pooch

from sentra.map_assets import BOUNDARY_REPOSITORY

PINNED_COMMIT = "3c5a7960f4d227a38489094d84252bdbb3f978a5"
REPOSITORY = BOUNDARY_REPOSITORY
BASE_URL = f"https://raw.githubusercontent.com/{REPOSITORY}/{PINNED_COMMIT}/db/"
ENV_DIR = "SENTRA_BOUNDARIES_DIR"
ENV_CACHE = "SENTRA_CACHE_DIR"
SUMS_FILE = Path(__file__).with_name("wilayah_boundaries.sha256")


class BoundarySourceError(RuntimeError):
    """A boundary source file is missing, truncated, altered or unreadable."""


def cache_dir() -> Path:
    """Per-user cache folder (outside git) for downloads and processed layers."""
    return Path(os.environ.get(ENV_CACHE) or pooch.os_cache("peta-sentra"))


def pinned_files() -> dict[str, str]:
    """Relative path under ``db/`` → expected SHA-256, from the pinned list."""
    pins: dict[str, str] = {}
    for line in SUMS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, rel = line.split(maxsplit=1)
            pins[rel.strip()] = digest.lower()
    return pins


def _fail(rel: str, problem: str, remedy: str) -> BoundarySourceError:
    return BoundarySourceError(
        f"Berkas batas wilayah '{rel}' {problem}. {remedy}\n(Boundary file '{rel}': {problem}.)"
    )


def _local_path(folder: Path, rel: str) -> Path:
    for candidate in (folder / "db" / rel, folder / rel):
        if candidate.is_file():
            return candidate
    raise _fail(
        rel,
        f"tidak ditemukan di {folder} / not found",
        f"Salin ulang folder sumber lengkap ke {folder} atau kosongkan {ENV_DIR} "
        "agar berkas diunduh dari alamat publiknya.",
    )


def _verified_local(folder: Path, pins: dict[str, str]) -> dict[str, Path]:
    paths: dict[str, Path] = {}
    for rel, digest in pins.items():
        path = _local_path(folder, rel)
        actual = pooch.file_hash(str(path), alg="sha256")
        if actual != digest:
            raise _fail(
                rel,
                f"rusak atau berubah (SHA-256 {actual[:12]}…, seharusnya {digest[:12]}…) "
                f"di {path} / truncated or altered",
                f"Ganti berkas itu dengan salinan asli dari commit {PINNED_COMMIT[:12]} "
                f"repositori {REPOSITORY}.",
            )
        paths[rel] = path
    return paths


def _downloaded(pins: dict[str, str]) -> dict[str, Path]:
    fetcher = pooch.create(
        path=cache_dir() / "source" / PINNED_COMMIT[:12],
        base_url=BASE_URL,
        registry={rel: f"sha256:{digest}" for rel, digest in pins.items()},
        retry_if_failed=2,
    )
    paths: dict[str, Path] = {}
    for rel in pins:
        try:
            paths[rel] = Path(fetcher.fetch(rel))
        except ValueError as exc:  # pooch: hash mismatch after download
            raise _fail(
                rel,
                "terunduh tetapi isinya tidak cocok dengan SHA-256 yang dipatok / hash mismatch",
                "Coba lagi nanti; jika tetap gagal, unduh repositori secara manual dan "
                f"arahkan {ENV_DIR} ke foldernya.",
            ) from exc
        except Exception as exc:  # network errors of any kind
            raise _fail(
                rel,
                f"tidak dapat diunduh ({type(exc).__name__}) / download failed",
                f"Periksa koneksi internet, atau arahkan {ENV_DIR} ke salinan lokal "
                f"repositori {REPOSITORY}.",
            ) from exc
    return paths


def source_files() -> dict[str, Path]:
    """Verified local paths of every pinned file, keyed by path under ``db/``."""
    pins = pinned_files()
    folder = os.environ.get(ENV_DIR)
    if folder:
        return _verified_local(Path(folder), pins)
    return _downloaded(pins)


def source_key() -> str:
    """A digest of all pinned hashes: changes whenever the source changes."""
    return hashlib.sha256(SUMS_FILE.read_bytes()).hexdigest()
