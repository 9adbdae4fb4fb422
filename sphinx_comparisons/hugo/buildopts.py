"""Hugo's build options of one page: ``build``/``_build`` and ``headless``.

``resources/page/pagemeta/pagemeta.go`` (``BuildConfig``, ``DecodeBuildConfig``):
``render`` is ``always`` (the default), ``link`` (a URL, no file) or ``never``
(neither); ``list`` is ``always``, ``local`` (its section's lists only) or
``never``; ``publishResources`` defaults to true. The old booleans are read as
``false`` = ``never``, ``true`` = ``always``; any other string is silently the
default in Hugo, warned here. Hugo 0.123 added the name ``build`` beside
``_build``; when both are given ``_build`` is used. ``headless: true`` sets
``render`` and ``list`` to ``never`` on any page since Hugo 0.123.6 (0.111.3
honoured it in leaf bundles only): we follow current Hugo.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sphinx_comparisons.hugo.yamldata import Problem

ALWAYS, LINK, NEVER, LOCAL = "always", "link", "never", "local"
_RENDER = (ALWAYS, LINK, NEVER)
_LIST = (ALWAYS, LOCAL, NEVER)
#: The front matter names of the build options, the one Hugo prefers first.
KEYS = ("_build", "build")


@dataclass(frozen=True, slots=True)
class BuildConfig:
    render: str = ALWAYS
    list: str = ALWAYS
    publish_resources: bool = True

    @property
    def written(self) -> bool:
        """Whether the page has its own output file."""
        return self.render == ALWAYS

    @property
    def has_url(self) -> bool:
        """Whether the page has a URL other pages may link to (``RelPermalink``)."""
        return self.render != NEVER

    @property
    def in_sections(self) -> bool:
        """Whether the page is in its section's lists (``.Pages``, the sidebar)."""
        return self.list != NEVER

    @property
    def in_site(self) -> bool:
        """Whether the page is in the site's collections (menus, related pages, feeds)."""
        return self.list == ALWAYS


DEFAULT = BuildConfig()
HEADLESS = BuildConfig(render=NEVER, list=NEVER)


def _choice(value: Any, choices: tuple[str, ...]) -> str | None:
    """A choice as Hugo reads it; None for a value Hugo would silently make ``always``."""
    if isinstance(value, bool):
        return ALWAYS if value else NEVER
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower()
    return None


def decode(
    params: Mapping[str, Any], line_of: Callable[[str], int]
) -> tuple[BuildConfig, list[Problem]]:
    """The page's build options from its (lowercased) front matter, and what was wrong in them."""
    if params.get("headless") is True:
        return HEADLESS, []
    name = next((key for key in KEYS if key in params), None)
    if name is None:
        return DEFAULT, []
    value = params[name]
    if not isinstance(value, dict):
        message = (
            f"front matter {name!r} must be a mapping (render, list, publishResources), "
            f"not {type(value).__name__} {value!r}; the defaults are used"
        )
        return DEFAULT, [Problem("frontmatter_type", message, line_of(name))]
    problems: list[Problem] = []
    chosen: dict[str, Any] = {}
    for key, choices in (("render", _RENDER), ("list", _LIST)):
        if key not in value:
            continue
        found = _choice(value[key], choices)
        if found is None:
            allowed = ", ".join(choices)
            message = (
                f"{name}.{key} must be one of {allowed} (or a boolean), not {value[key]!r}; "
                "read as 'always', as Hugo does"
            )
            problems.append(Problem("frontmatter_type", message, line_of(f"{name}.{key}")))
        chosen[key] = found or ALWAYS
    publish = value.get("publishresources", True)
    if not isinstance(publish, bool):
        message = f"{name}.publishResources must be true or false, not {publish!r}; read as true"
        problems.append(Problem("frontmatter_type", message, line_of(f"{name}.publishresources")))
        publish = True
    return BuildConfig(chosen.get("render", ALWAYS), chosen.get("list", ALWAYS), publish), problems
