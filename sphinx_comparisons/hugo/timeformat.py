"""Go's time layouts (``time.Format``), as a Hugo theme formats a date with ``.Format``.

A layout writes the reference time ``Mon Jan 2 15:04:05 MST 2006`` as the date should look;
each element of it stands for that part of the date, everything else is copied (Go's
``time/format.go``, ``nextStdChunk``: ``January`` before ``Jan``, ``2006`` before ``2``). Names
are English, as Go's are; Hugo's per-language names (``time.Format`` with a language's
locale) are not made here.
"""

from __future__ import annotations

import datetime as dt
import re

#: Docsy's default layouts (``time_format_blog``, ``time_format_default``).
BLOG = "Monday, January 02, 2006"
DEFAULT = "January 2, 2006"
#: The longest layout read; a longer one is cut (pages and configs are untrusted).
MAX_LAYOUT = 200

_ELEMENTS = re.compile(
    r"January|Jan|Monday|Mon|MST|Z07:00|Z0700|-07:00|-0700|2006|"
    r"__2|_2|15|06|01|02|03|04|05|PM|pm|1|2|3|4|5"
)


def _offset(when: dt.datetime, colon: bool, z: bool) -> str:
    delta = when.utcoffset() or dt.timedelta(0)
    if z and not delta:
        return "Z"
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02}{':' if colon else ''}{rest:02}"


def _element(when: dt.datetime, token: str) -> str:
    hour12 = when.hour % 12 or 12
    simple = {
        "January": f"{when:%B}",
        "Jan": f"{when:%b}",
        "Monday": f"{when:%A}",
        "Mon": f"{when:%a}",
        "2006": f"{when.year:04}",
        "06": f"{when.year % 100:02}",
        "01": f"{when.month:02}",
        "1": str(when.month),
        "02": f"{when.day:02}",
        "_2": f"{when.day:>2}",
        "__2": f"{when.timetuple().tm_yday:>3}",
        "2": str(when.day),
        "15": f"{when.hour:02}",
        "03": f"{hour12:02}",
        "3": str(hour12),
        "04": f"{when.minute:02}",
        "4": str(when.minute),
        "05": f"{when.second:02}",
        "5": str(when.second),
        "PM": "PM" if when.hour >= 12 else "AM",
        "pm": "pm" if when.hour >= 12 else "am",
    }
    if token == "MST":  # a zone without a name is written as its offset, as Go does
        name = when.tzname() or "UTC"
        return _offset(when, False, False) if name.startswith("UTC") and name != "UTC" else name
    if token in simple:
        return simple[token]
    return _offset(when, ":" in token, token.startswith("Z"))


def format_date(when: dt.datetime, layout: str) -> str:
    """``when`` written as Go writes it with ``layout``."""
    return _ELEMENTS.sub(lambda m: _element(when, m.group(0)), layout[:MAX_LAYOUT])


def layout_of(value: object, default: str) -> str:
    """A layout from a site param: a non-empty string, else ``default``."""
    return value if isinstance(value, str) and value.strip() else default
