"""The checks of the ``hugo_*`` configuration values (``config.py`` declares which each uses).

Each takes the value conf.py (or ``-D``) gave and returns it, normalised, or
``UNSET`` when it is not one the setting takes (the default is used, and the
problem reported once); a ``bool`` check returns None instead.
"""

from __future__ import annotations

from typing import Any

from sphinx_comparisons.hugo import headings, languages, safeurl, summaries, translations
from sphinx_comparisons.hugo import limits as budgets


def string_list(value: Any) -> list[str] | None:
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def boolean(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


UNSET = object()


def optional_bool(value: Any) -> Any:
    return value if value is None or isinstance(value, bool) else UNSET


def optional_path(value: Any) -> Any:
    if value is None or (isinstance(value, str) and value.strip()):
        return value
    return UNSET


def count(value: Any) -> Any:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else UNSET


def optional_url(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str) and safeurl.is_web(value):
        return value
    return UNSET


def language_code(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str) and languages.is_code(value.strip().lower()):
        return value.strip().lower()
    return UNSET


def translation_urls(value: Any) -> Any:
    checked = translations.checked_bases(value)
    return UNSET if checked is None else checked


def heading_scheme(value: Any) -> Any:
    return value if value is None or value in headings.SCHEMES else UNSET


def summary_rule(value: Any) -> Any:
    return value if value in summaries.RULES else UNSET


SHORTCODE_KEYS = {"directive", "argument", "options", "role", "param", "text", "translate"}


def shortcode_map(value: Any) -> Any:
    """Each entry: "drop", or a mapping with exactly one of directive, role or text."""
    if not isinstance(value, dict):
        return UNSET
    for name, spec in value.items():
        if spec == "drop":
            continue
        if (
            not isinstance(name, str)
            or not isinstance(spec, dict)
            or not set(spec) <= SHORTCODE_KEYS
        ):
            return UNSET
        if sum(key in spec for key in ("directive", "role", "text")) != 1:
            return UNSET
        if not isinstance(spec.get("options", {}), dict):
            return UNSET
        if not isinstance(spec.get("translate", False), bool) or (
            spec.get("translate") and "text" not in spec
        ):
            return UNSET  # a text mapping's output may be a string id; nothing else
    return value


BUILD_KINDS = ("drafts", "future", "expired")


def build_kinds(value: Any) -> Any:
    """``["drafts", ...]``; ``-D hugo_build=drafts,future`` gives the same list."""
    names = string_list(value)
    if names is None or not set(names) <= set(BUILD_KINDS):
        return UNSET
    return names


def limits(value: Any) -> Any:
    checked = budgets.check_overrides(value)
    return UNSET if checked is None else checked


def limits_help() -> str:
    listed = "; ".join(
        f"``{name}`` ({default:,}): {meaning}"
        for name, (default, meaning) in budgets.Limits.documentation().items()
    )
    return (
        "Raise or lower the budgets that bound how much work one page can cause, by name: "
        f'``{{"page_size": 8_000_000}}``. A page over a budget is reported (``hugo.limit``) and '
        f"built without the part that went over. The budgets and their defaults: {listed}"
    )


def menu_names(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return [value] if value else []
    return string_list(value) if string_list(value) is not None else UNSET
