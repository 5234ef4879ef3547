"""The pages the room uses, as a person sees them: the app's participant page and organiser
screen (found by widget keys and French labels; a PageError names what changed), and the floor,
a bare page with one button that stands for every tap.

A phone's page gives: the widget to click to join, the widget to set for each choice of a
ballot (slot 0 the profile, then the ranked domains: a form, kept on the phone until sent), the
send button, and what the page must show after each step."""

from __future__ import annotations

from streamlit.proto.Alert_pb2 import Alert

from bench.room.session import PageError, Session
from lib.i18n import t

LANG = "fr"
FLOOR_APP = "bench/room/bare_app.py"


class ParticipantPage:
    """`views/participer.py`, opened from the workshop's link."""

    def __init__(self, code: str):
        self.path = f"/participer?code={code}"

    def join_button(self, session: Session) -> str:
        return session.find("button", label=t("ws_join_button", LANG)).id

    def check_joined(self, session: Session) -> None:
        if not session.param("p"):
            raise PageError("joining put no participant token (p) in the URL")

    def token(self, session: Session) -> str | None:
        return session.param("p")

    def choose(self, session: Session, slot: int, label: str) -> None:
        """Set choice `slot` of the ballot to `label` (sent with the form)."""
        kind, key = ("radio", "ws_actor") if slot == 0 else ("selectbox", f"ws_choice_{slot - 1}")
        widget = session.find(kind, key=key)
        if label not in widget.options:
            raise PageError(f"{key} does not offer {label!r} (offers: {list(widget.options)})")
        session.set_value(widget.id, string_value=label)

    def send_button(self, session: Session) -> str:
        return session.find("button", key="ws_send").id

    def check_sent(self, session: Session) -> None:
        if t("ws_thanks", LANG) not in session.alerts(Alert.SUCCESS):
            raise PageError("the vote was not confirmed (no thanks message after sending)")


class OrganiserScreen:
    """`views/atelier.py`: the workshop run with its organiser key, live results redrawn."""

    def __init__(self, code: str, key: str):
        self.code, self.key = code, key
        self.path = f"/atelier?code={code}"

    async def open(self, session: Session) -> None:
        """Type the code and key in the pilot form (on the page drawn) and send it."""
        code_field = session.find("text_input", key="ws_pilot_code")
        key_field = session.find("text_input", key="ws_pilot_key")
        submit = [
            element.button.id
            for element in session.elements.values()
            if element.WhichOneof("type") == "button"
            and element.button.is_form_submitter
            and element.button.form_id == key_field.form_id
        ]
        if not submit:
            raise PageError("the organiser's key form has no submit button")
        session.set_value(code_field.id, string_value=self.code)
        session.set_value(key_field.id, string_value=self.key)
        await session.rerun(trigger=submit[0])

    def participants(self, session: Session) -> int | None:
        """The participant count the screen shows."""
        return int(session.find("metric", label=t("ws_participants", LANG)).body)


class FloorPage:
    """The bare page: every tap that reaches the server is a click on its one button."""

    path = "/"

    def join_button(self, session: Session) -> str:
        return session.find("button", key="send").id

    send_button = join_button

    def choose(self, _session: Session, _slot: int, _label: str) -> None:
        pass  # a choice stays on the phone, as the participant page's form

    def check_joined(self, _session: Session) -> None:
        pass

    check_sent = check_joined

    def token(self, _session: Session) -> None:
        return None


class FloorScreen:
    """The bare page with its fragment redrawn every few seconds."""

    path = "/?screen=1"

    async def open(self, _session: Session) -> None:
        pass  # the fragment is on the page drawn

    def participants(self, _session: Session) -> None:
        return None
