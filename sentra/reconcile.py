"""Reconciling an office's file with the centres already stored: what an import would change.

A row of the file matches a stored centre by the same id, or else by the same name key
(``name_key``: case, punctuation, a bracketed note and leading "Sentra"/"Klaster"/"Kampung"
words do not count) in the same kecamatan, or in the same regency when one of the two has
no kecamatan. A matched row updates its centre and keeps the centre's id; equal in every
field but ``source`` it is unchanged. Rows that match nothing are added.

Two kinds of file:
- *additions* (the default): each added row takes the place of one illustrative row of its
  regency (else of its province), so a region's count stays at its BPS 2024 calibration
  instead of becoming the sum of the calibration and the office's rows;
- *a complete list* of the regions it names (regencies, or kecamatan for an editor bounded
  to kecamatan): every earlier centre there that the file does not match is retired.

Rows outside the editor's regions are refused (reported, never stored). Pure: tables in,
tables out; the store applies the plan in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

import pandas as pd

from sentra.accounts import Account
from sentra.schema import CENTRE_COLUMNS, STORED_CENTRE_COLUMNS

# Leading words that name the kind of place, not the place ("Sentra IKM Batik …").
_PREFIX_WORDS = "sentra|klaster|kluster|cluster|kampung|kampoeng|ikm|ukm|umkm|industri"
_PREFIXES = rf"^(?:(?:{_PREFIX_WORDS})\s+)+"
# Compared to tell a changed row from an unchanged one (``source`` names the file).
COMPARED = [c for c in CENTRE_COLUMNS if c not in ("id", "source")]
COUNTS = ("added", "changed", "unchanged", "retired", "refused")
# Taken from the file for a matched centre even when it has no such column: what an office
# lists is sourced data, and the region is always known.
ALWAYS_FROM_FILE = {"name", "province_code", "regency_code", "source", "data_status", "origin"}


def name_key(names: pd.Series) -> pd.Series:
    """'Klaster Batik Simbang Kulon (Kec. Buaran)' and 'SENTRA batik simbang-kulon' →
    'batik simbang kulon'."""
    key = names.astype("string").fillna("").str.lower()
    key = key.str.replace(r"\([^)]*\)", " ", regex=True)
    key = key.str.replace(r"[\W_]+", " ", regex=True).str.strip()
    return key.str.replace(_PREFIXES, "", regex=True).str.strip()


@dataclass
class Plan:
    """What an import changes. Each table holds centre rows in stored columns: ``added`` and
    ``changed`` as they will be stored, ``unchanged`` and ``refused`` as the file has them,
    ``retired`` as stored now."""

    added: pd.DataFrame
    changed: pd.DataFrame
    unchanged: pd.DataFrame
    retired: pd.DataFrame
    refused: pd.DataFrame
    complete: bool = False
    # (code, level) of every region the file is the complete list of; level 'regency' or
    # 'kecamatan'.
    complete_regions: list[tuple[str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in COUNTS}

    @property
    def changes_nothing(self) -> bool:
        return not (len(self.added) or len(self.changed) or len(self.retired))

    def by_regency(self) -> pd.DataFrame:
        """The counts per regency (``regency_code`` and one column per count)."""
        parts = [getattr(self, name)["regency_code"].value_counts().rename(name) for name in COUNTS]
        table = pd.concat(parts, axis=1).fillna(0).astype(int)
        table.index = table.index.astype(str)
        return table.rename_axis("regency_code").sort_index().reset_index()

    def summary_json(self) -> str:
        """The counts, in all and per regency, as stored with the version."""
        regencies = self.by_regency().set_index("regency_code")
        return json.dumps(
            {**self.counts(), "regencies": regencies.to_dict(orient="index")},
            sort_keys=True,
        )

    def rows(self, name: str) -> pd.DataFrame:
        """The rows behind one count, for a download."""
        return getattr(self, name).reset_index(drop=True)


def plan_import(
    current: pd.DataFrame,
    incoming: pd.DataFrame,
    complete: bool = False,
    account: Account | None = None,
    provided: set[str] | None = None,
) -> Plan:
    """The plan for importing ``incoming`` (validated rows, centre columns) into a version
    whose centres are ``current`` (stored columns). ``account`` None: nothing is refused.
    ``provided``: the columns the file has (``import_fields.provided_columns``); a matched
    centre keeps its stored value in the others (a file without a kind column does not make
    a cluster a sentra). None: every column comes from the file."""
    incoming = _as_stored(incoming).assign(origin="impor")
    current = _as_stored(current)
    inside = account.inside(incoming) if account else pd.Series(True, index=incoming.index)
    refused = incoming[~inside]
    incoming = incoming[inside]
    match = _match(current, incoming)  # incoming index → current index
    if account is not None:  # a matched centre outside the editor's regions stays as it is
        outside = ~account.inside(current.loc[match.to_numpy()])
        refused = pd.concat([refused, incoming.loc[match.index[outside.to_numpy()]]])
        match = match[~outside.to_numpy()]
        incoming = incoming.drop(refused.index, errors="ignore")
    matched = incoming.loc[match.index].copy()
    matched["id"] = current.loc[match.to_numpy(), "id"].to_numpy()
    if provided is not None:
        kept = [c for c in COMPARED if c not in provided | ALWAYS_FROM_FILE]
        matched[kept] = current.loc[match.to_numpy(), kept].to_numpy()
    before = current.loc[match.to_numpy(), COMPARED].reset_index(drop=True)
    same = _equal_rows(matched[COMPARED].reset_index(drop=True), before)
    changed, unchanged = matched[~same.to_numpy()], matched[same.to_numpy()]
    added = incoming.drop(match.index)
    # An id the version already holds, or one the file repeats, gets a fresh id when stored.
    reused = added["id"].isin(current["id"].dropna()) | added["id"].duplicated()
    added.loc[reused & added["id"].notna(), "id"] = pd.NA
    left = current.drop(match.to_numpy())
    regions: list[tuple[str, str]] = []
    if complete:
        regions = _complete_regions(incoming, account)
        retired = left[_in_regions(left, regions)]
    else:
        retired = _make_room(left[account.inside(left)] if account else left, added)
    return Plan(
        added=added.reset_index(drop=True),
        changed=changed.reset_index(drop=True),
        unchanged=unchanged.reset_index(drop=True),
        retired=retired.reset_index(drop=True),
        refused=refused.reset_index(drop=True),
        complete=complete,
        complete_regions=regions,
    )


def _as_stored(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reindex(columns=list(STORED_CENTRE_COLUMNS)).reset_index(drop=True)
    for column in ("id", "regency_code", "kecamatan_code", "province_code"):
        frame[column] = frame[column].astype("string").str.strip().replace("", pd.NA)
    return frame


def _match(current: pd.DataFrame, incoming: pd.DataFrame) -> pd.Series:
    """incoming index → current index, each stored centre matched at most once: by id, then
    by name key in the same kecamatan, then in the same regency where one has no kecamatan.
    The k-th row of a key in the file matches the k-th centre of that key (by id), so two
    centres of one name in one place stay two, and a re-import matches them again."""
    found: dict[int, int] = {}
    live = pd.Series(current.index, index=current["id"]).loc[lambda s: ~s.index.isna()]
    live = live[~live.index.duplicated()]
    by_id = incoming["id"].dropna()
    by_id = by_id[by_id.isin(live.index) & ~by_id.duplicated()]
    found.update(zip(by_id.index, live.loc[by_id.to_numpy()].to_numpy(), strict=True))
    cur_all = current.assign(key=name_key(current["name"])).sort_values("id")
    inc_all = incoming.assign(key=name_key(incoming["name"]))
    # (place, which incoming rows, which stored rows): both in one kecamatan; then in one
    # regency where the file's row has no kecamatan; then where the stored one has none.
    # Rows are chosen before they are numbered, so a centre of the same name in another
    # kecamatan never takes the place of the one that matches.
    passes = (
        ("kecamatan_code", _in_a_kecamatan, _in_a_kecamatan),
        ("regency_code", _no_kecamatan, _any_row),
        ("regency_code", _in_a_kecamatan, _no_kecamatan),
    )
    for place, inc_rows, cur_rows in passes:
        cur = cur_all.drop(list(found.values()))
        inc = inc_all.drop(list(found))
        cur, inc = cur[(cur["key"] != "") & cur_rows(cur)], inc[(inc["key"] != "") & inc_rows(inc)]
        pairs = _nth_pairs(inc, cur, ["key", place])
        found.update(zip(pairs["index"], pairs["index_cur"], strict=True))
    return pd.Series(found, dtype="int64").sort_index()


def _in_a_kecamatan(rows: pd.DataFrame) -> pd.Series:
    return rows["kecamatan_code"].notna()


def _no_kecamatan(rows: pd.DataFrame) -> pd.Series:
    return rows["kecamatan_code"].isna()


def _any_row(rows: pd.DataFrame) -> pd.Series:
    return pd.Series(True, index=rows.index)


def _nth_pairs(inc: pd.DataFrame, cur: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The k-th incoming row of each key paired with the k-th stored row of that key."""
    inc = inc.dropna(subset=keys)
    cur = cur.dropna(subset=keys)
    inc = inc.assign(n=inc.groupby(keys).cumcount()).reset_index()
    cur = cur.assign(n=cur.groupby(keys).cumcount()).reset_index()
    return inc.merge(cur, on=[*keys, "n"], suffixes=("", "_cur"))


def _equal_rows(left: pd.DataFrame, right: pd.DataFrame) -> pd.Series:
    """Per row: every column equal, missing equal to missing, numbers compared as numbers."""
    same = pd.Series(True, index=left.index)
    for column in left.columns:
        a, b = left[column], right[column]
        if STORED_CENTRE_COLUMNS[column] == "VARCHAR":
            a, b = a.astype("string").fillna(""), b.astype("string").fillna("")
            same &= (a == b).to_numpy()
        else:
            a, b = pd.to_numeric(a, errors="coerce"), pd.to_numeric(b, errors="coerce")
            same &= ((a == b) | (a.isna() & b.isna())).to_numpy()
    return same


def _complete_regions(rows: pd.DataFrame, account: Account | None) -> list[tuple[str, str]]:
    """The regencies the file names, or their kecamatan for rows the editor may change only
    through a kecamatan bound (an office of one kecamatan lists that kecamatan, not its
    whole regency)."""
    by_kecamatan = pd.Series(False, index=rows.index)
    if account is not None and not account.is_admin:
        wider = replace(account, regions=tuple(c for c in account.regions if c.count(".") < 2))
        by_kecamatan = ~wider.inside(rows)
    regencies = sorted(set(rows.loc[~by_kecamatan, "regency_code"].dropna()))
    kecamatan = sorted(set(rows.loc[by_kecamatan, "kecamatan_code"].dropna()))
    return [(c, "regency") for c in regencies] + [(c, "kecamatan") for c in kecamatan]


def _in_regions(centres: pd.DataFrame, regions: list[tuple[str, str]]) -> pd.Series:
    regencies = {c for c, level in regions if level == "regency"}
    kecamatan = {c for c, level in regions if level == "kecamatan"}
    return centres["regency_code"].isin(regencies) | centres["kecamatan_code"].isin(kecamatan)


def _is_sentra(rows: pd.DataFrame) -> pd.Series:
    return rows["kind"].fillna("sentra") == "sentra"


def _make_room(left: pd.DataFrame, added: pd.DataFrame) -> pd.DataFrame:
    """For each added sentra one illustrative bundled sentra of its regency, else of its
    province (lowest ids first), leaves the list; ``left`` holds only rows the account may
    change. Clusters neither take nor give a place: they are not in BPS's count."""
    pool = left[
        (left["data_status"] == "ilustratif") & (left["origin"] == "bawaan") & _is_sentra(left)
    ].sort_values("id")
    taken: list[int] = []
    short: dict[str, int] = {}
    sentra = added[_is_sentra(added)]
    for regency, wanted in sentra["regency_code"].dropna().value_counts().items():
        here = pool.index[pool["regency_code"] == regency][:wanted]
        taken += list(here)
        if len(here) < wanted:
            province = str(regency).split(".")[0]
            short[province] = short.get(province, 0) + wanted - len(here)
    rest = pool.drop(taken)
    for province, wanted in short.items():
        taken += list(rest.index[rest["province_code"] == province][:wanted])
    return left.loc[taken]
