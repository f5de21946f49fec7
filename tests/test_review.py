"""The review page (`corpuskit build --html`), opened in headless Chromium: it loads with
no console error and no network request, the filters work, seed text runs nothing, and a
screenshot is saved (also to $CORPUSKIT_ARTIFACTS when set)."""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import Browser

from conftest import BODY
from corpuskit.cli import main

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = (
    'Sponsor: <script>console.error("ran seed script")</script>\n\n'
    f"{BODY} <img src=x onerror=\"console.error('ran seed handler')\"> "
    '</pre></section><script>document.title = "taken"</script> & "quotes"\n\n'
    "Read more: <a href='https://example.org/x'>elsewhere</a>\n"
)

LINKING = {"src", "href", "srcset", "action", "data", "poster", "background"}


class Elements(HTMLParser):
    """Every element of a page with its attributes."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


VISIBLE_ROWS = "document.querySelectorAll('#seeds tbody tr:not([hidden])').length"


@pytest.fixture()
def page_file(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "seeds/zz_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "seeds/zz_broken.txt").write_bytes(bytes(range(256)) * 4)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--html", "build/report.html"]) == 1  # the broken seed fails the gate
    return tmp_path / "build/report.html"


def test_page_is_self_contained_and_escaped(page_file):
    html = page_file.read_text("utf-8")
    elements = Elements()
    elements.feed(html)
    assert [tag for tag, _ in elements.found if tag == "script"] == ["script"]  # its own script only
    links = [(tag, name, value) for tag, attrs in elements.found for name, value in attrs if name in LINKING]
    assert links and all(name == "href" and value.startswith("#seed-") for _, name, value in links)
    embedded = {"img", "link", "iframe", "object", "embed", "video", "audio", "base"}
    assert not embedded & {tag for tag, _ in elements.found}
    assert "&lt;script&gt;console.error(&quot;ran seed script&quot;)&lt;/script&gt;" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_page_in_headless_chromium(page_file, tmp_path):
    with Browser() as browser:
        page = browser.open(page_file.as_uri())
        assert page.errors() == []
        assert page.evaluate("document.title") == "corpuskit review: 7 seeds"
        assert page.evaluate(VISIBLE_ROWS) == 7
        seed_text = page.evaluate("document.getElementById('seed-zz_hostile').innerText")
        assert '<script>console.error("ran seed script")</script>' in seed_text
        struck = page.evaluate(
            "Array.from(document.querySelectorAll('#seed-zz_hostile del')).map(e => e.textContent)"
        )
        assert any(text.startswith("Sponsor:") for text in struck)

        def choose(select: str, value: str) -> int:
            page.evaluate(
                f"(() => {{ const s = document.getElementById('{select}'); s.value = '{value}';"
                " s.dispatchEvent(new Event('change')); })()"
            )
            return page.evaluate(VISIBLE_ROWS)

        assert choose("f-status", "fail") == 1
        assert page.evaluate("document.getElementById('shown').textContent") == "1"
        assert page.evaluate("document.getElementById('seed-zz_broken').hidden") is False
        assert page.evaluate("document.getElementById('seed-000_d384953f4071e83d').hidden") is True
        assert choose("f-status", "") == 7
        with_b102 = choose("f-rule", "B102")
        assert 1 <= with_b102 < 7
        assert page.evaluate("document.getElementById('seed-zz_broken').hidden") is True
        choose("f-rule", "")
        shot = page.screenshot(tmp_path / "review.png")
        assert page.errors() == []
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and shot.stat().st_size > 20_000
    artifacts = os.environ.get("CORPUSKIT_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(artifacts) / "review.png")


def test_missing_chromium_is_a_clear_failure(monkeypatch):
    import browser

    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match="apt-get install -y chromium"):
        browser.find_chromium()
