"""What every data response carries: the data version it was read from, an ``ETag`` from that
version and the query, ``Cache-Control``; ``If-None-Match`` is answered with 304 before
anything is computed."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd
from fastapi import Request, Response

from api.data import DataSource, Snapshot, VersionData
from api.errors import ApiError, listed
from sentra.i18n import N_

VERSION_HEADER = "X-Data-Version"
# The current version may change with the next import: a minute, then ask again (a 304 is
# cheap). A named version never changes; the imported indicators beside it might.
CACHE_CURRENT = "public, max-age=60"
CACHE_VERSION = "public, max-age=3600"
_ROOT = Path(__file__).resolve().parent.parent


def _code_fingerprint() -> str:
    """The code that computes the answers: another release gives other ETags, so a client
    never keeps an answer an older release computed."""
    digest = hashlib.sha256()
    for folder in ("api", "sentra", "loaders"):
        for path in sorted((_ROOT / folder).rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


CODE = _code_fingerprint()


@dataclass(frozen=True)
class ReadView:
    """What one request reads: the store's state, the data version asked for."""

    source: DataSource
    snapshot: Snapshot
    version: int
    pinned: bool  # the client named the version (?versi=N)

    @property
    def data(self) -> VersionData:
        return self.source.at(self.version)


def read_view(source: DataSource, versi: int | None) -> ReadView:
    snapshot = source.snapshot()
    if versi is not None and versi not in snapshot.versions:
        known = listed(sorted(snapshot.versions))
        raise ApiError(404, N_("api_unknown_version"), v=versi, known=known)
    version = snapshot.current if versi is None else versi
    return ReadView(source, snapshot, version, versi is not None)


def etag(view: ReadView, request: Request) -> str:
    """From the code, the data version, the imported indicators' state, the path and the
    query in a canonical order (``?a=1&b=2`` and ``?b=2&a=1`` are one answer)."""
    query = sorted(request.query_params.multi_items())
    key = json.dumps(
        [CODE, view.version, view.snapshot.indicators, request.url.path, query],
        ensure_ascii=False,
    )
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def _headers(view: ReadView, tag: str) -> dict[str, str]:
    return {
        "ETag": tag,
        "Cache-Control": CACHE_VERSION if view.pinned else CACHE_CURRENT,
        VERSION_HEADER: str(view.version),
    }


def _matches(request: Request, tag: str) -> bool:
    wanted = request.headers.get("if-none-match", "")
    return any(part.strip().removeprefix("W/") in (tag, "*") for part in wanted.split(",") if part)


def respond(
    request: Request,
    view: ReadView,
    build: Callable[[], Any],
    media_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> Response:
    """304 when the client holds this answer; else ``build()`` (a JSON-able value, or bytes
    already in ``media_type``) with the version's headers."""
    tag = etag(view, request)
    if _matches(request, tag):
        return Response(status_code=304, headers=_headers(view, tag))
    body = build()
    if not isinstance(body, bytes):
        body = to_json(body)
    return Response(body, media_type=media_type, headers=_headers(view, tag) | (headers or {}))


def to_json(value: Any, clean: bool = True) -> bytes:
    """JSON of ``value`` (``clean``: made ``plain`` first; a value already of Python types,
    as ``loaders.export.records`` gives, need not be)."""
    return orjson.dumps(plain(value) if clean else value)  # NaN would be null, as None is


def plain(value: Any) -> Any:
    """``value`` with numpy and pandas scalars as Python ones and "no data" (NaN, NA) as
    null: JSON numbers, never formatted strings."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, date):  # datetimes and pandas' Timestamps too
        return value.isoformat()
    return value
