"""Drive headless Chromium as a person would: open a page, click what they would click, read the page.

A thin client of the Chrome DevTools Protocol (websocket-client comes with JupyterLab). Used by the
test that reruns a notebook in JupyterLab; nothing in the library depends on it.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, timeout: float, what: str, every: float = 0.5):
    """Call check until it returns something truthy; fail naming what was awaited."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")


class Page:
    """One Chromium tab: evaluate JavaScript, click an element by its text, take a screenshot."""

    def __init__(self, url: str, profile: Path, width: int = 1280, height: int = 2000):
        import websocket  # websocket-client, a JupyterLab dependency

        port = free_port()
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
             f"--window-size={width},{height}", url],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        target = wait_for(lambda: self._page_target(port), 30, "Chromium's debugging port")
        self.ws = websocket.create_connection(target["webSocketDebuggerUrl"], suppress_origin=True, timeout=60)
        self.calls = 0

    @staticmethod
    def _page_target(port: int):
        try:
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2))
        except OSError:
            return None
        return next((t for t in targets if t.get("type") == "page"), None)

    def call(self, method: str, **params):
        self.calls += 1
        self.ws.send(json.dumps({"id": self.calls, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.calls:
                return message.get("result", {})

    def js(self, expression: str):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def centre_of(self, selector: str, text: str):
        return self.js(f"""(() => {{ for (const e of document.querySelectorAll({json.dumps(selector)})) {{
            if (e.textContent.trim() === {json.dumps(text)}) {{ const r = e.getBoundingClientRect();
              if (r.width) return [r.x + r.width / 2, r.y + r.height / 2]; }} }} return null; }})()""")

    def click(self, selector: str, text: str, timeout: float = 30):
        """Move the mouse over the element whose text is `text`, then press and release it."""
        x, y = wait_for(lambda: self.centre_of(selector, text), timeout, f"{selector} {text!r}")
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path: Path) -> Path:
        import base64

        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot")["data"]))
        return path

    def close(self):
        try:
            self.ws.close()
        finally:
            self.proc.kill()
            self.proc.wait(timeout=30)
