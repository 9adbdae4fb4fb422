"""The README's reference tables are generated from the code, and CI runs its commands."""

from __future__ import annotations

from conftest import ROOT
from sphinx_comparisons import reference
from sphinx_comparisons.config import PREFIX, HugoConfig
from sphinx_comparisons.diagnostics import SUBTYPES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_reference_tables_are_current():
    # regenerate with: python -m sphinx_comparisons.reference README.md
    assert reference.render(README) == README


def test_tables_list_every_config_value_and_warning():
    for spec in HugoConfig.fields():
        assert f"| `{PREFIX}{spec.name}` |" in README
    documented = {line.split("`")[1] for line in README.splitlines() if line.startswith("| `hugo.")}
    assert documented == {f"hugo.{subtype}" for subtype in SUBTYPES}


def test_readme_opens_with_the_two_commands_ci_runs():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "sphinx-build" in block[0] and "example_docs" in block[0]
    assert "pytest" in block[1]
    assert block[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
