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


_TEXT = pd.api.types.pandas_dtype("str")  # the dtype pandas gives a column of texts


class Cells:
    """A column as its distinct values and, per row, the number of its value. The checks
    run once per value (files repeat names, codes and numbers). Texts read by Arrow stay
    there until a check needs them as Python strings, and a text column goes back to
    pandas by those numbers: a column of 220,000 distinct names is never 220,000 Python
    strings unless a message quotes them."""

    def __init__(
        self, codes: np.ndarray, uniques: np.ndarray | pa.Array, own: bool = False
    ) -> None:
        self.codes = codes  # per row, an index into the distinct values
        self.own = own  # row i has value i (codes 0, 1, 2, …): names, ids
        self._texts = uniques if isinstance(uniques, pa.Array) else None
        if self._texts is None:
            self.uniques = uniques

    @classmethod
    def constant(cls, n: int, value: object) -> Cells:
        return cls(np.zeros(n, dtype=np.intp), objects([value]))

    def __len__(self) -> int:
        return len(self.codes)

    @cached_property
    def uniques(self) -> np.ndarray:
        """The distinct values as objects: stripped text ('' when empty), numbers, None."""
        return self._texts.to_numpy(zero_copy_only=False)

    @property
    def distinct(self) -> int:
        return len(self.uniques if self._texts is None else self._texts)

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
        if self._texts is None:
            return np.asarray(self.uniques == "", dtype=bool)
        return pc.equal(self._texts, "").to_numpy(zero_copy_only=False)

    def per_value(self, convert: Callable[[object], object]) -> np.ndarray:
        """``convert`` of each distinct value (an object array, by ``codes``)."""
        return objects([convert(u) for u in self.uniques])

    def recoded(self, uniques: np.ndarray) -> Cells:
        """The same rows over other values, one per distinct value (for outputs)."""
        return Cells(self.codes, uniques, self.own)

    def filled_with(self, value: str | None) -> Cells:
        """The texts, with ``value`` where a cell is empty (for outputs)."""
        if self._texts is None:
            return self.recoded(np.where(self.uniques == "", value, self.uniques))
        empty = pc.equal(self._texts, "")
        return self.recoded(pc.if_else(empty, pa.scalar(value, self._texts.type), self._texts))

    def as_column(self) -> np.ndarray | pd.api.extensions.ExtensionArray:
        """Texts as pandas' text column (None → missing); all None stays an object column,
        as pandas makes of a column that holds nothing."""
        texts = self._texts
        if texts is None:
            texts = pa.array(self.uniques, pa.large_string())
        if texts.null_count and pc.is_null(texts).to_numpy(zero_copy_only=False)[self.codes].all():
            return np.full(len(self), None, dtype=object)
        return pd.array(texts if self.own else texts.take(pa.array(self.codes)), dtype=_TEXT)
