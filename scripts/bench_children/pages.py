"""Every page's script run under Streamlit's AppTest, uncached and cached, with the page's own
queries timed on DuckDB alone as the floor. Prints one line per page and view:
view|page|uncached median|min|max|cached median|min|max|duckdb ms|queries

    python pages.py APP_PY SNAPSHOT RUNS

AppTest runs a page reached by switch_page on its own, without app.py (snapshot, sidebar,
navigation), which a browser's rerun also runs: the "app.py" row is that shared part, timed as
the main script's run minus its page.run(), to add to the other pages' figures.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from typing import Any

import duckdb
import streamlit as st
from streamlit.testing.v1 import AppTest

import trialscape.queries as queries

app, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.environ["TRIALSCAPE_DB"] = db
VIEWS: dict[str, dict[str, Any]] = {
    "no filter": {},
    "narrow": {"modality": "monoclonal_antibody", "phase": ["PHASE1", "PHASE2"],
               "start_from": "2018"},
    "broad": {"study_type": "INTERVENTIONAL", "status": ["RECRUITING", "COMPLETED"]},
}
with duckdb.connect(db, read_only=True) as _con:
    TOP_SPONSOR = _con.sql("SELECT sponsor FROM trials GROUP BY 1 ORDER BY count(*) DESC "
                           "LIMIT 1").fetchall()[0][0]
    TOP_CONDITION = _con.sql("SELECT c FROM (SELECT unnest(conditions) AS c FROM trials) "
                             "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchall()[0][0]
# page -> (script, parameters the page needs to show its main view)
PAGES = {"landscape": (None, {}),
         "modality": ("pages/modality.py", {"modality": "monoclonal_antibody"}),
         # the gene-therapy overview: the page the explainer sends readers to
         "gene therapy": ("pages/modality.py", {"modality": "gene_therapy"}),
         "trials": ("pages/trials.py", {}), "sponsors": ("pages/sponsors.py", {}),
         "sponsor": ("pages/sponsors.py", {"sponsor": TOP_SPONSOR}),
         "conditions": ("pages/conditions.py", {}),
         "condition": ("pages/conditions.py", {"condition": TOP_CONDITION}),
         "editors": ("pages/editors.py", {}), "about": ("pages/about.py", {})}

PAGE_RUNS: list[float] = []  # each page.run() of the last script run
SHARED: list[float] = []      # app.py's own part of each main-script run, uncached
SHARED_WARM: list[float] = []  # ... and cached
CALLS: list[Any] = []  # (sql, bound params) of every query the page ran in its last script run

_navigation = st.navigation
_run = queries.run


def timed_navigation(*args: Any, **kwargs: Any) -> Any:
    page = _navigation(*args, **kwargs)
    run = page.run

    def timed_run() -> None:
        t = time.perf_counter()
        try:
            run()
        finally:
            PAGE_RUNS.append(time.perf_counter() - t)
    page.run = timed_run  # type: ignore[method-assign]
    return page


def recording_run(con: Any, name: str, params: Any = None, filters: Any = None) -> Any:
    CALLS.append(queries.compose(name, filters, params))
    return _run(con, name, params, filters)


st.navigation = timed_navigation  # type: ignore[assignment]
queries.run = recording_run  # type: ignore[assignment]


def duckdb_alone(calls: list[Any]) -> float:
    """The floor: the same queries on the same file, run by DuckDB alone (fetched as Arrow)."""
    con = duckdb.connect(":memory:")
    con.execute(f"ATTACH '{db}' AS snap (READ_ONLY)")
    con.execute("USE snap")
    for text, bound in calls:  # warm the file's pages, as the page run did
        con.sql(text, params=bound).to_arrow_table()
    t = time.perf_counter()
    for text, bound in calls:
        con.sql(text, params=bound).to_arrow_table()
    spent = time.perf_counter() - t
    con.close()
    return spent


def timed_run(at: AppTest) -> float:
    t = time.perf_counter()
    at.run()
    return time.perf_counter() - t


def one(page: str | None, params: dict[str, Any], clear: bool) -> tuple[float, float, float, int]:
    at = AppTest.from_file(app, default_timeout=300)
    for k, v in params.items():
        at.query_params[k] = v
    if page:  # reach the page the way a link does: main script first
        at.run()
        at.switch_page(page)
    if clear:
        st.cache_data.clear()
    CALLS.clear()
    PAGE_RUNS.clear()
    first = timed_run(at)
    calls = list(CALLS)
    SHARED.append(first - sum(PAGE_RUNS) if not page else float("nan"))
    if page:
        at.switch_page(page)
    else:
        at._finished_page_script_hash = ""  # AppTest 1.67 skips plain reruns otherwise
    PAGE_RUNS.clear()
    again = timed_run(at)
    SHARED_WARM.append(again - sum(PAGE_RUNS) if not page else float("nan"))
    assert not at.exception, at.exception
    return first, again, duckdb_alone(calls), len(calls)


def ms(x: float) -> str:
    return f"{x * 1000:.0f}"


one(None, {}, True)  # warm-up: imports, connection
for view, params in VIEWS.items():
    for name, (page, needs) in PAGES.items():
        SHARED.clear()
        SHARED_WARM.clear()
        cold, warm, alone, n = zip(*[one(page, {**needs, **params}, True)
                                     for _ in range(runs)], strict=True)
        if name == "landscape":
            print(f"{view}|app.py|{ms(statistics.median(SHARED))}|-|-|"
                  f"{ms(statistics.median(SHARED_WARM))}|-|-|0|0", flush=True)
        print(f"{view}|{name}|{ms(statistics.median(cold))}|{ms(min(cold))}|{ms(max(cold))}|"
              f"{ms(statistics.median(warm))}|{ms(min(warm))}|{ms(max(warm))}|"
              f"{ms(statistics.median(alone))}|{n[0]}", flush=True)
