"""Safe, streaming XML parsing shared by the CIN census and SSDA903 XML readers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from lineofsight.errors import UserError
from lineofsight.formats.safety import refuse_doctype


def iter_elements(path: Path, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """Yield each complete element named in `tags`, freeing it (and what came before) afterwards.

    Entities are never resolved, nothing is fetched from the network and any
    DTD is refused, so hostile files cannot expand or reach out.
    """
    refuse_doctype(path)
    context = etree.iterparse(
        str(path),
        events=("end",),
        tag=tags,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        for _event, element in context:
            yield element
            element.clear(keep_tail=False)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        raise UserError(f"{path.name}: not well-formed XML{line} ({exc.msg}); is the file complete?") from None


def text(element: etree._Element, name: str) -> str | None:
    """Text of the first child called `name`, or None when it is absent."""
    child = element.find(name)
    if child is None:
        return None
    return child.text if child.text is not None else ""


def leaves(element: etree._Element) -> dict[str, str]:
    """Direct children with no children of their own, by tag: the simple fields of a block."""
    return {c.tag: (c.text or "") for c in element if isinstance(c.tag, str) and len(c) == 0}
