"""Write a Hugo-style content tree of N pages, and its plain-MyST twin with the same text.

    python benchmarks/generate.py 2000 /tmp/hugo /tmp/plain

The Hugo tree has sections with ``_index.md``, front matter in YAML, TOML and
JSON, menus, aliases, shortcodes, icon tables, page-URL-relative links and
"Relevant blog posts" lists. The twin says the same with plain Sphinx/MyST:
no front matter, ``# title``, admonitions, ``.md`` links, glob toctrees. It
is the floor a Hugo-compatible build is measured against.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SECTIONS = 20
WORDS = [
    "store",
    "series",
    "sample",
    "shard",
    "replica",
    "query",
    "bucket",
    "retention",
    "index",
    "node",
    "write",
    "read",
]
ICON = {"yes": '<i class="fa-solid fa-check"></i>', "no": '<i class="fa-solid fa-xmark"></i>'}


def paragraph(rng: random.Random, words: int = 60) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def front_matter(kind: str, title: str, weight: int, parent: str, identifier: str) -> str:
    if kind == "toml":
        return (
            f'+++\ntitle = "{title}"\nlinkTitle = "{title[:12]}"\ndescription = "About {title}."\n'
            f'aliases = ["/old/{identifier}/"]\n[menu.docs]\nparent = "{parent}"\n'
            f'identifier = "{identifier}"\nweight = {weight}\n+++\n'
        )
    if kind == "json":
        return (
            f'{{"title": "{title}", "linkTitle": "{title[:12]}", "description": "About {title}.", '
            f'"aliases": ["/old/{identifier}/"], "menu": {{"docs": {{"parent": "{parent}", '
            f'"identifier": "{identifier}", "weight": {weight:d}}}}}}}\n'
        )
    return (
        f"---\ntitle: {title}\nlinkTitle: {title[:12]}\ndescription: About {title}.\n"
        f"aliases:\n  - /old/{identifier}/\nmenu:\n  docs:\n    parent: {parent}\n"
        f"    identifier: {identifier}\n    weight: {weight}\n---\n"
    )


def bodies(rng: random.Random, sibling: str) -> tuple[str, str]:
    """The same page body twice: Hugo style and plain MyST."""
    parts_hugo, parts_plain = [], []
    for k in range(3):
        text = paragraph(rng)
        parts_hugo.append(f"## Part {k}\n\n{text}\n")
        parts_plain.append(f"## Part {k}\n\n{text}\n")
    note = paragraph(rng, 20)
    parts_hugo.append(f'{{{{< note title="Note" >}}}}\n{note}\n{{{{< /note >}}}}\n')
    parts_plain.append(f"```{{note}}\n{note}\n```\n")
    parts_hugo.append(f"See [the next page](../{sibling}/).\n")
    parts_plain.append(f"See [the next page]({sibling}.md).\n")
    cells = [rng.choice(["yes", "no"]) for _ in range(3)]
    parts_hugo.append(
        "| Feature | A | B | C |\n| --- | --- | --- | --- |\n| Scale | "
        + " | ".join(ICON[c] for c in cells)
        + " |\n"
    )
    parts_plain.append(
        "| Feature | A | B | C |\n| --- | --- | --- | --- |\n| Scale | "
        + " | ".join(cells)
        + " |\n"
    )
    posts = "- [A post](https://example.com/a/)\n- [Another post](https://example.com/b/)\n"
    parts_hugo.append("## Relevant blog posts\n\n" + posts)
    # what a Sphinx author writes for the same cards
    cards = "".join(
        f"```{{grid-item-card}} {title}\n:link: {url}\n:link-type: url\n\nexample.com\n```\n\n"
        for title, url in (
            ("A post", "https://example.com/a/"),
            ("Another post", "https://example.com/b/"),
        )
    )
    parts_plain.append(
        "## Relevant blog posts\n\n````{grid} 1 2 2 2\n:gutter: 2\n\n" + cards + "````\n"
    )
    return "\n".join(parts_hugo), "\n".join(parts_plain)


def generate(count: int, hugo: Path, plain: Path | None = None, seed: int = 1) -> None:
    rng = random.Random(seed)
    hugo.mkdir(parents=True, exist_ok=True)
    (hugo / "_index.md").write_text("---\ntitle: Home\n---\n\nThe home page.\n")
    if plain is not None:
        plain.mkdir(parents=True, exist_ok=True)
        (plain / "conf.py").write_text('extensions = ["myst_parser", "sphinx_design"]\n')
        toc = "\n".join(f"section-{n}/index" for n in range(SECTIONS))
        (plain / "index.md").write_text(
            f"# Home\n\nThe home page.\n\n```{{toctree}}\n:hidden:\n{toc}\n```\n"
        )
    per_section: dict[int, list[int]] = {}
    for number in range(count - SECTIONS - 1):
        per_section.setdefault(number % SECTIONS, []).append(number)
    for section, numbers in per_section.items():
        folder = hugo / f"section-{section}"
        folder.mkdir(exist_ok=True)
        text = paragraph(rng)
        (folder / "_index.md").write_text(
            f"---\ntitle: Section {section}\nmenu:\n  docs:\n    identifier: s{section}\n"
            f"    weight: {section + 1}\n---\n\n{text}\n"
        )
        if plain is not None:
            (plain / f"section-{section}").mkdir(exist_ok=True)
            (plain / f"section-{section}" / "index.md").write_text(
                f"# Section {section}\n\n{text}\n\n```{{toctree}}\n:hidden:\n:glob:\n\npage-*\n"
                "```\n"
            )
        for position, number in enumerate(numbers):
            sibling = f"page-{numbers[(position + 1) % len(numbers)]}"
            kind = ("yaml", "yaml", "toml", "json")[number % 4]
            title = f"Page {number} about {rng.choice(WORDS)}"
            hugo_body, plain_body = bodies(rng, sibling)
            weight = rng.randint(1, 500)
            (folder / f"page-{number}.md").write_text(
                front_matter(kind, title, weight, f"s{section}", f"p{number}") + "\n" + hugo_body
            )
            if plain is not None:
                (plain / f"section-{section}" / f"page-{number}.md").write_text(
                    f"# {title}\n\n{plain_body}"
                )


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)
