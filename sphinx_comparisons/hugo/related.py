"""Hugo's related content: pages scored by shared keywords, tags and dates (spec section 8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sphinx_comparisons.hugo.content import Page, publish_date


@dataclass(frozen=True)
class Index:
    name: str
    weight: int
    #: For dates: Go's layout, of which the year ("2006") is the default.
    pattern: str = ""


DEFAULT_INDICES = (Index("keywords", 100), Index("date", 10, "2006"), Index("tags", 80))


@dataclass(frozen=True)
class Settings:
    indices: tuple[Index, ...] = DEFAULT_INDICES
    threshold: int = 80
    include_newer: bool = False
    to_lower: bool = False


def settings_from_config(related: Any) -> Settings:
    """Hugo's ``related`` site config; a custom one replaces the defaults whole."""
    if not isinstance(related, dict):
        return Settings()
    indices = []
    for item in related.get("indices", []) or []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            try:
                indices.append(
                    Index(
                        item["name"].lower(),
                        int(item.get("weight", 0)),
                        str(item.get("pattern", "") or ""),
                    )
                )
            except (TypeError, ValueError):
                continue
    threshold = related.get("threshold", 80)
    return Settings(
        tuple(indices) or DEFAULT_INDICES,
        threshold if isinstance(threshold, int) and not isinstance(threshold, bool) else 80,
        related.get("includenewer") is True,
        related.get("tolower") is True,
    )


def _date_text(value: dt.datetime | None, pattern: str) -> str:
    year = value.year if value else 1
    if pattern in ("", "2006"):
        return f"{year:04d}"
    if pattern in ("2006-01", "200601"):
        return f"{year:04d}-{value.month if value else 1:02d}"
    return (value or dt.datetime(1, 1, 1)).date().isoformat()


def _values(page: Page, index: Index, settings: Settings) -> set[str]:
    if index.name == "date":
        return {_date_text(page.date, index.pattern)}
    raw = page.params.get(index.name)
    values = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    texts = {str(v) for v in values if isinstance(v, (str, int, float)) and not isinstance(v, bool)}
    return {t.lower() for t in texts} if settings.to_lower else texts


def related(
    page: Page,
    candidates: Iterable[Page],
    settings: Settings = Settings(),
    limit: int | None = None,
) -> list[str]:
    """The keys of ``page``'s related pages, best first, as Hugo's ``.Related`` ranks them."""
    weights = [index.weight for index in settings.indices]
    low, high = min(0, *weights), max(weights)
    own = {index.name: _values(page, index, settings) for index in settings.indices}
    own_date = publish_date(page.params)
    scored = []
    for other in candidates:
        if other.key == page.key or not other.listed or not other.build.in_site:
            continue  # Hugo relates the site's regular pages: not list local/never ones
        other_date = publish_date(other.params)
        if not settings.include_newer and own_date and other_date and other_date > own_date:
            continue
        total = matches = 0
        for index in settings.indices:
            shared = own[index.name] & _values(other, index, settings)
            total += index.weight * len(shared)
            matches += len(shared)
        if not matches or high == low:
            continue
        score = round((total // matches - low) / (high - low) * 100)
        if score >= settings.threshold // matches:
            stamp = other_date.timestamp() if other_date else float("-inf")
            scored.append((-total, -stamp, other.title or other.key, other.key))
    return [key for *_, key in sorted(scored)][:limit]
