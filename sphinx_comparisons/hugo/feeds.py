"""RSS 2.0 feeds, ``sitemap.xml`` and ``robots.txt`` as Hugo's embedded templates write them.

``tpl/tplimpl/embedded/templates/_default/rss.xml``, ``sitemap.xml`` and
``robots.txt``; which kinds have a feed: ``output/outputFormat.go`` and
``hugolib/site_output.go`` (``createDefaultOutputFormats``). The XML is built as
elements (``xml.etree.ElementTree``), so every value is escaped once, as Hugo's
``html``/``xml`` escaping does.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
#: Kinds with an RSS output by default (``page`` has HTML only).
DEFAULT_RSS_KINDS = frozenset({"home", "section", "taxonomy", "term"})
ROBOTS = "User-agent: *\n"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Hugo prints a page without a date as Go's zero time.
ZERO = dt.datetime(1, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class Item:
    """One page in a feed: its title, absolute link, publish date and summary HTML."""

    title: str
    link: str
    date: dt.datetime | None
    summary: str


@dataclass(frozen=True, slots=True)
class Channel:
    """A feed: the list page's title (empty for none), link and feed address, the site's
    title and language code, its date (``lastBuildDate``) and its items in order."""

    title: str
    link: str
    self_link: str
    site_title: str
    language: str
    date: dt.datetime | None
    items: tuple[Item, ...]


def _zone(date: dt.datetime, colon: bool) -> str:
    offset = date.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{':' if colon else ''}{mins:02d}"


def rfc1123(date: dt.datetime | None) -> str:
    """Go's ``Mon, 02 Jan 2006 15:04:05 -0700`` (English names, whatever the locale)."""
    d = date or ZERO
    return (
        f"{_DAYS[d.weekday()]}, {d.day:02d} {_MONTHS[d.month - 1]} {d.year:04d} "
        f"{d.hour:02d}:{d.minute:02d}:{d.second:02d} {_zone(d, False)}"
    )


def rfc3339(date: dt.datetime) -> str:
    """Go's ``2006-01-02T15:04:05-07:00``, the sitemap's ``lastmod``."""
    return (
        f"{date.year:04d}-{date.month:02d}-{date.day:02d}T"
        f"{date.hour:02d}:{date.minute:02d}:{date.second:02d}{_zone(date, True)}"
    )


def channel_title(title: str, site_title: str) -> str:
    """``TITLE on SITE``; the site's title alone for a page titled as the site, or untitled."""
    if not title or title == site_title:
        return site_title
    return f"{title} on {site_title}"


def channel_description(title: str, site_title: str) -> str:
    middle = f"in {title} " if title and title != site_title else ""
    return f"Recent content {middle}on {site_title}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def rss(feed: Channel) -> bytes:
    """The feed as RSS 2.0 with Hugo's fields, UTF-8."""
    ET.register_namespace("atom", ATOM)
    root = ET.Element("rss", {"version": "2.0"})
    channel = _sub(root, "channel")
    _sub(channel, "title", channel_title(feed.title, feed.site_title))
    _sub(channel, "link", feed.link)
    _sub(channel, "description", channel_description(feed.title, feed.site_title))
    _sub(channel, "generator", "sphinx-comparisons")
    if feed.language:
        _sub(channel, "language", feed.language)
    if feed.date is not None:
        _sub(channel, "lastBuildDate", rfc1123(feed.date))
    link = {"href": feed.self_link, "rel": "self", "type": "application/rss+xml"}
    ET.SubElement(channel, f"{{{ATOM}}}link", link)
    for item in feed.items:
        entry = _sub(channel, "item")
        _sub(entry, "title", item.title)
        _sub(entry, "link", item.link)
        _sub(entry, "pubDate", rfc1123(item.date))
        _sub(entry, "guid", item.link)
        _sub(entry, "description", item.summary)
    ET.indent(root, "  ")
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``<url>`` of the sitemap; ``alternates`` are (language, absolute URL) pairs."""

    loc: str
    lastmod: dt.datetime | None = None
    changefreq: str = ""
    priority: float | None = None
    alternates: tuple[tuple[str, str], ...] = ()


def sitemap(entries: Iterable[Entry]) -> bytes:
    """``sitemap.xml`` with Hugo's fields, and ``xhtml:link`` alternates for translations."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for entry in entries:
        url = _sub(root, f"{{{SITEMAP}}}url")
        _sub(url, f"{{{SITEMAP}}}loc", entry.loc)
        if entry.lastmod is not None:
            _sub(url, f"{{{SITEMAP}}}lastmod", rfc3339(entry.lastmod))
        if entry.changefreq:
            _sub(url, f"{{{SITEMAP}}}changefreq", entry.changefreq)
        if entry.priority is not None and entry.priority >= 0:
            _sub(url, f"{{{SITEMAP}}}priority", f"{entry.priority:g}")
        for language, href in entry.alternates:
            attrs = {"rel": "alternate", "hreflang": language, "href": href}
            ET.SubElement(url, f"{{{XHTML}}}link", attrs)
    ET.indent(root, "  ")
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


_FREQUENCIES = frozenset({"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"})


@dataclass(frozen=True, slots=True)
class SitemapConfig:
    """``changefreq``, ``priority`` (negative: none), ``disable`` and the file's name."""

    changefreq: str = ""
    priority: float = -1.0
    disable: bool = False
    filename: str = "sitemap.xml"

    def over(self, values: Any) -> SitemapConfig:
        """These settings with a ``sitemap`` table's valid values over them (a page's over the
        site's); invalid values are ignored, as Hugo's decoder drops them."""
        if not isinstance(values, Mapping):
            return self
        low = {str(k).lower(): v for k, v in values.items()}
        freq = low.get("changefreq")
        priority = low.get("priority")
        name = low.get("filename")
        disable = low.get("disable")
        valid_freq = isinstance(freq, str) and freq.lower() in _FREQUENCIES
        number = isinstance(priority, int | float) and not isinstance(priority, bool)
        value = float(priority) if number and priority is not None else -1.0
        return SitemapConfig(
            str(freq).lower() if valid_freq else self.changefreq,
            value if 0 <= value <= 1 else self.priority,
            disable if isinstance(disable, bool) else self.disable,
            name if isinstance(name, str) and name.endswith(".xml") else self.filename,
        )


def has_rss(kind: str, site_outputs: Any, page_outputs: Any) -> bool:
    """Whether a list page of ``kind`` has an RSS output: its front matter's ``outputs``,
    else the site config's ``outputs`` for its kind, else Hugo's default."""
    by_kind = site_outputs.get(kind) if isinstance(site_outputs, Mapping) else None
    for listed in (page_outputs, by_kind):
        names = [listed] if isinstance(listed, str) else listed
        if isinstance(names, list):
            return any(isinstance(name, str) and name.lower() == "rss" for name in names)
    return kind in DEFAULT_RSS_KINDS


def limit(config_get: Any) -> int | None:
    """The most items a feed holds: ``services.rss.limit`` (current) or ``rssLimit``
    (v0.111.3); the template applies it only when it is 1 or more."""
    for value in (config_get("services.rss.limit"), config_get("rssLimit")):
        if isinstance(value, int) and not isinstance(value, bool):
            return value if value >= 1 else None
    return None
