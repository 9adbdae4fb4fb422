"""Issue 12, read containment: no page reads or publishes a file outside the site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from paths_tree import build, located, published, site

PASSWD = Path("/etc/passwd")
needs_passwd = pytest.mark.skipif(
    not PASSWD.is_file() or b"root:" not in PASSWD.read_bytes(),
    reason="needs a Unix /etc/passwd with a root entry",
)
needs_proc = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
MARKER = "paths-test-secret-7f3a"
STILL_HERE = "\n\nStill here.\n"


@pytest.fixture
def secret_env(monkeypatch):
    """An environment variable the build's /proc/self/environ then holds."""
    monkeypatch.setenv("PATHS_TEST_SECRET", MARKER)


def assert_built(code: int, out: Path, page: str = "docs/a") -> None:
    assert code == 0
    assert "Still here." in (out / page / "index.html").read_text(encoding="utf-8")


@needs_passwd
def test_readfile_code_passwd_is_refused(tmp_path):
    content = site(
        tmp_path,
        {
            "docs/a.md": (
                '---\ntitle: A\n---\n\n{{< readfile file="../../../../../../../../etc/passwd" '
                'code="true" >}}'
            )
            + STILL_HERE
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert not published(out, "root:x:0")
    assert_built(code, out)


@needs_proc
def test_readfile_proc_environ_is_refused(tmp_path, secret_env):
    content = site(
        tmp_path,
        {
            "docs/a.md": (
                "---\ntitle: A\n---\n\n{{< readfile "
                'file="../../../../../../../../proc/self/environ" code="true" >}}'
            )
            + STILL_HERE
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert not published(out, MARKER)
    assert_built(code, out)


@needs_passwd
def test_include_markdown_from_the_root_is_refused(tmp_path):
    content = site(
        tmp_path,
        {
            "docs/a.md": (
                '---\ntitle: A\n---\n\n{{< includeMarkdown "/../../../../../../etc/passwd" >}}'
            )
            + STILL_HERE
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert not published(out, "root:x:0")
    assert_built(code, out)


@needs_passwd
def test_readfile_through_a_symlink_in_the_tree_is_refused(tmp_path):
    content = site(
        tmp_path,
        {"docs/a.md": '---\ntitle: A\n---\n\n{{< readfile file="notes.txt" >}}' + STILL_HERE},
    )
    (content / "docs" / "notes.txt").symlink_to(PASSWD)
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert not published(out, "root:x:0")
    assert_built(code, out)


def test_readfile_inside_the_site_still_works_and_non_utf8_warns(tmp_path):
    content = site(
        tmp_path,
        {
            "docs/a.md": (
                '---\ntitle: A\n---\n\n{{< readfile file="/snippets/ok.md" >}}\n\n'
                '{{< readfile file="bad.txt" >}}'
            )
            + STILL_HERE
        },
        extra={"snippets/ok.md": "Snippet from the project root.\n"},
    )
    (content / "docs" / "bad.txt").write_bytes(b"caf\xe9\n")
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "encoding", "docs/a.md", 7)
    html = (out / "docs" / "a" / "index.html").read_text()
    assert "Snippet from the project root." in html
    assert "caf\ufffd" in html
    assert_built(code, out)


@needs_passwd
def test_comparison_file_outside_is_refused(tmp_path):
    content = site(
        tmp_path,
        {
            "docs/a.md": "---\ntitle: A\n---\n\n```{comparison}\n:file: /etc/passwd\n```\n"
            + STILL_HERE
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert not published(out, "root:x:0")
    assert not [w for w in warnings if "root:" in w]
    assert_built(code, out)


def test_comparison_file_errors_do_not_quote_the_file(tmp_path):
    content = site(
        tmp_path,
        {
            "docs/a.md": (
                "---\ntitle: A\n---\n\n```{comparison}\n:file: data.yaml\n```\n\n```{comparison}\n"
                ":file: latin.yaml\n```\n"
            )
            + STILL_HERE
        },
    )
    (content / "docs" / "data.yaml").write_text(
        f"products: [a\nsecret: {MARKER}: : [\n", encoding="utf-8"
    )
    (content / "docs" / "latin.yaml").write_bytes(b"products: [caf\xe9]\n")
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "comparison", "docs/a.md", 5)
    assert located(warnings, "comparison", "docs/a.md", 9)
    assert not [w for w in warnings if MARKER in w]
    assert_built(code, out)


@needs_passwd
def test_imgproc_cannot_leave_the_bundle(tmp_path):
    page = (
        '---\ntitle: A\n---\n\n{{< imgproc "/../../../../../../etc/passwd" Fill "10x10" >}}\nC\n'
        '{{< /imgproc >}}\n\n{{< imgproc "../../../../../.." Fill "1x1" >}}\nD\n{{< /imgproc >}}'
    )
    content = site(tmp_path, {"docs/a/index.md": page + STILL_HERE})
    (content / "docs" / "a" / "linked.png").symlink_to(PASSWD)
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a/index.md", 5)
    assert located(warnings, "path", "docs/a/index.md", 9)
    assert not published(out, "root:x:0")
    assert_built(code, out)


@needs_passwd
def test_markdown_image_and_figure_outside_are_not_copied(tmp_path):
    page = (
        "---\ntitle: A\n---\n\n![x](../../../../../../../../etc/passwd)\n\n"
        '{{< figure src="../../../../../../../etc/passwd" caption="c" >}}'
    )
    content = site(tmp_path, {"docs/a.md": page + STILL_HERE})
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert located(warnings, "path", "docs/a.md", 7)
    assert not (out / "_images").exists()
    assert not published(out, "root:x:0")
    assert_built(code, out)


@needs_passwd
def test_download_link_outside_is_not_copied(tmp_path):
    content = site(
        tmp_path,
        {
            "docs/a.md": "---\ntitle: A\n---\n\n[the users](../../../../../../../etc/passwd)\n"
            + STILL_HERE
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert not (out / "_downloads").exists()
    assert not published(out, "root:x:0")
    assert_built(code, out)


@needs_passwd
def test_myst_file_directives_are_contained(tmp_path):
    page = (
        "---\ntitle: A\n---\n\n```{include} ../../../../../../etc/passwd\n```\n\n"
        "```{literalinclude} ../../../../../../etc/passwd\n```\n\n"
        "```{raw} html\n:file: ../../../../../../etc/passwd\n```\n\n"
        "```{csv-table}\n:url: http://169.254.169.254/latest/meta-data/\n```\n\n"
        "```{include} inside.md\n```\n"
    )
    content = site(tmp_path, {"docs/a.md": page + STILL_HERE})
    (content / "docs" / "inside.md").write_text("Included from inside.\n", encoding="utf-8")
    code, warnings, out = build(tmp_path, content, "-D", "exclude_patterns=docs/inside.md")
    assert [len(located(warnings, "path", "docs/a.md", line)) for line in (5, 8, 11, 15)] == [
        1,
        1,
        1,
        1,
    ]
    assert not published(out, "root:x:0")
    assert "Included from inside." in (out / "docs" / "a" / "index.html").read_text()
    assert_built(code, out)


@needs_passwd
def test_include_like_shortcode_mapping_is_contained(tmp_path):
    conf = (
        'extensions = ["sphinx_comparisons"]\n'
        'hugo_shortcodes = {"code": {"directive": "literalinclude"}}\n'
    )
    content = site(
        tmp_path,
        {
            "conf.py": conf,
            "docs/a.md": '---\ntitle: A\n---\n\n{{< code "../../../../../../../etc/passwd" >}}'
            + STILL_HERE,
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert not published(out, "root:x:0")
    assert_built(code, out)


@needs_passwd
def test_page_file_symlinked_out_of_the_site_is_not_built(tmp_path):
    content = site(tmp_path, {"docs/a.md": "---\ntitle: A\n---\n" + STILL_HERE})
    (content / "docs" / "leak.md").symlink_to(PASSWD)
    code, warnings, out = build(tmp_path, content)
    assert [w for w in warnings if "leak.md" in w and w.endswith("[hugo.path]")]
    assert not published(out, "root:x:0")
    assert_built(code, out)


@needs_proc
def test_static_symlink_to_proc_environ_is_not_copied(tmp_path, secret_env):
    content = site(
        tmp_path,
        {"docs/a.md": "---\ntitle: A\n---\n" + STILL_HERE},
        extra={"static/ok.txt": "public\n"},
    )
    (tmp_path / "site" / "static" / "env.txt").symlink_to("/proc/self/environ")
    os.symlink("/etc", tmp_path / "site" / "static" / "etc")
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", str(tmp_path / "site" / "static" / "env.txt"))
    assert located(warnings, "path", str(tmp_path / "site" / "static" / "etc"))
    assert not (out / "env.txt").exists() and not (out / "etc").exists()
    assert not published(out, MARKER)
    assert (out / "ok.txt").read_text() == "public\n"
    assert_built(code, out)


def test_static_dirs_outside_the_project_are_refused(tmp_path):
    config = 'title = "T"\nstaticDir = ["/etc/default", "../../../../etc", "static"]\n'
    content = site(
        tmp_path,
        {"docs/a.md": "---\ntitle: A\n---\n" + STILL_HERE},
        config=config,
        extra={"static/ok.txt": "public\n"},
    )
    code, warnings, out = build(tmp_path, content)
    assert len(located(warnings, "path", str(tmp_path / "site" / "hugo.toml"), 2)) == 2
    assert not (out / "passwd").exists() and not (out / "hostname").exists()
    assert (out / "ok.txt").read_text() == "public\n"
    assert_built(code, out)


def test_linked_figure_whose_image_is_refused_still_builds(tmp_path):
    content = site(
        tmp_path,
        {
            "docs/a.md": (
                '---\ntitle: A\n---\n\n{{< figure src="../../../elsewhere.png" '
                'link="https://example.org/" caption="Cap" >}}'
            )
            + STILL_HERE
        },
    )
    (tmp_path / "elsewhere.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert not list(out.rglob("elsewhere*.png"))
    assert_built(code, out)


def test_names_too_long_for_the_system_are_not_files(tmp_path):
    # Python 3.11's Path.is_file raises on ENAMETOOLONG: MyST's link lookup and ours must not
    name = "x" * 300
    page = (
        f"---\ntitle: A\n---\n\n[link]({name})\n\n![image]({name})\n\n"
        f'{{{{< figure src="{name}" >}}}}\n\n'
        f'{{{{< readfile file="{name}" >}}}}\n\n{{{{< imgproc "{name}" >}}}}' + STILL_HERE
    )
    content = site(tmp_path, {"docs/a.md": page})
    code, warnings, out = build(tmp_path, content)
    assert not [w for w in warnings if "hugo.internal" in w], warnings
    assert located(warnings, "shortcode_params", "docs/a.md", 11)
    assert_built(code, out)


def test_figure_whose_image_is_refused_shows_its_caption_once(tmp_path):
    content = site(
        tmp_path,
        {
            "docs/a.md": (
                "---\ntitle: A\n---\n\n"
                '{{< figure src="../../../elsewhere.png" caption="The caption" >}}'
            )
            + STILL_HERE
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert located(warnings, "path", "docs/a.md", 5)
    assert (out / "docs" / "a" / "index.html").read_text(encoding="utf-8").count("The caption") == 1
    assert_built(code, out)
