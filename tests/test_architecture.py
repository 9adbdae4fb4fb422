"""The architecture page's pipeline table shows what a real build registers."""

from __future__ import annotations

import inspect

from conftest import write_tree
from sphinx_comparisons import architecture


def _ours(handler: object) -> str | None:
    original = inspect.unwrap(handler)
    module = getattr(original, "__module__", "") or ""
    if not module.startswith("sphinx_comparisons."):
        return None
    return f"{module.removeprefix('sphinx_comparisons.')}.{original.__qualname__}"


def test_the_table_lists_every_handler_a_build_connects(make_app, tmp_path):
    write_tree(
        tmp_path, {"conf.py": 'extensions = ["sphinx_comparisons"]\n', "index.md": "# Home\n"}
    )
    app = make_app("html", srcdir=tmp_path)
    connected = {
        (event, listener.priority, name)
        for event, listeners in app.events.listeners.items()
        for listener in listeners
        if (name := _ours(listener.handler)) is not None and not inspect.ismethod(listener.handler)
    }
    listed = {(s.event, s.priority, s.name) for s in architecture.steps() if s.kind == "handler"}
    assert connected == listed


def test_the_table_lists_every_transform_a_build_applies(make_app, tmp_path):
    write_tree(
        tmp_path, {"conf.py": 'extensions = ["sphinx_comparisons"]\n', "index.md": "# Home\n"}
    )
    app = make_app("html", srcdir=tmp_path)
    applied = {
        (cls.default_priority, name)
        for cls in [*app.registry.get_transforms(), *app.registry.get_post_transforms()]
        if (name := _ours(cls)) is not None
    }
    listed = {(s.priority, s.name) for s in architecture.steps() if "transform" in s.kind}
    assert applied == listed


def test_every_step_says_what_it_does():
    assert [step.name for step in architecture.steps() if not step.does] == []
