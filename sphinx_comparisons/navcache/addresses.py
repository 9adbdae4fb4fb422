"""Each page's relative addresses of a template's links, computed once per directory.

A sidebar with every page in it has as many addresses as the site has pages; working each one
out again on every page makes the build quadratic. Sphinx's ``relative_uri(base, to)``
(``sphinx/util/osutil.py``) depends on ``base`` only through its directory, except when ``to``
is ``base`` itself (``''``). So one vector per directory answers every page in it (the html
builder's ``a/b.html`` and ``a/c.html``). A dirhtml page is a directory of its own
(``a/b/``): its addresses are ``../`` and its parent directory's, except for the pages below it
and the parent directory itself, which are worked out one by one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Protocol, overload

#: Characters an address keeps the same under docutils' and BeautifulSoup's escaping.
_PLAIN_URL = re.compile(r"[A-Za-z0-9/._~%:+,;=!$*()-]*")
#: A file name no page has: it stands for "any page of this directory".
_ANY = "\x00"
#: Directories whose vectors are kept (pages are written in name order, so few are live).
_KEPT = 8

#: An address, or ``None`` for one with characters the cache does not escape.
Address = str | None


class Linked(Protocol):
    """A cached tree: its links' targets, and their addresses once a page asked for them."""

    @property
    def marks(self) -> _Targets: ...

    addresses: Addresses | None


class _Targets(Protocol):
    @property
    def targets(self) -> list[str]: ...


class Addresses:
    """The relative addresses of the targets ``targets[token]`` from each page."""

    def __init__(
        self, targets: list[str], uri: Callable[[str], str], relative: Callable[[str, str], str]
    ) -> None:
        self.uris = [uri(docname) for docname in targets]
        self.relative = relative
        self.by_uri = sorted((address, token) for token, address in enumerate(self.uris))
        self.sorted_uris = [address for address, _ in self.by_uri]
        #: Targets whose address never follows the directory rule (absolute, or with ``#``).
        self.own = [t for t, uri in enumerate(self.uris) if uri.startswith("/") or "#" in uri]
        self.vectors: OrderedDict[tuple[str, str], list[Address]] = OrderedDict()

    def for_page(self, base: str) -> PageAddresses:
        """Every target's address from the page whose own address is ``base``."""
        if base.endswith("/"):  # dirhtml: the page is a directory
            directory = base[:-1].rpartition("/")[0]
            directory = directory + "/" if directory else ""
            vector = self._vector(directory, "../")
            exceptions = [*self._below(base), *self._equal(directory)]
        else:
            directory = base.rpartition("/")[0]
            directory = directory + "/" if directory else ""
            vector = self._vector(directory, "")
            exceptions = list(self._equal(base))
        own = {t: _plain(self.relative(base, self.uris[t])) for t in (*exceptions, *self.own)}
        return PageAddresses(vector, own)

    def _vector(self, directory: str, up: str) -> list[Address]:
        """Each target's address from any page in ``directory``, after ``up``."""
        key = (directory, up)
        vector = self.vectors.get(key)
        if vector is None:
            base = directory + _ANY
            vector = [_plain(up + self.relative(base, address)) for address in self.uris]
            self.vectors[key] = vector
            if len(self.vectors) > _KEPT:
                self.vectors.popitem(last=False)
        else:
            self.vectors.move_to_end(key)
        return vector

    def _below(self, prefix: str) -> list[int]:
        start = bisect_left(self.sorted_uris, prefix)
        found = []
        for address, token in self.by_uri[start:]:
            if not address.startswith(prefix):
                break
            found.append(token)
        return found

    def _equal(self, address: str) -> list[int]:
        start = bisect_left(self.sorted_uris, address)
        found = []
        for other, token in self.by_uri[start:]:
            if other != address:
                break
            found.append(token)
        return found


class PageAddresses(Sequence[Address]):
    """One page's addresses: its directory's vector, shared with the other pages of the
    directory, with the page's own exceptions over it (a collapsed tree reads a few of them:
    a copy of the vector per page would cost the whole site on every page)."""

    __slots__ = ("own", "vector")

    def __init__(self, vector: list[Address], own: dict[int, Address]) -> None:
        self.vector, self.own = vector, own

    @overload
    def __getitem__(self, token: int) -> Address: ...
    @overload
    def __getitem__(self, token: slice) -> list[Address]: ...
    def __getitem__(self, token: int | slice) -> Address | list[Address]:
        if isinstance(token, slice):
            return [self[t] for t in range(len(self.vector))[token]]
        return self.own[token] if token in self.own else self.vector[token]

    def __len__(self) -> int:
        return len(self.vector)


def _plain(address: str) -> Address:
    return address if _PLAIN_URL.fullmatch(address) else None
