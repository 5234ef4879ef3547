"""The server's collection settings: no full collection after each run, the shared heap frozen
once after the first run."""

import tomllib
from pathlib import Path

from lib import heap

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


class RecordingGc:
    def __init__(self):
        self.calls: list[str] = []

    def collect(self):
        self.calls.append("collect")

    def freeze(self):
        self.calls.append("freeze")


def test_the_heap_is_collected_then_frozen_on_the_first_call_only(monkeypatch):
    recording = RecordingGc()
    monkeypatch.setattr(heap, "gc", recording)
    monkeypatch.setattr(heap, "_frozen", False)
    heap.freeze_once()
    heap.freeze_once()
    assert recording.calls == ["collect", "freeze"]


def test_streamlit_runs_no_full_collection_after_each_run():
    runner = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["runner"]
    assert runner["postScriptGC"] is False
