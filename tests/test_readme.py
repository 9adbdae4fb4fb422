"""The README documents every config value and warning, and CI runs its commands."""

from __future__ import annotations

from conftest import ROOT
from sphinx_comparisons.config import PREFIX, HugoConfig
from sphinx_comparisons.diagnostics import SUBTYPES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_config_value_is_documented():
    for spec in HugoConfig.fields():
        assert f"| `{PREFIX}{spec.name}` | {spec.metadata['type']} |" in README


def test_every_warning_subtype_is_documented():
    documented = {line.split("`")[1] for line in README.splitlines() if line.startswith("| `hugo.")}
    assert documented == {f"hugo.{subtype}" for subtype in SUBTYPES}


def test_readme_opens_with_the_two_commands_ci_runs():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "sphinx-build" in block[0] and "example_docs" in block[0]
    assert "pytest" in block[1]
    assert block[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
