"""The HTML report and review page in a real headless browser (Debian's chromium).

Uses selenium with the system chromedriver (never selenium-manager, which would download a
driver). Without chromium and chromedriver the tests skip and say why; `.ci/run` installs
them and sets RECONCILE_REQUIRE_BROWSER=1, which turns that skip into a failure so CI never
passes without having run them. Each test page is a file in pytest's tmp_path; the report's
screenshot is kept there as report.png.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reconcile.decisions import load_decisions
from reconcile.report import render
from reconcile.review import export_review, import_review
from report_fixtures import sample_report
from test_html_report import hostile_report

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVER = "chromedriver"
PNG = b"\x89PNG\r\n\x1a\n"


def _browser_paths() -> tuple[str | None, str | None]:
    browser = next((shutil.which(name) for name in CHROMIUM if shutil.which(name)), None)
    return browser, shutil.which(DRIVER)


@pytest.fixture(scope="module")
def browser():
    browser_path, driver_path = _browser_paths()
    missing = [name for name, path in (("chromium", browser_path),
                                       ("chromedriver", driver_path)) if not path]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    if missing:
        reason = (f"{' and '.join(missing)} not installed (Debian: apt-get install chromium "
                  "chromium-driver; .ci/run does this)")
        if os.environ.get("RECONCILE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"RECONCILE_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)

    options = webdriver.ChromeOptions()
    options.binary_location = browser_path
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1366,900", "--hide-scrollbars",
                     "--disable-extensions", "--no-first-run", "--lang=en-GB"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser, tmp_path: Path, name: str, text: str) -> None:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    browser.get(page.as_uri())
    browser.get_log("browser")  # start each page with an empty console


def _visible_rows(browser) -> list[str]:
    """The group id of each facts row on screen, in order."""
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('table.facts tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.querySelector('.id').textContent);")


def _column(browser, table: int, column: int) -> list[str]:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('table.facts')[arguments[0]].tBodies[0]"
        ".rows).map(r => r.cells[arguments[1]].textContent.trim());", table, column)


def _severe(browser) -> list[dict]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def test_browser_report_renders_sorts_searches_and_is_captured(browser, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, "report.html", render(sample_report(), "html"))
    assert browser.title == "Consistency report"
    assert _visible_rows(browser) == ["g1", "g10", "g2", "g3", "g4", "g5", "g6", "g7",
                                      "g8", "g9", "g11", "g12"]
    assert browser.find_element(By.ID, "shown").text == "Showing 12 of 12 facts"
    first = browser.find_element(By.CSS_SELECTOR, "table.facts tbody tr")
    assert first.get_attribute("data-verdict") == "conflict"
    assert first.find_element(By.TAG_NAME, "mark").text == "$698.9 million"
    assert first.find_element(By.CSS_SELECTOR, "td.fact b").is_displayed()

    # sorting story s1 by kind: ascending, descending, then back to the report's order
    kind_button = browser.find_elements(By.CSS_SELECTOR, "table.facts th.kind button")[0]
    report_order = _column(browser, 0, 1)
    kind_button.click()
    assert _column(browser, 0, 1) == sorted(report_order)
    header = browser.find_elements(By.CSS_SELECTOR, "table.facts th.kind")[0]
    assert header.get_attribute("aria-sort") == "ascending"
    kind_button.click()
    assert _column(browser, 0, 1) == sorted(report_order, reverse=True)
    kind_button.click()
    assert _column(browser, 0, 1) == report_order
    # a source column sorts by the stated numbers (3 < 12.5 < 698900000), blanks last
    ledger = browser.find_elements(By.CSS_SELECTOR, "table.facts th.source button")[1]
    ledger.click()
    assert [row[:7] for row in _column(browser, 0, 4)[:4]] == [
        "3 batte", "12.5%Th", "nearly ", "outlier"]
    ledger.click()
    ledger.click()

    # the search box keeps the rows that hold every word, across stories
    search = browser.find_element(By.ID, "search")
    search.send_keys("NASAMS")
    assert _visible_rows(browser) == ["g1", "g2"]  # g1: "including 3 NASAMS batteries"
    assert browser.find_element(By.ID, "shown").text == "Showing 2 of 12 facts"
    notes = browser.find_elements(By.CSS_SELECTOR, "section.story .no-match")
    assert [n.is_displayed() for n in notes] == [False, True]
    search.clear()
    search.send_keys("rescuers about")
    assert _visible_rows(browser) == ["g9"]
    search.clear()
    search.send_keys(" ")  # clear() fires no input event; a space is no search at all
    assert len(_visible_rows(browser)) == 12

    # the verdict filter, and the summary's figures match the rows
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.ID, "verdict-filter")).select_by_value("conflict")
    assert _visible_rows(browser) == ["g1", "g10"]
    Select(browser.find_element(By.ID, "verdict-filter")).select_by_value("")
    Select(browser.find_element(By.ID, "source-filter")).select_by_value("avalanche-sun")
    assert _visible_rows(browser) == ["g8", "g9", "g12"]
    Select(browser.find_element(By.ID, "source-filter")).select_by_value("")

    screenshot = tmp_path / "report.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes().startswith(PNG) and screenshot.stat().st_size > 20_000
    assert _severe(browser) == []  # no script error and no blocked script or style


def test_browser_report_runs_no_script_from_article_data(browser, tmp_path):
    _open(browser, tmp_path, "hostile.html", render(hostile_report(), "html"))
    assert browser.execute_script("return window.pwned === undefined;")
    links = browser.execute_script(
        "return Array.from(document.links).map(a => a.protocol);")
    assert set(links) <= {"file:", "http:", "https:"}  # story index anchors are file: links
    assert "javascript:" not in links


def test_browser_report_prints_without_the_toolbar(browser, tmp_path):
    _open(browser, tmp_path, "print.html", render(sample_report(), "html"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.execute_script(
            "return getComputedStyle(document.querySelector('.toolbar')).display;")
        assert shown == "none"
        pdf = browser.print_page()  # base64 of a PDF: the page prints without errors
        assert len(pdf) > 10_000
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_browser_review_page_downloads_importable_decisions(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    report = sample_report()
    _open(browser, tmp_path, "review.html", export_review(report, {}, "html").decode("utf-8"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.review tbody tr")
    assert len(rows) == 3
    browser.find_element(By.ID, "reviewer-name").send_keys("jd")
    Select(rows[0].find_element(By.CSS_SELECTOR, "[data-field=status]")).select_by_value(
        "accepted difference")
    rows[0].find_element(By.CSS_SELECTOR, "[data-field=note]").send_keys(
        "=the blog counts the training package, too")
    assert rows[0].find_element(By.CSS_SELECTOR, "[data-field=reviewer]").get_attribute(
        "value") == "jd"
    text = browser.execute_script("return window.reconcileReview.csv();")
    assert text.startswith("\ufeff") and "'=the blog counts" in text
    saved = tmp_path / "review-decisions.csv"
    saved.write_text(text, encoding="utf-8", newline="")
    accepted = tmp_path / "accepted.yaml"
    outcome = import_review(saved, accepted)
    assert outcome.written and outcome.result.undecided == 2
    (decision,) = load_decisions(accepted).values()
    assert (decision.status, decision.note, decision.reviewer) == (
        "accepted difference", "=the blog counts the training package, too", "jd")
    screenshot = tmp_path / "review.png"
    assert browser.save_screenshot(str(screenshot))
    assert _severe(browser) == []
