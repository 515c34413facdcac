"""Time from saving the content file to the page being rebuilt and announced by ikudoc watch
(the reload message the browser waits for), over several saves of a copy of the sample.

Usage: python benchmarks/watch.py [--saves N]
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import SAMPLE, user_environment


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "iku.toml"
        shutil.copy(SAMPLE, content)
        process = subprocess.Popen([sys.executable, "-m", "ikudoc", "watch", str(content), "--port", "0",
                                    "-o", str(Path(folder) / "build")],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, encoding="utf-8",
                                   env=user_environment())
        try:
            port = int(process.stdout.readline().split(":")[2].split("/")[0])
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/peristiwa", headers={"Host": f"127.0.0.1:{port}"})
            events = connection.getresponse()
            text = content.read_text(encoding="utf-8")
            seconds = []
            for save in range(args.saves):
                time.sleep(0.3)  # a person saves now and then, not in a burst
                started = time.perf_counter()
                content.write_text(text.replace("Besar harapan kami", f"Besar harapan kami ({save})"), encoding="utf-8")
                while not events.fp.readline().startswith(b"data: "):
                    pass
                seconds.append(time.perf_counter() - started)
            connection.close()
        finally:
            process.terminate()
            process.communicate()
    print(f"simpan -> halaman dibangun ulang ({args.saves} kali): median {statistics.median(seconds):.2f} s, "
          f"terlama {max(seconds):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
