"""Finding and reading a Hugo site's configuration (``hugo.toml``, ``config/_default/`` ...)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx_comparisons.hugo import frontmatter
from sphinx_comparisons.hugo.decoding import JSON, TOML, YAML
from sphinx_comparisons.hugo.yamldata import Problem

FORMATS = {".toml": TOML, ".yaml": YAML, ".yml": YAML, ".json": JSON}
#: A copyright's own mark, which the theme's footer adds again (``© 2024 X`` -> ``2024 X``).
_MARK = re.compile(r"^\s*(?:©|&copy;|\(c\)|copyright\b)[\s:]*", re.IGNORECASE)
#: Markdown a Hugo theme renders in its footer (Docsy's ``markdownify``) and Sphinx prints as
#: it is: a link keeps its text; emphasis and code marks go.
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_EMPHASIS = re.compile(r"[*`]+")
ROOT_NAMES = ("hugo", "config")
#: How many folders above the source folder are searched for a site config.
SEARCH_LEVELS = 2


@dataclass
class SiteConfig:
    """The merged settings, and which file (and line) each top-level key came from."""

    values: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    #: key path (``menus.main.0``) -> (file, line)
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)
    problems: list[tuple[str, Problem]] = field(default_factory=list)

    def get(self, path: str) -> Any:
        """The value at a dotted key path (``markup.goldmark.renderer.unsafe``), or None."""
        value: Any = self.values
        for key in path.lower().split("."):
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def origin(self, path: str) -> tuple[str, int]:
        """The file and line of a key path, or the nearest enclosing one that is known."""
        parts = path.lower().split(".")
        while parts:
            found = self.origins.get(".".join(parts))
            if found:
                return found
            parts.pop()
        return (self.files[0], 1) if self.files else ("", 0)


def _root_files(folder: Path) -> list[Path]:
    for name in ROOT_NAMES:
        for suffix in FORMATS:
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return [candidate]
    return []


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in FORMATS)


def discover(srcdir: Path) -> list[Path]:
    """The config files of the site whose content is ``srcdir``: beside it, then above it.

    At the first folder that has a ``hugo.*``/``config.*`` file or a
    ``config/_default/`` folder, both are taken (the folder's files override).
    """
    folder = srcdir.resolve()
    for _ in range(SEARCH_LEVELS + 1):
        found = _root_files(folder)
        default = folder / "config" / "_default"
        if default.is_dir():
            found += _folder_files(default)
        if found:
            return found
        if folder.parent == folder:
            break
        folder = folder.parent
    return []


def files_for(path: Path) -> list[Path]:
    """The files a configured ``hugo_config`` path stands for: a file, a config folder or a site."""
    if path.is_file():
        return [path]
    if (path / "_default").is_dir():
        return _folder_files(path / "_default")
    if _root_files(path) or (path / "config" / "_default").is_dir():
        found = _root_files(path)
        if (path / "config" / "_default").is_dir():
            found += _folder_files(path / "config" / "_default")
        return found
    return _folder_files(path) if path.is_dir() else []


def find(setting: str | None, srcdir: Path) -> list[Path]:
    """The files of ``hugo_config`` when set, else those found beside and above ``srcdir``."""
    return files_for(Path(setting)) if setting else discover(srcdir)


def site_root(files: list[Path]) -> Path | None:
    """The site's root folder: where ``hugo.toml`` is, or above ``config/_default/``."""
    for path in files:
        if path.stem.lower() in ROOT_NAMES and path.parent.name not in ("_default",):
            return path.parent
        if path.parent.name == "_default" and path.parent.parent.name == "config":
            return path.parent.parent.parent
    return None


def stamp(files: list[Path]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for path in files:
        try:
            info = os.stat(path)
            out.append((str(path), info.st_mtime_ns, info.st_size))
        except OSError:
            out.append((str(path), 0, -1))
    return tuple(out)


def load(files: list[Path]) -> SiteConfig:
    """Merge the files as Hugo does: ``hugo``/``config`` at the top, ``X.toml`` under key ``x``."""
    config = SiteConfig(files=[str(p) for p in files])
    for path in files:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            config.problems.append(
                (str(path), Problem("siteconfig", f"cannot read site config: {err}", 1))
            )
            continue
        parsed = frontmatter.parse_document(text, FORMATS[path.suffix], "site config")
        config.problems.extend((str(path), problem) for problem in parsed.problems)
        stem = path.stem.lower()
        prefix = "" if stem in ROOT_NAMES else stem
        for key, line in parsed.key_lines.items():
            config.origins.setdefault(f"{prefix}.{key}" if prefix else key, (str(path), line))
        if prefix:
            if "." in prefix:
                continue  # a language variant such as menus.fr.toml: one language is built
            config.values[prefix] = _merge(config.values.get(prefix), parsed.params)
        else:
            for key, value in parsed.params.items():
                config.values[key] = _merge(config.values.get(key), value)
    return config


def _merge(old: Any, new: Any) -> Any:
    if isinstance(old, dict) and isinstance(new, dict):
        merged = dict(old)
        for key, value in new.items():
            merged[key] = _merge(merged.get(key), value)
        return merged
    return new


def plain_copyright(text: str) -> str:
    """A site's ``copyright`` as Sphinx shows it: Sphinx prints it as text and adds its own ``©``,
    so the Markdown a Hugo theme renders (Docsy's ``markdownify``) and the mark go."""
    return _MARK.sub("", plain_text(text)).strip(" |")


def plain_text(text: str) -> str:
    """A short Markdown value a theme renders with ``markdownify`` (a copyright, a post's
    ``author``), as text: links become their text, emphasis and code marks go."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", text))
