"""Random input never crashes anything, and every problem is reported with a line."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import sphinx_build, write_tree
from sphinx_comparisons.hugo import aliases, frontmatter, menus, urls

PIECES = [
    "---",
    "+++",
    "{",
    "}",
    "\n",
    ":",
    "=",
    '"',
    "'",
    "[",
    "]",
    "-",
    " ",
    "title",
    "weight",
    "menu",
    "aliases",
    "\ufeff",
    "\r\n",
    "true",
    "3",
    "heavy",
    "#",
    "  ",
    "params",
    "{{< note >}}",
    "\t",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_front_matter_soup(parts):
    text = "".join(parts)
    fm = frontmatter.parse(text.lstrip("\ufeff"))
    lines = text.count("\n") + 1
    assert all(1 <= problem.line <= lines + 1 for problem in fm.problems)
    assert isinstance(fm.params, dict)
    assert 0 <= fm.body_offset <= len(text)


names = st.sampled_from(["a", "b", "c", "d", "A", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(names, names, names, st.integers(-3, 3)), max_size=12))
def test_menu_soup(entries):
    made = [
        menus.MenuEntry(
            menu="m", name=n or "x", identifier=i, parent=p, weight=w, origin=(str(k), 1)
        )
        for k, (n, i, p, w) in enumerate(entries)
    ]
    tree, problems = menus.assemble(made)
    seen = [id(e) for e in menus.walk(tree.get("m", []))]
    assert len(seen) == len(set(seen))
    assert all(problem.origin[1] == 1 for problem in problems)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=string.printable + "éü\u0000", max_size=30),
    st.sampled_from(["/", "/a/", "/a/b/c/", "/x.html"]),
)
def test_alias_and_url_soup(alias, page):
    result = aliases.resolve(alias, page)
    if isinstance(result, tuple):
        file, url = result
        assert not file.startswith("/") and ".." not in file.split("/") and "\\" not in file
        assert url.startswith("/")
    path, _ = urls.resolve(page, alias)
    assert path.startswith("/") and "/../" not in path


BAD_PAGES = {
    "a.md": "---\ntitle: [unclosed\nweight: heavy\n---\nBody A\n",
    "b.md": '+++\ntitle = "B"\nbroken\n+++\n{{< note >}}never closed\n{{< x a b=c >}}\n',
    "c.md": (
        '{"title": "C", "aliases": ["../../../../../etc/x", "C:\\\\win", "/ok/"]}\n{{< /nothing >}}'
    ),
    "d.md": "---\nmenu:\n  docs:\n    identifier: d\n    parent: d\n---\n",
    "e.md": "- not front matter\n{{</* escaped",
}


def test_bad_site_builds_everything_inside_the_output(tmp_path):
    src = write_tree(
        tmp_path / "site" / "src", {"_index.md": "---\ntitle: Home\n---\n", **BAD_PAGES}
    )
    before = {p for p in tmp_path.rglob("*")}
    out = tmp_path / "site" / "out"
    result = sphinx_build(src, out, "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name in BAD_PAGES:
        assert (out / name[:-3] / "index.html").is_file(), name
    created = {p for p in tmp_path.rglob("*")} - before
    assert all(out in p.parents or p == out for p in created if not str(p).startswith(str(src))), (
        sorted(created)
    )
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert warnings and all(":" in line.split("WARNING")[0] for line in warnings)
