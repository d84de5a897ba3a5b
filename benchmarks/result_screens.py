"""How long the result page is on a phone: screens (390×844) to the safety-net and in all.

    .venv/bin/python benchmarks/result_screens.py [FILE.jsonl ...]

Serves lumbar on a free loopback port (uvicorn in a thread), then, in Debian's Chromium driven by
Playwright at 390×844, describes each labelled text (default: the public vignettes in
../shared/vignettes), answers every question "No" (numbers: ordinary values; one of several: the first) and measures the result
page with every <details> closed: where the action, the first steps and the safety-net start, where
the safety-net ends, and the page's whole height, in phone screens. Prints the median and worst by
urgency level. Not a test: nothing is asserted; it prints the figures.
"""

from __future__ import annotations

import json
import socket
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import uvicorn
from playwright.sync_api import Page, sync_playwright
from rich.console import Console
from rich.table import Table

from lumbar.web import WebSettings, create_app

PHONE = {"width": 390, "height": 844}
CHROMIUM = "/usr/bin/chromium"
NUMBERS = {"age": 35, "pain_score": 5, "duration_days": 1, "temperature_c": 36.8, "pregnancy_weeks": 20}
MAX_STEPS = 40
#: the issue's bound on a self-care result before any disclosure is opened; longer ones are listed
SELF_CARE_MOST = 6.0
#: the class of a self-care result's level section
SELF_CARE_CLASS = "level-home"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "vignettes"
MEASURE = """() => {
  const top = el => el ? (el.getBoundingClientRect().top + scrollY) / innerHeight : null;
  const net = document.querySelector('.safety-net');
  return {
    level: document.querySelector('section.level').className.replace('level ', ''),
    steps: top(document.querySelector('#now-title')),
    net: top(net),
    net_end: net ? (net.getBoundingClientRect().bottom + scrollY) / innerHeight : null,
    total: document.documentElement.scrollHeight / innerHeight,
  };
}"""


def serve() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = WebSettings(port=port, secret="benchmark-secret-of-at-least-32-bytes", rate_per_minute=0)
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}"


def result_of(page: Page, base: str, text: str) -> dict[str, float | str | None]:
    page.goto(base + "/")
    page.get_by_label("What is happening with your back?").fill(text)
    page.get_by_role("button", name="Start").click()
    for _ in range(MAX_STEPS):
        page.wait_for_load_state()
        if not page.locator("form[data-question]").count():
            break
        number = page.locator("input[name=number]")
        choices = page.get_by_role("radio")
        if choices.count():  # one of several: the first choice
            choices.first.check()
            page.get_by_role("button", name="Next").click()
        elif number.count():
            question = page.locator("form[data-question]").get_attribute("data-question") or ""
            number.fill(str(NUMBERS.get(question, 1)))
            page.get_by_role("button", name="Next").click()
        else:
            page.get_by_role("button", name="No", exact=True).click()
    page.wait_for_load_state()
    return dict(page.evaluate(MEASURE))


def main(files: list[str]) -> None:
    paths = [Path(f) for f in files] or [SHARED / "dev.jsonl", SHARED / "others.jsonl"]
    texts = [json.loads(line)["text"] for p in paths for line in p.read_text().splitlines() if line.strip()]
    base = serve()
    by_level: dict[str, list[dict]] = defaultdict(list)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport=PHONE)
        for text in texts:
            figures = {**result_of(page, base, text), "text": text}
            by_level[str(figures["level"])].append(figures)
        browser.close()
    table = Table(title=f"Result page on a phone (390×844), {len(texts)} cases: screens, median / worst")
    for column in (
        "level",
        "cases",
        "first steps start",
        "safety-net starts",
        "safety-net ends",
        "whole page",
    ):
        table.add_column(column, justify="left" if column == "level" else "right")
    for level, rows in sorted(by_level.items()):

        def fig(key: str, rows: list[dict] = rows) -> str:
            values = [r[key] for r in rows if r[key] is not None]
            return f"{statistics.median(values):.1f} / {max(values):.1f}" if values else "—"

        table.add_row(level, str(len(rows)), fig("steps"), fig("net"), fig("net_end"), fig("total"))
    Console().print(table)
    for level, rows in sorted(by_level.items()):
        for row in rows:
            if level == SELF_CARE_CLASS and float(row["total"] or 0) > SELF_CARE_MOST:
                print(f"{level}: {float(row['total'] or 0):.1f} screens: {str(row['text'])[:90]}")


if __name__ == "__main__":
    main(sys.argv[1:])
