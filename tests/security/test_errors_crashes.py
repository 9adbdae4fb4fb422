"""Inputs that used to stop the whole build: each now builds, warns at its line, keeps the page."""

from __future__ import annotations

import pytest

from conftest import soup, sphinx_build, warnings_of, write_tree

HOME = {"_index.md": "---\ntitle: Home\n---\n\nhome\n"}


def build(tmp_path, files: dict[str, str | bytes]):
    text = {k: v for k, v in files.items() if isinstance(v, str)}
    write_tree(tmp_path / "src", {**HOME, **text})
    for name, data in files.items():
        if isinstance(data, bytes):
            (tmp_path / "src" / name).write_bytes(data)
    result = sphinx_build(tmp_path / "src", tmp_path / "out", "-b", "dirhtml")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Extension error" not in result.stderr
    return result, warnings_of(result.stderr), tmp_path / "out" / "a" / "index.html"


def test_title_and_heading_with_the_same_id(tmp_path):
    # Hugo (oracle, 0.111.3): the body's H2 gets "extensions"; the title is not in the content
    _, warnings, page = build(
        tmp_path, {"a.md": "---\ntitle: Extensions\n---\n\nintro\n\n## Extensions\n\nbody text\n"}
    )
    assert warnings == []
    html = soup(page)
    h2 = html.find("h2")
    assert h2.parent.get("id") == "extensions" and h2.find("a")["href"] == "#extensions"
    assert html.select_one("section > h1").parent.get("id") not in (None, "", "extensions")
    assert "intro" in html.get_text() and "body text" in html.get_text()


def test_tocdepth_that_is_not_a_number(tmp_path):
    _, warnings, page = build(
        tmp_path, {"a.md": '---\ntitle: A\ntocdepth: "x"\n---\n\n## One\n\ntext one\n'}
    )
    assert [
        w for w in warnings if "a.md:3:" in w and "[hugo.frontmatter_type]" in w and "tocdepth" in w
    ]
    assert "text one" in page.read_text(encoding="utf-8")


def test_comparison_file_that_is_not_utf8(tmp_path):
    _, warnings, page = build(
        tmp_path,
        {
            "a.md": (
                "---\ntitle: A\n---\n\n```{comparison}\n:file: data.yaml\n```\n\nafter the table\n"
            ),
            "data.yaml": b"products: [x]\nfeatures:\n  f: {x: \xff\xfe}\n",
        },
    )
    assert [w for w in warnings if "a.md:5:" in w and "[hugo.encoding]" in w and "line 3" in w]
    assert "after the table" in page.read_text(encoding="utf-8")


def test_yaml_recovery_drops_the_line_at_fault(tmp_path):
    _, warnings, page = build(
        tmp_path, {"a.md": "---\ntitle: Kept Title\n? [a, b]\n: 1\n---\n\nbody\n"}
    )
    located = [w for w in warnings if "[hugo.frontmatter]" in w]
    assert located and all("a.md:3:" in w or "a.md:4:" in w for w in located)
    html = soup(page)
    assert html.find("h1").get_text().rstrip("¶#") == "Kept Title" and "body" in html.get_text()


@pytest.mark.parametrize(
    "line", ["date: 2023-02-30", "x: !!float abc", "n: " + "9" * 5000, "tocdepth: [1]"]
)
def test_front_matter_values_python_cannot_read(tmp_path, line):
    _, warnings, page = build(
        tmp_path, {"a.md": f"---\ntitle: Kept Title\n{line}\n---\n\nbody text\n"}
    )
    expected = (
        "[hugo.limit]" if "9" * 100 in line else "[hugo.frontmatter"
    )  # past Python's digit limit
    assert [w for w in warnings if "a.md:3:" in w and expected in w]
    html = soup(page)
    assert (
        html.find("h1").get_text().rstrip("¶#") == "Kept Title" and "body text" in html.get_text()
    )


@pytest.mark.parametrize(
    ("fence", "line"), [("+++", "n = " + "9" * 5000), ("+++", "d = 2023-02-30")]
)
def test_toml_values_python_cannot_read(tmp_path, fence, line):
    _, warnings, page = build(
        tmp_path, {"a.md": f'{fence}\ntitle = "Kept Title"\n{line}\n{fence}\n\nbody text\n'}
    )
    expected = (
        "[hugo.limit]" if "9" * 100 in line else "[hugo.frontmatter]"
    )  # past Python's digit limit
    assert [w for w in warnings if "a.md:3:" in w and expected in w]
    assert soup(page).find("h1").get_text().rstrip("¶#") == "Kept Title"


def test_block_shortcode_in_a_heading(tmp_path):
    # grpc.io's guides page: a video on the line above "---" makes a setext H2 holding it
    _, _, page = build(
        tmp_path,
        {
            "a.md": (
                '---\ntitle: A\n---\n{{< youtube id="abc" title="Overview" >}}\n---\n'
                "after the heading\n"
            )
        },
    )
    h2 = soup(page).find("h2")
    assert h2.find("a", href="https://www.youtube-nocookie.com/embed/abc").get_text() == "Overview"
    assert "after the heading" in page.read_text(encoding="utf-8")


def test_a_page_that_is_not_utf8_is_left_out(tmp_path):
    # Sphinx's reader stops on it; the build warns at the first bad byte and goes on without it
    files = {"a.md": b"---\ntitle: A\n---\n\nok\n\ncaf\xe9\n", "b.md": "---\ntitle: B\n---\n"}
    _, warnings, page = build(tmp_path, files)
    assert [w for w in warnings if "a.md:7:" in w and "[hugo.encoding]" in w and "not built" in w]
    assert not page.exists() and (tmp_path / "out" / "b" / "index.html").exists()


def test_backticks_in_shortcode_parameters_that_become_directive_arguments(tmp_path):
    # A tab header holding a role once voided the generated tab-item's fence (a backtick fence's
    # info string may hold no backtick) and stopped the build on sphinx-design 0.6.
    page = (
        "---\ntitle: A\n---\n\n{{< tabpane text=true >}}\n"
        '{{% tab header="{hugo-shortcode}`readfile {\\"p\\":[\\"../x.txt\\"]}`" %}}\n'
        "Tab body\n{{% /tab %}}\n{{< /tabpane >}}\n\n"
        '{{< details summary="Use `cfg`" >}}\nDetails body\n{{< /details >}}\n\n'
        '{{< card header="The `x` card" >}}\nCard body\n{{< /card >}}\n'
    )
    _, warnings, out = build(tmp_path, {"a.md": page})
    html = soup(out)
    text = html.get_text()
    assert "```" not in text and "{tab-item}" not in text and "{dropdown}" not in text
    label = html.select_one("label.sd-tab-label").get_text().strip()
    assert "readfile" in label and "../x.txt" in label  # the header as text, no role run
    assert not [w for w in warnings if "readfile" in w]
    assert "Tab body" in text and "Details body" in text and "Card body" in text
    assert "cfg" in html.select_one("details summary").get_text()
    assert "The" in text and "card" in text
