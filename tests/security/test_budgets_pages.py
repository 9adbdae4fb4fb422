"""Pages built to blow a budget: each is reported where it went over, and built without that part.

One tree, one page per attack, one Sphinx build (module fixture); then a test per attack.
"""

from __future__ import annotations

import pytest

from budget_site import assert_located, build_once, html_of, warnings_of

LAUGHS = (
    '---\ntitle: Laughs\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{x}: &{x} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, x in zip("abcdefgh", "bcdefghi")
    )
    + "kept: yes\n---\n\nafter the laughs\n"
)

DEPTH = 20_000
NESTED = 100

PAGES = {
    "conf.py": (
        "extensions = ['sphinx_comparisons']\nhugo_menus = ['main']\n"
        "hugo_limits = {'page_size': 200_000}\n"
    ),
    "_index.md": "---\ntitle: Home\nmenu:\n  main:\n    identifier: home\n---\n\nhome\n",
    "laughs.md": LAUGHS,
    "selfref.md": "---\ntitle: Self\nx: &x [*x]\n---\n\nafter self\n",
    "deepjson.md": '{"title": "Deep JSON", "x":\n'
    + "[" * DEPTH
    + "]" * DEPTH
    + "\n}\n\nafter deep json\n",
    "deeptoml.md": "+++\ntitle = 'Deep TOML'\nx = "
    + "[" * DEPTH
    + "]" * DEPTH
    + "\n+++\n\nafter deep toml\n",
    "bigint.md": "---\ntitle: Big\nn: " + "9" * 5000 + "\n---\n\nafter big\n",
    "bigjson.md": '{"title": "Big JSON",\n"n": ' + "9" * 5000 + "}\n\nafter big json\n",
    "baddate.md": "---\ntitle: Bad date\ndate: 2023-02-30\n---\n\nafter bad date\n",
    "badfloat.md": "---\ntitle: Bad float\nx: !!float abc\n---\n\nafter bad float\n",
    "nested.md": "---\ntitle: Nested\n---\n\n"
    + "{{< details >}}\n\n" * NESTED
    + "deep\n\n"
    + "{{< /details >}}\n\n" * NESTED
    + "## After nested\n\nafter nested\n",
    "inline.md": "---\ntitle: Inline\n---\n\nx "
    + "{{< alert >}}" * 600
    + "deep"
    + "{{< /alert >}}" * 600
    + "\n\nafter inline\n",
    "selfinclude.md": (
        '---\ntitle: Self include\n---\n\n{{< readfile file="selfinclude.md" >}}\n\n'
        '{{< readfile file="selfinclude.md" >}}\n\nafter self include\n'
    ),
    "loop/a.md": '---\ntitle: Loop A\n---\n\n{{< readfile file="b.txt" >}}\n\nafter loop\n',
    "loop/b.txt": 'from b\n\n{{< readfile file="a.md" >}}\n',
    "fan/page.md": '---\ntitle: Fan\n---\n\n{{< includeMarkdown file="f1.txt" >}}\n\nafter fan\n',
    **{
        f"fan/f{n}.txt": f"level {n}\n\n" + f'{{{{< readfile file="f{n + 1}.txt" >}}}}\n\n' * 2
        for n in range(1, 9)
    },
    "fan/f9.txt": "bottom\n",
    **{
        f"m{n}.md": (
            f"---\ntitle: M{n}\nmenu:\n  main:\n    identifier: m{n}\n"
            f"    parent: {'m' + str(n - 1) if n else 'home'}\n---\n\nmenu page {n}\n"
        )
        for n in range(60)
    },
    "big/page.md": "---\ntitle: Big include\n---\n\n"
    + '{{< readfile file="big.txt" >}}\n\n' * 3
    + "after big include\n",
    "big/big.txt": "big line\n" * 10_000,
    "long.md": "---\ntitle: Long\n---\n\nstart of long\n\n"
    + "filler line\n" * 20_000
    + "END OF LONG\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_once(tmp_path_factory.mktemp("budgets"), PAGES, timeout=300)


def test_build_finishes(built):
    result, _ = built
    assert result.returncode == 0, result.stderr[-2000:]


def test_billion_laughs(built):
    assert_located(built, "laughs.md", 7, "limit", "frontmatter_nodes")
    html = html_of(built, "laughs")
    assert "Laughs" in html and "after the laughs" in html


def test_self_referring_alias(built):
    assert_located(built, "selfref.md", 3, "limit", "'x'")
    assert "after self" in html_of(built, "selfref")


@pytest.mark.parametrize(("page", "line"), [("deepjson", 2), ("deeptoml", 3)])
def test_deep_front_matter(built, page, line):
    assert_located(built, f"{page}.md", line, "limit", "frontmatter_depth")
    html = html_of(built, page)
    assert "Deep" in html and "after deep" in html


@pytest.mark.parametrize(("page", "line"), [("bigint", 3), ("bigjson", 2)])
def test_integer_too_long(built, page, line):
    assert_located(built, f"{page}.md", line, "limit", "digits")
    assert "after big" in html_of(built, page)


@pytest.mark.parametrize(
    ("page", "text"), [("baddate", "day is out of range"), ("badfloat", "could not convert")]
)
def test_unreadable_value(built, page, text):
    assert_located(built, f"{page}.md", 3, "frontmatter", text)
    html = html_of(built, page)
    assert "Bad" in html and "after bad" in html


def test_nested_block_shortcodes(built):
    assert_located(built, "nested.md", 5 + 2 * 20, "limit", "shortcode_depth")
    html = html_of(built, "nested")
    assert html.count("sd-dropdown") >= 20 and 'id="after-nested"' in html


def test_nested_inline_shortcodes(built):
    assert_located(built, "inline.md", 5, "limit", "shortcode_depth")
    assert "after inline" in html_of(built, "inline")


def test_file_including_itself(built):
    assert_located(built, "selfinclude.md", 5, "limit", "includes itself")
    assert_located(built, "selfinclude.md", 7, "limit", "includes itself")
    assert "after self include" in html_of(built, "selfinclude")


def test_include_cycle(built):
    warnings = [w for w in warnings_of(built, "a.md") if "[hugo.limit]" in w]
    assert warnings and "includes itself (a.md -> b.txt -> a.md)" in warnings[0]
    html = html_of(built, "loop/a")
    assert "from b" in html and "after loop" in html


def test_include_fan_out(built):
    warnings = [w for w in warnings_of(built, "page.md") if "[hugo.limit]" in w]
    assert any("'include_depth'" in w for w in warnings) and any(
        "'includes'" in w for w in warnings
    ), warnings
    html = html_of(built, "fan/page")
    assert "level 1" in html and "level 8" in html and "after fan" in html


def test_deep_menu(built):
    assert_located(built, "m49.md", 4, "limit", "menu_depth")
    assert "menu page 59" in html_of(built, "m59")


def test_long_page(built):
    assert_located(
        built, "long.md", PAGES["long.md"][:200_000].count("\n") + 1, "limit", "page_size"
    )
    html = html_of(built, "long")
    assert "start of long" in html and "END OF LONG" not in html


def test_includes_count_against_the_page_size(built):
    assert_located(built, "page.md", 9, "limit", "page_size")
    html = html_of(built, "big/page")
    assert html.count("big line") == 2 * 10_000 and "after big include" in html
