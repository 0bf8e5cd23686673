"""Analysts' accounts: hashed passwords, sessions that expire, one CSRF token per session."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from marsad.errors import ReviewError
from marsad.review.accounts import Accounts
from marsad.store import schema as S


@pytest.fixture
def accounts(store):
    a = Accounts(store.engine)
    a.add_user("amal", "a long passphrase")
    return a


def test_password_is_stored_as_an_argon2_hash(store, accounts):
    with store.engine.connect() as conn:
        stored = conn.execute(sa.select(S.users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and "a long passphrase" not in stored


@pytest.mark.parametrize("user, password, ok", [("amal", "a long passphrase", True), ("amal", "a long passphrasE", False),
                                                ("omar", "a long passphrase", False)])
def test_authenticate(accounts, user, password, ok):
    assert accounts.authenticate(user, password) is ok


@pytest.mark.parametrize("user, password, message", [("amal", "another one!", "already exists"),
                                                     ("bad name", "long enough", "invalid user name"),
                                                     ("omar", "short", "too short")])
def test_bad_accounts_are_refused(accounts, user, password, message):
    with pytest.raises(ReviewError, match=message):
        accounts.add_user(user, password)


def test_session_lookup_and_logout(store, accounts):
    token, session = accounts.open_session("amal", hours=1)
    found = accounts.session(token)
    assert found.username == "amal" and found.csrf_token == session.csrf_token != token
    with store.engine.connect() as conn:
        assert token not in str(conn.execute(sa.select(S.web_sessions)).all())   # only its hash is stored
    accounts.close_session(token)
    assert accounts.session(token) is None
    assert accounts.session("made-up") is None and accounts.session(None) is None


def test_expired_session_is_refused(store, accounts):
    token, _ = accounts.open_session("amal", hours=1)
    with store.engine.begin() as conn:
        conn.execute(sa.update(S.web_sessions).values(
            expires_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)))
    assert accounts.session(token) is None
