"""Go's time layouts (``hugo/timeformat.py``): the reference time ``Mon Jan 2 15:04:05 MST
2006`` written as the date should look. Expected strings follow Go's ``time.Format``
documentation (its layout elements and their meanings)."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_comparisons.hugo.timeformat import BLOG, DEFAULT, format_date, layout_of

WHEN = dt.datetime(2024, 5, 2, 15, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=-7)))
UTC = dt.datetime(2009, 11, 10, 23, 0, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("when", "layout", "expected"),
    [
        (WHEN, BLOG, "Thursday, May 02, 2024"),  # Docsy's time_format_blog
        (WHEN, DEFAULT, "May 2, 2024"),
        (WHEN, "2006-01-02T15:04:05Z07:00", "2024-05-02T15:04:05-07:00"),  # RFC 3339
        (UTC, "2006-01-02T15:04:05Z07:00", "2009-11-10T23:00:00Z"),
        (WHEN, "Mon Jan _2 3:04PM MST 06", "Thu May  2 3:04PM -0700 24"),
        (UTC, "Mon, 02 Jan 2006 15:04:05 -0700", "Tue, 10 Nov 2009 23:00:00 +0000"),  # RFC1123Z
        (WHEN, "2.1.2006", "2.5.2024"),
        (WHEN, "3:4:5 pm", "3:4:5 pm"),
        (UTC, "Day __2 of 2006", "Day 314 of 2009"),
        (WHEN, "<b>January</b>", "<b>May</b>"),  # text outside the elements is copied
    ],
)
def test_go_layouts(when, layout, expected):
    assert format_date(when, layout) == expected


def test_a_huge_layout_is_cut_and_a_bad_param_gives_the_default():
    assert len(format_date(WHEN, "x" * 10_000)) == 200
    assert (
        layout_of(None, BLOG) == BLOG
        and layout_of(3, BLOG) == BLOG
        and layout_of(" ", BLOG) == BLOG
    )
    assert layout_of("Jan 2006", BLOG) == "Jan 2006"
