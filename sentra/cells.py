"""A column of a sheet as its distinct values and, per row, the number of its value: how
the import's checks see a column (``sentra.validation``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def objects(items: list) -> np.ndarray:
    """A one-dimensional object array of ``items`` (texts, numbers or None)."""
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


class Cells:
    """A column as its distinct values and, per row, the number of its value. The checks
    run once per value (files repeat names, codes and numbers). Texts read by Arrow stay
    there (``values`` an Arrow array) until a check needs them as Python objects, and a
    text column goes back to pandas by those numbers: a column of 220,000 distinct names
    is never 220,000 Python strings unless a message quotes them."""

    def __init__(self, codes: np.ndarray, values: np.ndarray | pa.Array, own: bool = False) -> None:
        self.codes = codes  # per row, an index into ``values``
        self._values = values  # objects, or texts in Arrow (None → null)
        # Row i has value i (codes 0, 1, 2, …): names and ids, not worth encoding; outputs
        # made with ``recoded`` keep the same codes and so the same promise.
        self.own = own

    @classmethod
    def constant(cls, n: int, value: object) -> Cells:
        return cls(np.zeros(n, dtype=np.intp), objects([value]))

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def _arrow(self) -> pa.Array | None:
        return self._values if isinstance(self._values, pa.Array) else None

    @cached_property
    def uniques(self) -> np.ndarray:
        """The distinct values as objects: stripped text ('' when empty), numbers, None."""
        if self._arrow is None:
            return self._values
        return self._arrow.to_numpy(zero_copy_only=False)

    @property
    def distinct(self) -> int:
        return len(self._values)

    def at(self, where: np.ndarray) -> np.ndarray:
        """The values of the rows ``where`` (a mask or row numbers)."""
        return self.uniques[self.codes[where]]

    @cached_property
    def values(self) -> np.ndarray:
        return self.uniques[self.codes]

    @cached_property
    def empty(self) -> np.ndarray:
        """Cells that hold nothing ('' after stripping; numbers are never empty)."""
        return self.empty_values()[self.codes]

    def empty_values(self) -> np.ndarray:
        """Which distinct values are empty."""
        if self._arrow is None:
            return np.asarray(self._values == "", dtype=bool)
        return pc.equal(self._arrow, "").to_numpy(zero_copy_only=False)

    def per_value(self, convert: Callable[[object], object]) -> np.ndarray:
        """``convert`` of each distinct value (an object array, by ``codes``)."""
        return objects([convert(u) for u in self.uniques])

    def recoded(self, values: np.ndarray | pa.Array) -> Cells:
        """The same rows over other values, one per distinct value (for outputs)."""
        return Cells(self.codes, values, self.own)

    def filled_with(self, value: str | None) -> Cells:
        """The texts, with ``value`` where a cell is empty (for outputs)."""
        texts = self._arrow
        if texts is None:
            return self.recoded(np.where(self._values == "", value, self._values))
        return self.recoded(pc.if_else(pc.equal(texts, ""), pa.scalar(value, texts.type), texts))

    def as_column(self) -> np.ndarray | pd.api.extensions.ExtensionArray:
        """Texts as pandas' text column (None → missing). A column that holds nothing (no
        rows, or None in each) stays a column of objects, as pandas makes it."""
        texts = self._arrow
        if texts is None:
            texts = pa.array(self._values, pa.large_string())
        nulls = pc.is_null(texts).to_numpy(zero_copy_only=False) if texts.null_count else None
        if not len(self) or (nulls is not None and nulls[self.codes].all()):
            return np.full(len(self), None, dtype=object)
        taken = texts if self.own else texts.take(pa.array(self.codes))
        return pd.array(taken, dtype="str")
