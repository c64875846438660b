"""The shapes of the answers, for the OpenAPI schema (``/api/openapi.json``) and the tests.

Numbers are JSON numbers in the unit each field names (``x-unit`` in the schema): money in
rupiah, shares as fractions (0.25 is a quarter), growth in percent; null is "no data",
never zero. Codes are the stored ones (docs/data-model.md).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Level = Literal["provinsi", "kabupaten", "kecamatan"]
DataStatus = Literal["sumber", "ilustratif"]


def _unit(unit: str, description: str, nullable: bool = True) -> Any:
    """A numeric field in ``unit``; null means no data."""
    text = f"{description} Unit: {unit}." + (" Null: no data." if nullable else "")
    return Field(description=text, json_schema_extra={"x-unit": unit})


def ok(model: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of a route answering ``model``, or a problem."""
    return {200: {"model": model}, 404: {"model": Problem}, 422: {"model": Problem}}


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    versi: int = Field(description="The data version the answer was read from.")


class RegionRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(description="Kemendagri code (`33`, `33.26`, `33.26.14`); `indonesia`.")
    name: str
    level: Level | Literal["nasional"]
    parent_code: str | None


# -- /wilayah ------------------------------------------------------------------------------
class RegionItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    kind: Literal["provinsi", "kabupaten", "kota", "kecamatan"]
    level: Level
    parent_code: str | None = Field(
        description="The province of a regency, the regency of a kecamatan."
    )
    province_code: str
    population: float | None = _unit(
        "people", "Population 2025 (Kemendagri); kecamatan have none published."
    )
    area_km2: float | None = _unit("km²", "Area in an equal-area projection (EPSG:6933).")
    label_lat: float | None = _unit("degrees (WGS84)", "Label point, always inside the region.")
    label_lng: float | None = _unit("degrees (WGS84)", "Label point, always inside the region.")


class RegionList(Answer):
    tingkat: Level
    induk: str | None
    count: int
    data: list[RegionItem]


class Figure(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: float | None = Field(description="In `unit`; null: no data (never zero).")
    unit: str
    source: str
    data_status: DataStatus | None = Field(
        description="`ilustratif` when any row behind the figure is illustrative; null with "
        "no value."
    )


class Figures(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sentra: Figure = Field(description="Centres of kind sentra. Unit: count.")
    klaster: Figure = Field(
        description="Clusters; null where no published count or office's complete list "
        "covers the region. Unit: count."
    )
    enterprises: Figure = Field(description="Enterprises (unit usaha). Unit: count.")
    workers: Figure = Field(description="Workers. Unit: people.")
    budget_rp: Figure = Field(
        description="Budget in the filter's years, regional programmes included while no "
        "centre filter is active. Unit: rupiah."
    )
    budget_region_rp: Figure = Field(
        description="The part allocated to regions as a whole (no centre). Unit: rupiah."
    )
    export_share: Figure = Field(description="Share of centres selling abroad. Unit: fraction.")
    population: Figure = Field(description="Population 2025. Unit: people.")
    centres_per_100k: Figure = Field(description="Unit: centres per 100,000 people.")
    workers_per_1000: Figure = Field(description="Unit: workers per 1,000 people.")


class Coverage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["dinas", "bps", "ilustratif", "none", "nasional"] = Field(
        description="`dinas`: an office's complete list; `bps`: BPS 2024's count, spread "
        "illustratively below; `ilustratif`: a share of that count; `none`: no published "
        "count; `nasional`: Indonesia."
    )
    text: str


class RegionSummary(Answer):
    region: RegionRef
    filters: dict[str, list[str]] = Field(description="The filters applied, as URL parameters.")
    figures: Figures
    illustrative_share: float = _unit(
        "fraction", "Share of the centres behind the figures that are illustrative.", False
    )
    coverage: Coverage
    notes: list[str] = Field(description="What the dashboard says under these figures.")


class SectorRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sector: str
    label: str
    centres: int = _unit("count", "Centres (sentra and klaster).", False)


class SectorTable(Answer):
    region: RegionRef
    filters: dict[str, list[str]]
    data: list[SectorRow]


class ReachRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    export_reach: str = Field(description="`lokal`, `regional`, `nasional`, `ekspor`; `–` unknown.")
    label: str
    centres: int = _unit("count", "Centres (sentra and klaster).", False)


class ReachTable(Answer):
    region: RegionRef
    filters: dict[str, list[str]]
    data: list[ReachRow]


class BudgetRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    year: int
    funding_source: str = Field(description="`APBN`, `DAK`, `APBD`, `lainnya`.")
    amount_rp: float = _unit("rupiah", "Sum of the year's allocations.", False)


class BudgetTable(Answer):
    region: RegionRef
    filters: dict[str, list[str]]
    regional_programmes_included: bool = Field(
        description="Allocations to a region as a whole count only while no centre filter "
        "is active."
    )
    data: list[BudgetRow]


class GrowthRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    region_code: str = Field(description="A province code, or `` for the nation.")
    year: int
    growth_pct: float | None = _unit("percent", "Yearly output growth.")
    data_status: DataStatus
    source: str


class GrowthTable(Answer):
    region: RegionRef
    filters: dict[str, list[str]]
    series_of: str | None = Field(
        description="Growth is published per province: the province whose series is shown."
    )
    data: list[GrowthRow]


# -- /sentra -------------------------------------------------------------------------------
class Centre(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str | None
    kind: str | None
    sector: str | None
    commodity: str | None
    province_code: str | None
    regency_code: str | None
    kecamatan_code: str | None
    lat: float | None = _unit("degrees (WGS84)", "Own coordinates; null: none recorded.")
    lng: float | None = _unit("degrees (WGS84)", "Own coordinates; null: none recorded.")
    enterprises: int | None = _unit("count", "Enterprises (unit usaha).")
    workers: int | None = _unit("people", "Workers.")
    turnover_rp: float | None = _unit("rupiah per year", "Turnover.")
    export_reach: str | None
    export_destinations: str | None
    fostering_body: str | None
    status: str | None
    year_established: int | None
    source: str | None
    data_status: str | None
    origin: str | None


class CentrePage(Answer):
    filters: dict[str, list[str]]
    wilayah: str | None
    total: int = Field(description="Centres matching the filters, on all pages.")
    limit: int
    offset: int | None
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null: last.")
    next: str | None = Field(description="The next page's address (same version); null: last.")
    data: list[Centre]


# -- /bandingkan ---------------------------------------------------------------------------
class ComparedRegion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    level: Level
    sentra: float | None = _unit("count", "Centres of kind sentra.")
    klaster: float | None = _unit("count", "Clusters; null where no count is published.")
    enterprises: float | None = _unit("count", "Enterprises.")
    workers: float | None = _unit("people", "Workers.")
    budget_rp: float | None = _unit("rupiah", "Budget in the filter's years.")
    growth_pct: float | None = _unit("percent", "Mean yearly output growth (provinces).")
    export_share: float | None = _unit("fraction", "Share of centres selling abroad.")
    density: float | None = _unit("centres per 1,000 km²", "Centres per area.")
    centres_per_100k: float | None = _unit("centres per 100,000 people", "")
    workers_per_1000: float | None = _unit("workers per 1,000 people", "")
    national_share: dict[str, float | None] = Field(
        description="Share of the national total of the same filtered measure. Unit: fraction; "
        "null where the national total is unknown (clusters).",
        json_schema_extra={"x-unit": "fraction"},
    )


class ImportedValue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    name: str
    unit: str
    source: str
    years: list[int]
    values: dict[str, float | None] = Field(
        description="The newest value per region code, in the indicator's unit; null: no data."
    )


class Comparison(Answer):
    filters: dict[str, list[str]]
    data: list[ComparedRegion]
    indicators: list[ImportedValue]


# -- /indikator, /fakta, /versi ------------------------------------------------------------
class IndicatorMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    name: str
    unit: str
    source: str
    level: Literal["province", "regency"]
    data_status: DataStatus
    years: list[int]
    indicator_version: int
    created_at: str | None


class IndicatorList(Answer):
    data: list[IndicatorMeta]


class IndicatorValue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    region_code: str
    name: str | None
    year: int
    value: float | None = Field(description="In the indicator's `unit`.")


class IndicatorValues(Answer):
    indicator: IndicatorMeta
    data: list[IndicatorValue]


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fact_id: str
    description: str
    year: int | None
    scope: str
    region_codes: list[str]
    value: float | None = Field(description="As published, in `unit`; a range's low end.")
    value_max: float | None = Field(description="A range's high end (`10000-20000`).")
    unit: str | None = Field(description="`unit`, `Rp`, `percent`, `klaster`, `UMKM`.")
    source: str


class FactList(Answer):
    data: list[Fact]


class VersionRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version_id: int
    created_at: str
    kind: Literal["bawaan", "impor", "pulihkan"]
    label: str
    rows: int = _unit("count", "Centres in the version.", False)
    based_on: int | None
    account: str | None
    office: str | None
    file_name: str | None
    file_sha256: str | None
    complete: bool | None
    added: int | None
    changed: int | None
    unchanged: int | None
    retired: int | None
    refused: int | None
    is_current: bool


class VersionList(Answer):
    current: int
    data: list[VersionRow]


class Problem(BaseModel):
    detail: str = Field(description="What is wrong: Indonesian, then English in brackets.")
