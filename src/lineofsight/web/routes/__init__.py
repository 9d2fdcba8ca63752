"""Page areas of the dashboard, one module each, discovered by web/app.py.

A module here exposes `routes: list[Route | Mount]`, and builds its pages with the helpers in
web/pages.py: `require(request, *roles)` or `require_child_level(request)` for access,
`render(request, "area/page.html", context)` for templates extending "base.html",
`check_csrf(request, form)` on every POST, `record(...)` before showing child-level data,
and `state(request).use()` for the store.
"""
