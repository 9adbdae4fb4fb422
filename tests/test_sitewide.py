"""Site-wide facts survive the saved environment but not a forked reader's reply."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import pickle
from types import SimpleNamespace

from sphinx_comparisons.site import sitewide


def _pickled_in_child(env: SimpleNamespace, pipe: multiprocessing.connection.Connection) -> None:
    pipe.send_bytes(pickle.dumps(env))


def test_a_forked_reader_sends_them_back_empty():
    env = SimpleNamespace()
    sitewide.put(env, "facts", {"page": "/page/"})
    reader, writer = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_pickled_in_child, args=(env, writer)
    )
    child.start()
    returned = pickle.loads(reader.recv_bytes())
    child.join()
    assert sitewide.get(returned, "facts") is None
    assert sitewide.get(returned, "facts", {}) == {}
    assert sitewide.get(env, "facts") == {"page": "/page/"}


def test_the_saved_environment_keeps_them_across_builds():
    env = SimpleNamespace()
    sitewide.put(env, "facts", {"page": "/page/"})
    loaded = pickle.loads(pickle.dumps(env))  # the next build loads what this one saved
    again = pickle.loads(pickle.dumps(loaded))  # and saves it again
    assert sitewide.get(again, "facts") == {"page": "/page/"}
