"""Pictures of the page: headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright)
opens the HTML file with every other request aborted, waits until the graph is drawn and saves a PNG."""
from __future__ import annotations

from pathlib import Path

from skillgraph.errors import InputError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-default-apps", "--disable-extensions"]


def wait_until_drawn(page, timeout_ms: float) -> None:
    """Wait until the page says its graph is drawn (``window.skillgraph.ready``).

    The predicate is a function, never a bare expression: Playwright evaluates an expression
    predicate with ``eval`` once it has to poll, which the page's Content-Security-Policy
    (``script-src 'unsafe-inline'``, no ``'unsafe-eval'``) refuses, so a page slower than the
    first check failed with an EvalError. A function predicate is called without ``eval``."""
    page.wait_for_function("() => !!(window.skillgraph && window.skillgraph.ready)", timeout=timeout_ms)


def screenshot_html(html_path, png_path, *, width: int = 1400, height: int = 900,
                    timeout_s: float = 60.0, executable: str = CHROMIUM) -> Path:
    """Open ``html_path`` in headless Chromium (every request except the file blocked), wait until
    the graph is drawn, save a PNG of the window to ``png_path``."""
    html_path = Path(html_path).resolve()
    png_path = Path(png_path)
    if not Path(executable).exists():
        raise InputError(f"cannot take a screenshot: no Chromium at {executable} "
                         f"(install Debian's chromium package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise InputError("cannot take a screenshot: playwright is not installed "
                         "(pip install playwright; the browser itself is /usr/bin/chromium)") from exc
    url = html_path.as_uri()
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda route: route.continue_() if route.request.url == url
                       else route.abort())
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            wait_until_drawn(page, timeout_s * 1000)
            page.screenshot(path=str(png_path))
        finally:
            browser.close()
    return png_path
