"""``init``: the files a Hugo site needs to build with Sphinx, from its Hugo config and pages.

A ``conf.py`` and a ``requirements.txt`` in the content folder, a ``.readthedocs.yaml``
at the repository root. The Hugo config is untrusted text: every value it gives is
written as a Python literal (``repr``), never pasted. Nothing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sphinx_comparisons import __version__
from sphinx_comparisons.hugo import (
    content,
    encoding,
    frontmatter,
    languages,
    menus,
    safeurl,
    siteconfig,
)

DEFAULT_THEME = "furo"
PACKAGE = "sphinx-comparisons"
#: Where a Hugo site keeps its logo and favicon under ``static/``, in the order tried.
LOGOS = ("logo.svg", "logo.png", "images/logo.svg", "images/logo.png", "img/logo.svg")
FAVICONS = (
    "favicon.ico",
    "favicon.png",
    "favicon.svg",
    "favicons/favicon.ico",
    "images/favicon.ico",
)


class InitRefused(Exception):
    """A file ``init`` would write exists already: nothing is written."""


@dataclass(frozen=True)
class Planned:
    path: Path
    text: str


def plan(root: Path, config_path: str | None, theme: str = DEFAULT_THEME) -> list[Planned]:
    """The files ``init`` writes for the content folder ``root``, and their text.

    For one language of a multilingual site (a content folder of its own), conf.py
    builds that language and Read the Docs' config is ``.readthedocs.<code>.yaml``
    (the default language's is ``.readthedocs.yaml``): each translation is a project
    of its own, whose settings name its config file. A content folder shared by every
    language (``about.fr.md``) gets one conf.py that builds the language Read the
    Docs (``READTHEDOCS_LANGUAGE``) or ``HUGO_LANGUAGE`` names.
    """
    files = siteconfig.find(config_path, root)
    config = siteconfig.load(files)
    site = siteconfig.site_root(files) or root
    site_languages, _ = languages.from_config(config.values)
    own = languages.of_source(site_languages, root, siteconfig.site_root(files))
    language = own or site_languages.get(site_languages.default)
    if site_languages.multilingual and language is not None:
        config = siteconfig.SiteConfig(
            languages.view(config.values, language.code), config.files, config.origins
        )
    conf = root / "conf.py"
    requirements = root / "requirements.txt"
    repo = repository_root(site)
    extra = _language_lines(site_languages, own) if site_languages.multilingual else []
    name = ".readthedocs.yaml"
    if own is not None and own.code != site_languages.default:
        name = f".readthedocs.{own.code}.yaml"
    return [
        Planned(conf, conf_text(root, site, config, config_path, theme, extra)),
        Planned(requirements, requirements_text(theme)),
        Planned(
            repo / name,
            readthedocs_text(
                repo, conf, requirements, own if name != ".readthedocs.yaml" else None
            ),
        ),
    ]


def _language_lines(site: languages.Languages, own: languages.Language | None) -> list[str]:
    """conf.py's language settings: the folder's language, or the one the host names."""
    if own is not None:
        chosen = f"hugo_language = {own.code!r}"
    else:
        chosen = (
            'hugo_language = (os.environ.get("HUGO_LANGUAGE") or os.environ.get('
            f'"READTHEDOCS_LANGUAGE") or {site.default!r}).replace("_", "-").lower()'
        )
    return [
        "",
        f"# Languages: {', '.join(site.codes())}; this build is one of them.",
        chosen,
        "# Read the Docs serves each translation under /<language>/<version>/ already",
        'hugo_language_prefix = "READTHEDOCS" not in os.environ',
    ]


def write(planned: list[Planned]) -> list[Path]:
    """Write every planned file, or none when one exists (a symlink, dangling or not, counts)."""
    for item in planned:
        if os.path.lexists(item.path):
            raise InitRefused(f"{item.path} exists already; init never overwrites: nothing written")
    for item in planned:
        with open(item.path, "x", encoding="utf-8") as handle:  # O_EXCL: never through a link
            handle.write(item.text)
    return [item.path for item in planned]


def repository_root(site: Path) -> Path:
    """The nearest folder at or above ``site`` holding ``.git``; the site root without one."""
    site = site.resolve()
    for folder in (site, *site.parents):
        if (folder / ".git").exists():
            return folder
    return site


def _pages(root: Path) -> list[content.Page]:
    """Every Markdown page's front matter, as the build reads it, keyed by docname."""
    pages = []
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("_build/"):
            continue
        try:
            text, _ = encoding.decode(path.read_bytes())
        except OSError:
            continue
        fm = frontmatter.parse(text)
        pages.append(content.Page(rel.removesuffix(".md"), rel, fm.params, fm.key_lines))
    return pages


def navigation_lines(root: Path, config: siteconfig.SiteConfig) -> list[str]:
    """``hugo_menus`` by the build's own rule, with a comment naming what was considered."""
    pages = _pages(root)
    home = "_index" if any(page.key == "_index" for page in pages) else None
    tree = content.section_tree(pages, home, fileless=home is not None)
    in_tree = {key for kids in tree.children.values() for key in kids} | set(tree.children)
    menu_tree, _ = content.menus_of(pages, config.values.get("menus"), lambda m, i: ("", 0))
    counts = menus.page_counts(menu_tree)
    lines = [f"# Navigation: {len(pages)} pages; a menu is used when it holds at least half."]
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"#   menu {name!r}: {count} pages")
    lines.append(f"#   the section tree: {len(in_tree)} pages")
    used = menus.chosen(menu_tree, len(pages))
    if used is None:
        lines.append("hugo_menus = []  # the section tree")
    else:
        lines.append(f"hugo_menus = [{used!r}]  # [] for the section tree")
    return lines


def conf_text(
    root: Path,
    site: Path,
    config: siteconfig.SiteConfig,
    config_path: str | None,
    theme: str,
    language_lines: list[str] | None = None,
) -> str:
    project = _text(config, "title") or root.resolve().name or "Documentation"
    lines = ['"""Sphinx configuration written by `python -m sphinx_comparisons init`."""', ""]
    if language_lines:
        lines += ["import os", ""]
    lines.append(f"project = {project!r}")
    lines.append(f"copyright = {_copyright(config, project)!r}")
    lines.append('extensions = ["sphinx_comparisons"]')
    lines.append('exclude_patterns = ["_build"]')
    lines.append(f"html_theme = {theme!r}")
    if config_path:  # the build reads it relative to conf.py's folder
        relative = os.path.relpath(Path(config_path).resolve(), root.resolve())
        lines.append(f"hugo_config = {Path(relative).as_posix()!r}")
    base = config.values.get("baseurl")
    if isinstance(base, str) and safeurl.is_web(base):
        lines.append(f"html_baseurl = {base.rstrip('/') + '/'!r}")
        lines.append(f"hugo_base_url = {base.rstrip('/')!r}")
    for name, choices in (("html_logo", LOGOS), ("html_favicon", FAVICONS)):
        found = next(
            (site / "static" / c for c in choices if (site / "static" / c).is_file()), None
        )
        if found is not None:
            relative = Path(os.path.relpath(found, root)).as_posix()
            lines.append(f"{name} = {relative!r}")
    lines += language_lines or []
    lines += ["", *navigation_lines(root, config)]
    return "\n".join(lines) + "\n"


def _text(config: siteconfig.SiteConfig, key: str) -> str:
    """A text setting of the site, or of its default language (``languages.en.title``)."""
    language = str(config.values.get("defaultcontentlanguage") or "en").lower()
    for path in (key, f"params.{key}", f"languages.{language}.{key}"):
        value = config.get(path)
        if isinstance(value, dict):  # Docsy's copyright: {authors: ..., from_year: ...}
            value = value.get("authors")
        if isinstance(value, (str, int)) and str(value).strip():
            return " ".join(str(value).split())
    return ""


def _copyright(config: siteconfig.SiteConfig, project: str) -> str:
    text = siteconfig.plain_copyright(_text(config, "copyright"))
    return text or f"{dt.date.today().year}, the {project} authors"


def requirements_text(theme: str) -> str:
    lines = [_pin(PACKAGE, __version__)]
    dist = _distribution(theme)
    if dist is not None:
        lines.append(_pin(dist, metadata.version(dist)))
    return "\n".join(lines) + "\n"


def _pin(name: str, version: str) -> str:
    """``name>=X.Y`` from the installed ``X.Y.Z``, as a user pins: this release or a later one."""
    release = re.match(r"\d+(?:\.\d+)?", version)
    return f"{name}>={release.group()}" if release else name


def _distribution(theme: str) -> str | None:
    """The installed package that provides the theme's module; None for Sphinx's own."""
    found = metadata.packages_distributions().get(theme.replace("-", "_"), [])
    names = [re.sub(r"[-_.]+", "-", name).lower() for name in found]  # PEP 503's form
    names = [name for name in names if name != "sphinx"]
    return names[0] if names else None


def readthedocs_text(
    repo: Path, conf: Path, requirements: Path, language: languages.Language | None = None
) -> str:
    """Read the Docs' v2 config; paths are JSON strings, which YAML reads as they are."""
    translation = (
        f"# The {language.code} translation: its Read the Docs project names this file in "
        "its settings\n# (Build configuration file) and is a translation of the default "
        "language's project.\n"
        if language is not None
        else ""
    )

    def relative(path: Path) -> str:
        return json.dumps(Path(os.path.relpath(path.resolve(), repo)).as_posix())

    return (
        translation + "# Read the Docs: https://docs.readthedocs.io/en/stable/config-file/v2.html\n"
        "# written by `python -m sphinx_comparisons init`; set fail_on_warning: true\n"
        "# once `python -m sphinx_comparisons check` is clean.\n"
        "version: 2\n"
        "build:\n"
        "  os: ubuntu-24.04\n"
        "  tools:\n"
        '    python: "3.12"\n'
        "sphinx:\n"
        f"  configuration: {relative(conf)}\n"
        "  builder: dirhtml\n"
        "  fail_on_warning: false\n"
        "python:\n"
        "  install:\n"
        f"    - requirements: {relative(requirements)}\n"
    )
