"""A headless Chromium driven by Selenium, and the console's server, for the browser tests.

The browser: Debian's `chromium` with `chromium-driver` (scripts/ensure-browser.sh installs
them; BULWARK_TEST_CHROMIUM / BULWARK_TEST_CHROMEDRIVER name others). Where neither can be
had the tests skip, saying which is missing. One Chromium serves all the tests of a pytest
worker (`Chromium`, started at the first test that needs it: starting one costs seconds);
each test gets a fresh tab in it with nothing left by the test before (`tab()`).
Screenshots go to test-artifacts/browser/ (or $BULWARK_TEST_ARTIFACTS/browser): CI keeps
them as the run's artifacts.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = (1280, 800)
PHONE = (390, 844)  # an iPhone 12-14's CSS pixels


def browser_binaries() -> tuple[str, str] | str:
    """(chromium, chromedriver) paths, or the reason the browser tests cannot run."""
    browser = os.environ.get("BULWARK_TEST_CHROMIUM") or shutil.which("chromium")
    driver = os.environ.get("BULWARK_TEST_CHROMEDRIVER") or shutil.which("chromedriver")
    missing = [
        what
        for what, path in (("chromium", browser), ("chromedriver (chromium-driver)", driver))
        if not path
    ]
    if missing:
        return (
            f"no {' and no '.join(missing)} on PATH: run scripts/ensure-browser.sh "
            "(Debian's chromium and chromium-driver)"
        )
    assert browser is not None and driver is not None
    return browser, driver


def artifacts_dir() -> Path:
    base = Path(os.environ.get("BULWARK_TEST_ARTIFACTS", ROOT / "test-artifacts"))
    path = base / "browser"
    path.mkdir(parents=True, exist_ok=True)
    return path


def start_chromium(browser: str, driver: str, size: tuple[int, int] = DESKTOP) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        f"--window-size={size[0]},{size[1]}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


@dataclass
class Page:
    """One browser tab on the console, with the helpers the tests read like steps."""

    driver: WebDriver
    base: str
    name: str
    shots: int = 0

    def open(self, path: str) -> None:
        self.driver.get(self.base + path)

    def find(self, css: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css: str) -> list[WebElement]:
        return list(self.driver.find_elements(By.CSS_SELECTOR, css))

    def wait_for(self, css: str, timeout: float = 10) -> WebElement:
        found: WebElement = WebDriverWait(self.driver, timeout).until(
            expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, css))
        )
        return found

    def wait_text(self, css: str, text: str, timeout: float = 10) -> None:
        # Read while a form's answer replaces the page, the element can vanish mid-read
        # (ChromeDriver: "unhandled inspector error"): that is "not yet", so look again.
        WebDriverWait(self.driver, timeout, ignored_exceptions=(WebDriverException,)).until(
            expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, css), text)
        )

    def wait_until(self, check: Any, timeout: float = 10, message: str = "") -> Any:
        # htmx swaps fragments in place: an element found by `check` can be replaced before it
        # is read (StaleElementReferenceException); that is "not yet", so look again.
        wait = WebDriverWait(
            self.driver, timeout, ignored_exceptions=(StaleElementReferenceException,)
        )
        return wait.until(lambda _: check(), message)

    def fill(self, css: str, value: str) -> None:
        field = self.wait_for(css)
        field.clear()
        field.send_keys(value)

    def click(self, css: str) -> None:
        self.wait_for(css).click()

    def select(self, css: str, value: str) -> None:
        """Choose `value` in the <select> at `css`. A fragment htmx reloads (a kill-switch
        event) replaces the element while it is chosen: look again until it holds `value`."""

        def chosen() -> bool:
            field = Select(self.wait_for(css))
            field.select_by_value(value)
            return field.first_selected_option.get_attribute("value") == value

        self.wait_until(chosen, message=f"{css} never held {value}")

    def login(self, username: str, password: str, totp: str = "") -> None:
        self.open("/console/login")
        self.fill("#username", username)
        self.fill("#password", password)
        if totp:
            self.fill("#totp_code", totp)
        self.click("#login-form button[type=submit]")
        self.wait_for("header.top")

    def shot(self, step: str) -> Path:
        """A screenshot named after the test and the step (test-artifacts/browser/)."""
        self.shots += 1
        safe = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{self.name}-{self.shots:02d}-{step}")
        path = artifacts_dir() / f"{safe}.png"
        self.driver.save_screenshot(str(path))
        return path

    def on_phone(self, path: str) -> None:
        """Open `path` in a phone-sized window (PHONE)."""
        self.driver.set_window_size(*PHONE)
        self.open(path)

    def overflows(self) -> bool:
        """Whether anything on the page is wider than the window (it scrolls sideways)."""
        wider: bool = self.driver.execute_script(
            "return document.documentElement.scrollWidth > window.innerWidth + 1"
        )
        return wider

    def console_errors(self) -> list[str]:
        """SEVERE messages from the page's console: CSP violations, script errors."""
        logs: list[dict[str, Any]] = self.driver.get_log("browser")  # type: ignore[no-untyped-call]
        return [entry["message"] for entry in logs if entry.get("level") == "SEVERE"]


class Chromium:
    """One headless Chromium for the tests of a pytest worker, handed to each test as a fresh tab.

    `fresh_tab` opens a new tab and closes every other one (what a test set on its tab through
    CDP, a user agent or a script for new documents, goes with it), clears every cookie and
    the HTTP cache, clears the console origin's storage, sizes the window and drops what the
    closed tabs logged: the test starts as in a browser just started. A browser that fails
    any of this (it crashed, a dialog blocks it) is quit and started again.
    """

    def __init__(self, browser: str, driver: str) -> None:
        self.binaries = (browser, driver)
        self._driver: WebDriver | None = None

    def fresh_tab(self, base: str, size: tuple[int, int] = DESKTOP) -> WebDriver:
        if self._driver is not None:
            try:
                return _reset(self._driver, base, size)
            except WebDriverException:
                self.quit()
        self._driver = start_chromium(*self.binaries, size=size)
        return _reset(self._driver, base, size)

    def quit(self) -> None:
        driver, self._driver = self._driver, None
        if driver is not None:
            with contextlib.suppress(WebDriverException):
                driver.quit()


def _reset(driver: WebDriver, base: str, size: tuple[int, int]) -> WebDriver:
    earlier = driver.window_handles
    driver.switch_to.new_window("tab")
    fresh = driver.current_window_handle
    for handle in earlier:
        driver.switch_to.window(handle)
        driver.close()
    driver.switch_to.window(fresh)
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": base, "storageTypes": "all"})
    driver.set_window_size(*size)  # 390 px wide for PHONE (a --window-size stops at 500)
    driver.get_log("browser")  # type: ignore[no-untyped-call]  # the closed tabs' messages
    return driver


@contextmanager
def tab(
    chromium: Chromium, base: str, name: str, size: tuple[int, int] = DESKTOP
) -> Iterator[Page]:
    """A fresh tab of the worker's Chromium (`Chromium.fresh_tab`) on the console at `base`.

    Left on about:blank after the block, so that no page of a finished test keeps polling or
    holds a socket on a server (a module's own server stops after its last test)."""
    driver = chromium.fresh_tab(base, size)
    try:
        yield Page(driver, base, name)
    finally:
        with contextlib.suppress(WebDriverException):
            driver.get("about:blank")
