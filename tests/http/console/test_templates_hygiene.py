"""Every console template and script, read as text: what the strict CSP would refuse, forms
without their CSRF token, and controls without a label.

The CSP is `script-src 'self'` with no 'unsafe-inline' (adapters/http/edge.py): an inline
style, script, `on*=` handler, `hx-on` (needs eval) or `javascript:` URL would be refused in
the browser -- silently for the user, a console error in the browser tests. These tests
catch them before a browser does, on every template, including the ones no browser test
opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from adapters.http.console.templating import STATIC, TEMPLATES

TEMPLATE_FILES = sorted(TEMPLATES.rglob("*.html"))
SCRIPT_FILES = sorted(p for p in STATIC.glob("*.js"))  # our own, not static/vendor/
FORBIDDEN = {
    "inline style attribute": re.compile(r"\sstyle\s*=", re.I),
    "inline event handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "hx-on attribute": re.compile(r"\b(data-)?hx-on", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I)
JINJA = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


def _name(path: Path) -> str:
    return str(path.relative_to(path.parents[1]))


def _offences(text: str) -> list[str]:
    found = [
        f"{what}: {m.group(0).strip()!r}"
        for what, rx in FORBIDDEN.items()
        for m in rx.finditer(text)
    ]
    found += [f"inline <script>: {m.group(0)!r}" for m in INLINE_SCRIPT.finditer(text)]
    return found


@pytest.mark.parametrize("path", TEMPLATE_FILES + SCRIPT_FILES, ids=_name)
def test_nothing_the_csp_would_refuse(path: Path) -> None:
    assert _offences(path.read_text()) == []


@pytest.mark.parametrize(
    ("snippet", "offence"),
    [
        ('<p style="color: red">', "inline style attribute"),
        ('<button onclick="go()">', "inline event handler"),
        ('<div hx-on::after-request="x()">', "hx-on attribute"),
        ('<a href="javascript:go()">', "javascript: URL"),
        ("<script>go()</script>", "inline <script>"),
    ],
)
def test_the_scan_finds_each_kind_of_offence(snippet: str, offence: str) -> None:
    assert any(o.startswith(offence) for o in _offences(snippet))
    assert _offences('<script src="/console/static/x.js" defer></script>') == []


@dataclass
class _Form:
    line: int
    post: bool
    htmx: bool
    csrf: bool = False


@dataclass
class _Control:
    line: int
    tag: str
    id: str | None
    labelled: bool


@dataclass
class _Scan(HTMLParser):
    """Forms (method, hx-post, the hidden CSRF field) and controls (and what labels them)."""

    forms: list[_Form] = field(default_factory=list)
    controls: list[_Control] = field(default_factory=list)
    label_for: set[str] = field(default_factory=set)
    _open_forms: list[_Form] = field(default_factory=list)
    _labels: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        line = self.getpos()[0]
        if tag == "form":
            form = _Form(line, a.get("method", "").lower() == "post", "hx-post" in a)
            self.forms.append(form)
            self._open_forms.append(form)
        elif tag == "label":
            self._labels += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        elif tag == "input" and a.get("type") == "hidden" and a.get("name") == "_csrf":
            for form in self._open_forms:
                form.csrf = True
        if tag in ("input", "select", "textarea") and a.get("type", "") not in UNLABELLED_TYPES:
            labelled = self._labels > 0 or bool(a.get("aria-label") or a.get("aria-labelledby"))
            self.controls.append(_Control(line, tag, a.get("id"), labelled))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._open_forms:
            self._open_forms.pop()
        elif tag == "label":
            self._labels = max(self._labels - 1, 0)


def _scan(path: Path) -> _Scan:
    # Jinja expressions inside attributes become plain text the parser can read; the CSRF
    # field's name is the template variable, so it is put back as the literal it renders to.
    text = path.read_text().replace("{{ csrf_field }}", "_csrf")
    scan = _Scan()
    scan.feed(JINJA.sub("x", text))
    scan.close()
    return scan


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=_name)
def test_every_post_form_carries_the_csrf_token(path: Path) -> None:
    """A plain POST form needs the hidden field; an htmx one sends the X-CSRF-Token header
    (base.html's hx-headers) -- the middleware refuses a POST with neither."""
    scan = _scan(path)

    missing = [f.line for f in scan.forms if f.post and not (f.csrf or f.htmx)]

    assert missing == [], f"{_name(path)}: POST forms without _csrf at lines {missing}"


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=_name)
def test_every_control_has_a_label(path: Path) -> None:
    scan = _scan(path)

    unlabelled = [
        f"{c.tag} line {c.line}"
        for c in scan.controls
        if not (c.labelled or (c.id is not None and c.id in scan.label_for))
    ]

    assert unlabelled == []


def test_the_scans_cover_the_console() -> None:
    assert len(TEMPLATE_FILES) > 20 and len(SCRIPT_FILES) >= 5
    forms = [f for p in TEMPLATE_FILES for f in _scan(p).forms]
    assert sum(f.csrf for f in forms) >= 1 and sum(f.htmx for f in forms) >= 1


def _scan_text(text: str) -> _Scan:
    scan = _Scan()
    scan.feed(text)
    scan.close()
    return scan


def test_the_form_and_label_scans_find_what_is_missing() -> None:
    bare = _scan_text('<form method="post"><input name="q"></form>')
    good = _scan_text(
        '<form method="post"><input type="hidden" name="_csrf" value="t">'
        '<label for="q">Q</label><input id="q" name="q"><label>R <select name="r"></select>'
        '</label><input name="s" aria-label="S"></form><form hx-post="/x" method="post"></form>'
    )

    assert [(f.post, f.csrf, f.htmx) for f in bare.forms] == [(True, False, False)]
    assert [c.labelled for c in bare.controls] == [False]
    assert all(f.csrf or f.htmx for f in good.forms)
    assert all(c.labelled or c.id in good.label_for for c in good.controls)
