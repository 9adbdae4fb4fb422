"""Reading files as UTF-8 without failing on the ones that are not."""

from __future__ import annotations


def decode(data: bytes) -> tuple[str, int | None]:
    """The text (BOM dropped, bad bytes replaced by U+FFFD) and the line of the first bad byte, if
    any."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        return data.decode("utf-8-sig", errors="replace"), data.count(b"\n", 0, err.start) + 1
