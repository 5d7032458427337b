"""One writer at a time: a second writer is told who holds the store; readers keep working."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import pytest

from kg.store.embedded import EmbeddedStore, StoreBusy
from kg.store.sources import open_source
from tests.local_site import serve

HOLD = """
import sys, time
from kg.store.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
store.ox.update("INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/p> 'held' } }")
store.ox.flush()
print("ready", flush=True)
time.sleep(60)
"""


@pytest.fixture
def held_store(tmp_path):
    path = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield path, holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_a_second_writer_is_told_which_process_writes(held_store):
    path, pid = held_store
    with pytest.raises(StoreBusy) as caught:
        EmbeddedStore(path)
    assert str(caught.value) == (
        f"the store {path} is being written by another kg process (pid {pid}); wait for it or use another --store"
    )


def test_readers_work_while_a_writer_holds_the_store(held_store):
    path, _ = held_store
    store = open_source(path)
    assert [q.object.value for q in store] == ["held"]


def test_the_lock_goes_with_the_process(held_store):
    path, _ = held_store
    with pytest.raises(StoreBusy):
        EmbeddedStore(path)
    held_store_process_ends = subprocess.run(["kill", "-9", str(held_store[1])])
    assert held_store_process_ends.returncode == 0
    for _ in range(50):  # the kernel drops the lock when the process is gone
        try:
            store = EmbeddedStore(path)
            break
        except StoreBusy:
            time.sleep(0.1)
    assert len(store) == 1


def test_a_second_build_exits_2_with_one_line(held_store, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    path, pid = held_store
    (tmp_path / "a.txt").write_text("Talks in Lima\n\nThe envoy met the minister in Lima.", encoding="utf-8")
    arguments = ["build", str(tmp_path / "a.txt"), "--store", str(path), "-o", str(tmp_path / "o")]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 2
    assert f"being written by another kg process (pid {pid})" in result.output
    assert "Traceback" not in result.output


def test_export_into_a_closed_pipe_ends_quietly(seed_build):
    out, _ = seed_build
    done = subprocess.run(
        f"{sys.executable} -m kg export {out / 'store'} --format nt | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert len(done.stdout) == 10
    assert done.stderr == ""


def test_two_concurrent_builds_the_second_refused_the_store_valid_after(tmp_path):
    """The first build holds the store while it waits for an article from a local server that answers
    only once the second build has been refused, so the two surely overlap whatever the machine's speed."""
    from kg.store.validate import validate
    from tests.conftest import SAMPLES

    second_refused = threading.Event()
    article = b"<html><head><title>Talks in Lima</title></head><body><article><p>"
    article += b"The envoy met the minister in Lima on Monday to discuss the border.</p></article></body></html>"
    site = serve({"/talks.html": ("text/html; charset=utf-8", article)}, answer_when=second_refused)
    store = tmp_path / "store"
    command = [sys.executable, "-m", "kg", "build", "--store", str(store), "--workers", "1"]
    with site as base:
        url = f"{base}/talks.html"
        first = subprocess.Popen(
            [*command, url, str(SAMPLES), "-o", str(tmp_path / "one")], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        lock = store / "kg-writer.lock"
        deadline = time.monotonic() + 120
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = subprocess.run(
            [*command, str(SAMPLES), "-o", str(tmp_path / "two")], capture_output=True, text=True, timeout=300
        )
        second_refused.set()
        assert first.wait(timeout=600) == 0, first.stderr.read().decode()
    assert second.returncode == 2, second.stderr
    assert f"being written by another kg process (pid {first.pid})" in second.stderr
    assert "Traceback" not in second.stderr
    assert validate(store).conforms
    assert json.loads((tmp_path / "one" / "summary.json").read_text())["documents_built"] == 8
