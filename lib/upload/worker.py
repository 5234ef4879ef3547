"""Read one upload in a separate process, bounded in time and memory.

`read_isolated` runs `python -m lib.upload.worker` with the file on stdin and gets the table
back as JSON on stdout. The child caps its own address space (RLIMIT_AS) and CPU time, lowers
its priority and imports only the reading code (`lib.upload.read`, no pandas); the parent kills
it after the time limit, and never runs more than UPLOAD_PARALLEL_PARSES of them at once. A
file crossing a limit, a timeout, memory exhaustion or a crash (logged, never shown) each give
a keyed `UploadError` (lib.i18n); the server's own memory never holds more than the table read.
"""

from __future__ import annotations

import json
import logging
import math
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

from lib.i18n import Message
from lib.settings import (
    UPLOAD_BYTES,
    UPLOAD_PARALLEL_PARSES,
    UPLOAD_PARSE_MEMORY,
    UPLOAD_PARSE_SECONDS,
)
from lib.upload.read import Table, UploadError, read_table

ROOT = Path(__file__).resolve().parents[2]
MEMORY_EXIT = 3  # the child's exit code when it ran out of memory
# The child's whole environment (nothing inherited: the server's variables stay there): one
# thread for numerical libraries; openpyxl parses with the C-accelerated ElementTree rather than
# defusedxml's pure-Python parser (3× faster on a large sheet): with expat >= 2.4.1 it is not
# open to entity expansion ("billion laughs") and ElementTree never fetches external entities;
# the child is bounded in time and memory anyway.
_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
_ENV |= {"LC_ALL": "C.UTF-8", "OPENPYXL_DEFUSEDXML": "False"}
_SLOTS = threading.BoundedSemaphore(UPLOAD_PARALLEL_PARSES)
log = logging.getLogger(__name__)


def _encoded(message: Message) -> dict:
    """A message as JSON can carry it (see `_decoded`)."""
    return {"key": message.key, "values": message.values}


def _decoded(obj: dict) -> object:
    """A JSON object back as the message `_encoded` wrote, other objects unchanged."""
    return Message(obj["key"], obj["values"]) if obj.keys() == {"key", "values"} else obj


def read_isolated(
    kind: str,
    data: bytes,
    seconds: float = UPLOAD_PARSE_SECONDS,
    memory: int = UPLOAD_PARSE_MEMORY,
) -> Table:
    """`read_table(kind, data)` run in a worker process limited to `seconds` (wall clock) and
    `memory` bytes of address space."""
    if not _SLOTS.acquire(timeout=seconds):
        raise UploadError("upload_worker_busy")
    command = [sys.executable, "-E", "-s", "-m", "lib.upload.worker", kind, str(memory)]
    command.append(str(math.ceil(seconds)))
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=seconds, cwd=ROOT, env=_ENV
        )
    except subprocess.TimeoutExpired:  # run() has killed the worker
        raise UploadError("upload_worker_timeout", seconds=math.ceil(seconds)) from None
    finally:
        _SLOTS.release()
    if done.returncode == MEMORY_EXIT:
        raise UploadError("upload_worker_memory", mb=memory // 1024**2)
    if done.returncode:  # a crash: what the worker printed is for the logs, not the user
        stderr = done.stderr[-2000:].decode("utf-8", "replace")
        log.warning("upload worker exited with %s: %s", done.returncode, stderr)
        raise UploadError("upload_worker_crash")
    answer = json.loads(done.stdout, object_hook=_decoded)
    if "error" in answer:
        raise UploadError(answer["error"].key, **answer["error"].values)
    return Table(**answer["table"])


def _bound(memory: int, seconds: int) -> None:
    """Cap this process's address space and CPU time; leave the CPU to the server first."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds + 1, seconds + 2))  # if orphaned
    os.nice(10)


def _openpyxl_for_reading() -> None:
    """openpyxl without numpy and Pillow (imported when installed, for writing and images:
    0.1-0.2 s), and without measuring each read-only sheet as the workbook opens (a sheet
    lacking `<dimension>` is then parsed whole: 44 MB of hostile XML took 15 s; rows are never
    padded to a dimension here anyway). Only in this process."""
    sys.modules.update(numpy=None, PIL=None)
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # openpyxl 3.1 (pinned)

    ReadOnlyWorksheet._get_size = lambda _sheet: None


def main(argv: list[str]) -> None:
    """Worker: argv = kind, memory (bytes), seconds; the file on stdin; JSON on stdout."""
    kind, memory, seconds = argv[0], int(argv[1]), int(argv[2])
    _bound(memory, seconds)
    try:
        data = sys.stdin.buffer.read(UPLOAD_BYTES + 1)
        try:
            table = read_table(kind, data, before_openpyxl=_openpyxl_for_reading)
            answer: dict[str, object] = {"table": vars(table)}
        except UploadError as error:
            answer = {"error": Message(error.key, error.values)}
        text = json.dumps(answer, ensure_ascii=False, default=_encoded)
        sys.stdout.buffer.write(text.encode())
    except MemoryError:
        os._exit(MEMORY_EXIT)


if __name__ == "__main__":
    main(sys.argv[1:])
