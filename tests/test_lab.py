"""The README's path for one's own articles, in a real browser: `newscompare notebooks FOLDER` writes
working copies, JupyterLab opens one, a click on Run > Run All Cells reruns it on those articles, and
the committed notebooks stay as they were."""

import hashlib
import os
import subprocess
import sys
import urllib.request

import pytest

from browser import CHROMIUM, Page, free_port, wait_for
from newscompare.report import notebook_paths

ONE = """Council approves a new bridge

The city council voted on Tuesday to build a new bridge over the river. "This bridge will bring jobs,"
said Mayor Ann Lopez. Critics called the plan a reckless waste of money.
"""
TWO = """Bridge plan passes despite protest

Residents protested outside City Hall as the council approved the bridge. "Nobody asked us," said Tom
Reed, a shop owner. Mayor Ann Lopez defended the vote.
"""

PROMPTS = "[...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(e => e.textContent.trim())"
OUTPUTS = "[...document.querySelectorAll('.jp-OutputArea-output')].map(e => e.textContent).join('\\n')"
ERRORS = "document.querySelectorAll('.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]').length"


def digest(paths):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


@pytest.fixture
def lab(tmp_path):
    """Working copies of the notebooks for two articles written here, served by JupyterLab."""
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "bridge_one.txt").write_text(ONE, encoding="utf-8")
    (arts / "bridge_two.txt").write_text(TWO, encoding="utf-8")
    work = tmp_path / "work"
    subprocess.run([sys.executable, "-m", "newscompare", "notebooks", str(arts), "--out", str(work)],
                   check=True, capture_output=True, timeout=120)
    port, token = free_port(), "newscompare-test"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces")}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", str(work), "--no-browser", f"--port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         *(["--allow-root"] if os.getuid() == 0 else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield work, f"http://127.0.0.1:{port}/lab/tree/01_articles.ipynb?token={token}"
    finally:
        server.terminate()
        server.wait(timeout=60)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (Debian package 'chromium'; .ci/run installs it)")
def test_a_working_copy_reruns_in_jupyterlab_on_ones_own_articles(lab, tmp_path):
    work, url = lab
    committed = digest(notebook_paths())
    wait_for(lambda: _answers(url), 120, "JupyterLab to answer")
    page = Page(url, tmp_path / "profile")
    try:
        wait_for(lambda: len(page.js(PROMPTS) or []) > 3, 120, "the notebook to render")
        wait_for(lambda: "Idle" in (page.js("document.body.innerText") or ""), 120, "the kernel to start")
        page.click(".lm-MenuBar-itemLabel", "Run")
        page.click(".lm-Menu-itemLabel", "Run All Cells")
        prompts = wait_for(lambda: _all_run(page.js(PROMPTS)), 300, "every code cell to run")
        outputs, errors = page.js(OUTPUTS), page.js(ERRORS)
        page.screenshot(tmp_path / "lab.png")
    finally:
        page.close()
    assert all(p[1:-2].isdigit() for p in prompts)  # "[7]:" for every code cell, none left "[*]:"
    assert "bridge_one" in outputs and "bridge_two" in outputs  # the user's articles, not the seeds
    assert "su24-2015" not in outputs and errors == 0
    assert (work / "figures" / "01_lengths.csv").is_file()  # the copy saves its figures beside itself
    assert digest(notebook_paths()) == committed


def _answers(url):
    try:
        return urllib.request.urlopen(url.replace("/lab/tree/01_articles.ipynb", "/api/status"), timeout=5)
    except OSError:
        return None


def _all_run(prompts):
    return prompts if prompts and all(p.startswith("[") and p[1:-2].isdigit() for p in prompts) else None
