"""Update every index and field of a Word file in LibreOffice, and save it as Word again.

Not imported by ikudoc: LibreOffice's own Python runs this file (the one that can ``import uno``:
Debian's python3 with python3-uno, or LibreOffice's bundled python elsewhere), as
``python uno_update_fields.py IN.docx OUT.docx SOFFICE``. It starts a headless LibreOffice with a
profile of its own, so that a LibreOffice the user has open is not disturbed.
"""

import os
import shutil
import subprocess
import sys
import tempfile
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
            time.sleep(0.1)


def main(source, target, soffice):
    pipe = "ikudoc_" + uuid.uuid4().hex
    profile = tempfile.mkdtemp(prefix="ikudoc-libreoffice-")
    process = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    desktop = None
    try:
        context = _connect(pipe, process)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (_property("Hidden", True),))
        indexes = document.getDocumentIndexes()
        for index in range(indexes.getCount()):
            indexes.getByIndex(index).update()
        document.getTextFields().refresh()
        document.refresh()
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                            (_property("FilterName", "MS Word 2007 XML"),))
        document.close(True)
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:  # the bridge closes as LibreOffice exits
                pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
