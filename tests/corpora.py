"""The real sites CI builds (``.ci/corpora``): each site's corpus, content folder and Hugo's
answers for it. One line per site; a multilingual corpus has a line per language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT, SHARED


@dataclass(frozen=True)
class Site:
    name: str  # also its folder in .ci/conformance/
    corpus: str  # its folder in ../shared/corpus/
    folder: str  # the content folder, relative to the corpus
    answers: str  # hugo-expected.json, or a multilingual file and the language

    @property
    def root(self) -> Path:
        return SHARED / "corpus" / self.corpus

    @property
    def content(self) -> Path:
        return self.root / self.folder

    def expected(self) -> dict:
        """Hugo's answers for this site: pages, menus and sections (one language's)."""
        file, _, language = self.answers.partition(":")
        data = json.loads((self.root / file).read_text(encoding="utf-8"))
        return data["languages"][language] if language else data


def sites() -> dict[str, Site]:
    lines = (ROOT / ".ci" / "corpora").read_text(encoding="utf-8").splitlines()
    found = [Site(*line.split()) for line in lines if line.strip() and not line.startswith("#")]
    return {site.name: site for site in found}


SITES = sites()
