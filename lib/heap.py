"""The server's garbage collection, set for many small reruns (a room of phones voting).

Streamlit runs a full collection after every script run by default (`runner.postScriptGC`):
~130 ms of CPU per rerun over this app's heap, for any page, measured on a participant's vote.
The project turns it off (`.streamlit/config.toml`); Python's own generational collection still
frees cycles. Once the first run has imported and loaded what every run shares (the data, the
libraries), `freeze_once` moves those objects out of the collector's sight, so the automatic
full collections that still happen scan only what the sessions create."""

import gc

_frozen = False


def freeze_once() -> None:
    """Collect once, then freeze what survives (the first call in the process only)."""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True
