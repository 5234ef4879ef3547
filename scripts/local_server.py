"""Local Streamlit servers for the proxy launcher, the benches and the tests: a free port, a
process of `streamlit run` logged into `artifacts/`, and its health check. Standard library only:
`make run-proxy` uses it on a venv without the test tools."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(
    url: str, process: subprocess.Popen, timeout: float = 60, name: str = "streamlit"
) -> None:
    """Return once `url` answers its health check (a Streamlit server or a proxy in front)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{name} did not become healthy")


@contextmanager
def start_streamlit(
    script: Path, port: int, options: Sequence[str] = (), env: Mapping[str, str] | None = None
):
    """Run `streamlit run script` on 127.0.0.1:port, with further command-line `options` and
    environment variables `env`; yields the URL (the process in `.process`)."""
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"streamlit-{script.stem}-{port}.log"
    command = [
        sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", *options,
    ]  # fmt: skip
    with log.open("w") as handle:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"},
        )
        url = ServerURL(f"http://127.0.0.1:{port}")
        url.process = process
        try:
            wait_healthy(url, process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)


class ServerURL(str):
    """The server's base URL, carrying its process (for memory measurements)."""

    process: subprocess.Popen
