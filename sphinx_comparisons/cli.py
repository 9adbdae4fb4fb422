"""``python -m sphinx_comparisons check|init CONTENT_DIR``: look at a Hugo tree before building it.

``check`` reports, per file and line, what will not carry over (malformed
front matter, shortcode syntax and unknown shortcodes, menu problems, refused
or colliding aliases, links that lead to no page), with a summary; it exits
1 when it found anything. ``init`` writes a minimal ``conf.py`` (and a
``.readthedocs.yaml``) from the site's Hugo config, never over an existing file.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from sphinx_comparisons.expand import expand
from sphinx_comparisons.hugo import aliases, content, frontmatter, menus, shortcodes, siteconfig, urls

_LINK = re.compile(r"(?<!!)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
#: Shortcode parameters the served shortcodes write as Markdown links (lead's link, the
#: YugabyteDB cards' linkUrlN); button URLs go to sphinx-design, which does not check them.
_LINK_PARAMETERS = {"link", "linkUrl1", "linkUrl2", "linkUrl3"}


def _pages(root: Path) -> tuple[list[content.Page], dict[str, frontmatter.FrontMatter], dict[str, str]]:
    pages, parsed, texts = [], {}, {}
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
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

    from sphinx_comparisons.hugo.headings import HeadingIds, atx, take_heading_ids

    stripped, explicit = take_heading_ids(text)
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


def check(root: Path, config_path: str | None) -> list[tuple[str, int, str, str]]:
    from sphinx_comparisons.served import BUILTIN

    config = siteconfig.load(siteconfig.find(config_path, root))
    pages, parsed, texts = _pages(root)
    report: list[tuple[str, int, str, str]] = []
    for path, problem in config.problems:
        report.append((path, problem.line, "siteconfig", problem.message))
    for key, fm in parsed.items():
        for problem in fm.problems:
            report.append((f"{key}.md", problem.line, problem.subtype, problem.message))
    _, problems = content.menus_of(pages, config.values.get("menus"), lambda m, i: config.origin(f"menus.{m}.{i}" if i >= 0 else f"menus.{m}"))
    for problem in problems:
        where = problem.origin[0]
        report.append((f"{where}.md" if where in parsed else where, problem.origin[1], problem.subtype, problem.message))
    page_urls = {page.key: urls.page_url(page) for page in pages}
    files = {urls.output_target(page_urls[p.key], p.kind, True)[1]: p.key for p in pages}
    _, refused = aliases.collect(pages, page_urls, files)
    report.extend((f"{p.page}.md", p.line, p.subtype, p.message) for p in refused)
    index = {urls.normalize(url): key for key, url in page_urls.items()}
    markup = config.values.get("markup", {})
    for part in ("goldmark", "parser", "autoheadingidtype"):
        markup = markup.get(part) if isinstance(markup, dict) else None
    scheme = str(markup).lower() if str(markup).lower() in ("github", "blackfriday") else "github"
    anchors = {key: _anchors(text[parsed[key].body_offset :], scheme) for key, text in texts.items()}
    static = [siteconfig.site_root([Path(f) for f in config.files]) or root.parent]
    for key, text in texts.items():
        body_start = parsed[key].body_offset
        first_line = text.count("\n", 0, body_start) + 1
        nodes, syntax = shortcodes.parse(text[body_start:], first_line)
        report.extend((f"{key}.md", p.line, p.subtype, p.message) for p in syntax)
        unknown: dict[str, int] = {}
        # links are looked for in the page as a build sees it: shortcodes expanded
        kinds = lambda sc: BUILTIN[sc.name][0] if sc.name in BUILTIN else None  # noqa: E731
        expanded = expand(text[body_start:], kinds, lambda sc, inner: inner).text
        targets = _links(expanded.replace('\\"', '"'), first_line)
        for sc in shortcodes.walk(nodes):
            if sc.name not in BUILTIN:
                unknown.setdefault(sc.name, sc.line)
            # link parameters the served shortcodes turn into links
            targets.extend((sc.line, str(v)) for k, v in sc.named.items() if k in _LINK_PARAMETERS and isinstance(v, str))
        report.extend((f"{key}.md", line, "shortcode_unknown", f"shortcode {name!r} is not known") for name, line in unknown.items())
        for line, target in targets:
            if _SCHEME.match(target) or target.startswith("{{"):
                continue
            page_part, _, fragment = target.partition("#")
            if page_part.endswith(".md"):
                linked = (Path(key).parent / page_part).as_posix().removesuffix(".md")
                linked = str(Path(linked)).replace("\\", "/")
            else:
                path, _ = urls.resolve(page_urls[key], target)
                linked = index.get(urls.normalize(path)) if page_part else key
            if fragment and linked in anchors and fragment not in anchors[linked]:
                report.append((f"{key}.md", line, "link_anchor", f"link to {linked!r} names anchor #{fragment}, which that page does not have"))
            if not page_part or page_part.endswith(".md"):
                continue
            if linked is not None or any((folder / "static" / path.lstrip("/")).is_file() for folder in static) or (root / path.lstrip("/")).is_file():
                continue
            report.append((f"{key}.md", line, "link_unresolved", f"link {target!r} leads to {path}, which is no page of this tree"))
    return sorted(report, key=lambda r: (r[0], r[1]))


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
    if not conf.exists():
        conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(conf)
    site = siteconfig.site_root(files) or root
    rtd = site / ".readthedocs.yaml"
    if not rtd.exists():
        relative = conf.relative_to(site).as_posix() if site in conf.parents else "conf.py"
        rtd.write_text(
            "version: 2\nbuild:\n  os: ubuntu-24.04\n  tools:\n    python: \"3.12\"\n"
            f"sphinx:\n  configuration: {relative}\n  builder: dirhtml\n"
            "python:\n  install:\n    - requirements: requirements-docs.txt\n",
            encoding="utf-8",
        )
        written.append(rtd)
    return written


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
            print("conf.py and .readthedocs.yaml exist already; nothing written")
        return 0
    report = check(root, args.config)
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
