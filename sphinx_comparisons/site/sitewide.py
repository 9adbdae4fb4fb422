"""Site-wide facts kept on the build environment, left out of parallel readers' replies.

The front matter of every page and the model built from it are set on the
environment before reading (``state.py`` keeps both in one holder). Sphinx's
parallel readers are forked: each inherits them, reads its chunk and pickles
its whole environment back to the main process, which unpickles it only to
merge what was collected per page. Carried along, these facts were pickled
and unpickled once per chunk for nothing (a fifth of the main process's merge
time at 2,000 pages). Stored through :func:`put`, they pickle as themselves in
the process that set or loaded them (so the saved environment keeps them) and
as nothing in a forked reader.
"""

from __future__ import annotations

import os
from typing import Any


class _Holder:
    __slots__ = ("pid", "value")

    def __init__(self, value: Any) -> None:
        self.value = value
        self.pid = os.getpid()

    def __reduce__(self) -> tuple[type[_Holder], tuple[Any]]:
        return _Holder, (self.value if os.getpid() == self.pid else None,)


def put(env: object, name: str, value: Any) -> None:
    setattr(env, name, _Holder(value))


def get(env: object, name: str, default: Any = None) -> Any:
    holder = getattr(env, name, None)
    return default if holder is None or holder.value is None else holder.value
