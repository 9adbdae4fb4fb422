"""The multilingual test sites and Hugo's answers for them agree (no test of our build here)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

import multilingual_expected as ml


def test_hugo_expected_is_what_hugo_builds():
    if shutil.which("hugo") is None:
        pytest.skip("hugo is not installed (apt-get install -y hugo)")
    version = subprocess.run(
        ["hugo", "version"], check=False, capture_output=True, text=True
    ).stdout
    wanted = ml.expected("contentdir")["hugo_version"]
    if f"v{wanted}" not in version:
        pytest.skip(f"the fixtures were made with Hugo {wanted}, this is {version.strip()}")
    run = subprocess.run(
        [sys.executable, str(ml.FIXTURES / "regen.py"), "--check"],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("site", ml.SITES)
def test_every_page_is_a_file_and_translations_are_mutual(site):
    assert ml.languages(site) == ["en", "fr"]  # de is disabled in every site
    for lang in ml.languages(site):
        root = ml.content_root(site, lang)
        for path, page in ml.pages(site, lang).items():
            assert (root / path).is_file(), (lang, path)
            out = re.sub(r"^/", "", page["url"]) + "index.html"
            assert out in ml.files(site), (lang, path)
            for other, url in ml.translations(site, lang)[page["url"]].items():
                assert ml.translations(site, other)[url][lang] == page["url"]
    permalinks = {
        p["permalink"] for lang in ml.languages(site) for p in ml.pages(site, lang).values()
    }
    # every redirect (Hugo 0.111's, and current Hugo's prefixed ones) lands on a page
    for found in (ml.redirects(site), ml.redirects_current_hugo(site)):
        assert set(found.values()) <= permalinks
