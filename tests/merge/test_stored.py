"""Incidents in the database: incremental resolution, replaced documents, interrupted ingests."""
import datetime as dt

import pytest

from marsad import api
from marsad.config import Options
from marsad.store import Store

MAY_10 = dt.date(2023, 5, 10)
CLASH_A = ("اندلعت اشتباكات عنيفة، أمس الثلاثاء، بين عناصر من لواء الباقر وعناصر من قوات الدفاع الوطني "
           "في حي الجورة بمدينة دير الزور، أسفرت عن مقتل ثلاثة عناصر من لواء الباقر.")
CLASH_B = ("قُتل خمسة عناصر من لواء الباقر في اشتباكات مع قوات الدفاع الوطني في حي الجورة بمدينة دير الزور، "
           "يوم الثلاثاء، بحسب مصادر محلية.")
MEETING = "عقد وفد روسي اجتماعاً مع وجهاء عشائر في بلدة التبني بريف دير الزور، أمس الثلاثاء."


@pytest.fixture
def options(store_url) -> Options:
    """A fresh database on each backend (SQLite, and PostgreSQL when a server answers)."""
    return Options.load(db_url=store_url, progress=False)


def ingest(options, report, *docs):
    return api.ingest([report(*d) for d in docs], options)


def stored(options) -> list[list[str]]:
    with Store.open(options.db_url) as store:
        return sorted(sorted(m.key for m in i.members) for i in store.iter_incidents())


def test_a_report_ingested_later_joins_the_stored_incident(options, report):
    ingest(options, report, ("a", "Outlet A", MAY_10, CLASH_A))
    with Store.open(options.db_url) as store:
        [first] = store.iter_incidents()
    ingest(options, report, ("b", "Outlet B", MAY_10, CLASH_B))
    with Store.open(options.db_url) as store:
        incident = store.get_incident(first.id)
    assert sorted(m.key for m in incident.members) == ["a#ev1", "b#ev1"]
    assert (incident.fatalities, incident.fatalities_max) == (3, 5)
    assert [c.field for c in incident.conflicts] == ["casualties"]


def test_incremental_and_all_at_once_give_the_same_incidents(tmp_path, report):
    one_by_one = Options.load(db_url=f"sqlite:///{tmp_path}/one.db")
    at_once = Options.load(db_url=f"sqlite:///{tmp_path}/all.db")
    docs = [("a", "Outlet A", MAY_10, CLASH_A), ("m", "Outlet M", MAY_10, MEETING), ("b", "Outlet B", MAY_10, CLASH_B)]
    for d in docs:
        ingest(one_by_one, report, d)
    ingest(at_once, report, *docs)
    assert stored(one_by_one) == stored(at_once)
    assert ["a#ev1", "b#ev1"] in stored(at_once) and ["m#ev1"] in stored(at_once)


def test_a_replaced_document_leaves_its_incident(options, report):
    ingest(options, report, ("a", "Outlet A", MAY_10, CLASH_A), ("b", "Outlet B", MAY_10, CLASH_B))
    ingest(options, report, ("b", "Outlet B", MAY_10, MEETING))      # b's new text reports a meeting instead
    assert ["a#ev1"] in stored(options)
    with Store.open(options.db_url) as store:
        clash = next(i for i in store.iter_incidents() if i.type == "ARMED_CLASH")
    assert clash.conflicts == [] and clash.fatalities_max == 3


def test_documents_saved_but_never_resolved_are_resolved_by_the_next_ingest(options, report):
    """As after an ingest killed between saving documents and resolving their incidents."""
    with Store.open(options.db_url) as store:
        store.save(report("a", "Outlet A", MAY_10, CLASH_A))
        store.save(report("b", "Outlet B", MAY_10, CLASH_B))
    assert stored(options) == []
    api.ingest([], options)
    assert stored(options) == [["a#ev1", "b#ev1"]]
