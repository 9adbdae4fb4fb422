# The conformance build of ../shared/corpus/kubernetes/content/zh-cn (kubernetes.io concepts in
# Simplified Chinese): the language is the one whose contentDir is the source folder, as a
# Read the Docs translation project builds it; the English build's settings, read from there.
import runpy
from pathlib import Path

_english = runpy.run_path(str(Path(__file__).resolve().parent.parent / "kubernetes" / "conf.py"))
extensions = _english["extensions"]
hugo_base_url = _english["hugo_base_url"]
hugo_shortcodes = _english["hugo_shortcodes"]
