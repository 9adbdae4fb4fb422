"""A site's translation strings (Hugo's ``i18n`` folder): what ``T "id"`` gives in a language.

Hugo (``langs/i18n/translationProvider.go``) reads every file of the site's
``i18n`` folder and of each language's ``i18nDir`` whose name is a language
code (``fr.toml``, ``i18n/zh-cn/zh-cn.toml``), in TOML, YAML or JSON, in either
go-i18n form: ``id = "text"`` / ``[id] other = "text"`` (plural forms: the
``other`` one is used), or a list of ``{id: ..., translation: ...}``. A string
a language lacks is the default language's.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx_comparisons.hugo import frontmatter
from sphinx_comparisons.hugo.decoding import JSON, TOML, YAML, decode
from sphinx_comparisons.hugo.limits import DEFAULT
from sphinx_comparisons.hugo.yamldata import Problem

FORMATS = {".toml": TOML, ".yaml": YAML, ".yml": YAML, ".json": JSON}
#: How many files the i18n folders may hold before the rest are not read.
MAX_FILES = 2000


def folders(site_root: Path, values: dict[str, Any], code: str) -> list[Path]:
    """The folders that hold the strings of ``code``: the site's ``i18n/`` (or
    ``i18nDir``) and the language's own ``i18nDir``."""
    found = []
    for setting in (values.get("i18ndir"), _language_setting(values, code, "i18ndir")):
        if isinstance(setting, str) and setting.strip():
            found.append(site_root / setting.strip())
    found.append(site_root / "i18n")
    return list(dict.fromkeys(found))


def _language_setting(values: dict[str, Any], code: str, key: str) -> Any:
    table = values.get("languages")
    own = table.get(code) if isinstance(table, dict) else None
    return own.get(key) if isinstance(own, dict) else None


def files_of(roots: list[Path], code: str, is_inside: Callable[[Path], bool]) -> list[Path]:
    """Files named for the language (``fr.toml``, ``fr.yaml`` ...) below ``roots``, in a
    stable order; files ``is_inside`` refuses (a link out of the site) are left out."""
    found: list[Path] = []
    for root in roots:
        if not root.is_dir():
            continue
        for folder, _, names in sorted(os.walk(root)):
            for name in sorted(names):
                stem, ext = os.path.splitext(name)
                path = Path(folder, name)
                if stem.lower() == code and ext.lower() in FORMATS and is_inside(path):
                    found.append(path)
                if len(found) >= MAX_FILES:
                    return found
    return found


def parse(text: str, suffix: str, name: str) -> tuple[dict[str, str], list[Problem]]:
    """The strings of one file (ids lower-cased: Hugo's ``T`` ignores their case), and what
    could not be read in it."""
    fmt = FORMATS[suffix.lower()]
    fm = frontmatter.FrontMatter(format=fmt, start_line=1, label=name)
    data = decode(fmt, text, 1, fm, DEFAULT)
    if isinstance(data, dict):
        entries = list(data.items())
    elif isinstance(data, list):  # [{id: ..., translation: ...}, ...]
        entries = [(e.get("id"), e.get("translation")) for e in data if isinstance(e, dict)]
    else:
        entries = []
        if data is not None:
            fm.problems.append(Problem("siteconfig", f"{name} holds no translations", 1))
    strings: dict[str, str] = {}
    for key, value in entries:
        text_value = _text(value)
        if key is not None and text_value is not None:
            strings[str(key).lower()] = text_value
    return strings, list(fm.problems)


def _text(value: Any) -> str | None:
    """``"text"``, or a plural table's ``other`` form (else its first text)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if isinstance(value.get("other"), str):
            return str(value["other"])
        return next((v for v in value.values() if isinstance(v, str)), None)
    return None


def strings(
    paths: list[Path], read: Callable[[Path], str | None]
) -> tuple[dict[str, str], list[tuple[str, Problem]]]:
    """Every string of ``paths`` (later files win), and the problems, by file."""
    found: dict[str, str] = {}
    problems: list[tuple[str, Problem]] = []
    for path in paths:
        text = read(path)
        if text is None:
            continue
        more, trouble = parse(text, path.suffix, str(path))
        found.update(more)
        problems.extend((str(path), problem) for problem in trouble)
    return found, problems
