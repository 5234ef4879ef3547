"""Run a coroutine on an event loop of its own thread: the caller's thread may already run one
(the test session's Playwright browser keeps a loop running in the main thread)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_apart(coroutine: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(coroutine)` in a fresh thread; its result (or its exception) here."""
    with ThreadPoolExecutor(1, thread_name_prefix="room-loop") as pool:
        return pool.submit(asyncio.run, coroutine).result()
