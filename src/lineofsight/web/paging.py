"""Server-side pages of a long list: which rows a page shows, and the links of GOV.UK's pagination component.

`?page=N` picks the page (1 when absent); every link keeps the request's other query parameters.
A page that does not exist is a 404 saying how many pages there are, never a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request

PER_PAGE = 50
T = TypeVar("T")


@dataclass(frozen=True)
class Link:
    """One item of the page list: a page number and its address, or an ellipsis (number None)."""

    number: int | None
    href: str = ""
    current: bool = False


@dataclass(frozen=True)
class Paging:
    page: int
    pages: int
    total: int
    first: int  # the row numbers shown, counting from 1
    last: int
    previous: str | None
    next: str | None
    items: tuple[Link, ...]

    def rows(self, items: Sequence[T]) -> Sequence[T]:
        return items[self.first - 1 : self.last]


def requested_page(request: Request) -> str | None:
    """The page asked for, as written (None when not asked)."""
    return request.query_params.get("page")


def paginate(request: Request, total: int, what: str, per_page: int = PER_PAGE) -> Paging:
    """The page of `total` rows the request asks for; `what` names the rows in the message of a page that
    does not exist ('children behind this figure')."""
    pages = max(1, -(-total // per_page))
    asked = requested_page(request)
    page = 1 if asked is None else _number(asked)
    if not 1 <= page <= pages:
        shown = asked.strip()[:20] if asked and asked.strip() else "(blank)"
        listed = "1 page" if pages == 1 else f"{pages} pages"
        raise HTTPException(
            404, f"There is no page {shown} of the {what}. The list has {listed} of up to {per_page} ({total} in all)."
        )

    def href(number: int) -> str:
        kept = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
        return f"{request.url.path}?{urlencode([*kept, ('page', str(number))])}"

    return Paging(
        page=page,
        pages=pages,
        total=total,
        first=min(total, (page - 1) * per_page + 1),
        last=min(total, page * per_page),
        previous=href(page - 1) if page > 1 else None,
        next=href(page + 1) if page < pages else None,
        items=tuple(Link(n, href(n), n == page) if n else Link(None) for n in page_numbers(page, pages)),
    )


def _number(asked: str) -> int:
    """A page asked for as a whole number; 0 (no such page) for anything else."""
    return int(asked) if asked.isascii() and asked.isdigit() else 0


def page_numbers(page: int, pages: int) -> list[int]:
    """The first, the last and the pages either side of the current one; 0 where pages are left out."""
    shown = sorted({1, pages, *range(max(1, page - 1), min(pages, page + 1) + 1)})
    out: list[int] = []
    for n in shown:
        if out and n - out[-1] == 2:
            out.append(n - 1)  # one page left out: show it rather than an ellipsis
        elif out and n - out[-1] > 2:
            out.append(0)
        out.append(n)
    return out
