"""Issue 12, read containment: the bypasses of the attack report (standard includes, ``:diff:``,
files named from included rST files, translated directive names, dot files, static files over
Sphinx's outputs)."""

from __future__ import annotations

from pathlib import Path

from paths_tree import build, located, published, site

MARKER = "paths-bypass-secret-41c9"
STILL_HERE = "\n\nStill here.\n"
CLIMB = "../" * 40  # from any folder up to /


def secret(tmp_path: Path) -> Path:
    """A file beside the Hugo project root: outside every read root."""
    path = tmp_path / "secret.txt"
    path.write_text(MARKER + "\n", encoding="utf-8")
    return path


def rst(title: str, body: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n{body}\n\nStill here.\n"


def assert_built(code: int, out: Path, *pages: str) -> None:
    assert code == 0
    for page in pages:
        assert "Still here." in (out / page / "index.html").read_text(encoding="utf-8")


def test_standard_include_may_name_only_docutils_include_files(tmp_path):
    absolute = secret(tmp_path)
    climbing = f"<{CLIMB}{str(absolute).lstrip('/')}>"
    md = (
        f"---\ntitle: M\n---\n\n```{{include}} {climbing}\n```\n\n```{{include}} <{absolute}>\n"
        "```\n" + STILL_HERE
    )
    page = rst(
        "R",
        (
            f".. include:: {climbing}\n   :literal:\n\n.. include:: <{absolute}>\n\n"
            ".. include:: <isonum.txt>\n\nMark |trade|."
        ),
    )
    content = site(tmp_path, {"m.md": md, "r.rst": page})
    code, warnings, out = build(tmp_path, content)
    assert [len(located(warnings, "path", "m.md", line)) for line in (5, 8)] == [1, 1]
    assert [len(located(warnings, "path", "r.rst", line)) for line in (4, 7)] == [1, 1]
    assert not published(out, MARKER)
    assert "Mark \u2122." in (out / "r" / "index.html").read_text(
        encoding="utf-8"
    )  # <isonum.txt> still works
    assert_built(code, out, "m", "r")


def test_literalinclude_diff_file_is_checked(tmp_path):
    secret(tmp_path)
    md = (
        "---\ntitle: M\n---\n\n```{literalinclude} m.md\n:diff: ../../secret.txt\n```\n\n"
        "```{literalinclude} m.md\n:diff: old.md\n```\n" + STILL_HERE
    )
    page = rst("R", ".. literalinclude:: r.rst\n   :diff: ../../secret.txt")
    content = site(tmp_path, {"m.md": md, "r.rst": page, "old.txt": "x\n"})
    (content / "old.md").write_text("an older line\n", encoding="utf-8")
    code, warnings, out = build(tmp_path, content, "-D", "exclude_patterns=old.md")
    assert len(located(warnings, "path", "m.md", 5)) == 1
    assert len(located(warnings, "path", "r.rst", 4)) == 1
    assert not published(out, MARKER)
    assert "an older line" in (out / "m" / "index.html").read_text(
        encoding="utf-8"
    )  # a :diff: inside the site still works
    assert_built(code, out, "m", "r")


def test_file_options_in_an_included_rst_file_are_checked_where_they_are_read(tmp_path):
    secret(tmp_path)
    included = (
        ".. csv-table:: t\n   :file: ../../secret.txt\n\n.. raw:: html\n"
        "   :file: ../../secret.txt\n\n.. csv-table:: ok\n   :file: near.csv\n"
    )
    content = site(
        tmp_path,
        {
            "a/b/c/r.rst": rst("R", ".. include:: ../../../inc.txt"),
            "inc.txt": included,
            "near.csv": "beside-inc\n",
        },
    )
    code, warnings, out = build(tmp_path, content)
    assert len(located(warnings, "path", "a/b/c/r.rst")) == 2
    assert not published(out, MARKER)
    assert "beside-inc" in (out / "a" / "b" / "c" / "r" / "index.html").read_text(
        encoding="utf-8"
    )  # read beside inc.txt, as docutils does
    assert_built(code, out, "a/b/c/r")


def test_translated_directive_names_are_the_overrides(tmp_path):
    secret(tmp_path)
    md = (
        "---\ntitle: M\n---\n\n```{einfügen} ../../secret.txt\n```\n\n```{csv-tabelle} t\n"
        ":file: ../../secret.txt\n```\n\n"
        "```{roh} html\n:file: ../../secret.txt\n```\n\n```{einfügen} inside.md\n```\n" + STILL_HERE
    )
    page = rst(
        "R",
        (
            ".. einfügen:: ../../secret.txt\n   :literal:\n\n.. csv-tabelle:: x\n"
            "   :file: ../../secret.txt"
        ),
    )
    content = site(tmp_path, {"m.md": md, "r.rst": page, "inside.md": "Included from inside.\n"})
    code, warnings, out = build(
        tmp_path, content, "-D", "language=de", "-D", "exclude_patterns=inside.md"
    )
    assert [len(located(warnings, "path", "m.md", line)) for line in (5, 8, 12)] == [1, 1, 1]
    assert [len(located(warnings, "path", "r.rst", line)) for line in (4, 7)] == [1, 1]
    assert not published(out, MARKER)
    assert "Included from inside." in (out / "m" / "index.html").read_text(encoding="utf-8")
    assert_built(code, out, "m", "r")


def test_dot_files_of_the_project_are_never_read(tmp_path):
    md = (
        '---\ntitle: M\n---\n\n{{< readfile file="/.git/config" code="true" >}}\n\n'
        '{{< readfile file="/.env" >}}\n\n'
        '{{< readfile file="env.txt" >}}\n\n```{literalinclude} /.hidden/notes.txt\n```\n\n'
        '{{< readfile file="/ok.txt" >}}\n' + STILL_HERE
    )
    content = site(
        tmp_path,
        {"m.md": md, ".hidden/notes.txt": f"{MARKER}\n"},
        extra={
            ".git/config": f"[http]\n\textraheader = AUTHORIZATION: basic {MARKER}\n",
            ".env": f"TOKEN={MARKER}\n",
            "ok.txt": "Project file.\n",
        },
    )
    (content / "env.txt").symlink_to(tmp_path / "site" / ".env")
    code, warnings, out = build(tmp_path, content, "-D", "exclude_patterns=.hidden/**")
    for line in (5, 7, 9, 11):
        found = located(warnings, "path", "m.md", line)
        assert len(found) == 1 and "dot files are never read" in found[0], (line, warnings)
    assert not published(out, MARKER)
    assert "Project file." in (out / "m" / "index.html").read_text(encoding="utf-8")
    assert_built(code, out, "m")


def test_static_files_do_not_replace_sphinx_outputs_but_dot_files_are_copied(tmp_path):
    static = {
        "static/_static/doctools.js": "STATIC-JS\n",
        "static/searchindex.js": "STATIC-INDEX\n",
        "static/_sources/x.txt": "S\n",
        "static/.htaccess": "AddType text/plain .txt\n",
        "static/.well-known/security.txt": "Contact: x\n",
        "static/_redirects": "/a /b 301\n",
        "static/robots.txt": "User-agent: *\n",
    }
    content = site(tmp_path, {"m.md": "---\ntitle: M\n---\n" + STILL_HERE}, extra=static)
    code, warnings, out = build(tmp_path, content)
    root = tmp_path / "site" / "static"
    for name in ("_static/doctools.js", "searchindex.js", "_sources/x.txt"):
        assert len(located(warnings, "output", str(root / name))) == 1, (name, warnings)
    assert not published(out, "STATIC-JS") and not published(out, "STATIC-INDEX")
    assert not (out / "_sources" / "x.txt").exists()
    assert (out / ".htaccess").read_text() == "AddType text/plain .txt\n"
    assert (out / ".well-known" / "security.txt").read_text() == "Contact: x\n"
    assert (out / "robots.txt").read_text() == "User-agent: *\n"
    assert not [w for w in warnings if "_redirects" in w or ".htaccess" in w or ".well-known" in w]
    assert_built(code, out, "m")
