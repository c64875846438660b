"""The read API: the dashboard's data, filters and versions over HTTP (FastAPI).

Routes live under ``/api/v1``; the interactive documentation is ``/api/docs`` (Swagger UI,
served from this process: no CDN, so it works offline) and the schema ``/api/openapi.json``.
Only GET (and HEAD) is answered: no route writes, any other method is 405, except a
browser's CORS preflight for a GET (another site's page asking with ``If-None-Match``),
which Starlette's CORS middleware answers (and refuses for a write, in plain text). Every
other refusal is JSON, ``{"detail": "<Indonesian> (<English>)"}``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import fastapi_offline
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import routes_centres, routes_regions, routes_tables
from api.data import DataSource
from api.errors import ApiError, api_error_handler, error_response, request_validation_handler
from api.params import known_params_only
from api.responses import VERSION_HEADER
from loaders.store import StoreBusyError, StoreError
from sentra.i18n import N_

PREFIX = "/api"
VERSION = "1.0.0"
MAX_QUERY = 8_192  # characters of a query string; more is 414 (the server stops at 16 KB)
MAX_PATH = 1_024
READ_METHODS = ("GET", "HEAD")
EXPOSED_HEADERS = ("ETag", VERSION_HEADER, "X-Total-Count", "Link")  # readable by other sites
# Swagger UI's files, from the pinned fastapi-offline package (swagger-ui-dist 5).
SWAGGER_ASSETS = Path(fastapi_offline.__file__).parent / "static"
DESCRIPTION = """\
**Peta Sentra & Klaster** — the dashboard's figures for other systems: a Satu Data portal, a
planning spreadsheet, a ministry's dashboard, a researcher's notebook. Read-only.

- The same data, filters and numbers as the dashboard: filters are the dashboard's URL keys
  (`sektor`, `pasar`, `pembina`, `jenis`, `status`, `status_data`, `komoditas`, `tahun`),
  computed by the same functions.
- Every answer names its data version (`versi`, header `X-Data-Version`); `?versi=N` reads
  an earlier one (`/api/v1/versi` lists them). `ETag` + `If-None-Match` give 304.
- Other sites' pages may read it (CORS: any origin; a preflight for `If-None-Match` is
  answered; `ETag`, `X-Data-Version`, `X-Total-Count` and `Link` are readable).
- Numbers are JSON numbers: money in rupiah, shares as fractions, growth in percent; null
  is "no data", never zero. Units are in each field's description (`x-unit`).
- Errors: `{"detail": "…"}` in Indonesian with English in brackets; a parameter a route
  does not take is an error.
"""


def create_app(source: DataSource | None = None) -> FastAPI:
    """The API on ``source`` (default: the store and boundaries the environment names,
    opened when the server starts)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.source is None:
            app.state.source = DataSource()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Peta Sentra & Klaster — API baca (read API)",
        version=VERSION,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url=f"{PREFIX}/openapi.json",
        swagger_ui_parameters={"validatorUrl": None},  # no call to an online validator
    )
    app.state.source = source
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(RequestValidationError, request_validation_handler)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_middleware(Guard)
    app.add_middleware(HeadAsGet)  # the guard sees a HEAD as the GET it is
    app.add_middleware(  # outermost: a preflight is answered before the guard refuses OPTIONS
        CORSMiddleware,
        allow_origins=["*"],  # public, read-only data
        allow_methods=READ_METHODS,
        allow_headers=["If-None-Match"],
        expose_headers=EXPOSED_HEADERS,
        max_age=86_400,
    )
    app.mount(f"{PREFIX}/static", StaticFiles(directory=SWAGGER_ASSETS), name="docs-assets")
    app.add_api_route(f"{PREFIX}/docs", _docs, include_in_schema=False, response_class=HTMLResponse)
    app.add_api_route(PREFIX, _index, include_in_schema=False)
    for module in (routes_regions, routes_tables, routes_centres):
        app.include_router(
            module.router, prefix=f"{PREFIX}/v1", dependencies=[Depends(known_params_only)]
        )
    return app


class HeadAsGet:
    """HEAD is answered as GET without the body (FastAPI's routes take GET only)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        ended = False

        async def headers_only(message: Message) -> None:
            nonlocal ended
            if message["type"] == "http.response.body":
                if ended:
                    return
                ended = True
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class Guard:
    """Before any route: only reads, no oversized address; then the headers every answer
    has. Plain ASGI (Starlette's ``BaseHTTPMiddleware`` costs milliseconds a request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "access-control-allow-origin" not in headers:
                    headers["Access-Control-Allow-Origin"] = "*"  # public, read-only data
                headers["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_HEADERS)
                headers["X-Content-Type-Options"] = "nosniff"
            await send(message)

        if scope["method"] not in READ_METHODS:
            refusal = ApiError(405, N_("api_method"))
            response = error_response(refusal, {"Allow": ", ".join(READ_METHODS)})
        elif len(scope.get("query_string", b"")) > MAX_QUERY or len(scope["path"]) > MAX_PATH:
            response = error_response(ApiError(414, N_("api_too_long"), n=MAX_QUERY))
        else:
            await self.app(scope, receive, with_headers)
            return
        await response(scope, receive, with_headers)


def _http_error(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, HTTPException)
    if err.status_code == 404:
        return error_response(ApiError(404, N_("api_not_found"), path=request.url.path[:80]))
    if err.status_code == 405:
        return error_response(ApiError(405, N_("api_method")), {"Allow": ", ".join(READ_METHODS)})
    return JSONResponse({"detail": str(err.detail)}, status_code=err.status_code)


def _store_error(_request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, StoreError)
    status = 503 if isinstance(err, StoreBusyError) else 500
    return JSONResponse({"detail": str(err)}, status_code=status, headers={"Retry-After": "10"})


def _docs(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}{PREFIX}/openapi.json",
        title="Peta Sentra & Klaster — API",
        swagger_js_url=f"{root}{PREFIX}/static/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{PREFIX}/static/swagger-ui.css",
        swagger_favicon_url=f"{root}{PREFIX}/static/favicon.png",
        swagger_ui_parameters=request.app.swagger_ui_parameters,
    )


def _index() -> dict[str, object]:
    return {
        "docs": f"{PREFIX}/docs",
        "openapi": f"{PREFIX}/openapi.json",
        "routes": [
            f"{PREFIX}/v1/{path}"
            for path in (
                "wilayah",
                "wilayah/{code}",
                "wilayah/{code}/sektor",
                "wilayah/{code}/pasar",
                "wilayah/{code}/anggaran",
                "wilayah/{code}/pertumbuhan",
                "sentra",
                "bandingkan",
                "indikator",
                "indikator/{key}",
                "fakta",
                "versi",
            )
        ],
    }
