"""ikudoc watch: serves the page on loopback, rebuilds on save, shows a broken save's problems above
the last good document, tells the browser to reload, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import errno
import http.client
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import ROOT, SAMPLE, posix_only

PARAGRAPH = "Tuliskan penutup di sini."


@pytest.fixture()
def served(tmp_path):
    content = tmp_path / "content" / "iku.toml"
    content.parent.mkdir()
    shutil.copy(SAMPLE, content)
    process = subprocess.Popen(
        [sys.executable, "-m", "ikudoc", "watch", str(content), "--port", "0", "-o", str(tmp_path / "build")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8", cwd=tmp_path,
    )
    first = process.stdout.readline()
    assert first.startswith("melayani http://127.0.0.1:"), first + process.stderr.read()
    port = int(first.split(":")[2].split("/")[0])
    yield content, port, process
    if process.poll() is None:
        process.kill()
    process.communicate()  # and close the pipes


def get(port: int, path: str = "/", host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host or f"127.0.0.1:{port}"})
    response = connection.getresponse()
    result = response.status, response.read().decode("utf-8")
    connection.close()
    return result


def page_when(port: int, condition, timeout: float = 15) -> str:
    deadline = time.monotonic() + timeout
    while True:
        _, page = get(port)
        if condition(page) or time.monotonic() > deadline:
            return page
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> tuple[str, str]:
    """Stop the server as a user does (Ctrl-C); Windows cannot send that to another process: it is ended
    there. Its standard output and error."""
    if os.name == "nt":
        process.terminate()
    else:
        process.send_signal(signal.SIGINT)
    return process.communicate(timeout=10)


def wait_for(condition, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def edit(content, old: str, new: str) -> None:
    text = content.read_text(encoding="utf-8")
    assert old in text
    content.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serves_rebuilds_shows_errors_and_stops(served):
    content, port, process = served
    status, page = get(port)
    assert status == 200 and "BAB IV PENUTUP" in page and 'new EventSource("/peristiwa")' in page

    edit(content, "Besar harapan kami", f"{PARAGRAPH} Besar harapan kami")
    page = page_when(port, lambda p: PARAGRAPH in p)
    assert PARAGRAPH in page and "bermasalah" not in page
    built = content.parent.parent / "build" / "iku.html"
    assert wait_for(lambda: PARAGRAPH in built.read_text(encoding="utf-8")), "the files follow the page"

    edit(content, "2024 = 8.57", '2024 = "8,57"')
    page = page_when(port, lambda p: "bermasalah" in p)
    assert "Berkas konten bermasalah; dokumen di bawah ini adalah versi terakhir yang berhasil dibangun." in page
    assert "[target-teks-angka]" in page and PARAGRAPH in page, "the last good document stays"
    assert '"8,57"' not in (content.parent.parent / "build" / "iku.html").read_text(encoding="utf-8")

    edit(content, '2024 = "8,57"', "2024 = 8.57")
    page = page_when(port, lambda p: "bermasalah" not in p)
    assert "bermasalah" not in page

    _, err = stop(process)
    assert "Traceback" not in err and "[target-teks-angka]" in err and "dibangun ulang dalam" in err


@posix_only("SIGINT")
def test_ctrl_c_stops_it_cleanly(served):
    _, port, process = served
    assert get(port)[0] == 200
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0
    assert out.strip().endswith("berhenti.")
    assert "Traceback" not in err


def test_tells_the_browser_to_reload_after_a_rebuild(served):
    content, port, _ = served
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    connection.request("GET", "/peristiwa", headers={"Host": f"localhost:{port}"})
    response = connection.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream"
    edit(content, "Besar harapan kami", f"{PARAGRAPH} Besar harapan kami")
    assert response.fp.readline().startswith(b"data: ")
    connection.close()


def test_answers_only_to_its_own_name(served):
    _, port, _ = served
    assert get(port, host="contoh.invalid")[0] == 403
    assert get(port, "/lain")[0] == 404


def test_an_unexpected_error_is_shown_and_the_next_save_rebuilds(tmp_path, monkeypatch):
    from ikudoc.commands import watch

    content = tmp_path / "iku.toml"
    shutil.copy(SAMPLE, content)
    reported = []
    document = watch.Document(content, tmp_path / "build", None, reported.append)
    document.rebuild()
    real_prepare = watch.prepare

    def prepare_with_a_bug(*args, **kwargs):  # as a bug in any stage would: not an error ikudoc explains
        raise RuntimeError("contoh galat")

    monkeypatch.setattr(watch, "prepare", prepare_with_a_bug)
    document.rebuild()
    page = document.served().decode("utf-8")
    assert f"{content}: galat tak terduga (bukan kesalahan isi): RuntimeError: contoh galat." in page
    assert "BAB IV PENUTUP" in page, "the last good document stays under the message"
    monkeypatch.setattr(watch, "prepare", real_prepare)
    edit(content, "Besar harapan kami", f"{PARAGRAPH} Besar harapan kami")
    document.rebuild()
    page = document.served().decode("utf-8")
    assert PARAGRAPH in page and "galat tak terduga" not in page
    assert reported[-1].startswith("dibangun ulang dalam")


def test_a_template_error_is_shown_with_its_line_and_fixing_it_rebuilds(tmp_path):
    templates = tmp_path / "templat"
    shutil.copytree(ROOT / "templates", templates)
    content = tmp_path / "content" / "iku.toml"
    content.parent.mkdir()
    shutil.copy(SAMPLE, content)
    process = subprocess.Popen(
        [sys.executable, "-m", "ikudoc", "watch", str(content), "--port", "0", "-o", str(tmp_path / "build"),
         "--templates", str(templates)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8", cwd=tmp_path)
    try:
        port = int(process.stdout.readline().split(":")[2].split("/")[0])
        page = templates / "iku.html.j2"
        good = page.read_text(encoding="utf-8")
        assert get(port)[0] == 200
        time.sleep(0.5)  # the watcher starts watching a moment after the server answers
        page.write_text(good.replace("<body>", "<body>{{ 1 // 0 }}", 1), encoding="utf-8")
        shown = page_when(port, lambda p: "bermasalah" in p)
        line = good[: good.index("<body>")].count("\n") + 1
        assert f"iku.html.j2: baris {line}: templat tidak bisa diisi: ZeroDivisionError: " in shown
        assert "BAB IV PENUTUP" in shown, "the last good document stays under the problem"
        page.write_text(good, encoding="utf-8")
        assert "bermasalah" not in page_when(port, lambda p: "bermasalah" not in p)
    finally:
        process.kill()
        _, err = process.communicate()
    assert "Traceback" not in err


def test_a_hundred_requests_at_once_are_all_answered_and_dropped_clients_are_no_error(served):
    import socket
    from concurrent.futures import ThreadPoolExecutor

    _, port, process = served
    for _ in range(20):  # clients that hang up before reading the answer, or mid-request
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    with ThreadPoolExecutor(max_workers=100) as pool:
        statuses = list(pool.map(lambda _: get(port)[0], range(100)))
    assert statuses == [200] * 100
    # and a burst waits in the queue instead of being refused (the standard backlog is 5)
    from ikudoc.commands.watch import Server
    assert Server.request_queue_size >= 100
    _, err = stop(process)
    assert "Traceback" not in err and "Exception" not in err


def test_the_overlay_fills_the_page_templates_block_and_older_project_templates_still_get_it(tmp_path):
    from ikudoc.commands import watch

    content = tmp_path / "iku.toml"
    shutil.copy(SAMPLE, content)
    older = tmp_path / "templat"
    shutil.copytree(ROOT / "templates", older)
    page = older / "iku.html.j2"
    page.write_text(page.read_text(encoding="utf-8").replace("{% block pantau %}{% endblock %}", ""), encoding="utf-8")
    for templates in (None, older):  # the shipped page template has the block; a project's older copy has not
        document = watch.Document(content, tmp_path / "build", templates, lambda line: None)
        document.rebuild()
        edit(content, "2024 = 8.57", '2024 = "8,57"')
        document.rebuild()
        served = document.served().decode("utf-8")
        assert served.count("<body>") == 1 and served.index("<body>") < served.index("bermasalah") < served.index(
            "BAB IV PENUTUP")
        assert 'new EventSource("/peristiwa")' in served
        edit(content, '2024 = "8,57"', "2024 = 8.57")


def test_a_perjanjian_kinerja_is_watched_through_its_own_page_and_follows_its_iku(tmp_path):
    from ikudoc.commands import watch

    shutil.copy(SAMPLE, tmp_path / "iku_2024.toml")
    agreement = tmp_path / "pk_2024.toml"
    shutil.copy(ROOT / "content" / "pk_2024.toml", agreement)
    document = watch.Document(agreement, tmp_path / "build", None, lambda line: None)
    document.rebuild()
    assert "8,57 %" in document.served().decode("utf-8")
    edit(tmp_path / "iku_2024.toml", "2024 = 8.57", "2024 = 9.5")  # the IKU is saved: its PK shows the new target
    document.rebuild()
    assert "9,5 %" in document.served().decode("utf-8")
    edit(agreement, "anggaran = 1250000000", 'anggaran = "banyak"')
    document.rebuild()
    served = document.served().decode("utf-8")
    assert served.count("<body>") == 1 and served.index("<body>") < served.index("bermasalah") < served.index(
        "PERJANJIAN KINERJA TAHUN 2024") < served.index("9,5 %")
    assert "program[1].anggaran" in served and 'new EventSource("/peristiwa")' in served


def test_the_page_is_shown_before_the_files_are_written_and_a_word_template_failing_then_is_reported(tmp_path):
    import zipfile

    from ikudoc.commands import watch

    content = tmp_path / "iku.toml"
    shutil.copy(SAMPLE, content)
    templates = tmp_path / "templat"
    shutil.copytree(ROOT / "templates", templates)
    shown = []
    document = watch.Document(content, tmp_path / "build", templates, lambda line: None)
    original = document._publish
    document._publish = lambda problems: shown.append(list(problems)) or original(problems)
    document.rebuild()
    assert shown == [[]] and (tmp_path / "build" / "iku.docx").exists()

    word = templates / "iku.docx"
    with zipfile.ZipFile(ROOT / "templates" / "iku.docx") as shipped, zipfile.ZipFile(word, "w") as broken:
        for item in shipped.infolist():
            data = shipped.read(item)
            if item.filename == "word/document.xml":  # fails when the Word file is rendered, after the page
                data = data.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>{{ 1 // 0 }}</w:t></w:r></w:p>", 1)
            broken.writestr(item, data)
    edit(content, "Besar harapan kami", f"{PARAGRAPH} Besar harapan kami")
    shown.clear()
    document.rebuild()
    assert shown[0] == [], "the page is shown first, before the Word file is made"
    assert len(shown) == 2 and "iku.docx: templat tidak bisa diisi: ZeroDivisionError" in shown[1][0]
    served = document.served().decode("utf-8")
    assert "bermasalah" in served and "BAB IV PENUTUP" in served and PARAGRAPH not in served, \
        "the last good document, whose files stay, under the problem"
    assert PARAGRAPH not in (tmp_path / "build" / "iku.html").read_text(encoding="utf-8")


def _watched_with_templates(tmp_path, broken: dict[str, tuple[str, str]]):
    """A watch.Document of the sample whose templates have ``broken`` replacements (name: (old, new)),
    recording every page it shows and every line it reports."""
    from ikudoc.commands import watch

    content = tmp_path / "iku.toml"
    shutil.copy(SAMPLE, content)
    templates = tmp_path / "templat"
    shutil.copytree(ROOT / "templates", templates)
    for name, (old, new) in broken.items():
        path = templates / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    reported, shown = [], []
    document = watch.Document(content, tmp_path / "build", templates, reported.append)
    original = document._publish
    document._publish = lambda problems: (original(problems), shown.append(document.served()))
    return document, reported, shown


def test_a_broken_page_template_before_any_good_build_still_serves_a_whole_page(tmp_path):
    document, _, shown = _watched_with_templates(tmp_path, {"iku.html.j2": ("<body>", "<body>{{ 1 // 0 }}")})
    document.rebuild()
    assert shown and all(page.startswith(b"<!DOCTYPE html>") for page in shown), "never a fragment"
    assert b"ZeroDivisionError" in shown[-1]


def test_a_broken_overlay_is_reported_once(tmp_path):
    document, reported, _ = _watched_with_templates(tmp_path, {
        "iku.html.j2": ("<body>", "<body>{{ 1 // 0 }}"),  # fails again when the files are made: a second page
        "pantau.html.j2": ("{%- block pantau %}", "{%- block pantau %}{{ masalah | tidak_ada }}")})
    document.rebuild()
    assert len([line for line in reported if "pantau.html.j2" in line]) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="the limit on open files is set the POSIX way")
def test_connections_left_half_open_do_not_make_the_preview_unreachable(tmp_path):
    """Another program opens 1,030 connections and sends nothing (with 1,024 files per process, the
    preview used to stop answering until they closed): the oldest waiting ones are let go."""
    import resource
    import socket

    content = tmp_path / "content" / "iku.toml"
    content.parent.mkdir()
    shutil.copy(SAMPLE, content)

    def few_files() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))

    process = subprocess.Popen(
        [sys.executable, "-m", "ikudoc", "watch", str(content), "--port", "0", "-o", str(tmp_path / "build")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=tmp_path,
        preexec_fn=few_files)
    idle = []
    try:
        first = process.stdout.readline()
        port = int(first.split(":")[2].split("/")[0])
        idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(1030)]
        status, page = get(port)
        assert status == 200 and "BAB IV PENUTUP" in page
    finally:
        for connection in idle:
            connection.close()
        process.kill()
        process.communicate()


def test_a_second_watch_on_the_same_port_fails_at_once_and_says_so(served, tmp_path):
    """Windows would let two servers share a port (SO_REUSEADDR) and the browser show either project's page."""
    content, port, _ = served
    second = subprocess.run([sys.executable, "-m", "ikudoc", "watch", str(content), "--port", str(port), "-o",
                             str(tmp_path / "kedua")], capture_output=True, encoding="utf-8", cwd=tmp_path, timeout=60)
    assert (second.returncode, second.stdout) == (1, "")
    assert second.stderr == (f"gagal: port {port} tidak bisa dipakai (sudah dipakai program lain); coba --port lain, "
                             "misalnya --port 0\n")
    assert not (tmp_path / "kedua").exists(), "nothing built for a server that cannot serve"
    assert get(port)[0] == 200, "the first one still serves"


def test_a_port_another_program_listens_on_is_refused(tmp_path, capsys):
    import socket

    from ikudoc.cli import main

    content = tmp_path / "iku.toml"
    shutil.copy(SAMPLE, content)
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        assert main(["watch", str(content), "--port", str(port), "-o", str(tmp_path / "build")]) == 1
    assert capsys.readouterr().err == (f"gagal: port {port} tidak bisa dipakai (sudah dipakai program lain); coba "
                                       "--port lain, misalnya --port 0\n")


@pytest.mark.parametrize("error, reason", [
    (OSError(errno.EADDRINUSE, "Address already in use"), "sudah dipakai program lain"),
    # Windows: another program holds it exclusively, or Hyper-V reserved it (WSAEACCES)
    (OSError(10013, "An attempt was made to access a socket in a way forbidden by its access permissions"),
     "sudah dipakai program lain, atau dicadangkan Windows"),
])
def test_why_a_port_cannot_be_used_is_said_in_indonesian(error, reason):
    from ikudoc.commands.watch import PortUnavailable

    assert str(PortUnavailable(8000, error)) == (f"port 8000 tidak bisa dipakai ({reason}); coba --port lain, "
                                                 "misalnya --port 0")


def test_without_a_file_it_watches_the_one_saved_last_and_in_a_fresh_clone_the_iku(tmp_path):
    """A fresh clone writes every file within the same second: the IKU is watched, not the PK built from it;
    once a file is saved by hand, that one."""
    from ikudoc.commands.watch import being_written
    from support import SAMPLE_PK

    iku, pk = (shutil.copy(source, tmp_path / source.name) for source in (SAMPLE, SAMPLE_PK))
    iku, pk = Path(iku), Path(pk)
    checkout = int(time.time()) - 100  # a whole second: the two first saves fall within it
    os.utime(iku, (checkout, checkout))
    os.utime(pk, (checkout + 0.4, checkout + 0.4))  # written just after, as git checks files out
    assert being_written([iku, pk]) == iku
    os.utime(pk, (checkout + 5, checkout + 5))
    assert being_written([iku, pk]) == pk
    os.utime(iku, (checkout + 9, checkout + 9))
    assert being_written([iku, pk]) == iku
