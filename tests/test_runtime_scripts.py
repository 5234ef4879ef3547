"""What `make run` and `make run-proxy` start needs only the runtime requirements: the proxy
launcher imports no test tool (its venv has none)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK_TEST_TOOLS = "import sys; sys.modules.update(pytest=None, playwright=None, hypothesis=None)"


def test_the_proxy_launcher_and_the_server_import_without_the_test_tools():
    for module in ("scripts.run_proxy", "scripts.local_server", "lib.static_cache", "lib.heap"):
        result = subprocess.run(
            [sys.executable, "-c", f"{BLOCK_TEST_TOOLS}; import {module}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, (module, result.stderr[-500:])
