"""Analysts' accounts and browser sessions.

Passwords are hashed with argon2id (argon2-cffi, its recommended parameters); a session is a
random token in an HttpOnly cookie of which only the SHA-256 is stored, with its own CSRF token.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from marsad.errors import ReviewError
from marsad.store import schema as S

USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
MIN_PASSWORD = 8


def _hasher():
    try:
        from argon2 import PasswordHasher
    except ImportError:
        raise ReviewError("accounts need argon2-cffi: pip install 'marsad[web]'") from None
    return PasswordHasher()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _aware(t: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes for timezone-aware columns: they were written in UTC
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(slots=True, frozen=True)
class Session:
    username: str
    csrf_token: str
    expires_at: dt.datetime


class Accounts:
    def __init__(self, engine: Engine):
        self._engine = engine

    def add_user(self, username: str, password: str) -> None:
        if not USERNAME.match(username):
            raise ReviewError(f"invalid user name {username!r}: use 1-64 letters, digits, _ . @ -")
        if len(password) < MIN_PASSWORD:
            raise ReviewError(f"the password is too short: at least {MIN_PASSWORD} characters")
        row = {"username": username, "password_hash": _hasher().hash(password), "created_at": _now()}
        try:
            with self._engine.begin() as conn:
                conn.execute(sa.insert(S.users).values(**row))
        except IntegrityError:
            raise ReviewError(f"user {username!r} already exists") from None

    def users(self) -> list[str]:
        with self._engine.connect() as conn:
            return list(conn.execute(sa.select(S.users.c.username).order_by(S.users.c.username)).scalars())

    def authenticate(self, username: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError
        hasher = _hasher()
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(S.users.c.id, S.users.c.password_hash)
                               .where(S.users.c.username == username)).first()
        if row is None:
            # same work as for a real user: the time taken does not tell which names exist
            hasher.hash(password)
            return False
        try:
            hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        if hasher.check_needs_rehash(row.password_hash):
            with self._engine.begin() as conn:
                conn.execute(sa.update(S.users).where(S.users.c.id == row.id)
                             .values(password_hash=hasher.hash(password)))
        return True

    def open_session(self, username: str, hours: float) -> tuple[str, Session]:
        """A new session for `username`: (the cookie token, the session)."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = _now()
        expires = now + dt.timedelta(hours=hours)
        with self._engine.begin() as conn:
            uid = conn.execute(sa.select(S.users.c.id).where(S.users.c.username == username)).scalar_one()
            conn.execute(sa.delete(S.web_sessions).where(S.web_sessions.c.expires_at < now))
            conn.execute(sa.insert(S.web_sessions).values(token_hash=_digest(token), user_id=uid, csrf_token=csrf,
                                                          created_at=now, expires_at=expires))
        return token, Session(username, csrf, expires)

    def session(self, token: str | None) -> Session | None:
        if not token:
            return None
        W, U = S.web_sessions, S.users
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(U.c.username, W.c.csrf_token, W.c.expires_at)
                               .join(U, U.c.id == W.c.user_id)
                               .where(W.c.token_hash == _digest(token))).first()
        if row is None or _aware(row.expires_at) <= _now():
            return None
        return Session(row.username, row.csrf_token, _aware(row.expires_at))

    def close_session(self, token: str | None) -> None:
        if token:
            with self._engine.begin() as conn:
                conn.execute(sa.delete(S.web_sessions).where(S.web_sessions.c.token_hash == _digest(token)))
