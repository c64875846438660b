"""Imported regional indicators on screen: as a map measure, in a region's profile, side by
side in a comparison, always with their source; a region without a value has no data."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sentra.formatting import fmt_number, fmt_percent, fmt_rupiah
from sentra.i18n import t

PREFIX = "imp:"  # map measure key of an imported indicator: 'imp:jumlah_sentra_ikm'


def fmt_value(value: float | None, unit: str, lang: str) -> str:
    """A value in its indicator's unit: Rp and % as money and percent, else number + unit."""
    unit = (unit or "").strip()
    if unit.lower() in ("rp", "rupiah", "idr"):
        return fmt_rupiah(value, lang)
    if unit == "%":
        return fmt_percent(value, lang, 2)
    digits = 0 if value is None or pd.isna(value) or float(value).is_integer() else 1
    shown = fmt_number(value, lang, digits)
    return f"{shown} {unit}" if unit and shown != "–" else shown


@dataclass(frozen=True)
class ImportedMeasure:
    key: str
    name: str
    unit: str
    source: str
    level: str  # 'province' or 'regency'
    year: int
    values: pd.Series  # region code → value for ``year``; absent code: no data
    illustrative: bool
    by_year: pd.DataFrame | None = None  # region code × year, every year (NaN: no data)


@dataclass
class ImportedIndicators:
    meta: pd.DataFrame  # one row per indicator (newest version): key, name, unit, source, …
    values: pd.DataFrame  # indicator_version, region_code, year, value

    def keys(self) -> list[str]:
        return [PREFIX + k for k in self.meta["key"]]

    def row(self, measure: str) -> pd.Series:
        return self.meta.set_index("key").loc[measure.removeprefix(PREFIX)]

    def years(self, measure: str) -> list[int]:
        version = int(self.row(measure)["indicator_version"])
        of = self.values[self.values["indicator_version"] == version]
        return sorted(int(y) for y in of["year"].unique())

    def measure(self, measure: str, year: int | None = None) -> ImportedMeasure:
        row = self.row(measure)
        years = self.years(measure)
        year = year if year in years else years[-1]
        every = self.values[self.values["indicator_version"] == row["indicator_version"]]
        of = every[every["year"] == year]
        return ImportedMeasure(
            key=measure,
            name=row["name"],
            unit=row["unit"] or "",
            source=row["source"],
            level=row["level"],
            year=year,
            values=of.set_index("region_code")["value"],
            illustrative=row["data_status"] == "ilustratif",
            by_year=every.pivot_table(
                index="region_code", columns="year", values="value", aggfunc="first"
            ),
        )

    def for_regions(self, codes: list[str]) -> pd.DataFrame:
        """Per indicator (rows) the newest value of each region (columns, NaN: no data),
        with the year it is from, the unit and the source."""
        records = []
        for row in self.meta.itertuples():
            of = self.values[self.values["indicator_version"] == row.indicator_version]
            record = {"name": row.name, "unit": row.unit or "", "source": row.source}
            years = []
            for code in codes:
                mine = of[of["region_code"] == code]
                latest = mine.loc[mine["year"].idxmax()] if len(mine) else None
                record[code] = float(latest["value"]) if latest is not None else float("nan")
                if latest is not None:
                    years.append(int(latest["year"]))
            record["years"] = sorted(set(years))
            records.append(record)
        return pd.DataFrame(records, columns=["name", "unit", "source", "years", *codes])


def readable(
    indicators: ImportedIndicators, codes: list[str], names: dict[str, str], lang: str
) -> pd.DataFrame:
    """Imported indicators (rows) for ``codes`` (columns by region name), each value in its
    unit, "no data" where a region has none, with the years and the source."""
    frame = indicators.for_regions(codes)
    no_data = t("legend_no_data", lang)
    shown = pd.DataFrame({t("ind_col_name", lang): frame["name"]})
    for code in codes:
        shown[names[code]] = [
            no_data if pd.isna(v) else fmt_value(v, unit, lang)
            for v, unit in zip(frame[code], frame["unit"], strict=True)
        ]
    shown[t("year", lang)] = frame["years"].map(lambda ys: ", ".join(map(str, ys)) or "–")
    shown[t("ind_col_source", lang)] = frame["source"]
    return shown
