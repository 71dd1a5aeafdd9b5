"""Errors whose message is written for the person who caused them (safe to show in the API and CLI).

Anything else raised inside Tandem is a bug: the API answers 500 with a request id and logs the
details, never the exception text.
"""

from __future__ import annotations


class TandemError(Exception):
    """A request Tandem cannot do as asked; `status` is the HTTP status the API answers with."""

    status = 400


class InvalidInput(TandemError, ValueError):
    """The input is malformed or out of range."""


class TooLarge(InvalidInput):
    """The input is bigger than Tandem accepts; the message names the limit."""

    status = 413


class NotFound(TandemError, LookupError):
    """What the request names does not exist."""

    status = 404


class Conflict(TandemError):
    """The request clashes with the current state (already decided, ambiguous id)."""

    status = 409


class NeedsModel(Conflict):
    """The feature needs a configured model (Claude or an OpenAI-compatible one) and none is set."""


class ModelUnavailable(TandemError):
    """The configured model did not answer and nothing offline can stand in for it."""

    status = 503


class RateLimited(TandemError):
    """Too many requests; `retry_after` says when to come back (seconds)."""

    status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = max(1, retry_after)
