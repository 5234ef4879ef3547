"""A minimal HTTP/1.1 client on asyncio streams, enough to load a page's files as a browser does:
GET over keep-alive connections (a browser opens up to 6 per host), cookies kept."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

BROWSER_CONNECTIONS = 6
REQUEST_HEADERS = (
    "User-Agent: Mozilla/5.0 (Linux; Android 14) room-bench\r\n"
    "Accept: */*\r\n"
    "Accept-Encoding: gzip, deflate, br, zstd\r\n"
    "Accept-Language: fr-FR,fr;q=0.9\r\n"
)


async def all_of(*awaitables) -> list:
    """Await them all, then raise the first failure (none is left running on its own)."""
    outcomes = await asyncio.gather(*awaitables, return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return outcomes


class HTTPError(Exception):
    """A page file the server answered otherwise than it answers a browser."""


class Connection:
    """One keep-alive connection, opened on first use and again after the server closes it."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, cookie: str) -> tuple[int, list[tuple[str, str]], bytes]:
        cookie_line = f"Cookie: {cookie}\r\n" if cookie else ""
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{REQUEST_HEADERS}"
        status_line = await self._send(f"{request}{cookie_line}\r\n".encode("latin-1"))
        if not status_line:
            raise ConnectionError(f"GET {path}: the server closed the connection")
        status = int(status_line.split()[1])
        headers = []
        while (line := await self.reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers.append((name.strip().lower(), value.strip()))
        fields = dict(headers)
        if "content-length" in fields:
            body = await self.reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding") == "chunked":
            body = await self._chunked()
        else:  # the body ends with the connection
            body = await self.reader.read()
            self.close()
        if fields.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body

    async def _send(self, request: bytes) -> bytes:
        """Send the request; its status line (empty if the server closed the connection). A
        kept-alive connection the server closed meanwhile (idle timeout) is opened again and the
        request sent again, as browsers do."""
        reused = self.writer is not None
        if not reused:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        try:
            self.writer.write(request)
            await self.writer.drain()
            status_line = await self.reader.readline()
        except ConnectionError:
            status_line = b""
        if status_line or not reused:
            return status_line
        self.close()
        return await self._send(request)

    async def _chunked(self) -> bytes:
        parts = []
        while size := int((await self.reader.readline()).split(b";")[0], 16):
            parts.append(await self.reader.readexactly(size))
            await self.reader.readline()
        while (await self.reader.readline()) not in (b"\r\n", b""):
            pass  # trailers
        return b"".join(parts)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Browser:
    """What one phone's browser holds: its cookies and its connections to the server."""

    def __init__(self, host: str, port: int):
        self.cookies: dict[str, str] = {}
        self.pool = [Connection(host, port) for _ in range(BROWSER_CONNECTIONS)]

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    async def fetch(self, path: str, expected: int = 200, connection: Connection | None = None):
        """GET `path`, keeping the cookies set; HTTPError unless the status is `expected`."""
        status, headers, body = await (connection or self.pool[0]).get(path, self.cookie_header)
        for name, value in headers:
            if name == "set-cookie":
                cookie_name, _, cookie_value = value.split(";", 1)[0].partition("=")
                self.cookies[cookie_name.strip()] = cookie_value.strip()
        if status != expected:
            raise HTTPError(f"GET {path}: HTTP {status} (a browser got {expected})")
        return body

    async def fetch_all(self, fetches: Iterable[tuple[str, int]]) -> None:
        """Every (path, expected status), over the browser's parallel connections."""
        queue: asyncio.Queue[tuple[str, int]] = asyncio.Queue()
        for fetch in fetches:
            queue.put_nowait(fetch)

        async def worker(connection: Connection) -> None:
            while not queue.empty():
                path, expected = queue.get_nowait()
                await self.fetch(path, expected, connection)

        await all_of(*(worker(connection) for connection in self.pool))

    def close(self) -> None:
        for connection in self.pool:
            connection.close()
