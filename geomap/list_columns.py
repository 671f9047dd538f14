"""Columns of lists in a claims frame (a claim's place ids, its incident's own lines), however
they are held: Python lists from a claims file, NumPy arrays or Arrow lists read back from
GeoParquet (:func:`arrow_lists`, kept as Arrow: a million empty lists cost no objects).

>>> import pandas as pd
>>> s = pd.Series([["a"], [], None, ["b", "c"]])
>>> list_lengths(s).tolist(), list(list_items(s))
([1, 0, 0, 2], ['a', 'b', 'c'])
"""

from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

__all__ = ["arrow_lists", "list_lengths", "list_items"]


def arrow_lists(arrow_type):
    """A ``types_mapper`` for ``to_pandas``: list columns stay Arrow lists (other types: the default)."""
    import pyarrow as pa

    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return pd.ArrowDtype(arrow_type)
    return None


def _is_arrow_list(series) -> bool:
    return isinstance(series.dtype, pd.ArrowDtype) and hasattr(series, "list")


def list_lengths(series) -> np.ndarray:
    """The length of each row's list (0 for a missing one)."""
    if _is_arrow_list(series):
        return series.list.len().fillna(0).to_numpy(dtype=np.int64)
    vals = series.to_numpy(object)
    return np.fromiter((len(v) if isinstance(v, (list, tuple, np.ndarray)) else 0 for v in vals),
                       dtype=np.int64, count=len(vals))


def list_items(series) -> Iterator:
    """Every item of every row's list, in row order."""
    if _is_arrow_list(series):
        return iter(series.list.flatten().dropna().tolist())
    return (x for v in series.to_numpy(object) if isinstance(v, (list, tuple, np.ndarray)) for x in v)
