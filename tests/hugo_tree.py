"""Read a Hugo content tree with the core modules alone, as the tests compare it with Hugo."""

from __future__ import annotations

from pathlib import Path

from sphinx_comparisons.hugo import content, frontmatter, siteconfig


def load_pages(root: Path) -> list[content.Page]:
    pages = []
    for path in sorted(root.rglob("*.md")):
        fm = frontmatter.parse(path.read_text(encoding="utf-8-sig"))
        rel = path.relative_to(root).as_posix()
        pages.append(content.Page(rel.removesuffix(".md"), rel, fm.params, fm.key_lines))
    return pages


def load_menus(root: Path, config_files: list[Path]):
    config = siteconfig.load(config_files)
    pages = load_pages(root)
    tree, problems = content.menus_of(
        pages,
        config.values.get("menus"),
        lambda menu, index: config.origin(
            f"menus.{menu}.{index}" if index >= 0 else f"menus.{menu}"
        ),
    )
    return tree, problems


def as_hugo_json(entries, key_to_path=lambda key: f"{key}.md"):
    """Our menu tree in the shape of the oracle's JSON (without URLs, which come from pages)."""
    return [
        {
            "identifier": e.identifier,
            "name": e.name,
            "weight": e.weight,
            "page": key_to_path(e.page) if e.page else None,
            "children": as_hugo_json(e.children, key_to_path),
        }
        for e in entries
    ]


def strip_hugo_json(entries):
    return [
        {
            "identifier": e["identifier"],
            "name": e["name"],
            "weight": e["weight"],
            "page": e["page"],
            "children": strip_hugo_json(e["children"]),
        }
        for e in entries
    ]
