"""Serve ikudoc's requests to one headless LibreOffice: open a Word file, update its indexes and fields
(the daftar isi) when asked and say what the daftar isi then reads, and print it to PDF as LibreOffice
paginates it, in one load of the file.

Not imported by ikudoc: LibreOffice's own Python runs this file (the one that can ``import uno``:
Debian's python3 with python3-uno, or LibreOffice's bundled python elsewhere), as
``python uno_worker.py SOFFICE PROFILE``. It starts a headless LibreOffice with the profile folder
PROFILE (ikudoc's own, never a LibreOffice the user has open), then reads one request per line on its
standard input, as JSON:
{"masuk": IN.docx, "perbarui": true, "pdf": OUT.pdf or null, "pdf_opsi": {FilterData name: value}},
and answers each with one line: {"ok": true, "daftar_isi": ["JUDUL\\tHALAMAN", ...] or null}, or
{"galat": "..."}. LibreOffice stops at the end of the input.
"""

import json
import os
import subprocess
import sys
import time
import uuid

import uno  # noqa: I001 (LibreOffice's module)
from com.sun.star.beans import PropertyValue


def _property(name, value):
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe, process):
    context = uno.getComponentContext()
    resolver = context.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", context)
    deadline = time.monotonic() + 60
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # not listening yet
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _serve(desktop, request):
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(request["masuk"])), "_blank", 0, (_property("Hidden", True),))
    try:
        entries = None
        if request.get("perbarui"):
            indexes = document.getDocumentIndexes()
            entries = []
            for index in range(indexes.getCount()):
                found = indexes.getByIndex(index)
                found.update()
                entries += [line for line in found.getAnchor().getString().split("\n") if line.strip()]
            document.getTextFields().refresh()
            document.refresh()
        if request.get("pdf"):
            options = tuple(_property(name, value) for name, value in sorted(request.get("pdf_opsi", {}).items()))
            document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(request["pdf"])), (
                _property("FilterName", "writer_pdf_Export"),
                _property("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", options))))
        return entries
    finally:
        document.close(True)


def main(soffice, profile):
    pipe = "ikudoc_" + uuid.uuid4().hex
    process = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    desktop = None
    try:
        context = _connect(pipe, process)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for line in sys.stdin:
            try:
                answer = {"ok": True, "daftar_isi": _serve(desktop, json.loads(line))}
            except Exception as error:  # reported to ikudoc, which tells the user
                answer = {"galat": f"{type(error).__name__}: {error}"}
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:  # the bridge closes as LibreOffice exits
                pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            _kill_tree(process)


def _kill_tree(process):
    """Stop soffice and what it started: on Windows soffice.exe only launches soffice.bin, which would
    keep the profile folder locked (on POSIX ikudoc stops the whole process group after this script)."""
    if os.name == "nt":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False)
    process.kill()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
