"""Server entry (`streamlit run serve.py`): the app of `app.py` behind the project's HTTP rules
(security headers, private metrics; `lib/http_guard.py`), Streamlit's page files answered from
memory and compressed (`lib/static_cache.py`), and its error sentence for failures outside a
page (widget callbacks, fragment reruns). `app.py` alone still runs, without them."""

import streamlit as st
from starlette.middleware import Middleware

from lib.http_guard import SecurityHeaders
from lib.static_cache import PageFilesFromMemory


def show_script_error(error: Exception) -> bool:
    """Errors outside a page's boundary: the same sentence with a reference as inside."""
    from lib.session import show_unexpected_error  # imported at run time, inside the runtime

    return show_unexpected_error(error)


app = st.App(
    "app.py",
    middleware=[  # the first wraps the others: every response gets the security headers
        Middleware(SecurityHeaders),
        Middleware(PageFilesFromMemory, base_path=st.get_option("server.baseUrlPath")),
    ],
    on_script_error=show_script_error,
)
