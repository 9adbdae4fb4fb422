"""``python -m sphinx_comparisons check|init CONTENT_DIR``: look at a Hugo tree before building it.

``check`` reports, per file and line, what will not carry over (malformed
front matter, shortcode syntax and unknown shortcodes, menu problems, refused
or colliding aliases, links that lead to no page, files that are not UTF-8),
with a summary; it exits 1 when it found anything, 2 when it failed itself
(with the file it was checking). ``init`` writes a minimal ``conf.py`` (and a
``.readthedocs.yaml``) from the site's Hugo config, never over an existing file.
"""

from __future__ import annotations

import argparse
import re
import sys
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sphinx_comparisons.hugo import aliases, content, encoding, frontmatter, menus, safeurl, shortcodes, siteconfig, urls
from sphinx_comparisons.hugo.headings import take_heading_ids
from sphinx_comparisons.shortcodes.expand import expand

_LINK = re.compile(r"(?<!!)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
#: Shortcode parameters the served shortcodes write as Markdown links (lead's link, the
#: YugabyteDB cards' linkUrlN); button URLs go to sphinx-design, which does not check them.
_LINK_PARAMETERS = {"link", "linkUrl1", "linkUrl2", "linkUrl3"}


class CheckFailed(Exception):
    """Our own code failed while checking ``file``: a bug, reported with where it happened."""

    def __init__(self, file: str, error: Exception) -> None:
        super().__init__(f"{file}: internal error: {type(error).__name__}: {error}")
        self.file = file


@contextmanager
def _checking(file: str) -> Iterator[None]:
    try:
        yield
    except CheckFailed:
        raise
    except Exception as error:  # reported with its file, exit status 2
        raise CheckFailed(file, error) from error


def _pages(
    root: Path, unreadable: list[tuple[str, int, str, str]] | None = None
) -> tuple[list[content.Page], dict[str, frontmatter.FrontMatter], dict[str, str]]:
    """Every Markdown page; files that cannot be read or decoded go to ``unreadable``."""
    pages, parsed, texts = [], {}, {}
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        try:
            text, bad_line = encoding.decode(path.read_bytes())
        except OSError as err:
            if unreadable is not None:
                unreadable.append((rel, 1, "encoding", f"cannot be read: {err.strerror or err}"))
            continue
        if bad_line is not None and unreadable is not None:
            unreadable.append((rel, bad_line, "encoding", "not UTF-8; the bytes that are not are replaced by U+FFFD"))
        with _checking(rel):
            fm = frontmatter.parse(text)
        key = rel.removesuffix(".md")
        pages.append(content.Page(key, rel, fm.params, fm.key_lines))
        parsed[key], texts[key] = fm, text
    return pages, parsed, texts


def _links(text: str, first_line: int) -> list[tuple[int, str]]:
    """Markdown link targets outside code blocks (directive fences are not code), with their lines."""
    found: list[tuple[int, str]] = []
    fences: list[tuple[str, bool]] = []  # (marker, is a directive)
    for number, line in enumerate(text.split("\n"), start=first_line):
        marker = _FENCE.match(line)
        if marker:
            fence = marker.group(1)
            info = line.strip()[len(fence):].strip()
            if fences and not info and fence[0] == fences[-1][0][0] and len(fence) >= len(fences[-1][0]):
                fences.pop()
                continue
            if not fences or fences[-1][1]:
                fences.append((fence, info.startswith("{")))
                continue
        if not fences or fences[-1][1]:
            found.extend((number, target) for target in _LINK.findall(line.replace("``", "")))
    return found


_RAW_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")
_INLINE_MARKUP = re.compile(r"\[([^\[\]]*)\]\([^()]*\)|[`*_]")


def _anchors(text: str, scheme: str) -> set[str]:
    """The ids a page's headings get (Hugo's scheme, ``{#id}``, docutils' own) and raw HTML ids."""
    from docutils.nodes import make_id

    from sphinx_comparisons.hugo.headings import HeadingIds, atx

    stripped, explicit, _ = take_heading_ids(text)
    ids = HeadingIds(scheme)
    found = set(_RAW_ID.findall(text))
    fence = None
    for number, line in enumerate(stripped.split("\n"), start=1):
        marker = _FENCE.match(line)
        if marker:
            fence = None if fence and marker.group(1)[0] == fence[0] else fence or marker.group(1)
            continue
        heading = atx(line) if fence is None else None
        if heading:
            title = _INLINE_MARKUP.sub(lambda m: m.group(1) or "", heading[1]).strip()
            found.add(ids.claim(explicit[number]) if number in explicit else ids.for_text(title))
            found.add(make_id(title))
    return found


Report = list[tuple[str, int, str, str]]


@dataclass
class _Site:
    """What checking one page's links needs to know about the others."""

    root: Path
    page_urls: dict[str, str]
    index: dict[str, str]
    anchors: dict[str, set[str]]
    static: list[Path]


def check(root: Path, config_path: str | None) -> Report:
    """Every problem found, sorted by file and line; :class:`CheckFailed` if our own code fails."""
    report: Report = []
    with _checking(str(root)):
        config = siteconfig.load(siteconfig.find(config_path, root))
    pages, parsed, texts = _pages(root, report)
    for path, problem in config.problems:
        report.append((path, problem.line, "siteconfig", problem.message))
    for key, fm in parsed.items():
        for problem in fm.problems:
            report.append((f"{key}.md", problem.line, problem.subtype, problem.message))
    with _checking(str(root)):  # menus and aliases: the whole site at once
        _, problems = content.menus_of(pages, config.values.get("menus"), lambda m, i: config.origin(f"menus.{m}.{i}" if i >= 0 else f"menus.{m}"))
        for menu_problem in problems:
            where = menu_problem.origin[0]
            report.append((f"{where}.md" if where in parsed else where, menu_problem.origin[1], menu_problem.subtype, menu_problem.message))
        page_urls = {page.key: urls.page_url(page) for page in pages}
        files = {urls.output_target(page_urls[p.key], p.kind, True)[1]: p.key for p in pages}
        _, refused = aliases.collect(pages, page_urls, files)
        report.extend((f"{p.page}.md", p.line, p.subtype, p.message) for p in refused)
    markup = config.get("markup.goldmark.parser.autoHeadingIDType")
    scheme = str(markup).lower() if str(markup).lower() in ("github", "blackfriday") else "github"
    anchors = {}
    for key, text in texts.items():
        with _checking(f"{key}.md"):
            anchors[key] = _anchors(text[parsed[key].body_offset :], scheme)
    site = _Site(
        root,
        page_urls,
        {urls.normalize(url): key for key, url in page_urls.items()},
        anchors,
        [siteconfig.site_root([Path(f) for f in config.files]) or root.parent],
    )
    for key, text in texts.items():
        with _checking(f"{key}.md"):
            report.extend(_page_problems(key, text[parsed[key].body_offset :], text.count("\n", 0, parsed[key].body_offset) + 1, site))
    return sorted(report, key=lambda r: (r[0], r[1]))


def _page_problems(key: str, body: str, first_line: int, site: _Site) -> Report:
    """Shortcode syntax, unknown shortcodes and links that lead nowhere, in one page's body."""
    from sphinx_comparisons.shortcodes.served import BUILTIN

    nodes, syntax = shortcodes.parse(body, first_line)
    report: Report = [(f"{key}.md", p.line, p.subtype, p.message) for p in syntax]
    refused_ids = take_heading_ids(body)[2]
    report.extend((f"{key}.md", p.line + first_line - 1, "attribute", p.message) for p in refused_ids)
    unknown: dict[str, int] = {}
    # links are looked for in the page as a build sees it: shortcodes expanded
    kinds = lambda sc: BUILTIN[sc.name][0] if sc.name in BUILTIN else None
    expanded = expand(body, kinds, lambda sc, inner: inner).text
    targets = _links(expanded.replace('\\"', '"'), first_line)
    for sc in shortcodes.walk(nodes):
        if sc.name not in BUILTIN:
            unknown.setdefault(sc.name, sc.line)
        # link parameters the served shortcodes turn into links
        targets.extend((sc.line, str(v)) for k, v in sc.named.items() if k in _LINK_PARAMETERS and isinstance(v, str))
    report.extend((f"{key}.md", line, "shortcode_unknown", f"shortcode {name!r} is not known") for name, line in unknown.items())
    for line, target in targets:
        reason = safeurl.refusal(target)
        if reason is not None:
            report.append((f"{key}.md", line, "link_scheme", f"link {target!r} {reason}"))
        if safeurl.scheme(target) is not None or target.startswith("{{"):
            continue
        page_part, _, fragment = target.partition("#")
        linked: str | None
        if page_part.endswith(".md"):
            linked = (Path(key).parent / page_part).as_posix().removesuffix(".md")
            linked = str(Path(linked)).replace("\\", "/")
        else:
            path, _ = urls.resolve(site.page_urls[key], target)
            linked = site.index.get(urls.normalize(path)) if page_part else key
        if fragment and linked in site.anchors and fragment not in site.anchors[linked]:
            report.append((f"{key}.md", line, "link_anchor", f"link to {linked!r} names anchor #{fragment}, which that page does not have"))
        if not page_part or page_part.endswith(".md"):
            continue
        if linked is not None or any((folder / "static" / path.lstrip("/")).is_file() for folder in site.static) or (site.root / path.lstrip("/")).is_file():
            continue
        report.append((f"{key}.md", line, "link_unresolved", f"link {target!r} leads to {path}, which is no page of this tree"))
    return report


def init(root: Path, config_path: str | None) -> list[Path]:
    files = siteconfig.find(config_path, root)
    config = siteconfig.load(files)
    pages, _, _ = _pages(root)
    tree, _ = content.menus_of(pages, config.values.get("menus"), lambda m, i: ("", 0))
    used = Counter(entry.menu for entries in tree.values() for entry in menus.walk(entries) if entry.page)
    lines = ['"""Sphinx configuration written by `python -m sphinx_comparisons init`."""', ""]
    lines.append(f"project = {str(config.values.get('title') or root.name)!r}")
    lines.append('extensions = ["sphinx_comparisons"]')
    lines.append('exclude_patterns = ["_build"]')
    if config_path:
        lines.append(f"hugo_config = {config_path!r}")
    base = config.values.get("baseurl")
    if isinstance(base, str) and base.startswith(("http://", "https://")):
        lines.append(f"hugo_base_url = {base.rstrip('/')!r}")
    if used:
        menu, count = used.most_common(1)[0]
        lines.append(f"hugo_menus = [{menu!r}]  # the menu {count} pages are in; [] for the section tree")
    written = []
    conf = root / "conf.py"
    if _create(conf, "\n".join(lines) + "\n"):
        written.append(conf)
    site = siteconfig.site_root(files) or root
    rtd = site / ".readthedocs.yaml"
    relative = conf.relative_to(site).as_posix() if site in conf.parents else "conf.py"
    text = (
        "version: 2\nbuild:\n  os: ubuntu-24.04\n  tools:\n    python: \"3.12\"\n"
        f"sphinx:\n  configuration: {relative}\n  builder: dirhtml\n"
        "python:\n  install:\n    - requirements: requirements-docs.txt\n"
    )
    if _create(rtd, text):
        written.append(rtd)
    return written


def _create(path: Path, text: str) -> bool:
    """Write a new file; never over an existing one, nor through a symlink (dangling or not)."""
    try:
        with open(path, "x", encoding="utf-8") as handle:  # O_CREAT | O_EXCL: a symlink counts as existing
            handle.write(text)
    except FileExistsError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sphinx-comparisons", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("check", "init"):
        command = sub.add_parser(name)
        command.add_argument("content_dir", type=Path)
        command.add_argument("--config", help="the Hugo site config (file or folder); found beside or above the content folder if not given")
    args = parser.parse_args(argv)
    root: Path = args.content_dir
    if not root.is_dir():
        parser.error(f"{root} is not a folder")
    if args.command == "init":
        written = init(root, args.config)
        for path in written:
            print(f"wrote {path}")
        if not written:
            print("conf.py and .readthedocs.yaml exist already (a symlink counts); nothing written")
        return 0
    try:
        report = check(root, args.config)
    except CheckFailed as failure:
        traceback.print_exception(failure.__cause__ or failure, file=sys.stderr)
        print(f"{failure}\n(a bug in sphinx-comparisons, not in the page: please report it)", file=sys.stderr)
        return 2
    for file, line, subtype, message in report:
        print(f"{file}:{line}: hugo.{subtype}: {message}")
    counts = Counter(subtype for _, _, subtype, _ in report)
    print("\n| warning | count |\n| --- | --: |")
    for subtype, count in sorted(counts.items()):
        print(f"| hugo.{subtype} | {count} |")
    print(f"| total | {sum(counts.values())} |")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
