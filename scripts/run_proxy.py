"""Several app processes behind nginx on one machine (`make run-proxy`, issue #17).

Streamlit runs every session of a server in one Python process, about one core. This starts
`--apps` processes of `serve.py` on free loopback ports, all on the same DATABASE_URL (the
workshops are the only shared state), and Debian's nginx in front of them on `--port`, run as
the current user with a config written into a git-ignored folder (build/proxy/: config, pid,
the logs of the last run, temporary files):

- Streamlit's own page files (/static/…, favicon.png, manifest.json) come from a copy of the
  installed package's static/ folder with a gzip copy of each text file (nginx's gzip_static),
  the content-hashed ones cached for a year: the Python processes never serve them. nginx adds
  the app's security headers (lib/http_guard.py) to them.
- Everything else goes to the app processes, sticky (see the config's comments): the page
  document (with the app's own security headers), /_stcore/… (the websocket, uploads), /media/….
- /app/static/ (the map boundaries each app writes into static/) is served from this machine's
  static/ folder when the file is there, else by the app.

Ctrl-C (or SIGTERM) stops nginx and every app process. The room bench (`bench/bench_room.py
--proxy`) and tests/browser/test_proxy_browser.py start the same set-up (`proxied_apps`).
"""

from __future__ import annotations

import argparse
import grp
import gzip
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lib.http_guard import (  # noqa: E402
    inline_script_hashes,
    security_header_values,
    streamlit_index_html,
)
from scripts.local_server import ServerURL, free_port, start_streamlit, wait_healthy  # noqa: E402

NGINX = "nginx"  # Debian's /usr/sbin/nginx: `make nginx` installs it
BUILD = ROOT / "build"
ROUTE_COOKIE = "tfa_route"
GZIPPED = {".js", ".css", ".html", ".json", ".svg", ".txt", ".map"}
HASHED_MAX_AGE = 365 * 24 * 3600  # as Streamlit's own server for its hashed files


class ProxyError(RuntimeError):
    """nginx is missing or did not start (the sentence says why)."""


class NginxTemplate(Template):
    delimiter = "%"  # nginx's own variables start with $


CONFIG = NginxTemplate("""\
# Written by scripts/run_proxy.py at every start: edit that file, not this one.
daemon off;  # a child of the launcher, which stops it
worker_processes auto;
%user
pid %run/nginx.pid;
error_log %run/error.log warn;
events {
    worker_connections 4096;  # a phone holds two while its page is open (browser, app)
}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    # above the upload widget's own limit (server.maxUploadSize = 50 MB), which speaks first
    client_max_body_size 64m;
    client_body_temp_path %run/temp/body;
    proxy_temp_path %run/temp/proxy;
    fastcgi_temp_path %run/temp/fastcgi;
    uwsgi_temp_path %run/temp/uwsgi;
    scgi_temp_path %run/temp/scgi;

    # Sticky sessions. A Streamlit session (widget values, uploaded files, media) lives in the
    # process holding its websocket, so every request of one browser must reach that process.
    # Open-source nginx has no `sticky` directive, and `ip_hash` would send a whole room behind
    # one Wi-Fi (one address) to one process: a cookie names the browser's route instead. The
    # first answer (the page document) sets it to the id of the request that was routed by that
    # same id, so the document, the page's probes, the websocket and the uploads that follow all
    # hash to one process. `consistent`: a process added or gone moves only its own routes.
    map $cookie_%cookie $tfa_route {
        "" $request_id;
        default $cookie_%cookie;
    }
    map $cookie_%cookie $tfa_route_cookie {
        "" "%cookie=$request_id; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }
    map $http_upgrade $connection_upgrade {  # the websocket's upgrade, else a kept-alive request
        default upgrade;
        "" "";
    }
    upstream tfa_apps {
        hash $tfa_route consistent;
%servers
        keepalive 32;
    }
    # the path without its query string: no workshop code or participant token in the log
    log_format tfa 'route=$tfa_route upstream=$upstream_addr status=$status '
                   'bytes=$body_bytes_sent seconds=$request_time "$request_method $uri"';
    access_log %run/access.log tfa;

    gzip on;  # what has no gzip copy: the app's static files (map boundaries)
    gzip_types text/css application/javascript application/json image/svg+xml;
    gzip_vary on;

    server {
        listen %listen;
        proxy_http_version 1.1;
        proxy_set_header Host $http_host;  # Streamlit's websocket checks Origin against Host
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        # inherited by the locations below that set no header of their own: the app's
        add_header Set-Cookie $tfa_route_cookie;

        location / {  # the page document, /_stcore/… (health, uploads), /media/…
            proxy_pass http://tfa_apps;
        }
        location = /_stcore/stream {  # the websocket, open as long as the page
            proxy_pass http://tfa_apps;
            proxy_read_timeout 1d;
            proxy_send_timeout 1d;
        }
        location @app {
            proxy_pass http://tfa_apps;
        }
        location /static/ {  # Streamlit's page files, named by their content's hash
            root %page_files;
            gzip_static on;
%headers
            add_header Cache-Control "public, immutable, max-age=%max_age" always;
        }
        location ~ ^/(favicon\\.png|manifest\\.json)$ {
            root %page_files;
            gzip_static on;
%headers
            add_header Cache-Control "no-cache" always;
        }
        location /app/static/ {
            alias %app_static/;
            try_files $uri @app;
%headers
        }
    }
}
""")


def page_files_root(build: Path = BUILD) -> Path:
    """A copy of Streamlit's static/ folder with a .gz beside each text file gzip shrinks
    (nginx's gzip_static sends it as is): made once per Streamlit version."""
    import streamlit

    target = build / f"streamlit-static-{streamlit.__version__}"
    if target.is_dir():
        return target
    build.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=build) as scratch:
        copy = Path(scratch) / "static"
        shutil.copytree(Path(streamlit.__file__).parent / "static", copy)
        for path in list(copy.rglob("*")):
            if path.suffix in GZIPPED:
                data = path.read_bytes()
                packed = gzip.compress(data, compresslevel=9, mtime=0)
                if len(packed) < len(data):
                    path.with_name(path.name + ".gz").write_bytes(packed)
        with suppress(OSError):  # another run made it meanwhile
            copy.rename(target)
    return target


def header_lines(indent: str = " " * 12) -> str:
    """nginx `add_header` lines for the app's security headers (lib/http_guard.py)."""
    headers = security_header_values(inline_script_hashes(streamlit_index_html()))
    for value in headers.values():
        if any(char in value for char in '"$\\'):
            raise ValueError(f"a header value nginx would not read as is: {value}")
    return "\n".join(
        f'{indent}add_header {name} "{value}" always;' for name, value in headers.items()
    )


def nginx_config(upstreams: Sequence[str], listen: str, run_dir: Path, page_files: Path) -> str:
    """The config of an nginx in front of `upstreams` (host:port), listening on `listen`."""
    user = ""
    if os.geteuid() == 0:  # the workers would otherwise run as nobody
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
    return CONFIG.substitute(
        user=user,
        run=run_dir,
        cookie=ROUTE_COOKIE,
        servers="\n".join(f"        server {upstream};" for upstream in upstreams),
        listen=listen,
        page_files=page_files,
        app_static=ROOT / "static",
        headers=header_lines(),
        max_age=HASHED_MAX_AGE,
    )


@contextmanager
def nginx(upstreams: Sequence[str], address: str, port: int, run_dir: Path):
    """Run nginx in front of `upstreams` until the block ends; yields its process."""
    executable = shutil.which(NGINX)
    if executable is None:
        raise ProxyError("nginx is not installed: `make nginx` installs Debian's package")
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / "temp" / folder).mkdir(parents=True, exist_ok=True)
    config = run_dir / "nginx.conf"
    config.write_text(nginx_config(upstreams, f"{address}:{port}", run_dir, page_files_root()))
    error_log = run_dir / "error.log"
    for log in (error_log, run_dir / "access.log"):  # the logs of this run only
        log.write_text("")
    command = [executable, "-p", str(run_dir), "-c", str(config), "-e", str(error_log)]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    try:
        try:
            wait_healthy(f"http://{local(address)}:{port}", process, timeout=30, name="nginx")
        except (RuntimeError, TimeoutError) as error:
            log = error_log.read_text() if error_log.exists() else ""
            raise ProxyError(f"{error}: {log[-2000:]}") from None
        yield process
    finally:
        process.terminate()  # fast shutdown: open websockets are closed
        process.wait(timeout=20)


def local(address: str) -> str:
    """The address to reach a server listening on `address` from this machine."""
    return "127.0.0.1" if address in ("0.0.0.0", "") else address


@contextmanager
def app_servers(
    script: Path, count: int, options: Sequence[str] = (), env: Mapping[str, str] | None = None
) -> Iterator[list[ServerURL]]:
    """`count` Streamlit processes of `script` (same options and environment); their URLs."""
    with ExitStack() as stack:
        yield [
            stack.enter_context(start_streamlit(script, free_port(), options, env))
            for _ in range(count)
        ]


@dataclass
class Proxy:
    """nginx in front of app processes, as `proxied_apps` started them."""

    url: str  # where browsers connect
    apps: list[ServerURL]  # the app processes behind it (`.process` each)
    process: subprocess.Popen  # nginx's master process
    run_dir: Path  # config, logs (access.log: one line per request, see `log_format`)


@contextmanager
def proxied_apps(
    script: Path,
    count: int,
    env: Mapping[str, str],
    options: Sequence[str] = (),
    port: int | None = None,
    address: str = "127.0.0.1",
    run_dir: Path | None = None,
    remote: Sequence[str] = (),
) -> Iterator[Proxy]:
    """`count` processes of `script` behind nginx on `address:port` (a free port by default),
    with the app servers already running at `remote` (host:port, other machines) if any; its
    files in `run_dir` (a temporary folder by default)."""
    with ExitStack() as stack:
        if run_dir is None:
            run_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tfa-proxy-")))
        apps = stack.enter_context(app_servers(script, count, options, env))
        port = port or free_port()
        upstreams = [urlparse(app).netloc for app in apps] + list(remote)
        process = stack.enter_context(nginx(upstreams, address, port, run_dir))
        yield Proxy(f"http://{local(address)}:{port}", apps, process, run_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=int, default=2, help="app processes (about a core each)")
    parser.add_argument("--port", type=int, default=8501, help="nginx's port")
    parser.add_argument("--address", default="0.0.0.0", help="nginx's address (all by default)")
    parser.add_argument("--run-dir", type=Path, default=BUILD / "proxy", help="config and logs")
    parser.add_argument(
        "--upstream", action="append", default=[], metavar="HOST:PORT",
        help="an app server on another machine, same DATABASE_URL and Streamlit (repeatable)",
    )  # fmt: skip
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit(
            "run_proxy.py: set DATABASE_URL to the PostgreSQL every app process shares "
            "(`make run-proxy` starts a local one)"
        )
    if args.apps + len(args.upstream) < 1:
        sys.exit("run_proxy.py: no app server (--apps 0 and no --upstream)")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop everything as Ctrl-C does
    args.run_dir.mkdir(parents=True, exist_ok=True)
    try:
        with proxied_apps(
            ROOT / "serve.py", args.apps, {}, port=args.port, address=args.address,
            run_dir=args.run_dir.resolve(), remote=args.upstream,
        ) as proxy:  # fmt: skip
            print(f"http://{local(args.address)}:{args.port}: nginx in front of", flush=True)
            for app in proxy.apps:
                print(f"  {app} (pid {app.process.pid})", flush=True)
            for upstream in args.upstream:
                print(f"  http://{upstream} (another machine)", flush=True)
            print(f"logs: {args.run_dir}/, artifacts/streamlit-serve-<port>.log; Ctrl-C stops")
            children = [proxy.process, *(app.process for app in proxy.apps)]
            while all(child.poll() is None for child in children):
                time.sleep(1)
            sys.exit("run_proxy.py: a process stopped on its own; everything is stopped")
    except KeyboardInterrupt:
        pass
    except ProxyError as error:
        sys.exit(f"run_proxy.py: {error}")


if __name__ == "__main__":
    main()
