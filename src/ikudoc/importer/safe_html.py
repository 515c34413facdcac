"""HTML to be converted by LibreOffice -> the same HTML without any address LibreOffice could load.

An e-SAKIP export is HTML named .doc; LibreOffice would fetch its images, style sheets and frames from
the network (or from a Windows share, or read local files into the document) while converting it. Only
the text and the structure are imported, so everything that points elsewhere is removed first: the
elements that load something (img, link, script, iframe, object, ...), every attribute that holds an
address, url(...) and @import in styles, comments (Word's conditional ones hold image addresses) and
processing instructions. The result is UTF-8, as its one meta element says.
"""

from __future__ import annotations

import re

#: Elements that load or run something, removed with their content.
_LOADING = ("script", "link", "iframe", "frame", "frameset", "object", "embed", "applet", "img", "image", "svg",
            "video", "audio", "source", "track", "picture", "base", "meta", "portal", "input")
#: Attributes that hold an address (or a handler that could build one).
_ADDRESSES = {"src", "srcset", "href", "background", "lowsrc", "dynsrc", "poster", "data", "codebase", "archive",
              "longdesc", "usemap", "action", "formaction", "cite", "profile", "manifest", "xlink:href", "ping"}
_CSS_ADDRESS = re.compile(r"url\s*\([^)]*\)?|@import[^;]*;?|expression\s*\(", re.IGNORECASE)


def without_addresses(data: bytes) -> bytes:
    """``data`` (HTML of any encoding its meta element or its bytes say) with nothing left to load."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return b"<html><body></body></html>"
    for element in list(root.iter(*_LOADING)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in list(element.attrib):
            bare = name.split("}")[-1].lower()
            if bare in _ADDRESSES or name.lower() in _ADDRESSES or bare.startswith("on"):
                del element.attrib[name]
            elif bare == "style":
                element.attrib[name] = _CSS_ADDRESS.sub("", element.attrib[name])
        if element.tag == "style" and element.text:
            element.text = _CSS_ADDRESS.sub("", element.text)
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    head.insert(0, etree.Element("meta", charset="utf-8"))
    return etree.tostring(root, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")
