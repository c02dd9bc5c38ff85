"""A self-contained HTML page: escaping, safe links, and the page shell with its security policy.

Shared by the HTML report (`report/html.py`) and the review table (`review/html_table.py`).
Nothing on the page comes from the network: the style and the script are inline, and the
page's Content-Security-Policy allows exactly those two blocks (by their SHA-256 hashes) and
nothing else. So even a piece of article text that slipped past `esc` could not run a script,
load an image or send a form: defence in depth behind escaping every piece of data.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from urllib.parse import urlsplit

# Characters that are not allowed in HTML text at all (C0 controls but tab, newline, CR).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

BASE_CSS = """
:root { --ink: #1d2433; --muted: #5b6475; --line: #d6dae3; --paper: #ffffff;
  --soft: #f5f6f9; --conflict: #b42318; --conflict-bg: #fdecea; --update: #9a5b00;
  --update-bg: #fff4dc; --agree: #1a7f37; --agree-bg: #e6f4ea; --single: #3b5b8c;
  --single-bg: #e9eff8; --decided: #6b3fa0; --decided-bg: #f1eafa; --mark: #ffe58a; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0 auto; padding: 1.2rem 1.5rem 3rem; max-width: 112rem; color: var(--ink);
  background: var(--paper); line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
    sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .25rem;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
a { color: #1f5fbf; }
code, .id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: .85em; }
.id { color: var(--muted); }
.muted { color: var(--muted); }
.small { font-size: .87rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .55rem;
  border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); font-size: .9rem; border-bottom: 2px solid var(--line); }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: 999px; font-size: .8rem;
  font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.v-conflict { color: var(--conflict); background: var(--conflict-bg); }
.v-update { color: var(--update); background: var(--update-bg); }
.v-agree { color: var(--agree); background: var(--agree-bg); }
.v-single { color: var(--single); background: var(--single-bg); }
.v-decided { color: var(--decided); background: var(--decided-bg); }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
.toolbar { display: none; }
.js .toolbar { display: flex; flex-wrap: wrap; gap: .5rem .8rem; align-items: center;
  position: sticky; top: 0; z-index: 2; background: var(--paper); padding: .6rem 0;
  border-bottom: 1px solid var(--line); }
.toolbar input[type=search], .toolbar input[type=text] { flex: 1 1 18rem; font: inherit;
  padding: .35rem .6rem; border: 1px solid #aab1bf; border-radius: 5px; }
.toolbar input[type=text] { flex: 0 1 14rem; }
.toolbar select, .toolbar button { font: inherit; font-size: .92rem; padding: .3rem .4rem;
  border: 1px solid #aab1bf; border-radius: 5px; background: var(--paper); }
th button.sort { all: unset; cursor: pointer; font-weight: 600; display: inline-flex;
  gap: .3rem; align-items: baseline; }
th button.sort::after { content: "\\2195"; color: #9aa2b1; font-size: .8em; }
th[aria-sort=ascending] button.sort::after { content: "\\25B2"; color: var(--ink); }
th[aria-sort=descending] button.sort::after { content: "\\25BC"; color: var(--ink); }
th button.sort:focus-visible { outline: 2px solid #1f5fbf; outline-offset: 2px; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .toolbar, .js .toolbar, nav, .no-print { display: none !important; }
  .scroll { overflow: visible; border: none; }
  h2 { break-after: avoid; }
  tr, .fact-block { break-inside: avoid; }
  thead { display: table-header-group; }
  mark { background: none; font-weight: 700; text-decoration: underline; }
  .badge { background: none !important; }
  a { color: inherit; text-decoration: none; }
  @page { size: A4 landscape; margin: 12mm; }
}
"""


def esc(text: object) -> str:
    """Any data as HTML text or attribute value: escaped, control characters dropped."""
    plain = "" if text is None else str(text)
    return html.escape(_CONTROL.sub("", plain), quote=True)


def safe_url(url: object) -> str | None:
    """The URL when it is a plain http(s) link, else None: data never becomes a script link."""
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    if _CONTROL.search(candidate) or any(c.isspace() for c in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return candidate


def link(url: object, text: object) -> str:
    """`text` as a link to `url` when the URL is http(s), else as plain (escaped) text."""
    href = safe_url(url)
    if href is None:
        return esc(text)
    return f'<a href="{esc(href)}" rel="noopener noreferrer nofollow">{esc(text)}</a>'


def json_for_script(data: object) -> str:
    """JSON to embed in a `<script type="application/json">` block: no `</script>` breakout."""
    import json

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    # "<" and ">" as escapes cannot close the block; U+2028/9 are line breaks to old parsers
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page(title: str, body: str, *, css: str = "", script: str = "") -> str:
    """A whole HTML document with inline style and script and a policy that allows only them."""
    style = BASE_CSS + css
    policy = ["default-src 'none'", f"style-src '{_hash(style)}'", "img-src data:",
              "base-uri 'none'", "form-action 'none'"]
    if script:
        policy.insert(2, f"script-src '{_hash(script)}'")
    script_block = f"<script>{script}</script>\n" if script else ""
    return ("<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{"; ".join(policy)}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="generator" content="reconcile">\n'
            f"<title>{esc(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
            f"{body}\n{script_block}</body>\n</html>\n")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
