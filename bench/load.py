"""A workshop room at once, measured at the server: N concurrent sessions speaking
Streamlit's own websocket protocol (no browsers, so the server is what is measured).

    python bench/load.py --sessions 30                  # starts and stops its own server
    python bench/load.py --sessions 30 --url http://127.0.0.1:8501

Each session does what a person does: open the home map, change the sector filter, pick a
province, open the region profile. Every step sends a ``rerun_script`` BackMsg (protobuf
from the streamlit package) and waits for the server's final ``script_finished``; widget
ids and options come from the delta messages the server sent, as in the browser. Like the
browser, a session reports the hashes of large messages it already holds, so the server
may send references instead of repeating them. All sessions open the page at the same
moment; between steps each waits ``--think`` seconds (uniform, seeded), as people do.

Reported (one JSON line, printed last): per-step and overall p50/p95/max in ms, errors,
reruns per second (completed steps over the run's wall time), the server's resident
memory before (after one warm-up walk), at its peak and after the sessions closed.
Traffic goes to this machine only; every step and the whole run have a time limit.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from serving.process import Settings  # noqa: E402
from tools.live_server import memory_mb, running_server  # noqa: E402

STEPS = ("home", "sector", "province", "profile")
SESSION_TTL_S = 120  # server.disconnectedSessionTTL: how long a closed session is kept
SECTOR_LABEL = "Sektor"  # sidebar multiselect (key "sektor"), Indonesian by default
SECTOR_OPTION = "Kerajinan"
PROVINCE_KEY = "cari_id"  # map page search box, keyed by the shown region ("id" = none)
PROVINCE_OPTION = "Jawa Tengah"
PROFILE_PATH = "profil"  # url_path of the profile page in app.py
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
DONE = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}


class StepError(RuntimeError):
    """A step failed: an exception or error shown, a compile error, a missing widget."""


@dataclass
class Widget:
    id: str
    kind: str
    label: str
    options: list[str]


@dataclass
class Session:
    """One person's browser, as far as the server can tell."""

    url: str
    timeout_s: float
    ws: websockets.ClientConnection | None = None
    query: str = ""
    pages: dict[str, str] = field(default_factory=dict)  # url_path → page_script_hash
    page_hash: str = ""
    widgets: dict[str, Widget] = field(default_factory=dict)  # ids shown in the last run
    headings: list[str] = field(default_factory=list)  # titles shown in the last run
    states: dict[str, WidgetState] = field(default_factory=dict)  # each widget's value
    held: dict[str, ForwardMsg] = field(default_factory=dict)  # large messages, by hash
    received_bytes: int = 0

    async def open(self) -> None:
        parts = urlparse(self.url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.ws = await websockets.connect(
            f"{scheme}://{parts.netloc}/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=self.timeout_s,
            ping_interval=None,  # browsers send no pings; they answer the server's
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    def widget(self, kind: str, *, label: str | None = None, key: str | None = None) -> Widget:
        for widget in self.widgets.values():
            if widget.kind == kind and (
                (label is not None and widget.label == label)
                or (key is not None and widget.id.endswith(f"-{key}"))
            ):
                return widget
        raise StepError(f"no {kind} {label or key!r} on the page")

    def choose(self, widget: Widget, option: str, multiple: bool) -> None:
        if option not in widget.options:
            raise StepError(f"{option!r} is not an option of {widget.label!r}")
        state = WidgetState(id=widget.id)
        if multiple:
            state.string_array_value.data.append(option)
        else:
            state.string_value = option
        self.states[widget.id] = state

    async def rerun(self) -> int:
        """One user action: send the rerun, read until the run is over. Returns bytes."""
        assert self.ws is not None
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.widget_states.widgets.extend(self.states[k] for k in self.widgets if k in self.states)
        state.cached_message_hashes.extend(self.held)
        await self.ws.send(msg.SerializeToString())
        self.widgets, self.headings = {}, []  # every run sends all its elements again
        received = 0
        async with asyncio.timeout(self.timeout_s):
            while True:
                data = await self.ws.recv()
                received += len(data)
                fwd = ForwardMsg()
                fwd.ParseFromString(data)
                if self._read(fwd):
                    break
        self.received_bytes += received
        return received

    def _read(self, fwd: ForwardMsg) -> bool:
        """Take in one server message; True when the user-triggered run is complete."""
        kind = fwd.WhichOneof("type")
        if kind == "ref_hash":
            fwd = self.held.get(fwd.ref_hash, fwd)
            kind = fwd.WhichOneof("type")
        if fwd.metadata.cacheable and fwd.hash:
            self.held[fwd.hash] = fwd
        if kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in fwd.navigation.app_pages}
        elif kind == "page_info_changed":
            self.query = fwd.page_info_changed.query_string
        elif kind == "page_not_found":
            raise StepError("page not found")
        elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            self._element(fwd.delta.new_element)
        elif kind == "script_finished":
            status = fwd.script_finished
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                raise StepError("script compile error")
            if status in DONE:
                return True
            self.widgets, self.headings = {}, []  # ended early for st.rerun(): a new run follows
        return False

    def _element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            raise StepError(f"exception shown: {element.exception.message[:200]}")
        if kind == "alert" and element.alert.format == element.alert.ERROR:
            raise StepError(f"error shown: {element.alert.body[:200]}")
        if kind == "heading":
            self.headings.append(element.heading.body)
        if kind in _VALUES:
            proto = getattr(element, kind)
            options = list(getattr(proto, "options", ()))
            self.widgets[proto.id] = Widget(proto.id, kind, proto.label, options)
            # The browser keeps a widget's value from run to run unless the server sets it.
            if proto.id not in self.states or proto.set_value:
                state = _VALUES[kind](proto)
                if state is not None:
                    self.states[proto.id] = state

    async def step(self, name: str) -> int:
        """Run one step of the walk by name; returns bytes received."""
        if name == "sector":
            sector = self.widget("multiselect", label=SECTOR_LABEL)
            self.choose(sector, SECTOR_OPTION, multiple=True)
        elif name == "province":
            self.choose(self.widget("selectbox", key=PROVINCE_KEY), PROVINCE_OPTION, False)
        elif name == "profile":
            if PROFILE_PATH not in self.pages:
                raise StepError("no profile page in the navigation")
            self.page_hash = self.pages[PROFILE_PATH]
        received = await self.rerun()
        if name in ("province", "profile") and not any(PROVINCE_OPTION in h for h in self.headings):
            raise StepError(f"{PROVINCE_OPTION} not shown after {name}: {self.headings}")
        return received


def _selectbox(p) -> WidgetState | None:
    if p.set_value and p.HasField("raw_value"):
        return WidgetState(id=p.id, string_value=p.raw_value)
    if p.HasField("default") and p.options:
        return WidgetState(id=p.id, string_value=p.options[p.default])
    return None


def _multiselect(p) -> WidgetState:
    chosen = list(p.raw_values) if p.set_value else [p.options[i] for i in p.default]
    state = WidgetState(id=p.id)
    state.string_array_value.data.extend(chosen)
    return state


def _slider(p) -> WidgetState:
    state = WidgetState(id=p.id)
    state.double_array_value.data.extend(p.value if p.set_value else p.default)
    return state


# Widget kind → the state the browser sends for it while the person has not touched it.
_VALUES = {
    "selectbox": _selectbox,
    "multiselect": _multiselect,
    "checkbox": lambda p: WidgetState(id=p.id, bool_value=p.value if p.set_value else p.default),
    "text_input": lambda p: WidgetState(
        id=p.id, string_value=p.value if p.set_value and p.HasField("value") else p.default
    ),
    "slider": _slider,
}


@dataclass(frozen=True)
class Plan:
    sessions: int
    repeat: int = 1  # walks per session, one after another, each on a fresh connection
    think: tuple[float, float] = (1.0, 3.0)  # seconds between steps (uniform)
    timeout_s: float = 120  # per step
    settle_s: float = 10  # after the sessions closed, before a late visitor and the last RSS
    seed: int = 14


@dataclass
class Outcome:
    ms: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STEPS})
    bytes: dict[str, list[int]] = field(default_factory=lambda: {s: [] for s in STEPS})
    cpu_ms: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STEPS})
    errors: list[str] = field(default_factory=list)
    walks: int = 0  # walks that finished every step


def cpu_ms(pid: int | None) -> float:
    """CPU time the process has used so far, all threads (user + system), in ms. Unlike
    wall time it hardly changes when other programs compete for the cores."""
    if not pid:
        return math.nan
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


async def walk(
    url: str, plan: Plan, outcome: Outcome, rng: random.Random, pid: int | None = None
) -> None:
    """One person's walk through the dashboard, timed step by step (with the server's CPU
    time per step when ``pid`` is given; meaningful when this person is alone)."""
    session = Session(url, plan.timeout_s)
    step = "open"
    try:
        await session.open()
        for i, name in enumerate(STEPS):
            step = name
            if i and plan.think[1] > 0:
                await asyncio.sleep(rng.uniform(*plan.think))
            started, cpu = time.perf_counter(), cpu_ms(pid)
            received = await session.step(name)
            outcome.ms[name].append((time.perf_counter() - started) * 1000)
            outcome.cpu_ms[name].append(cpu_ms(pid) - cpu)
            outcome.bytes[name].append(received)
        outcome.walks += 1
    except (StepError, TimeoutError, OSError, websockets.WebSocketException) as exc:
        outcome.errors.append(f"{step}: {type(exc).__name__}: {exc}"[:300])
    finally:
        with contextlib.suppress(Exception):
            await session.close()


async def person(
    url: str, plan: Plan, outcome: Outcome, rng: random.Random, pid: int | None
) -> None:
    for _ in range(plan.repeat):
        await walk(url, plan, outcome, rng, pid if plan.sessions == 1 else None)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: every reported time was measured)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def figures(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50_ms": None, "p95_ms": None, "max_ms": None}
    return {
        "p50_ms": round(statistics.median(values), 1),
        "p95_ms": round(percentile(values, 95), 1),
        "max_ms": round(max(values), 1),
    }


async def watch_memory(pid: int, peak: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        with contextlib.suppress(OSError, RuntimeError):
            peak.append(memory_mb(pid))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.1)


async def run(url: str, pid: int | None, plan: Plan) -> dict:
    """Warm up with one walk, then ``plan.sessions`` people at once; the JSON figures."""
    rng = random.Random(plan.seed)
    warm = Outcome()
    started = time.perf_counter()
    await walk(url, replace(plan, think=(0, 0)), warm, rng)  # process-wide caches fill here
    warmup_s = time.perf_counter() - started
    if warm.errors:
        raise SystemExit(f"warm-up walk failed: {warm.errors[0]}")
    rss = [memory_mb(pid)] if pid else []
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_memory(pid, rss, stop)) if pid else None
    outcome = Outcome()
    started, cpu = time.perf_counter(), cpu_ms(pid)
    people = [
        person(url, plan, outcome, random.Random(rng.random()), pid) for _ in range(plan.sessions)
    ]
    await asyncio.gather(*people)
    wall, cpu = time.perf_counter() - started, cpu_ms(pid) - cpu
    if plan.settle_s:
        # Streamlit keeps a closed session for server.disconnectedSessionTTL (120 s) in
        # case its browser reconnects, and drops expired ones when another session comes
        # or goes: after the wait, one more person opens the home page, as in a workshop.
        # The memory the dropped sessions held goes back at the server's next release.
        await asyncio.sleep(plan.settle_s)
        session = Session(url, plan.timeout_s)
        await session.open()
        await session.step("home")
        await session.close()
        # (SENTRA_RELEASE_EVERY_S as this client sees it: the server's own if started here)
        release_s = Settings.from_env().release_every_s
        await asyncio.sleep(2 + (release_s if plan.settle_s > SESSION_TTL_S else 0))
    stop.set()
    if watcher:
        await watcher
    every = [ms for name in STEPS for ms in outcome.ms[name]]
    steps = {}
    for name in STEPS:
        sizes = outcome.bytes[name]
        steps[name] = figures(outcome.ms[name]) | {
            "bytes_p50": int(statistics.median(sizes)) if sizes else None
        }
        if plan.sessions == 1 and pid and sizes:
            steps[name]["cpu_ms_p50"] = round(statistics.median(outcome.cpu_ms[name]), 1)
    return {
        "sessions": plan.sessions,
        "walks": plan.sessions * plan.repeat,
        "completed": outcome.walks,
        "errors": len(outcome.errors),
        "error_samples": outcome.errors[:5],
        **figures(every),
        "steps": steps,
        "reruns_per_s": round(len(every) / wall, 2),
        "server_cpu_ms_per_step": round(cpu / len(every), 1) if every and pid else None,
        "wall_s": round(wall, 2),
        "think_s": list(plan.think),
        "warmup_s": round(warmup_s, 2),
        "rss_start_mb": round(rss[0], 1) if rss else None,
        "rss_peak_mb": round(max(rss), 1) if rss else None,
        "rss_end_mb": round(memory_mb(pid), 1) if pid else None,
        "settle_s": plan.settle_s,
    }


def listening_pid(port: int) -> int | None:
    """The local process listening on ``port`` (for memory figures), found through /proc."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                cols = line.split()
                if cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:  # LISTEN
                    inodes.add(f"socket:[{cols[9]}]")
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            for fd in (proc / "fd").iterdir():
                with contextlib.suppress(OSError):
                    if fd.readlink().name in inodes:
                        return int(proc.name)
    return None


def _run_all(url: str, pid: int | None, plans: list[Plan]) -> list[dict]:
    results = []
    for plan in plans:
        limit = (plan.timeout_s + plan.think[1]) * len(STEPS) * (plan.repeat + 1) + 60
        results.append(asyncio.run(asyncio.wait_for(run(url, pid, plan), limit + plan.settle_s)))
    return results


def measure(
    plans: list[Plan], url: str | None = None, env: dict[str, str] | None = None
) -> list[dict]:
    """Run ``plans`` one after another against the dashboard at ``url`` (this machine
    only), or against a server started here with ``env`` and stopped afterwards."""
    if url is None:
        with running_server(ROOT / "artifacts" / "load-server.log", env) as own:
            return [r | {"url": "own server"} for r in _run_all(own, own.pid, plans)]
    parts = urlparse(url)
    if parts.hostname not in LOCAL_HOSTS:
        raise ValueError(f"{url}: the load client only sends traffic to this machine")
    pid = listening_pid(parts.port or (443 if parts.scheme == "https" else 80))
    return [r | {"url": url} for r in _run_all(url.rstrip("/"), pid, plans)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, required=True)
    parser.add_argument("--url", help="a running dashboard on this machine (default: start one)")
    parser.add_argument("--repeat", type=int, default=1, help="walks per session (default 1)")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(1.0, 3.0),
        metavar=("MIN", "MAX"),
        help="seconds a person waits between steps (default 1 3; 0 0: none)",
    )
    parser.add_argument("--timeout", type=float, default=120, help="seconds per step at most")
    parser.add_argument(
        "--settle",
        type=float,
        default=10,
        help="seconds from the last close to a late visitor and the last memory reading "
        "(over 120 to see closed sessions dropped; 0: no visitor)",
    )
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    if args.sessions < 1 or args.repeat < 1:
        parser.error("--sessions and --repeat must be at least 1")
    plan = Plan(
        args.sessions,
        args.repeat,
        (min(args.think), max(args.think)),
        args.timeout,
        args.settle,
        args.seed,
    )
    try:
        (result,) = measure([plan], args.url)
    except ValueError as exc:
        parser.error(str(exc))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
