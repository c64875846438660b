"""Errors a client gets: a status and ``{"detail": "<Indonesian> (<English>)"}``.

Every message is a text key of the catalogues (``sentra.i18n``), told in both languages the
way ``TextError`` tells it for logs and the command line. FastAPI's own answers (a
parameter of the wrong type, an unknown path, a method other than GET) are told the same
way (``api.app``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from sentra.i18n import N_, TextError

_UNSAFE = re.compile(r"[<>\"'`\\\x00-\x1f\x7f]")


class ApiError(TextError):
    """A request the API refuses (``status``: 404, 405, 414, 422, 503…), told by a text key."""

    def __init__(self, status: int, key: str, /, **params: object) -> None:
        shown = {k: _harmless(v) if isinstance(v, str) else v for k, v in params.items()}
        super().__init__(key, **shown)
        self.status = status


def _harmless(text: str) -> str:
    """A value echoed in a message, without markup, quotes or control characters."""
    return _UNSAFE.sub("?", text)


def rate_limited() -> str:
    """The body a proxy answers a client over its request rate with (429)."""
    return json.dumps({"detail": str(ApiError(429, N_("api_rate_limited")))}, ensure_ascii=False)


def listed(values: Iterable[object]) -> str:
    return ", ".join(str(v) for v in values) or "–"


def error_response(err: ApiError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": str(err)}, status_code=err.status, headers=headers)


def api_error_handler(_request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, ApiError)
    return error_response(err)


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "…"  # a 10 KB value is not echoed whole


def validation_error(errors: list[dict[str, Any]]) -> ApiError:
    """FastAPI's parameter checks (types, ranges, allowed values) as one ``ApiError``: the
    first problem, named by parameter, in both languages."""
    error = errors[0]
    names = [part for part in error.get("loc", ())[1:] if isinstance(part, str)]
    name = names[0] if names else "?"
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    given = _shown(error.get("input"))
    if kind == "literal_error":
        expected = str(context.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return ApiError(422, N_("api_bad_value"), key=name, values=given, allowed=expected)
    if kind in ("int_parsing", "int_from_float"):
        return ApiError(422, N_("api_not_integer"), key=name, value=given)
    if kind in ("greater_than_equal", "greater_than"):
        low = context.get("ge", context.get("gt"))
        return ApiError(422, N_("api_too_small"), key=name, value=given, low=low)
    if kind in ("less_than_equal", "less_than"):
        high = context.get("le", context.get("lt"))
        return ApiError(422, N_("api_too_large"), key=name, value=given, high=high)
    if kind == "missing":
        return ApiError(422, N_("api_missing"), key=name)
    return ApiError(422, N_("api_invalid"), key=name, value=given)


def request_validation_handler(_request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, RequestValidationError)
    return error_response(validation_error(list(err.errors())))
