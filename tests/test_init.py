"""``init``: the files a Hugo site needs to build with Sphinx, written once, never over a file."""

from __future__ import annotations

import ast
import json
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import SHARED, needs_shared, soup, sphinx_build, write_tree


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx_comparisons", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def conf_values(content: Path) -> dict:
    return runpy.run_path(str(content / "conf.py"))


def pages(n: int, menu_of: set[int]) -> dict[str, str]:
    """A home, a section and ``n`` pages in it; those numbered in ``menu_of`` are in menu 'docs'."""
    files = {
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/guide/_index.md": "---\ntitle: Guide\n---\n",
    }
    for i in range(n):
        menu = "menu: docs\n" if i in menu_of else ""
        files[f"content/guide/p{i}.md"] = f"---\ntitle: P{i}\nweight: {i + 1}\n{menu}---\n"
    return files


# --- navigation: the build's rule ------------------------------------------------------------


def test_a_menu_holding_few_pages_gives_the_section_tree(tmp_path):
    write_tree(tmp_path, {"hugo.toml": 'title = "S"\n', **pages(6, {0})})  # 1 of 8 pages
    content = tmp_path / "content"
    assert run("init", str(content)).returncode == 0
    conf = (content / "conf.py").read_text()
    assert conf_values(content)["hugo_menus"] == []
    assert "#   menu 'docs': 1 pages" in conf and "#   the section tree: 8 pages" in conf
    assert "# Navigation: 8 pages" in conf
    built = sphinx_build(content, tmp_path / "out", "-b", "dirhtml", "-W")
    assert built.returncode == 0, built.stderr
    sidebar = soup(tmp_path / "out" / "guide" / "p0" / "index.html").select(".sidebar-tree a")
    assert [a.get_text(strip=True) for a in sidebar][-6:] == [f"P{i}" for i in range(6)]


def test_a_menu_holding_half_the_pages_is_the_navigation(tmp_path):
    write_tree(tmp_path, {"hugo.toml": 'title = "S"\n', **pages(6, {0, 1, 2, 3})})  # 4 of 8
    content = tmp_path / "content"
    assert run("init", str(content)).returncode == 0
    assert conf_values(content)["hugo_menus"] == ["docs"]
    assert "#   menu 'docs': 4 pages" in (content / "conf.py").read_text()


# --- conf.py: builds in furo as it is written ------------------------------------------------


def test_conf_builds_in_furo_with_the_sites_title_copyright_logo_and_address(tmp_path):
    write_tree(
        tmp_path,
        {
            "hugo.toml": 'title = "My Site"\ncopyright = "© 2024 The Authors"\n'
            'baseURL = "https://docs.example.org/"\n',
            "static/images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
            "static/favicon.ico": "icon",
            "content/_index.md": "---\ntitle: Home\n---\n\nHello.\n",
            "content/a.md": "---\ntitle: A\n---\n",
        },
    )
    content = tmp_path / "content"
    assert run("init", str(content)).returncode == 0
    conf = conf_values(content)
    assert conf["html_theme"] == "furo" and conf["project"] == "My Site"
    assert conf["copyright"] == "2024 The Authors"  # the theme adds its own ©
    assert conf["html_baseurl"] == "https://docs.example.org/"
    assert conf["html_logo"] == "../static/images/logo.svg"
    assert conf["html_favicon"] == "../static/favicon.ico"
    built = sphinx_build(content, tmp_path / "out", "-b", "dirhtml", "-W")
    assert built.returncode == 0, built.stderr
    page = soup(tmp_path / "out" / "index.html")
    assert "furo" in str(page.select_one("link[href*=furo]"))
    assert "2024 The Authors" in page.select_one(".copyright").get_text()
    assert page.select_one("img.sidebar-logo")["src"].endswith("logo.svg")
    assert (tmp_path / "out" / "_static" / "favicon.ico").exists()


def test_without_title_or_copyright_the_defaults_are_never_empty(tmp_path):
    write_tree(tmp_path / "handbook", {"content/_index.md": "---\ntitle: Home\n---\n"})
    content = tmp_path / "handbook" / "content"
    assert run("init", str(content), "--theme", "alabaster").returncode == 0
    conf = conf_values(content)
    assert conf["project"] == "content" and conf["html_theme"] == "alabaster"
    assert re.fullmatch(r"\d{4}, the content authors", conf["copyright"])
    assert "html_logo" not in conf and "html_baseurl" not in conf
    built = sphinx_build(content, tmp_path / "out", "-b", "dirhtml", "-W")
    assert built.returncode == 0, built.stderr
    assert "©." not in (tmp_path / "out" / "index.html").read_text()


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Docsy Authors | [CC BY 4.0](https://example.org/by/4.0) |", "Docsy Authors | CC BY 4.0"),
        ("© 2024 **The Authors**", "2024 The Authors"),
        ("[]()", None),
    ],
)
def test_markdown_in_the_copyright_is_not_shown_as_markup(tmp_path, written, shown):
    config = f"title = 'S'\n[params.copyright]\nauthors = {json.dumps(written)}\n"
    write_tree(tmp_path, {"hugo.toml": config, "content/_index.md": "---\ntitle: H\n---\n"})
    assert run("init", str(tmp_path / "content")).returncode == 0
    copyright = conf_values(tmp_path / "content")["copyright"]
    if shown is None:
        assert re.fullmatch(r"\d{4}, the S authors", copyright)
    else:
        assert copyright == shown


@pytest.mark.parametrize(
    "title",
    [
        "It's \"quoted\"\nimport os; os.remove('x')",
        "'''; raise SystemExit #",
        "\\\\ backslash \\\\",
    ],
)
def test_hugo_config_values_are_written_as_literals(tmp_path, title):
    write_tree(
        tmp_path,
        {
            "hugo.yaml": yaml.safe_dump({"title": title, "copyright": title}),
            "content/_index.md": "---\ntitle: Home\n---\n",
        },
    )
    content = tmp_path / "content"
    assert run("init", str(content)).returncode == 0
    conf = conf_values(content)
    assert conf["project"] == " ".join(title.split())
    assert conf["copyright"] == " ".join(title.split())


def test_a_baseurl_that_is_no_web_address_is_left_out(tmp_path):
    write_tree(
        tmp_path,
        {
            "hugo.toml": 'baseURL = "javascript:alert(1)"\ntitle = ["not", "text"]\n',
            "content/_index.md": "---\ntitle: Home\n---\n",
        },
    )
    content = tmp_path / "content"
    assert run("init", str(content)).returncode == 0
    conf = conf_values(content)
    assert "html_baseurl" not in conf and "hugo_base_url" not in conf
    assert conf["project"] == "content"


def test_a_named_hugo_config_is_written_relative_to_conf_py(tmp_path):
    write_tree(
        tmp_path,
        {
            "elsewhere/hugo.toml": 'title = "Named"\n[params]\nflavour = "mint"\n',
            "content/_index.md": "---\ntitle: Home\n---\n\nFlavour: {{< param flavour >}}\n",
        },
    )
    content = tmp_path / "content"
    result = run("init", str(content), "--config", str(tmp_path / "elsewhere" / "hugo.toml"))
    assert result.returncode == 0, result.stderr
    conf = conf_values(content)
    assert conf["hugo_config"] == "../elsewhere/hugo.toml" and conf["project"] == "Named"
    built = sphinx_build(content, tmp_path / "out", "-b", "dirhtml", "-W")
    assert built.returncode == 0, built.stderr
    assert "Flavour: mint" in (tmp_path / "out" / "index.html").read_text()


# --- requirements.txt and .readthedocs.yaml -------------------------------------------------

#: Read the Docs' config v2 as a JSON schema (every key, and the values each may take).
RTD_SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "readthedocs-v2.schema.json").read_text()
)


def assert_valid_readthedocs(path: Path) -> dict:
    """The file is valid against Read the Docs' v2 schema, and every path in it exists."""
    data = yaml.safe_load(path.read_text())
    errors = [e.message for e in jsonschema.Draft202012Validator(RTD_SCHEMA).iter_errors(data)]
    assert errors == []
    assert data["sphinx"]["fail_on_warning"] is False  # until check is clean
    assert data["sphinx"]["builder"] == "dirhtml"  # Hugo's URLs
    root = path.parent
    assert (root / data["sphinx"]["configuration"]).name == "conf.py"
    assert (root / data["sphinx"]["configuration"]).is_file()
    for item in data["python"]["install"]:
        assert (root / item["requirements"]).is_file()
    return data


def test_the_schema_check_refuses_what_read_the_docs_refuses():
    good = {
        "version": 2,
        "build": {"os": "ubuntu-24.04", "tools": {"python": "3.12"}},
        "sphinx": {"configuration": "conf.py"},
        "python": {"install": [{"requirements": "r.txt"}]},
    }
    validator = jsonschema.Draft202012Validator(RTD_SCHEMA)
    assert validator.is_valid(good)
    for bad in (
        {**good, "version": 1},
        {**good, "build": {"os": "ubuntu-24.04", "tools": {"python": 3.1}}},  # 3.10 as a float
        {**good, "build": {"os": "debian", "tools": {"python": "3.12"}}},
        {**good, "sphinx": {"configuration": "conf.py", "fail_on_warnings": True}},
        {**good, "python": {"install": [{"requirement": "r.txt"}]}},
        {**good, "requirements": "r.txt"},
    ):
        assert not validator.is_valid(bad), bad


def test_readthedocs_yaml_at_the_repository_root_with_paths_from_there(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write_tree(
        repo / "website",
        {
            "config/_default/hugo.toml": 'title = "S"\n',
            "content/en/_index.md": "---\ntitle: H\n---\n",
        },
    )
    content = repo / "website" / "content" / "en"
    assert run("init", str(content)).returncode == 0
    data = assert_valid_readthedocs(repo / ".readthedocs.yaml")
    assert data["sphinx"]["configuration"] == "website/content/en/conf.py"
    assert data["python"]["install"] == [{"requirements": "website/content/en/requirements.txt"}]
    requirements = (content / "requirements.txt").read_text().splitlines()
    assert re.fullmatch(r"sphinx-comparisons>=\d+\.\d+", requirements[0])
    assert re.fullmatch(r"furo>=\d+\.\d+", requirements[1]) and len(requirements) == 2


def test_without_git_the_site_root_holds_readthedocs_yaml(tmp_path):
    write_tree(tmp_path, {"hugo.toml": "", "content/_index.md": "---\ntitle: H\n---\n"})
    result = run("init", str(tmp_path / "content"), "--theme", "sphinx_rtd_theme")
    assert result.returncode == 0
    data = assert_valid_readthedocs(tmp_path / ".readthedocs.yaml")
    assert data["sphinx"]["configuration"] == "content/conf.py"
    requirements = (tmp_path / "content" / "requirements.txt").read_text()
    assert re.search(r"^sphinx-rtd-theme>=\d+\.\d+$", requirements, re.MULTILINE)


# --- --dry-run, and never overwriting --------------------------------------------------------


def test_dry_run_prints_every_file_and_writes_none(tmp_path):
    write_tree(
        tmp_path, {"hugo.toml": 'title = "S"\n', "content/_index.md": "---\ntitle: H\n---\n"}
    )
    before = sorted(tmp_path.rglob("*"))
    result = run("init", "--dry-run", str(tmp_path / "content"))
    assert result.returncode == 0 and sorted(tmp_path.rglob("*")) == before
    for name in ("content/conf.py", "content/requirements.txt", ".readthedocs.yaml"):
        assert f"--- {tmp_path / name} ---" in result.stdout
    assert "project = 'S'" in result.stdout and "version: 2" in result.stdout


@pytest.mark.parametrize("existing", ["content/requirements.txt", ".readthedocs.yaml"])
def test_an_existing_file_stops_init_before_it_writes_anything(tmp_path, existing):
    write_tree(
        tmp_path,
        {"hugo.toml": "", "content/_index.md": "---\ntitle: H\n---\n", existing: "mine\n"},
    )
    result = run("init", str(tmp_path / "content"))
    assert result.returncode == 1
    assert str(tmp_path / existing) in result.stderr and "nothing written" in result.stderr
    assert not (tmp_path / "content" / "conf.py").exists()
    assert (tmp_path / existing).read_text() == "mine\n"


def test_a_dangling_symlink_counts_as_an_existing_file(tmp_path):
    write_tree(tmp_path, {"hugo.toml": "", "content/_index.md": "---\ntitle: H\n---\n"})
    (tmp_path / "content" / "conf.py").symlink_to(tmp_path / "elsewhere.py")
    assert run("init", str(tmp_path / "content")).returncode == 1
    assert not (tmp_path / "elsewhere.py").exists()
    assert not (tmp_path / ".readthedocs.yaml").exists()


# --- real sites -------------------------------------------------------------------------------


def hugo_navigation(site: str) -> list[str]:
    """The navigation the rule gives from Hugo's own answer: its menus and its page count."""
    return navigation_of(json.loads((SHARED / "corpus" / site / "hugo-expected.json").read_text()))


def navigation_of(expected: dict) -> list[str]:
    """The navigation the rule gives from Hugo's answers (``hugo-expected.json``'s shape)."""

    def linked(entries: list[dict]) -> int:
        return sum(bool(e.get("page")) + linked(e.get("children") or []) for e in entries)

    counts = {name: linked(entries) for name, entries in expected["menus"].items()}
    busiest = max(counts, key=lambda name: counts[name], default=None)
    if busiest is not None and counts[busiest] * 2 >= len(expected["pages"]):
        return [busiest]
    return []


@pytest.mark.slow
@needs_shared
@pytest.mark.parametrize("site", ["docsy", "grpc"])
def test_init_on_a_real_site_builds_with_the_rules_navigation(tmp_path, site):
    copy = tmp_path / site
    shutil.copytree(SHARED / "corpus" / site, copy)
    content = copy / "content" / "en"
    result = run("init", str(content))
    assert result.returncode == 0, result.stderr
    assert conf_values(content)["hugo_menus"] == hugo_navigation(site)
    assert_valid_readthedocs(copy / ".readthedocs.yaml")
    built = sphinx_build(content, tmp_path / "out", "-b", "dirhtml")
    assert built.returncode == 0, built.stderr
    page = soup(tmp_path / "out" / "docs" / "index.html")
    assert page.select_one("link[href*=furo]") is not None
    assert len(page.select(".sidebar-tree a")) > 20  # the section tree, not a one-link menu


@needs_shared
@pytest.mark.parametrize(
    ("site", "folder"),
    [
        ("docsy", "content/en"),
        ("grpc", "content/en"),
        ("yugabyte", "content"),
        ("kubernetes", "content/en"),
    ],
)
def test_every_corpus_gets_the_navigation_the_rule_gives_from_hugos_menus(tmp_path, site, folder):
    shutil.copytree(SHARED / "corpus" / site, tmp_path / site)
    result = run("init", "--dry-run", str(tmp_path / site / folder))
    assert result.returncode == 0, result.stderr
    chosen = re.search(r"^hugo_menus = (\[.*?\])", result.stdout, re.MULTILINE)
    assert chosen is not None and ast.literal_eval(chosen.group(1)) == hugo_navigation(site)
