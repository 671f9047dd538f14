"""An archive of reports drafted in worker processes: the same drafts, in order, errors raised."""

import datetime as dt

import pytest

import geomap.batch as batch
import geomap.extract as extract_mod
from geomap.batch import auto_jobs, extract_many
from geomap.errors import AmbiguousPlace, InputError
from geomap.extract import drafts_yaml
from tests.test_extract import SU22_HOTLINE, SU22_JADIN, SU25_FORTRUSS, SU25_GPA

DAY = dt.date(2017, 11, 24)


def _archive(copies=3):
    texts = [SU25_GPA, SU25_FORTRUSS, SU22_HOTLINE, SU22_JADIN]
    return [(t, f"{k}-{i}.txt") for k in range(copies) for i, t in enumerate(texts)]


def test_workers_draft_what_one_process_drafts_in_the_reports_order():
    reports = _archive()
    one = extract_many(reports, date=DAY, jobs=1)
    two = extract_many(reports, date=DAY, jobs=2)
    assert [ex.source for ex in two] == [source for _, source in reports]
    assert drafts_yaml(two) == drafts_yaml(one)
    assert sum(len(inc.claims) for ex in two for inc in ex.incidents) > len(reports)


def test_progress_counts_every_report_once():
    seen = []
    extract_many(_archive(2), date=DAY, jobs=2, progress=seen.append)
    assert sum(seen) == 8 and len(seen) > 1


def test_a_reports_error_in_a_worker_is_raised_to_the_caller(monkeypatch):
    real = extract_mod.extract

    def failing(text, **kw):
        if kw["source"] == "1-2.txt":
            raise InputError("cannot be read", source=kw["source"])
        return real(text, **kw)

    monkeypatch.setattr(extract_mod, "extract", failing)   # forked workers inherit it
    with pytest.raises(InputError, match="1-2.txt: cannot be read"):
        extract_many(_archive(), date=DAY, jobs=2)


def test_an_error_that_cannot_travel_between_processes_still_names_its_report(monkeypatch):
    def failing(text, **kw):
        raise AmbiguousPlace("Karama", [])   # needs two arguments: not rebuilt from a pickle

    monkeypatch.setattr(extract_mod, "extract", failing)
    with pytest.raises(InputError, match="0-0.txt: AmbiguousPlace: 'Karama' is ambiguous"):
        extract_many(_archive(1), date=DAY, jobs=2)


def test_workers_started_afresh_where_the_system_cannot_fork(monkeypatch):
    monkeypatch.setattr(batch, "_FORKED", False)
    reports = _archive(1)
    assert drafts_yaml(extract_many(reports, date=DAY, jobs=2)) == drafts_yaml(extract_many(reports, date=DAY, jobs=1))


def test_a_callers_gazetteer_is_never_swapped_for_the_bundled_one(monkeypatch):
    from geomap.gazetteer import Gazetteer

    monkeypatch.setattr(batch, "_FORKED", False)
    used = []
    real = extract_mod.extract
    monkeypatch.setattr(extract_mod, "extract", lambda text, **kw: used.append(kw["gazetteer"]) or real(text, **kw))
    mine = Gazetteer.default()
    extract_many(_archive(1), date=DAY, jobs=2, gazetteer=mine)
    assert used and all(g is mine for g in used)   # read in this process, with it


def test_auto_uses_every_core_only_for_an_archive(monkeypatch):
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert auto_jobs(10_000) == 1
    assert auto_jobs(batch.PARALLEL_BYTES) == 3
    assert auto_jobs(10_000, 2) == 2
