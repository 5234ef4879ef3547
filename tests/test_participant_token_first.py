"""A participant's token reaches the address bar before the ballot is drawn (issue #20's flaky
test, its cause): the server's messages after "Rejoindre", read in the order a browser gets
them, over Streamlit's own websocket protocol against the app as `make run` serves it."""

from bench import bench_room
from bench.room.apart import run_apart
from bench.room.database import scratch_database
from bench.room.pages import ParticipantPage
from bench.room.session import Session


class RecordingSession(Session):
    """A tab that also notes, in order, the URL changes and the widgets drawn."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.events: list[tuple[str, str]] = []

    def _handle(self, message):
        kind = message.WhichOneof("type")
        if kind == "page_info_changed":
            self.events.append(("url", message.page_info_changed.query_string))
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            widget = element.WhichOneof("type")
            self.events.append(("drawn", getattr(getattr(element, widget), "id", "") or widget))
        super()._handle(message)


def test_the_token_is_in_the_url_before_the_ballot_is_drawn():
    with scratch_database() as env:
        _engine, workshop, _key = bench_room.create_workshop(env)
        page = ParticipantPage(workshop.code)
        with bench_room.servers(bench_room.ROOT / "serve.py", 1, [], env) as started:

            async def join():
                session = RecordingSession(started.urls[0], page.path, {}, timeout=60)
                await session.connect()
                try:
                    await session.rerun()
                    session.events.clear()
                    await session.rerun(trigger=page.join_button(session))
                    return session.events, session.param("p")
                finally:
                    await session.close()

            events, token = run_apart(join())
    assert token
    first_url = next(i for i, (kind, value) in enumerate(events) if kind == "url" and "p=" in value)
    profile = next(i for i, (kind, value) in enumerate(events) if value.endswith("-ws_actor"))
    assert first_url < profile
