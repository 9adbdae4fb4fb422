"""Write a Hugo-style content tree of N pages: sections, menus, the three front matter formats.

    python benchmarks/generate.py 2000 /tmp/tree
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SECTIONS = 20
WORDS = "store series sample shard replica query bucket retention index node write read".split()


def paragraph(rng: random.Random, words: int = 60) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def front_matter(kind: str, title: str, weight: int, parent: str, identifier: str) -> str:
    if kind == "toml":
        return (f'+++\ntitle = "{title}"\nlinkTitle = "{title[:12]}"\ndescription = "About {title}."\n'
                f'weight = {weight}\naliases = ["/old/{identifier}/"]\n[menu.docs]\nparent = "{parent}"\n'
                f'identifier = "{identifier}"\nweight = {weight}\n+++\n')
    if kind == "json":
        return ('{"title": "%s", "linkTitle": "%s", "description": "About %s.", "weight": %d, '
                '"aliases": ["/old/%s/"], "menu": {"docs": {"parent": "%s", "identifier": "%s", "weight": %d}}}\n'
                % (title, title[:12], title, weight, identifier, parent, identifier, weight))
    return (f"---\ntitle: {title}\nlinkTitle: {title[:12]}\ndescription: About {title}.\nweight: {weight}\n"
            f"aliases:\n  - /old/{identifier}/\nmenu:\n  docs:\n    parent: {parent}\n"
            f"    identifier: {identifier}\n    weight: {weight}\n---\n")


def generate(count: int, root: Path, seed: int = 1) -> None:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "_index.md").write_text("---\ntitle: Home\n---\n\nThe home page.\n")
    for number in range(SECTIONS):
        folder = root / f"section-{number}"
        folder.mkdir(exist_ok=True)
        (folder / "_index.md").write_text(
            f"---\ntitle: Section {number}\nmenu:\n  docs:\n    identifier: s{number}\n    weight: {number + 1}\n---\n\n"
            + paragraph(rng) + "\n"
        )
    for number in range(count - SECTIONS - 1):
        section = number % SECTIONS
        kind = ("yaml", "yaml", "toml", "json")[number % 4]
        title = f"Page {number} about {rng.choice(WORDS)}"
        body = "\n".join(f"## Part {k}\n\n{paragraph(rng)}\n" for k in range(4))
        page = root / f"section-{section}" / f"page-{number}.md"
        page.write_text(front_matter(kind, title, rng.randint(1, 500), f"s{section}", f"p{number}") + "\n" + body)


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
