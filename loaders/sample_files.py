"""The bundled sample data on disk: ``python -m loaders.sample_files`` rewrites the CSVs in
``geodata/`` with the seeded generator of ``sentra.sample_data`` (deterministic)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from sentra.sample_data import SEED, build_budgets, build_centres, build_indicators

GEODATA = Path(__file__).resolve().parent.parent / "geodata"


def sentra_2024(folder: Path = GEODATA) -> pd.DataFrame:
    """BPS 2024 sentra counts per province, as bundled."""
    return pd.read_csv(
        folder / "sentra_industri_by_province_2024.csv", dtype={"province_code": str}
    )


def write_all(regencies: pd.DataFrame, folder: Path = GEODATA) -> dict[str, int]:
    """Regenerate the bundled CSVs in ``folder``; returns row counts. The published tables
    it reads (BPS counts, facts, known centres) are always taken from ``geodata/``."""
    facts = pd.read_csv(GEODATA / "facts.csv", dtype={"region_code": str})
    known = pd.read_csv(GEODATA / "known_centres.csv", dtype=str)
    centres = build_centres(regencies, sentra_2024(), known)
    rng = np.random.default_rng(SEED + 1)
    tables = {
        "centres": centres,
        "budgets": build_budgets(centres, rng),
        "indicators": build_indicators(centres, facts, rng),
    }
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False, float_format="%.15g")
    return {name: len(frame) for name, frame in tables.items()}


if __name__ == "__main__":
    from loaders.boundaries import load

    layers, _ = load()
    print(write_all(layers.regencies[["code", "name", "kind", "province_code"]]))
