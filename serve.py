"""Server entry (`streamlit run serve.py`): the app of `app.py` behind the project's HTTP rules
(security headers, private metrics; `lib/http_guard.py`), Streamlit's page files answered from
memory and compressed, the page announcing its first widgets' files (`lib/static_cache.py`),
the embedded data loaded as the server starts, and its error sentence for failures outside a
page (widget callbacks, fragment reruns). `app.py` alone still runs, without them."""

import logging
import threading
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from lib.http_guard import SecurityHeaders
from lib.static_cache import PageFilesFromMemory, PagePreloads


def show_script_error(error: Exception) -> bool:
    """Errors outside a page's boundary: the same sentence with a reference as inside."""
    from lib.session import show_unexpected_error  # imported at run time, inside the runtime

    return show_unexpected_error(error)


def load_data() -> None:
    """The embedded data, into the process's cache (a broken file is logged here and shown to
    the first visitor as always: a failed load is not cached)."""
    from lib import cached

    try:
        cached.embedded_dataset()
    except Exception:
        logging.getLogger(__name__).exception("embedded data not loaded at start-up")


@asynccontextmanager
async def warm_up(_app):
    """Load the data in the background as the server starts: the first visitors of a process
    (a room's first phones on a second process behind the proxy) do not wait seconds for it."""
    threading.Thread(target=load_data, name="warm-up", daemon=True).start()
    yield


app = st.App(
    "app.py",
    lifespan=warm_up,
    middleware=[  # the first wraps the others: every response gets the security headers
        Middleware(SecurityHeaders),
        Middleware(PagePreloads),
        Middleware(PageFilesFromMemory, base_path=st.get_option("server.baseUrlPath")),
    ],
    on_script_error=show_script_error,
)
