"""Errors meant for the person at the keyboard: shown as one plain line, never a traceback."""


class UserError(Exception):
    """Something the user can fix: a file that cannot be read, an unknown council, a bad option."""
