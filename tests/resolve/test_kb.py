from pathlib import Path

import pytest

from marsad.config import DATA_DIR, Options
from marsad.errors import DataFileError
from marsad.resolve.kb import ActorBase

ACTOR = """schema_version: 1
actors:
  - id: band
    type: ARMED_GROUP
    kind: rebel_group
    name_en: A band
    name_ar: عصابة
    {field}
"""


def _load(tmp_path: Path, field: str) -> ActorBase:
    (tmp_path / "actors.yaml").write_text(ACTOR.format(field=field), encoding="utf-8")
    return ActorBase.load(Options(data_dir=tmp_path))


def test_shipped_knowledge_base_refers_only_to_its_own_actors_and_countries():
    assert ActorBase.load(Options(data_dir=DATA_DIR)).get("sna").sponsors == ("country:TUR",)


@pytest.mark.parametrize("field", ["parent: no_such_force", "sponsors: [turkey]", "succeeded_by: no_such_state"])
def test_a_parent_or_sponsor_that_names_no_actor_is_reported(tmp_path, field):
    with pytest.raises(DataFileError, match="band: .*neither an actor id nor a country"):
        _load(tmp_path, field)


def test_a_country_may_sponsor(tmp_path):
    assert _load(tmp_path, "sponsors: [country:TUR]").get("band").sponsors == ("country:TUR",)


def test_home_aliases_without_a_home_country_are_reported(tmp_path):
    with pytest.raises(DataFileError, match="band: aliases_ar_home needs a home country"):
        _load(tmp_path, "aliases_ar_home: [الجيش]")


def test_an_end_that_is_no_date_is_reported(tmp_path):
    with pytest.raises(DataFileError, match="band: active_until must be a date"):
        _load(tmp_path, "active_until: soon")


@pytest.mark.parametrize("actor_id, agent", [
    ("russia_defence_ministry", "country:RUS"), ("white_house", "country:USA"), ("russia_forces", "country:RUS"),
    # (a ministry with no country of its own stays itself)
    ("syrian_regime_foreign_ministry", "syrian_regime_foreign_ministry"),
])
def test_a_state_s_forces_and_bodies_act_for_it(actor_id, agent):
    assert ActorBase.load(Options(data_dir=DATA_DIR)).agent(actor_id) == agent
