"""Go's date layouts (``time.Time.Format``), as far as a permalink token can spell one.

A ``:word`` that is no permalink token is a date layout when Go's formatting of
the reference time changes it (``:2006``, ``:Jan``, ``:02``: Hugo's
``permalinks.go`` ``callback``). The chunks follow Go's ``nextStdChunk`` for the
characters a token holds (letters, digits, ``_``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Sunday first, as Go's ``time.Weekday`` counts.
WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def _offset(date: dt.datetime, colon: bool, zulu: bool) -> str:
    delta = date.utcoffset() or dt.timedelta()
    minutes = int(delta.total_seconds()) // 60
    if zulu and minutes == 0:
        return "Z"
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{':' if colon else ''}{rest:02d}"


#: (chunk, value), longest first where one chunk starts another; ``_2006`` is ``_`` and a year.
_CHUNKS: tuple[tuple[str, Callable[[dt.datetime], str]], ...] = (
    ("January", lambda d: MONTHS[d.month - 1]),
    ("Jan", lambda d: MONTHS[d.month - 1][:3]),
    ("Monday", lambda d: WEEKDAYS[d.isoweekday() % 7]),
    ("Mon", lambda d: WEEKDAYS[d.isoweekday() % 7][:3]),
    ("MST", lambda d: d.tzname() or "UTC"),
    ("Z0700", lambda d: _offset(d, False, True)),
    ("Z07", lambda d: _offset(d, False, True)[:3]),
    ("2006", lambda d: f"{d.year:04d}"),
    ("002", lambda d: f"{d.timetuple().tm_yday:03d}"),
    ("01", lambda d: f"{d.month:02d}"),
    ("02", lambda d: f"{d.day:02d}"),
    ("03", lambda d: f"{(d.hour % 12) or 12:02d}"),
    ("04", lambda d: f"{d.minute:02d}"),
    ("05", lambda d: f"{d.second:02d}"),
    ("06", lambda d: f"{d.year % 100:02d}"),
    ("15", lambda d: f"{d.hour:02d}"),
    ("__2", lambda d: f"{d.timetuple().tm_yday:>3}"),
    ("_2006", lambda d: f"_{d.year:04d}"),
    ("_2", lambda d: f"{d.day:>2}"),
    ("1", lambda d: str(d.month)),
    ("2", lambda d: str(d.day)),
    ("3", lambda d: str((d.hour % 12) or 12)),
    ("4", lambda d: str(d.minute)),
    ("5", lambda d: str(d.second)),
    ("PM", lambda d: "PM" if d.hour >= 12 else "AM"),
    ("pm", lambda d: "pm" if d.hour >= 12 else "am"),
)
#: Chunks Go takes only when no lower-case letter follows (``Month`` is text, ``Mon`` is not).
_WORD_CHUNKS = frozenset({"Jan", "Mon"})


def _chunks(layout: str) -> list[tuple[str, bool]]:
    """The layout as (text, is a chunk) pieces, scanned left to right as Go does."""
    pieces: list[tuple[str, bool]] = []
    index = 0
    while index < len(layout):
        for chunk, _ in _CHUNKS:
            if not layout.startswith(chunk, index):
                continue
            after = layout[index + len(chunk) : index + len(chunk) + 1]
            if chunk in _WORD_CHUNKS and after.islower():
                continue
            pieces.append((chunk, True))
            index += len(chunk)
            break
        else:
            pieces.append((layout[index], False))
            index += 1
    return pieces


def is_layout(word: str) -> bool:
    """True when Go's formatting changes ``word``: it holds at least one date chunk."""
    return any(is_chunk for _, is_chunk in _chunks(word))


def format(date: dt.datetime, layout: str) -> str:
    """``date`` formatted with the Go layout."""
    values = dict(_CHUNKS)
    return "".join(values[text](date) if is_chunk else text for text, is_chunk in _chunks(layout))
