"""``sphinx-comparisons build CONTENT OUT``: every language of a site into Hugo's layout.

Each enabled language is its own Sphinx build (as Read the Docs hosts
translations): the default language into ``OUT`` (``OUT/<code>/`` with
``defaultContentLanguageInSubdir``), every other one into ``OUT/<code>/``, its
pages at their URLs inside that folder (``hugo_language_prefix = False``), so
the folder served as a site gives each page Hugo's address. The builds run in
parallel, one process each, up to the number of cores.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx_comparisons.hugo import languages, siteconfig


@dataclass(frozen=True)
class LanguageBuild:
    code: str
    srcdir: Path
    outdir: Path
    overrides: dict[str, Any] = field(default_factory=dict)


def plan(content: Path, out: Path, config_path: str | None = None) -> list[LanguageBuild]:
    """One build per enabled language: its content folder (its ``contentDir`` when the site
    has one for it, else ``content``, whose file-name suffixes mark the languages)."""
    files = siteconfig.find(config_path, content)
    site, _ = languages.from_config(siteconfig.load(files).values)
    root = siteconfig.site_root(files)
    builds = []
    # every translation where this layout puts it: / for the default language, /fr/ ...
    bases = {lang.code: site.prefix(lang.code) + "/" for lang in site.languages}
    for language in site.languages:
        own = (root / language.content_dir) if root is not None else content
        srcdir = own if own.is_dir() else content
        prefix = site.prefix(language.code).strip("/")
        overrides: dict[str, Any] = {"hugo_language": language.code}
        if site.multilingual:
            overrides["hugo_translation_urls"] = bases
        if prefix:
            overrides["hugo_language_prefix"] = False
        if config_path:
            overrides["hugo_config"] = str(Path(config_path).resolve())
        builds.append(LanguageBuild(language.code, srcdir, out / prefix, overrides))
    return builds


def _run(build: LanguageBuild, builder: str) -> int:
    """One language's build, as ``sphinx-build`` runs it (its conf.py, else zero config)."""
    from sphinx.cmd.build import build_main

    args = ["-b", builder, "-q"]
    if not (build.srcdir / "conf.py").is_file():
        args += ["-C", "-D", "extensions=sphinx_comparisons"]
    for name, value in build.overrides.items():
        if isinstance(value, dict):  # -D name.key=value sets one entry of a dict value
            args += [arg for key, item in value.items() for arg in ("-D", f"{name}.{key}={item}")]
        else:
            args += ["-D", f"{name}={int(value) if isinstance(value, bool) else value}"]
    print(f"== {build.code}: {build.srcdir} -> {build.outdir}", file=sys.stderr)
    return build_main([*args, str(build.srcdir), str(build.outdir)])


def run(builds: list[LanguageBuild], builder: str = "dirhtml") -> int:
    """Every build, in parallel where cores allow; the worst exit status."""
    if len(builds) <= 1 or (os.cpu_count() or 1) <= 1:
        return max((_run(build, builder) for build in builds), default=0)
    workers = min(len(builds), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return max(pool.map(_run, builds, [builder] * len(builds)), default=0)
