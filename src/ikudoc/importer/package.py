"""The file ``ikudoc import`` was given -> the bytes of a Word package (.docx) that is safe to open.

Files to import come from anywhere, so nothing in them is trusted before it is bounded:

- only a regular file is read (a device or a FIFO is refused unread), of at most FILE_LIMIT bytes;
- a Word 97 .doc, and HTML named .doc (the "Word" export of e-SAKIP applications), go through
  LibreOffice, with nothing fetched from the network: the HTML is stripped of every address it could
  load (images, style sheets, frames, scripts) before LibreOffice sees it, and LibreOffice runs in a
  profile of its own whose proxy is a closed port on this machine and which never updates links;
- the zip package is read member by member, counting the bytes each inflates to, and refused once a
  part passes PART_LIMIT or all of them PACKAGE_LIMIT (a decompression bomb is stopped before it takes
  memory); a package of more than PART_COUNT parts is refused by its directory.

Every refusal is a NotAnIku: one Indonesian line that names the file and says what was expected.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

from ..content.problems import IkudocError, os_reason
from ..content.regular_file import NotARegularFile, read_regular
from .ole import MAGIC as OLE_MAGIC
from .ole import is_password_protected
from .safe_html import without_addresses

FILE_LIMIT = 200 << 20  # the file as stored
PART_LIMIT = 50 << 20  # one part of the package, inflated
PACKAGE_LIMIT = 200 << 20  # every part, inflated
PART_COUNT = 5000
_CHUNK = 1 << 20


class NotAnIku(IkudocError):
    """The file cannot be imported; the message names it and says what was expected."""


def broken(path: Path, why: str = "arsip .docx tidak utuh, mungkin terpotong saat disalin") -> NotAnIku:
    return NotAnIku(f"{path} rusak ({why}); simpan ulang dari Word sebagai .docx")


def word_package(path: Path) -> bytes:
    """The Word package (DOCX bytes) of the file ``path``, bounded; NotAnIku when there is none."""
    try:
        data = read_regular(path, FILE_LIMIT)
    except OSError as error:
        raise NotAnIku(f"{path} tidak bisa dibaca ({os_reason(error)})") from None
    except NotARegularFile as error:
        raise NotAnIku(f"{path} {error}") from None
    if data[:8] == OLE_MAGIC and is_password_protected(data):
        raise NotAnIku(f"{path} dilindungi kata sandi; buka di Word, hapus kata sandinya (File > Info > Protect "
                       "Document), simpan ulang, lalu impor lagi")
    if data[:8] == OLE_MAGIC:  # OLE2: Word 97-2003 (.doc) or old Excel
        data = _through_libreoffice(path, data, "berformat Word 97-2003 (.doc)", ".doc")
    elif re.search(rb"<(html|!doctype html|body|table)\b", data[:4096], re.IGNORECASE):
        # e-SAKIP applications export "Word" files that are HTML named .doc
        data = _through_libreoffice(path, without_addresses(data), "berisi HTML, bukan Word (seperti ekspor "
                                    "\"Word\" aplikasi e-SAKIP)", ".html")
    if data[:4] == b"PK\x03\x04" and not zipfile.is_zipfile(io.BytesIO(data)):
        raise broken(path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotAnIku(f"{path} bukan berkas Word (.docx); yang diharapkan dokumen IKU yang disimpan dari Word, "
                       "WPS atau LibreOffice sebagai .docx")
    names = _bounded_members(path, data)
    if "word/document.xml" not in names:
        kind = "lembar kerja Excel" if "xl/workbook.xml" in names else (
            "presentasi PowerPoint" if "ppt/presentation.xml" in names else "arsip zip")
        raise NotAnIku(f"{path} adalah {kind}, bukan dokumen Word; yang diharapkan dokumen IKU dalam .docx")
    return data


def _bounded_members(path: Path, data: bytes) -> set[str]:
    """The part names of the package, after reading every part through (its checksum checked) and
    counting what it inflates to, whatever its header claims."""
    too_large = NotAnIku(f"{path} terlalu besar setelah dibuka (setiap bagian arsip .docx paling banyak "
                         f"{PART_LIMIT >> 20} MB, semuanya {PACKAGE_LIMIT >> 20} MB); bila dokumennya memuat "
                         "gambar besar, perkecil gambarnya di Word lalu simpan ulang")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > PART_COUNT:
                raise broken(path, f"arsip .docx berisi {len(members)} bagian; dokumen Word berisi puluhan")
            total = 0
            for member in members:
                if member.file_size > PART_LIMIT or total + member.file_size > PACKAGE_LIMIT:
                    raise too_large
                with archive.open(member) as stream:
                    size = 0
                    while chunk := stream.read(_CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > PART_LIMIT or total > PACKAGE_LIMIT:
                            raise too_large
            return {member.filename for member in members}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError):
        # a damaged or encrypted member, an unknown compression, a checksum that does not match
        raise broken(path) from None


def _through_libreoffice(path: Path, data: bytes, what: str, suffix: str) -> bytes:
    """The file converted to DOCX by LibreOffice, which reads what python-docx cannot, in a profile that
    fetches nothing from the network."""
    from ..render.docx.libreoffice import find_soffice
    from ..render.docx.soffice import run_to_end

    soffice = find_soffice()
    if soffice is None:
        raise NotAnIku(f"{path} {what}; buka di Word atau WPS lalu simpan sebagai .docx (atau pasang LibreOffice "
                       "agar ikudoc bisa mengubahnya sendiri)")
    # (a file LibreOffice still holds is left to the system: the clean-up never fails the import)
    with tempfile.TemporaryDirectory(prefix="ikudoc-impor-", ignore_cleanup_errors=True) as folder:
        source = Path(folder) / f"dokumen{suffix}"
        profile = Path(folder) / "profil"
        try:
            source.write_bytes(data)
            _offline_profile(profile)
        except OSError as error:
            raise NotAnIku(f"{path} {what}, dan berkas sementara untuk LibreOffice tidak bisa ditulis di {folder} "
                           f"({os_reason(error)})") from None
        run_to_end([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", folder, str(source)], timeout=180)
        converted = Path(folder) / "dokumen.docx"
        try:
            return read_regular(converted, FILE_LIMIT)
        except (OSError, NotARegularFile):
            raise NotAnIku(f"{path} {what} dan LibreOffice tidak bisa mengubahnya; buka di Word lalu simpan "
                           "sebagai .docx") from None


# LibreOffice's settings for a run that reads a user's file: every address goes through a proxy that is a
# closed port of this machine (nothing reaches the network), links are never updated on loading, and
# macros never run.
_INET = "/org.openoffice.Inet/Settings"
_OFFLINE = (
    (_INET, "ooInetProxyType", "2"), (_INET, "ooInetNoProxy", ""),
    *((_INET, f"ooInet{kind}ProxyName", "127.0.0.1") for kind in ("HTTP", "HTTPS", "FTP")),
    *((_INET, f"ooInet{kind}ProxyPort", "9") for kind in ("HTTP", "HTTPS", "FTP")),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
)


def _offline_profile(profile: Path) -> None:
    items = "".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop>'
                    "</item>\n" for path, name, value in _OFFLINE)
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n", encoding="utf-8")
