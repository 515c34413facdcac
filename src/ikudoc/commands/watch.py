"""Rebuild a content file on every save and serve its HTML on the loopback interface; the page reloads
itself after each rebuild. A broken save shows its problems on the page (and in the terminal) above
the last good document, whose files in build/ stay as they were."""

from __future__ import annotations

import contextlib
import http.server
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import watchfiles

from ..content.problems import ContentError, FileFailure, IkudocError, os_reason, unexpected_error_message
from ..render.html import environment, render_html
from ..render.options import Options
from ..render.pipeline import page_font
from ..render.rendering import Rendering
from ..render.template_files import default_templates
from .build import prepare, write_prepared

OVERLAY = "pantau.html.j2"
KEEPALIVE_SECONDS = 15
REQUEST_SECONDS = 10
WATCHED_SUFFIXES = {".toml", ".png", ".jpg", ".jpeg", ".j2", ".css", ".docx"}
READY_MS = 100  # the watcher says it watches within this long after it starts
WSAEACCES = 10013  # Windows: the port is bound exclusively by another program, or reserved (Hyper-V, WSL)


class PortUnavailable(IkudocError):
    """The port cannot be served on; says why and what to do, in Indonesian."""

    def __init__(self, port: int, error: OSError) -> None:
        reason = "sudah dipakai program lain, atau dicadangkan Windows" if WSAEACCES in (
            error.errno, getattr(error, "winerror", None)) else os_reason(error)
        super().__init__(f"port {port} tidak bisa dipakai ({reason}); coba --port lain, misalnya --port 0")


class Document:
    """The served state: the page with the problems of the last save above the last good document,
    made once per rebuild, and a version that grows with every rebuild (the pages wait on it to reload)."""

    def __init__(self, source: Path, output_dir: Path, templates: Path | None, report: Callable[[str], None]):
        self.source, self.output_dir = source, output_dir
        self.templates = templates or default_templates()
        self.options = Options(("docx", "html"), templates)
        self.report = report
        self.rendering: Rendering | None = None  # of the last good build
        self.template_names: tuple[str, str] = ("", "")  # its Word and page templates (those of its kind)
        self.good_page = b""  # its page, as built
        self.page = b""
        self.version = 0
        self.changed = threading.Condition()

    def rebuild(self) -> None:
        """Load the saved file and show it in the browser first; then write its files into build/."""
        started = time.perf_counter()
        problems: list[str] = []
        prepared = self._attempt(lambda: prepare(self.source, self.options), problems)
        last_good = self.rendering, self.template_names
        if prepared is not None:
            self.rendering, self.template_names = prepared.rendering, prepared.kind.templates
        self._publish(problems)
        if prepared is not None:
            result = self._attempt(lambda: write_prepared(prepared, self.output_dir, self.options), problems)
            if result is not None:
                self.good_page = result.data["html"]
            else:  # a template that fails only now (the Word one): back to the document whose files stay
                self.rendering, self.template_names = last_good
                self._publish(problems)
        for line in problems:
            self.report(line)
        seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")
        self.report(f"dibangun ulang dalam {seconds} detik" if not problems else
                    f"{len(problems)} masalah; halaman tetap menampilkan versi terakhir yang berhasil")

    def _attempt(self, stage: Callable, problems: list[str]):
        """``stage``'s result, or None with what went wrong added to ``problems``."""
        try:
            return stage()
        except ContentError as error:
            problems += [str(problem) for problem in error.problems]
        except IkudocError as error:
            problems.append(f"{self.source}: {error}")
        except OSError as error:
            problems.append(f"{self.source}: {FileFailure(error.filename or self.source, error)}")
        except Exception as error:  # noqa: BLE001 (a bug must not stop the watching: the next save rebuilds)
            problems.append(f"{self.source}: {unexpected_error_message(error)}")
        return None

    def _publish(self, problems: list[str]) -> None:
        """Make the page the browser is sent, and tell the waiting pages to reload."""
        try:
            page = self._page(problems)
        except Exception as error:  # noqa: BLE001 (the overlay template itself is broken: still say why)
            broken = f"{self.templates / OVERLAY}: {error}"
            if broken not in problems:  # (a rebuild may show its page twice)
                problems.append(broken)
            page = _bare_page(problems)
        with self.changed:
            self.page = page
            self.version += 1
            self.changed.notify_all()

    def _page(self, problems: list[str]) -> bytes:
        """The last good document through pantau.html.j2, which extends the document's own template and
        fills its "pantau" block. Before any good build, that block alone; when the page template has no
        such block (a project's copy made before it had one), the block is put after <body> of the page;
        when the page template cannot be used now (being edited), after <body> of the last good page."""
        env = environment(self.templates)
        overlay = env.get_template(OVERLAY)
        block = "".join(overlay.blocks["pantau"](overlay.new_context({"masalah": problems}))).encode("utf-8")
        if self.rendering is None:
            return _bare_page(problems, block)
        try:
            word_template, page_template = self.template_names
            font = page_font(self.templates, word_template)
            variables = self.rendering.template_variables
            if "pantau" in env.get_template(page_template).blocks:
                return render_html(variables, self.templates, font, OVERLAY, masalah=problems, halaman=page_template)
            page = render_html(variables, self.templates, font, page_template)
        except Exception:  # noqa: BLE001 (its error is among the problems, from the build)
            page = self.good_page
        if not page:  # no page made yet, and none can be now
            return _bare_page(problems, block)
        head, body, rest = page.partition(b"<body>")
        return head + body + block + rest

    def served(self) -> bytes:
        with self.changed:
            return self.page

    def wait_for_change(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout)
            return self.version


def _bare_page(problems: list[str], block: bytes | None = None) -> bytes:
    """A page without a document: the problems (as the overlay shows them, or as plain lines)."""
    from markupsafe import escape

    shown = block if block is not None else b"".join(f"<p>{escape(line)}</p>".encode() for line in problems)
    return b"<!DOCTYPE html><html lang=\"id\"><meta charset=\"utf-8\"><body>" + shown + b"</body></html>"


class Server(http.server.ThreadingHTTPServer):
    """One thread per request, a real backlog (the standard 5 drops a burst of requests), a client that
    goes away mid-answer is no error worth a traceback, and the port its own: a second server on the
    same port fails (OSError) instead of sharing it. On Windows SO_REUSEADDR would let it share the port
    (and the browser get the other project's page), so there the port is bound exclusively; on POSIX
    SO_REUSEADDR only lets a restarted watch take its port back at once, never while one listens.

    Connections are bounded, so that no other program on this machine can make the preview unreachable
    by opening connections and leaving them be: at most WAITING connections may wait for their request
    (a browser sends it at once), and at most STREAMS pages may listen for reloads; past either, the
    oldest such connection is closed for the new one (a page that listens reconnects by itself). A
    request not sent within REQUEST_SECONDS is given up."""

    request_queue_size = 128
    daemon_threads = True
    allow_reuse_address = os.name != "nt"
    WAITING = 64
    STREAMS = 64

    def __init__(self, *args, **kwargs) -> None:
        self._lock = threading.Lock()
        self._waiting: dict = {}  # connection -> None, oldest first
        self._streams: dict = {}
        super().__init__(*args, **kwargs)

    def server_bind(self) -> None:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        super().server_bind()

    def process_request(self, request, client_address) -> None:
        self._admit(request, self._waiting, self.WAITING)
        super().process_request(request, client_address)

    def _admit(self, request, group: dict, limit: int) -> None:
        with self._lock:
            group[request] = None
            while len(group) > limit:
                oldest = next(iter(group))
                del group[oldest]
                with contextlib.suppress(OSError):
                    oldest.shutdown(socket.SHUT_RDWR)  # its thread reads the end, and closes it

    def asked(self, request, streaming: bool) -> None:
        """The connection sent its request; ``streaming``: it stays open to listen for reloads."""
        with self._lock:
            self._waiting.pop(request, None)
        if streaming:
            self._admit(request, self._streams, self.STREAMS)

    def shutdown_request(self, request) -> None:
        with self._lock:
            self._waiting.pop(request, None)
            self._streams.pop(request, None)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def make_handler(document: Document, port_holder: list[int]):
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "ikudoc"
        timeout = REQUEST_SECONDS  # a connection that sends nothing is not waited for forever

        def parse_request(self) -> bool:
            parsed = super().parse_request()
            self.server.asked(self.request, parsed and self.path == "/peristiwa")
            return parsed

        def log_message(self, *args) -> None:  # the terminal shows rebuilds, not requests
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's API)
            # Only pages asked for by this machine's own name: a page on the web that makes the
            # browser call 127.0.0.1 under another name (DNS rebinding) is refused.
            if self.headers.get("Host") not in (f"127.0.0.1:{port_holder[0]}", f"localhost:{port_holder[0]}"):
                self.send_error(403, "hanya untuk 127.0.0.1")
                return
            if self.path == "/":
                body = document.served()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
            elif self.path == "/peristiwa":
                self._events()
            else:
                self.send_error(404)

        def _events(self) -> None:
            """Server-sent events: one message per rebuild, a comment now and then to keep it open."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = document.version
            try:
                while True:
                    version = document.wait_for_change(seen, KEEPALIVE_SECONDS)
                    self.wfile.write(f"data: {version}\n\n".encode() if version != seen else b": tetap\n\n")
                    self.wfile.flush()
                    seen = version
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


def being_written(sources: list[Path]) -> Path:
    """The content file a user is writing, of several: the one saved last (after ikudoc new, the new
    revision). Files saved within the same second were not saved by hand (a fresh clone, a copied
    folder): among them, the kind registered first (the IKU, which the others are built from)."""
    import tomllib

    from .. import documents
    from ..content.regular_file import NotARegularFile, read_regular
    from ..content.revision_source import CONTENT_LIMIT
    from ..content.source import content_text

    order = [kind.key for kind in documents.kinds()]

    def rank(path: Path) -> int:
        try:
            return order.index(documents.kind_of(tomllib.loads(content_text(read_regular(path, CONTENT_LIMIT)))).key)
        except (OSError, NotARegularFile, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return len(order)  # (watch reports what is wrong with it, if it is the one chosen)

    return max(sources, key=lambda path: (int(path.stat().st_mtime), -rank(path)))


def watched_paths(document: Document) -> list[Path]:
    return [document.source.resolve().parent, document.templates.resolve()]


def watch(document: Document, port: int, announce: Callable[[str], None]) -> None:
    """Serve until Ctrl-C; rebuild whenever the content file, an image or a template is saved.
    PortUnavailable at once when the port cannot be had (before anything is built)."""
    port_holder = [port]
    try:
        server = Server(("127.0.0.1", port), make_handler(document, port_holder))
    except OSError as error:
        raise PortUnavailable(port, error) from None
    port_holder[0] = server.server_address[1]
    try:
        document.rebuild()
    except BaseException:
        server.server_close()
        raise
    stop = threading.Event()
    output = document.output_dir.resolve()

    def relevant(_change, path: str) -> bool:
        changed = Path(path)
        return changed.suffix.lower() in WATCHED_SUFFIXES and output not in changed.parents

    watching = threading.Event()

    def rebuild_on_save() -> None:
        # (an empty set every READY_MS without a save: the first says the folders are being watched)
        for changes in watchfiles.watch(*watched_paths(document), watch_filter=relevant, stop_event=stop,
                                        debounce=50, step=20, rust_timeout=READY_MS, yield_on_timeout=True):
            watching.set()
            if changes:
                document.rebuild()

    watcher = threading.Thread(target=rebuild_on_save, daemon=True)
    watcher.start()
    watching.wait(timeout=10)  # announced once a save is seen (a machine under load takes a moment)
    announce(f"melayani http://127.0.0.1:{port_holder[0]}/ (tekan Ctrl-C untuk berhenti)")
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        server.server_close()
