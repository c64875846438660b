"""A sheet's cells, as rows or as columns: the layout is found on rows, and a CSV of
220,000 rows is held in columns (Arrow) so that only the rows that may be skipped
(blanks, totals, notes, repeated headers) are ever looked at one by one.

Both kinds answer ``len``, ``grid[i]`` (a row as a list of cells), ``grid[:k]``,
``width``, ``rows_to_check`` and ``frame``; ``sentra.sheet_layout`` works on either.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# A cell that may open a totals row (sheet_layout's _TOTALS after its lstrip), loose: it
# is looked for in every cell up to the row's first text, and the rows it finds are
# checked again with the exact rule.
_MAYBE_TOTALS = r"^[\s*\-–.]*(jumlah|total|sub ?total|grand total)"
# A cell that may be a number to sheet_layout (its _NUMBER after a strip), loose: Python's
# \d and \s are Unicode, RE2's ASCII, so Unicode digits and every space Python strips.
_MAYBE_NUMBER = r"^[-+]?[\p{Nd}.,\s\x{0B}\x{1C}-\x{1F}\x{85}\p{Z}]+$"


@dataclass
class RowGrid:
    """Rows of cells (text, numbers or None), as workbooks and small files are read."""

    rows: list[list]

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def rows_to_check(self, first: int, j0: int, head: str) -> tuple[np.ndarray, np.ndarray]:
        """Blank rows known without a look (none here), and the rows to look at: all."""
        return np.empty(0, dtype=np.int64), np.arange(first, len(self.rows))

    def frame(self, keep: np.ndarray, width: int) -> pd.DataFrame:
        """The rows ``keep``, each padded to ``width`` cells, as object columns."""
        rows = [
            row if len(row) == width else row + [""] * (width - len(row))
            for row in (self.rows[i] for i in keep.tolist())
        ]
        return pd.DataFrame(rows, columns=range(width), dtype=object).fillna("")


@dataclass
class ColumnGrid:
    """A CSV in Arrow string columns (every cell text, '' when empty), plus the rows whose
    number of cells differs from the rest (titles, totals, notes), kept as lists."""

    table: pa.Table  # the regular rows, in file order
    regular: np.ndarray  # grid row index of each of them
    irregular: dict[int, list[str]]  # grid row index → cells

    def __len__(self) -> int:
        return len(self.regular) + len(self.irregular)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if index in self.irregular:
            return self.irregular[index]
        k = int(np.searchsorted(self.regular, index))
        if k >= len(self.regular) or self.regular[k] != index:
            raise IndexError(index)
        return [column[k].as_py() for column in self.table.columns]

    @property
    def width(self) -> int:
        return max([self.table.num_columns, *(len(r) for r in self.irregular.values())])

    def rows_to_check(self, first: int, j0: int, head: str) -> tuple[np.ndarray, np.ndarray]:
        """Blank rows, and the other rows from ``first`` that may be skipped: the first two
        (numbering), rows with at most one filled cell (notes), rows whose first text that
        is not a number may open totals, rows whose cell under the header's first name
        (``head``, as written) repeats it, and every irregular row. Found per column, and a
        column is read for totals only in the rows where no text came before; the rest are
        data rows. Arrow's whitespace is Python's; its lower case is not quite (İ), so both
        sides of the header comparison are lowered by Arrow."""
        start = int(np.searchsorted(self.regular, first))
        table = self.table.slice(start)
        filled = np.zeros(table.num_rows, dtype=np.int64)
        check = np.zeros(table.num_rows, dtype=bool)
        before_text = np.ones(table.num_rows, dtype=bool)  # only blanks or numbers so far
        for column in table.columns:
            blank = pc.or_(pc.equal(pc.binary_length(column), 0), pc.utf8_is_space(column))
            blank = blank.to_numpy(zero_copy_only=False)
            filled += ~blank
            at = np.flatnonzero(before_text & ~blank)
            if not len(at):
                continue
            every = len(at) == table.num_rows
            opening = pc.utf8_ltrim_whitespace(column if every else column.take(pa.array(at)))
            number = pc.match_substring_regex(opening, _MAYBE_NUMBER)
            number = number.to_numpy(zero_copy_only=False)
            before_text[at] = number
            if number.all():
                continue
            # a number opens no totals; RE2's \s is ASCII only, hence the trim before
            texts = opening if not number.any() else opening.filter(pa.array(~number))
            totals = pc.match_substring_regex(texts, _MAYBE_TOTALS, ignore_case=True)
            check[at[~number]] |= totals.to_numpy(zero_copy_only=False)
        if head and j0 < table.num_columns:
            at_j0 = pc.utf8_lower(pc.utf8_trim_whitespace(table.column(j0)))
            same = pc.equal(at_j0, pc.utf8_lower(pa.scalar(head, pa.large_string())))
            check |= same.to_numpy(zero_copy_only=False)
        rows = self.regular[start:]
        check |= (filled == 1) | (rows < first + 2)
        irregular = np.array(sorted(i for i in self.irregular if i >= first), dtype=np.int64)
        return rows[filled == 0], np.union1d(rows[check & (filled > 0)], irregular)

    def frame(self, keep: np.ndarray, width: int) -> pd.DataFrame:
        """The rows ``keep`` (ascending grid indexes), padded to ``width`` cells, as text
        columns."""
        names = [str(j) for j in range(width)]
        at = np.searchsorted(self.regular, keep)
        at = np.minimum(at, max(len(self.regular) - 1, 0))
        is_regular = (self.regular[at] == keep) if len(self.regular) else np.zeros(0, bool)
        taken = at[is_regular]
        contiguous = len(taken) and taken[-1] - taken[0] == len(taken) - 1
        table = (
            self.table.slice(int(taken[0]), len(taken))
            if contiguous
            else self.table.take(pa.array(taken))
        )
        extra = width - table.num_columns
        columns = list(table.columns) + [pa.array([""] * table.num_rows, pa.large_string())] * extra
        table = pa.table(columns, names=names)
        odd = keep[~is_regular].tolist()
        if odd:  # irregular rows put back in file order
            cells = [self.irregular[i] + [""] * (width - len(self.irregular[i])) for i in odd]
            columns = [pa.array([row[j] for row in cells], pa.large_string()) for j in range(width)]
            order = np.argsort(np.concatenate([keep[is_regular], odd]), kind="stable")
            table = pa.concat_tables([table, pa.table(columns, names=names)]).take(order)
        frame = table.to_pandas()
        frame.columns = range(width)
        return frame


def as_grid(grid) -> RowGrid | ColumnGrid:
    return grid if isinstance(grid, RowGrid | ColumnGrid) else RowGrid(grid)
