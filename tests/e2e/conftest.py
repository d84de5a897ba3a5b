"""Fixtures for the browser tests: lumbar served on a free loopback port, and Debian's Chromium
driven by Playwright (never a downloaded browser), plus axe-core installed with `npm ci`.

The browser tests are skipped, with the reason, only when /usr/bin/chromium is missing;
`make test` installs it (its `browser` target), so in CI they run.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_server import TODAY, served

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).parent
AXE_DIR = HERE / "axe"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = HERE / "screenshots"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """lumbar served on a free loopback port, its clock fixed at 2 March 2026."""
    with served(tmp_path_factory.mktemp("lumbar-e2e-home"), lambda: TODAY) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, with the flags this machine needs."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (run `make browser`, or apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core's script, installed from the lock file with `npm ci` when it is not there yet."""
    if not AXE_SCRIPT.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip(
                "npm is not installed, so axe-core cannot be installed (tests/unit/web checks the HTML)"
            )
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=AXE_DIR,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        if done.returncode != 0 or not AXE_SCRIPT.exists():
            pytest.fail(f"`npm ci` in {AXE_DIR} failed:\n{done.stderr[-2000:]}")
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The folder for screenshots (git ignores it)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def phone() -> dict[str, int]:
    """The viewport of the browser tests: a phone (mobile first)."""
    return dict(PHONE)


@pytest.fixture
def context(browser: Browser, phone: dict[str, int]) -> Iterator[BrowserContext]:
    """A phone-sized browser tab context; CSP is bypassed only so axe can be injected."""
    ctx = browser.new_context(viewport=phone, bypass_csp=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
