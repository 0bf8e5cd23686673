"""`marsad user` and `marsad serve` on the command line."""
from __future__ import annotations

import io
import sys

import pytest

from marsad.cli import main


def test_user_add_then_list(tmp_path, monkeypatch, capsys):
    db = f"sqlite:///{tmp_path / 'm.db'}"
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long passphrase\n"))
    assert main(["user", "add", "amal", "--db", db]) == 0
    assert main(["user", "list", "--db", db]) == 0
    assert capsys.readouterr().out.split() == ["amal"]
    from marsad.review.accounts import Accounts
    from marsad.store import Store
    with Store.open(db) as s:
        assert Accounts(s.engine).authenticate("amal", "a long passphrase")


@pytest.mark.parametrize("argv, message", [(["user", "add"], "needs a user name"),
                                           (["user", "add", "x y"], "invalid user name")])
def test_user_add_errors(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long passphrase\n"))
    assert main([*argv, "--db", f"sqlite:///{tmp_path / 'm.db'}"]) == 2
    assert message in capsys.readouterr().err


def test_serve_help_names_its_options(capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "--host" in out and "--port" in out and "--db" in out
