"""The room: phones arriving over a window, each loading the page files, opening the participant
page, joining, then sending `votes` ballots (the first one whole, each later one changing one or
two choices), with a person's thinking time before every tap; one organiser screen open
meanwhile, refreshed as its browser would (a tick every interval of the page's auto-rerun)."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

from bench.room.httpget import Browser, all_of
from bench.room.page_files import PageFiles
from bench.room.session import PageError, Session

# "shell": the document and the files fetched before the websocket, part of "open" (the page
# drawn); then taps: "join", "vote" (send; the choices before it stay on the phone); "refresh":
# the organiser's live results.
KINDS = ("shell", "open", "join", "vote", "refresh")
Ballot = tuple[str, ...]  # profile label, then the domain labels in rank order


@dataclass(frozen=True)
class Plan:
    phones: int
    arrival_s: float  # phones arrive uniformly over this window
    think_s: tuple[float, float]  # a person's pause before each tap (uniform)
    votes: int  # ballots sent per phone: the first, then changes
    timeout_s: float  # an interaction unanswered after this is an error
    cached_share: float = 0.0  # share of phones that opened the app before (cached files)
    seed: int = 1


@dataclass(frozen=True)
class Options:
    """What a ballot is made of: profile labels, domain labels, domains to rank."""

    actors: list[str]
    domains: list[str]
    picks: int


@dataclass
class Record:
    """Seconds per interaction kind, and errors (who, what)."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    errors: list[str] = field(default_factory=list)
    votes_sent: int = 0


@dataclass
class Phone:
    """What a phone leaves: its participant token, its last ballot sent, its open tab."""

    token: str | None = None
    last_sent: Ballot | None = None
    session: Session | None = None


def ballots(rng: random.Random, options: Options, n: int) -> list[Ballot]:
    """`n` ballots: a whole first one, then each changing one or two choices of the one before."""
    drawn = [(rng.choice(options.actors), *rng.sample(options.domains, options.picks))]
    while len(drawn) < n:
        ballot = list(drawn[-1])
        for slot in rng.sample(range(len(ballot)), rng.randint(1, 2)):
            pool = options.actors if slot == 0 else options.domains
            ballot[slot] = rng.choice([choice for choice in pool if choice not in ballot])
        drawn.append(tuple(ballot))
    return drawn


async def load_page(base_url: str, path: str, files: PageFiles, cached: bool, timeout: float):
    """Fetch the document and the files wanted before the websocket, open it and run the page
    while the later files load. Returns the session, its page drawn, and the seconds spent
    before the websocket."""
    address = urlparse(base_url)
    page = path.lstrip("/").partition("?")[0]
    browser = Browser(address.hostname, address.port)
    start = time.perf_counter()
    try:
        await browser.fetch(path)
        await browser.fetch_all(files.fetches("before", page, cached))
        shell = time.perf_counter() - start
        session = Session(base_url, path, browser.cookies, timeout)
        try:
            await session.connect()
            later = files.fetches("after", page, cached)
            await all_of(session.rerun(), browser.fetch_all(later))
        except BaseException:
            await session.close()
            raise
    finally:
        browser.close()
    return session, shell


async def phone(
    number: int, base_url: str, page, files: PageFiles, plan: Plan, options: Options, record
) -> Phone:
    rng = random.Random(plan.seed * 1_000_003 + number)
    await asyncio.sleep(rng.uniform(0, plan.arrival_s))
    cached = rng.random() < plan.cached_share
    result = Phone()

    async def tap(kind: str, trigger: str | None = None) -> None:
        record.seconds[kind].append(await result.session.rerun(trigger=trigger))

    try:
        start = time.perf_counter()
        result.session, shell = await load_page(base_url, page.path, files, cached, plan.timeout_s)
        record.seconds["shell"].append(shell)
        record.seconds["open"].append(time.perf_counter() - start)
        await asyncio.sleep(rng.uniform(*plan.think_s))
        await tap("join", page.join_button(result.session))
        page.check_joined(result.session)
        result.token = page.token(result.session)
        shown: list[str | None] = [None] * (1 + options.picks)
        for ballot in ballots(rng, options, plan.votes):
            for slot, label in enumerate(ballot):
                if shown[slot] != label:
                    await asyncio.sleep(rng.uniform(*plan.think_s))
                    page.choose(result.session, slot, label)
                    shown[slot] = label
            await asyncio.sleep(rng.uniform(*plan.think_s))
            button = page.send_button(result.session)
            result.last_sent = ballot
            record.votes_sent += 1
            await tap("vote", button)
            page.check_sent(result.session)
    except Exception as error:
        record.errors.append(f"phone {number}: {type(error).__name__}: {error}")
    return result


class Screen:
    """The organiser's screen: opened before the phones arrive, refreshed until they are done,
    then once more (what the room sees at the end)."""

    def __init__(self, base_url: str, screen, files: PageFiles, plan: Plan, record: Record):
        self.base_url, self.screen, self.files = base_url, screen, files
        self.plan, self.record = plan, record
        self.session: Session | None = None

    async def open(self) -> None:
        """Load the screen as a browser does (its own page's chunks are not in the list), then
        open the workshop."""
        self.session, _ = await load_page(
            self.base_url, self.screen.path, self.files, False, self.plan.timeout_s
        )
        await self.screen.open(self.session)
        if self.session.auto_rerun is None:
            raise PageError("the organiser's screen has no live part (no auto-rerun fragment)")

    async def refresh(self) -> None:
        fragment, _ = self.session.auto_rerun
        seconds = await self.session.rerun(fragment_id=fragment, auto=True)
        self.record.seconds["refresh"].append(seconds)

    async def follow(self, done: asyncio.Event) -> int | None:
        """Refresh at every tick of the page's interval (a late refresh delays the next tick,
        as a browser's queued request would run at once); the count shown at the end."""
        _, interval = self.session.auto_rerun
        tick = time.monotonic()
        while not done.is_set():
            tick = max(tick + interval, time.monotonic())
            try:
                await asyncio.wait_for(done.wait(), tick - time.monotonic())
            except TimeoutError:
                await self.refresh()
        await self.refresh()
        return self.screen.participants(self.session)


@dataclass
class RoomRun:
    record: Record
    phones: list[Phone]
    shown: int | None  # participants the organiser's screen shows at the end
    screen: Screen


async def run_room(base_urls, page, screen, files: PageFiles, plan: Plan, options: Options):
    """Run the room; phone n uses base_urls[n % len] (sticky, as a proxy with sticky sessions).
    The tabs stay open (see `close`)."""
    record = Record()
    organiser = Screen(base_urls[0], screen, files, plan, record)
    phones: list[Phone] = []
    shown = None
    try:
        await organiser.open()
        done = asyncio.Event()
        following = asyncio.create_task(organiser.follow(done))
        phones = await asyncio.gather(
            *(
                phone(n, base_urls[n % len(base_urls)], page, files, plan, options, record)
                for n in range(plan.phones)
            )
        )
        done.set()
        shown = await following
    except Exception as error:
        record.errors.append(f"organiser: {type(error).__name__}: {error}")
    return RoomRun(record, phones, shown, organiser)


def probe_phone(run: RoomRun) -> int | None:
    """The first phone that voted and still has its tab open (None if none)."""
    return next((n for n, p in enumerate(run.phones) if p.last_sent and p.session), None)


async def probe(phone: Phone, page, options: Options, reruns: int) -> None:
    """`reruns` participant reruns in a row: the phone's ballot sent again, its profile changed
    each time (no pause); the phone's last ballot sent follows."""
    for i in range(reruns):
        profile = options.actors[i % 2]
        page.choose(phone.session, 0, profile)
        await phone.session.rerun(trigger=page.send_button(phone.session))
        phone.last_sent = (profile, *phone.last_sent[1:])


async def close(run: RoomRun) -> None:
    tabs = [p.session for p in run.phones] + [run.screen.session]
    await asyncio.gather(*(tab.close() for tab in tabs if tab), return_exceptions=True)
