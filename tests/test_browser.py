"""What a person checks by eye, in a real Chromium against `streamlit run` on 127.0.0.1.

Screenshots of each page go to build/screenshots (or $TRIALSCAPE_SCREENSHOTS); the test prints
the folder. Skips without Debian's chromium unless TRIALSCAPE_REQUIRE_BROWSER=1 (CI sets it).
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import duckdb
import httpx
import pytest

from conftest import ROOT
from testsupport.chromium import CHROMIUM, FLAGS

SHOTS = Path(os.environ.get("TRIALSCAPE_SCREENSHOTS", ROOT / "build" / "screenshots"))

pytestmark = pytest.mark.browser


def require_browser() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"no chromium at {CHROMIUM} (Debian's `chromium` package; .ci/run installs it)"
    if os.environ.get("TRIALSCAPE_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (TRIALSCAPE_REQUIRE_BROWSER=1)")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(db: Path) -> Iterator[str]:
    """A fresh `streamlit run app.py` on 127.0.0.1 serving `db`; its URL."""
    port = free_port()
    env = {**os.environ, "TRIALSCAPE_DB": str(db)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
         str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/_stcore/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("streamlit did not come up: " + proc.stderr.read(2000).decode())
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def server(small_db) -> Iterator[str]:
    require_browser()
    with streamlit_server(small_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def wait_ready(page, charts: int = 0) -> None:
    """Until the script run is over and the charts are drawn (not the loading skeleton)."""
    page.wait_for_selector('[data-testid="stSidebarNav"]', state="attached", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    if charts:
        page.wait_for_function(
            f"() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg')"
            f".length >= {charts}", timeout=60_000)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def expect_trials(page, n: int) -> None:
    """The 'Trials' metric reads n (waiting out a rerun still in flight on a busy machine)."""
    from playwright.sync_api import expect

    metric = page.locator('[data-testid="stMetric"]', has_text="Trials").first
    expect(metric.locator('[data-testid="stMetricValue"]')).to_have_text(f"{n:,}",
                                                                       timeout=60_000)


def sql(db, where: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM trials WHERE {where}").fetchall()[0][0]
    finally:
        con.close()


def test_a_reader_and_an_analyst_in_a_real_browser(server, browser, small_db, tmp_path):
    from playwright.sync_api import expect

    print(f"\nscreenshots: {SHOTS}")
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(server + "/?scope=all")  # everything, not only the advanced therapies
    wait_ready(page, charts=4)
    expect_trials(page, sql(small_db, "TRUE"))
    nav = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
    assert [n.split("\n")[-1].strip() for n in nav] == ["Landscape", "Modality", "Trials",
                                                         "Sponsors", "Conditions",
                                                         "Editors' desk", "About the data"]
    shot(page, "1-landscape")

    # Click the biggest bar of the main-modality chart: its modality becomes the filter,
    # visibly and in the link; the sidebar's undo puts things back.
    target = page.locator('[data-testid="stPlotlyChart"]').nth(1)
    target.scroll_into_view_if_needed()  # the app scrolls inside its own container
    page.wait_for_timeout(300)
    bars = target.locator(".bars .point path")
    boxes = [b.bounding_box() for b in bars.all()]
    box = max((b for b in boxes if b), key=lambda b: b["width"])
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # hover first,
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # as a person
    page.wait_for_url("**modality=*")
    clicked = parse_qs(urlsplit(page.url).query)["modality"]
    wait_ready(page, charts=4)
    expected = sql(small_db, f"list_contains(modalities, '{clicked[0]}')")
    expect_trials(page, expected)
    page.get_by_role("button", name="Undo the chart click").click()
    page.wait_for_function("() => !location.search.includes('modality=')", timeout=60_000)
    wait_ready(page, charts=4)

    # Follow a modality card to its page.
    page.locator('a[href*="modality=monoclonal_antibody"]', has_text="Trials").click()
    page.wait_for_url("**/modality?*modality=monoclonal_antibody*")
    wait_ready(page, charts=6)
    assert page.locator("h1").first.inner_text().startswith("Monoclonal antibodies")
    shot(page, "2-modality")

    # Set a filter in the sidebar; the link changes; a reload keeps it.
    page.locator('[data-testid="stMultiSelect"]', has_text="Phase").locator("input").click()
    page.get_by_role("option", name="Phase 2", exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_url("**phase=PHASE2*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["modality"] == ["monoclonal_antibody"] and query["phase"] == ["PHASE2"]
    page.reload()
    wait_ready(page, charts=4)
    expected = sql(small_db, "list_contains(modalities, 'monoclonal_antibody') "
                             "AND phase = 'PHASE2'")
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator('[data-testid="stCaptionContainer"]').first).to_have_text(
        re.compile(rf"^{expected:,} trials .*Phase: Phase 2"), timeout=60_000)

    # The trials page keeps the filters; its CSV holds exactly those trials.
    page.locator('[data-testid="stSidebarNav"] a', has_text="Trials").click()
    page.wait_for_url("**/trials?*")
    wait_ready(page)
    csv_button = page.get_by_role("button", name=f"{expected:,} trials (CSV)")
    csv_button.wait_for(timeout=60_000)
    shot(page, "3-trials")
    with page.expect_download(timeout=60_000) as info:
        csv_button.click()
    download = info.value
    assert download.suggested_filename.startswith("trialscape_monoclonal-antibody-phase2_")
    saved = tmp_path / "trials.csv"
    download.save_as(saved)
    with open(saved, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == expected
    assert {r["phase"] for r in rows} == {"PHASE2"}

    for name in ("Sponsors", "Conditions"):
        page.locator('[data-testid="stSidebarNav"] a', has_text=name).click()
        page.wait_for_url(f"**/{name.lower()}?*")
        wait_ready(page)
        page.locator("h1").first.wait_for(timeout=60_000)
        shot(page, f"4-{name.lower()}")

    page.locator('[data-testid="stSidebarNav"] a', has_text="Editors' desk").click()
    page.get_by_text("Explainer coverage").first.wait_for(timeout=60_000)
    wait_ready(page)
    shot(page, "4-editors-desk")

    page.locator('[data-testid="stSidebarNav"] a', has_text="About the data").click()
    page.get_by_text("Data from ClinicalTrials.gov").first.wait_for(timeout=60_000)
    shot(page, "5-about")

    # A phone-width window: everything readable, nothing wider than the screen.
    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    phone.goto(server)
    wait_ready(phone, charts=4)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    shot(phone, "6-landscape-phone")
    context.close()


BAD_WORDS = re.compile(r"(?<![\w-])(nan|NaN|None|NaT|<NA>)(?![\w-])")
DEEP_LINKS = {
    "landscape": "/?phase=PHASE2",
    "modality": "/modality?modality=gene_therapy",
    "trials": "/trials?modality=gene_therapy&status=RECRUITING",
    "sponsors": "/sponsors?sponsor_class=INDUSTRY",
    "conditions": "/conditions?area=cancer",
    "editors": "/editors?modality=engineered_cell_therapy",
    "about": "/about",
}


@pytest.mark.shared
@pytest.mark.parametrize("name", list(DEEP_LINKS))
def test_a_shared_link_is_the_first_visit_of_a_fresh_server(browser, ctgov_db, name):
    """Streamlit runs a fresh process's first visit as a v1 multipage app when pages/ exists:
    a deep link must still get the whole app (ui/entry.py), on real records, offline."""
    with streamlit_server(ctgov_db) as url:
        page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith((url, "data:", "blob:")) else None)
        page.goto(url + DEEP_LINKS[name])
        wait_ready(page)
        main = page.locator('[data-testid="stMain"]')
        main.locator("h1").first.wait_for(timeout=60_000)
        text = main.inner_text()
        assert "This app has encountered an error" not in text
        assert page.locator('[data-testid="stException"]').count() == 0
        assert not BAD_WORDS.search(text), BAD_WORDS.search(text)
        if name == "modality":
            page.wait_for_function(
                "() => document.querySelectorAll('.scattergeo .point, .scattergeo path.point')"
                ".length > 0 && document.querySelectorAll('.geo .countries path, "
                ".geo path.countries').length > 0", timeout=60_000)
        shot(page, f"real-first-visit-{name}")
        assert outside == [], f"the browser called out: {outside[:3]}"
        page.context.close()


def _readable(page, width: int, name: str) -> None:
    """What a person checks by eye: nothing wider than the window, no button label cut, every
    cartesian chart with both axes titled, a source line under every chart."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, name
    cut = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stMain"] button p, [data-testid="stMain"] a[data-testid] p')]
        .filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.textContent)""")
    assert not cut, f"{name}: labels cut {cut}"
    charts = page.locator('[data-testid="stPlotlyChart"]')
    for i in range(charts.count()):
        chart = charts.nth(i)
        if chart.locator(".cartesianlayer .xy, .cartesianlayer .xy2").count():
            xs = chart.locator('g[class^="g-x"][class$="title"] text').all_text_contents()
            ys = chart.locator('g[class^="g-y"][class$="title"] text').all_text_contents()
            assert any(t.strip() for t in xs) and any(t.strip() for t in ys), (
                f"{name} chart {i}: x {xs}, y {ys}")
        notes = " ".join(chart.locator(".gtitle-subtitle, .annotation-text").all_text_contents())
        assert "viatrialscape" in notes.replace(" ", ""), f"{name} chart {i}: no source line"


@pytest.mark.shared
@pytest.mark.parametrize("width", [1400, 390])
def test_landscape_and_gene_therapy_read_well_at_every_width(browser, ctgov_db, width):
    """Screenshots at 1400 and 390 px of the landscape and the gene-therapy overview, on real
    records: labels whole, axes titled, a source line under each chart."""
    with streamlit_server(ctgov_db) as url:
        # tall enough that nothing scrolls inside the app: the screenshot shows the whole page
        page = browser.new_context(viewport={"width": width, "height": 9000}).new_page()
        for path, name, charts in (("/", "landscape", 4),
                                   ("/modality?modality=gene_therapy", "gene-therapy", 6)):
            page.goto(url + path)
            wait_ready(page, charts=charts)
            page.wait_for_timeout(1500)  # plotly lays out its text after the svg exists
            shot(page, f"{name}-{width}")
            _readable(page, width, f"{name} at {width} px")
        page.context.close()


def test_an_embedded_chart_in_a_real_browser(server, browser):
    """What an article's iframe shows: one chart, its source line, no sidebar; the same cell
    counts as the landscape's pipeline."""
    page = browser.new_context(viewport={"width": 900, "height": 900}).new_page()
    page.goto(server + "/?scope=all")
    wait_ready(page, charts=4)
    page.wait_for_timeout(1000)
    cells = page.locator('[data-testid="stPlotlyChart"]').first.locator(
        "g.heatmaplayer text, .textpoint text, text.textpoint").all_text_contents()
    page.goto(server + "/embed?chart=pipeline&scope=all&embed=true")
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] "
                           ".main-svg').length >= 1", timeout=60_000)
    page.wait_for_timeout(1000)
    charts = page.locator('[data-testid="stPlotlyChart"]')
    assert charts.count() == 1
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    subtitle = " ".join(charts.first.locator(".gtitle-subtitle").all_text_contents())
    assert "trialscape" in subtitle
    embedded = charts.first.locator(
        "g.heatmaplayer text, .textpoint text, text.textpoint").all_text_contents()
    assert embedded == cells
    shot(page, "7-embedded-pipeline")
    page.context.close()
