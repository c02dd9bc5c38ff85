"""How fast HTML pages, feeds and ninjs are read, on Reuters stories from ../shared wrapped in
the formats (run with `python -m pytest tests/bench/test_ingest_formats_speed.py -s`).

The HTML wrapping is a typical news page: cookie notice, navigation, JSON-LD, Open Graph, the
article, a related-stories list and a footer. Prints articles per second; asserts nothing about
time (the machine is shared), only that every article was read with its date.
"""
from __future__ import annotations

import html
import json
import time
from itertools import islice
from pathlib import Path

import pytest

ARTICLES = 300

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Bench Wire</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Bench Wire">
<meta property="og:url" content="https://bench-wire.example-news.test/{id}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "{date}"}}</script>
<script>var tracking = {{"page": "{id}"}};</script></head><body>
<div class="cookie"><p>We use cookies to improve your experience.</p>
<button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li>
<li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Staff <time datetime="{date}">{date}</time></p>
{paragraphs}</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Grain exports rise 4% in March</a></li>
<li><a href="/b">Oil output falls to 1.2 mln barrels a day</a></li></ul></aside></main>
<footer><p>© 1987 Bench Wire. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def _stories(shared: Path, count: int) -> list[dict]:
    with (shared / "corpora" / "reuters21578" / "articles.jsonl").open(encoding="utf-8") as lines:
        stories = (json.loads(line) for line in lines)
        return list(islice((s for s in stories if len(s.get("body") or "") > 800
                            and s.get("date") and s.get("title")), count))


def _page(story: dict) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>"
                           for p in story["body"].split("\n\n") if p.strip())
    return PAGE.format(title=html.escape(story["title"].title()), date=story["date"],
                       id=story["id"], paragraphs=paragraphs)


def _ninjs(story: dict) -> str:
    return json.dumps({"uri": f"urn:bench:{story['id']}", "versioncreated": story["date"],
                       "headlines": [{"value": story["title"]}], "copyrightholder": "Bench Wire",
                       "bodies": [{"contenttype": "text/plain", "value": story["body"]}]})


def _rss(stories: list[dict]) -> str:
    items = "".join(
        f"<item><title>{html.escape(s['title'])}</title><link>https://bench-wire.example-news."
        f"test/{s['id']}</link><pubDate>{s['date']}</pubDate><description>"
        f"{html.escape(''.join(f'<p>{p}</p>' for p in s['body'].split(chr(10) * 2)))}"
        "</description></item>" for s in stories)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Wire</title>{items}' \
           "</channel></rss>"


def _timed(paths: list[str]) -> tuple[list, list, float]:
    from reconcile.ingest import read_sources

    start = time.perf_counter()
    sources, errors = read_sources(paths)
    return sources, errors, time.perf_counter() - start


@pytest.mark.bench
def test_ingest_formats_speed(shared, tmp_path):
    stories = _stories(shared, ARTICLES)
    (tmp_path / "html").mkdir()
    (tmp_path / "markdown").mkdir()
    for story in stories:
        (tmp_path / "html" / f"r{story['id']}.html").write_text(_page(story), encoding="utf-8")
        (tmp_path / "markdown" / f"r{story['id']}.md").write_text(
            f"---\ntitle: {json.dumps(story['title'])}\ndate: {story['date'][:10]}\n---\n\n"
            f"{story['body']}", encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text("\n".join(map(_ninjs, stories)) + "\n", encoding="utf-8")
    (tmp_path / "wire.rss").write_text(_rss(stories), encoding="utf-8")
    _timed([str(tmp_path / "markdown" / f"r{stories[0]['id']}.md")])  # imports and rules, once
    _timed([str(tmp_path / "html" / f"r{stories[0]['id']}.html")])
    print()
    for label, path in (("markdown", "markdown"), ("html pages", "html"),
                        ("ninjs jsonl", "wire.jsonl"), ("rss items", "wire.rss")):
        sources, errors, seconds = _timed([str(tmp_path / path)])
        dated = sum(1 for s in sources if s.published)
        print(f"{label:12} {len(sources):4d} articles in {seconds:6.2f} s = "
              f"{len(sources) / seconds:7.1f} articles/s ({dated} dated, {len(errors)} errors)")
        assert len(sources) == len(stories) and dated == len(stories)
    html_sources, _, _ = _timed([str(tmp_path / "html")])
    leaked = sum(1 for s in html_sources if "Accept all cookies" in s.text or
                 "Related stories" in s.text or "All rights reserved" in s.text)
    print(f"html pages with page furniture left in the body: {leaked} of {len(html_sources)}")
