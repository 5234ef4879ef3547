"""One browser tab's Streamlit session over the websocket at `/_stcore/stream`, spoken as the
frontend does: a `rerun_script` BackMsg per interaction (query string, page, every widget value
it holds, the hashes of the messages it cached, the browser's context), then ForwardMsgs until
`script_finished`. The page's elements of the last run are kept to find widgets and read texts.
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import parse_qs

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ContextInfo
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

XSRF_COOKIE = "_streamlit_xsrf"
NO_XSRF = "PLACEHOLDER_AUTH_TOKEN"  # what the frontend offers when it has no XSRF cookie
FINISHED = {
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
TIMEZONE, TIMEZONE_OFFSET, LOCALE = "Europe/Paris", -60, "fr-FR"


class PageError(Exception):
    """The server's answer is not what a person would expect (a sentence saying what)."""


class Session:
    """A tab opened at `base_url + path` (`path` with its query string), after its page files
    were fetched by `cookies` (the XSRF cookie the server set)."""

    def __init__(self, base_url: str, path: str, cookies: dict[str, str], timeout: float):
        self.base_url, self.timeout = base_url, timeout
        self.page, _, self.query = path.lstrip("/").partition("?")
        self.page_name, self.page_hash = self.page, ""  # the frontend's first rerun names the page
        self.cookies = cookies
        self.values: dict[str, WidgetState] = {}  # widget values the person has set
        self.elements: dict[tuple[int, ...], Element] = {}  # the page of the last run
        self.cache: dict[str, ForwardMsg] = {}  # cacheable messages, by hash
        self.auto_rerun: tuple[str, float] | None = None  # (fragment id, seconds)
        self.ws = None
        self.reader: asyncio.Task | None = None
        self.finished: asyncio.Future | None = None

    async def connect(self) -> None:
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        self.ws = await websockets.connect(
            self.base_url.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=["streamlit", self.cookies.get(XSRF_COOKIE, NO_XSRF)],
            origin=self.base_url,
            additional_headers={"Cookie": cookie} if cookie else None,
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
        )
        self.reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.gather(self.reader, return_exceptions=True)

    # --- interactions ---------------------------------------------------------------------------

    def set_value(self, widget_id: str, **value) -> None:
        """A value the person chose (kept and sent with every later rerun, as the frontend)."""
        self.values[widget_id] = WidgetState(id=widget_id, **value)

    async def rerun(
        self, trigger: str | None = None, fragment_id: str = "", auto: bool = False
    ) -> float:
        """Send a rerun (with a one-shot button `trigger`), wait for the script to finish;
        returns the seconds from sending to `script_finished`."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash, state.page_name = self.page_hash, self.page_name
        state.fragment_id, state.is_auto_rerun = fragment_id, auto
        state.widget_states.widgets.extend(self.values.values())
        if trigger:
            state.widget_states.widgets.add(id=trigger, trigger_value=True)
        state.cached_message_hashes.extend(self.cache)
        state.context_info.CopyFrom(
            ContextInfo(
                timezone=TIMEZONE,
                timezone_offset=TIMEZONE_OFFSET,
                locale=LOCALE,
                url=f"{self.base_url}/{self.page}",  # the frontend drops the query string
                is_embedded=False,
                color_scheme="light",
            )
        )
        self.finished = asyncio.get_running_loop().create_future()
        start = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        try:
            status = await asyncio.wait_for(self.finished, self.timeout)
        except TimeoutError:
            raise PageError(f"no answer within {self.timeout:g} s") from None
        if status not in FINISHED:
            raise PageError(f"script finished with {ForwardMsg.ScriptFinishedStatus.Name(status)}")
        elapsed = time.perf_counter() - start
        if not fragment_id:  # the frontend forgets the widgets no longer on the page
            shown = {self.widget_id(element) for element in self.elements.values()}
            self.values = {key: value for key, value in self.values.items() if key in shown}
        self._raise_shown_errors()
        return elapsed

    # --- what the page shows --------------------------------------------------------------------

    def param(self, name: str) -> str | None:
        """A parameter of the tab's URL (the server rewrites it)."""
        return parse_qs(self.query).get(name, [None])[0]

    @staticmethod
    def widget_id(element: Element) -> str:
        kind = element.WhichOneof("type")
        return getattr(getattr(element, kind), "id", "") if kind else ""

    def find(self, kind: str, *, key: str | None = None, label: str | None = None):
        """The element of `kind` (e.g. "button") with widget `key` or `label`, or PageError."""
        for element in self.elements.values():
            if element.WhichOneof("type") != kind:
                continue
            inner = getattr(element, kind)
            if (key and inner.id.endswith(f"-{key}")) or (label and inner.label == label):
                return inner
        wanted = f"key {key!r}" if key else f"label {label!r}"
        seen = sorted(
            f"{element.WhichOneof('type')} {self.widget_id(element).rsplit('-', 1)[-1]}"
            for element in self.elements.values()
            if self.widget_id(element)
        )
        raise PageError(f"the page has no {kind} with {wanted} (widgets: {', '.join(seen)})")

    def alerts(self, kind: int) -> list[str]:
        """The bodies of the alerts of `kind` (Alert.ERROR, Alert.SUCCESS...) on the page."""
        return [
            element.alert.body
            for element in self.elements.values()
            if element.WhichOneof("type") == "alert" and element.alert.format == kind
        ]

    def _raise_shown_errors(self) -> None:
        shown = self.alerts(Alert.ERROR) + [
            element.exception.message
            for element in self.elements.values()
            if element.WhichOneof("type") == "exception"
        ]
        if shown:
            raise PageError(f"the page shows an error: {shown[0]}")

    # --- messages from the server ---------------------------------------------------------------

    async def _read(self) -> None:
        problem = PageError("the server closed the websocket")
        try:
            async for raw in self.ws:
                message = ForwardMsg()
                message.ParseFromString(raw)
                self._handle(message)
        except websockets.ConnectionClosed:
            pass
        except PageError as error:
            problem = error
        finally:
            if self.finished is not None and not self.finished.done():
                self.finished.set_exception(problem)

    def _handle(self, message: ForwardMsg) -> None:
        if message.metadata.cacheable:
            self.cache[message.hash] = message
        if message.WhichOneof("type") == "ref_hash":  # a cached message, at a new place
            if message.ref_hash not in self.cache:
                raise PageError(f"the server referred to a message never sent ({message.ref_hash})")
            resolved = ForwardMsg()
            resolved.CopyFrom(self.cache[message.ref_hash])
            resolved.metadata.CopyFrom(message.metadata)
            message = resolved
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.page_hash = message.new_session.page_script_hash
            self.page_name = ""
            self.elements = {}
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self.elements[tuple(message.metadata.delta_path)] = message.delta.new_element
        elif kind == "navigation":  # st.navigation names the page it ran
            self.page_hash = message.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "auto_rerun":
            self.auto_rerun = (message.auto_rerun.fragment_id, message.auto_rerun.interval)
        elif kind == "script_finished" and self.finished is not None and not self.finished.done():
            self.finished.set_result(message.script_finished)
