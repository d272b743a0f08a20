"""Load and validate a document layout (TOML) into frozen dataclasses.

Why data and not code: a post must be able to move a field, translate a label or swap the logo
without a release. So every mistake in a layout has to be caught when it is loaded, and the
message must name the file and the key (``consular_id_card.toml: front.elements[3].x: ...``)
because the person fixing it is an administrator with a text editor, not a developer.

Conventions: positions and sizes in millimetres from the page's top-left corner (how a designer
measures a card); font sizes in points; colours ``#RRGGBB`` or a name from ``[colours]``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from templates.errors import LayoutError
from templates.fields import FIELDS, LISTS, check_kind

PACKAGE_DIR = Path(__file__).resolve().parent
STANDARD_FONTS = frozenset(
    f"{family}{style}"
    for family, styles in (
        ("Helvetica", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Times", ("-Roman", "-Bold", "-Italic", "-BoldItalic")),
        ("Courier", ("", "-Bold", "-Oblique", "-BoldOblique")),
    )
    for style in styles
)
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_LANG = re.compile(r"^[a-z]{2,3}$")

ElementKind = Literal[
    "rect", "line", "text", "field", "list", "image", "portrait", "mrz", "code128", "datamatrix"
]
_BOX = ("x", "y", "w", "h")
_FIELD_OPTIONAL = tuple(
    "label font size colour label_font label_size label_colour align max_lines".split()
)
_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (required keys, optional keys); "kind" itself is always required.
    "rect": (_BOX, ("fill", "stroke", "stroke_width", "radius")),
    "line": (("x", "y", "w"), ("colour", "stroke_width")),
    "text": ((*_BOX, "label"), ("font", "size", "colour", "align", "max_lines")),
    "field": (
        (*_BOX, "field"),
        _FIELD_OPTIONAL,
    ),
    # Repeating values (a certificate's annotations) stacked in the box, each word-wrapped; they
    # shrink to fit and are never cut: the renderer refuses a list that cannot fit.
    "list": (
        (*_BOX, "field"),
        ("label", "empty", "font", "size", "colour", "label_font", "label_size", "label_colour"),
    ),
    "image": ((*_BOX, "image"), ()),
    "portrait": (_BOX, ("label", "stroke", "font", "size")),
    "mrz": (("x", "y", "lines", "chars"), ("font", "size", "cpi", "line_spacing", "colour")),
    "code128": (_BOX, ("field",)),
    "datamatrix": (_BOX, ()),
}


@dataclass(frozen=True, slots=True)
class Font:
    """A font role: a PDF base-14 font (``path`` None) or a TrueType file to embed."""

    name: str
    path: Path | None


@dataclass(frozen=True, slots=True)
class Element:
    """One thing drawn on a page; which attributes matter depends on ``kind`` (see ``_KEYS``)."""

    kind: ElementKind
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    field: str | None = None
    label: str | None = None
    font: str = "value"
    size: float = 7.0
    colour: str = "#000000"
    label_font: str = "label"
    label_size: float = 4.5
    label_colour: str = "#000000"
    align: Literal["left", "centre", "right"] = "left"
    max_lines: int = 1
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.25
    radius: float = 0.0
    image: Path | None = None
    lines: int = 0
    chars: int = 0
    cpi: float = 10.0
    line_spacing: float = 4.23
    empty: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A physical page (card side or sheet); sizes in mm."""

    name: str
    width: float
    height: float
    corner_radius: float
    margin: float
    background: str | None
    elements: tuple[Element, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """A validated layout; ``labels[key]`` holds the text in each language of ``languages``."""

    kind: str
    source: Path
    title: str
    languages: tuple[str, ...]
    fonts: Mapping[str, Font]
    labels: Mapping[str, Mapping[str, str]]
    pages: tuple[Page, ...]

    def label(self, key: str, separator: str = " / ") -> str:
        """The label in the post's languages, e.g. ``Surname / Nom``."""
        texts = self.labels[key]
        return separator.join(dict.fromkeys(texts[lang] for lang in self.languages))

    def page(self, name: str) -> Page:
        """The page called ``name`` (``front``, ``back`` ...)."""
        for page in self.pages:
            if page.name == name:
                return page
        raise KeyError(name)


def load_layout(
    kind: str, folder: Path | None = None, *, languages: tuple[str, ...] | None = None
) -> Layout:
    """The layout of ``kind``: the post's ``folder/<kind>.toml`` if present, else the package's.

    Fonts (``fonts/``) and images (``images/``) are looked up in the post's folder first, so a
    post can replace the emblem by dropping ``images/emblem.png`` in its folder. ``languages``
    overrides the layout's language pair (every label must exist in each language).
    """
    check_kind(kind)
    candidates = [folder / f"{kind}.toml"] if folder is not None else []
    candidates.append(PACKAGE_DIR / "layouts" / f"{kind}.toml")
    for path in candidates:
        if path.is_file():
            return parse_layout(path, folder=folder, languages=languages)
    raise LayoutError(f"{kind}.toml", "(file)", f"no layout in {[str(p) for p in candidates]}")


def parse_layout(
    path: Path, *, folder: Path | None = None, languages: tuple[str, ...] | None = None
) -> Layout:
    """Parse and validate one layout file; see ``load_layout`` for ``folder`` and ``languages``."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(path.name, "(syntax)", str(exc)) from exc
    return _Parser(path, folder).layout(raw, languages)


class _Parser:
    """Walks the TOML with the current key path so that every error can name it."""

    def __init__(self, path: Path, folder: Path | None) -> None:
        self.path, self.file = path, path.name
        self.search = [d for d in (folder, path.parent) if d is not None] + [PACKAGE_DIR]

    def fail(self, key: str, message: str) -> LayoutError:
        return LayoutError(self.file, key, message)

    def table(self, raw: Mapping[str, Any], key: str, name: str) -> dict[str, Any]:
        value = raw.get(name)
        if not isinstance(value, dict):
            raise self.fail(_join(key, name), "must be a table")
        return value

    def string(self, raw: Mapping[str, Any], key: str, name: str) -> str:
        value = raw.get(name)
        if not isinstance(value, str) or not value:
            raise self.fail(_join(key, name), "must be a non-empty string")
        return value

    def number(self, raw: Mapping[str, Any], key: str, name: str, lo: float, hi: float) -> float:
        value = raw.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
            raise self.fail(_join(key, name), f"must be a number between {lo:g} and {hi:g}")
        return float(value)

    def colour(
        self, raw: Mapping[str, Any], key: str, name: str, palette: Mapping[str, str]
    ) -> str:
        value = self.string(raw, key, name)
        if value in palette:
            return palette[value]
        if not _HEX.match(value):
            raise self.fail(_join(key, name), f"'{value}' is neither #RRGGBB nor in [colours]")
        return value

    def resource(self, key: str, sub: str, name: str) -> Path:
        if "/" in name or "\\" in name or name.startswith("."):
            raise self.fail(key, f"'{name}' must be a plain file name in {sub}/")
        for base in self.search:
            for candidate in (base / sub / name, base / name):
                if candidate.is_file():
                    return candidate
        raise self.fail(key, f"{sub[:-1]} file '{name}' not found in {sub}/")

    def layout(self, raw: Mapping[str, Any], languages: tuple[str, ...] | None) -> Layout:
        kind = self.string(raw, "", "kind")
        if kind not in FIELDS:
            raise self.fail("kind", f"unknown document kind '{kind}'")
        langs = languages if languages is not None else raw.get("languages")
        if (
            not isinstance(langs, list | tuple)
            or not langs
            or not all(isinstance(x, str) and _LANG.match(x) for x in langs)
        ):
            raise self.fail("languages", "must be a list of language codes such as ['en', 'fr']")
        fonts = {
            role: self.font(f"fonts.{role}", spec)
            for role, spec in self.table(raw, "", "fonts").items()
        }
        colours = self.table(raw, "", "colours") if "colours" in raw else {}
        palette = {name: self.colour(colours, "colours", name, {}) for name in colours}
        labels = self.labels(self.table(raw, "", "labels"), tuple(langs))
        order = raw.get("pages")
        if not isinstance(order, list) or not order or not all(isinstance(p, str) for p in order):
            raise self.fail("pages", "must be a list of page names such as ['front', 'back']")
        pages = tuple(self.page(name, raw, kind, fonts, palette, labels) for name in order)
        extra = set(raw) - {"kind", "title", "languages", "fonts", "colours", "labels", "pages"}
        extra -= set(order)
        if extra:
            raise self.fail(sorted(extra)[0], "unknown key (not a page listed in 'pages')")
        return Layout(
            kind=kind,
            source=self.path,
            title=self.string(raw, "", "title"),
            languages=tuple(langs),
            fonts=MappingProxyType(fonts),
            labels=MappingProxyType({k: MappingProxyType(v) for k, v in labels.items()}),
            pages=pages,
        )

    def font(self, key: str, spec: object) -> Font:
        if not isinstance(spec, str) or not spec:
            raise self.fail(key, "must be a font name or a .ttf file name")
        if spec.lower().endswith(".ttf"):
            return Font(name=Path(spec).stem, path=self.resource(key, "fonts", spec))
        if spec not in STANDARD_FONTS:
            raise self.fail(key, f"unknown font '{spec}' (a PDF standard font or a .ttf file)")
        return Font(name=spec, path=None)

    def labels(self, raw: Mapping[str, Any], langs: tuple[str, ...]) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        for name, texts in raw.items():
            if not isinstance(texts, dict):
                raise self.fail(f"labels.{name}", "must be a table of language = text")
            for lang in langs:
                self.string(texts, f"labels.{name}", lang)
            out[name] = {k: v for k, v in texts.items() if isinstance(v, str)}
        return out

    def page(
        self,
        name: str,
        raw: Mapping[str, Any],
        kind: str,
        fonts: Mapping[str, Font],
        palette: Mapping[str, str],
        labels: Mapping[str, Any],
    ) -> Page:
        table = self.table(raw, "", name)
        allowed = {"size_mm", "corner_radius", "margin", "background", "elements"}
        for extra in sorted(set(table) - allowed):
            raise self.fail(
                f"{name}.{extra}", f"unknown key (allowed: {', '.join(sorted(allowed))})"
            )
        size = table.get("size_mm")
        if not isinstance(size, list) or len(size) != 2:
            raise self.fail(f"{name}.size_mm", "must be [width, height] in mm")
        width = self.number({"w": size[0]}, f"{name}.size_mm", "w", 10, 1000)
        height = self.number({"h": size[1]}, f"{name}.size_mm", "h", 10, 1000)
        radius = self.number(table, name, "corner_radius", 0, 20) if "corner_radius" in table else 0
        margin = self.number(table, name, "margin", 0, 30) if "margin" in table else 0.0
        background = (
            self.colour(table, name, "background", palette) if "background" in table else None
        )
        elements = table.get("elements")
        if not isinstance(elements, list) or not all(isinstance(e, dict) for e in elements):
            raise self.fail(f"{name}.elements", "must be an array of tables ([[...elements]])")
        ctx = _PageContext(name, width, height, margin, kind, fonts, palette, labels)
        return Page(
            name=name,
            width=width,
            height=height,
            corner_radius=radius,
            margin=margin,
            background=background,
            elements=tuple(
                self.element(ctx, f"{name}.elements[{i}]", e) for i, e in enumerate(elements)
            ),
        )

    def element(self, ctx: _PageContext, key: str, raw: Mapping[str, Any]) -> Element:
        kind = raw.get("kind")
        if kind not in _KEYS:
            raise self.fail(f"{key}.kind", f"must be one of {', '.join(_KEYS)}")
        required, optional = _KEYS[kind]
        for extra in sorted(set(raw) - {"kind", *required, *optional}):
            allowed = ", ".join(("kind", *required, *optional))
            raise self.fail(f"{key}.{extra}", f"unknown key for a {kind} (allowed: {allowed})")
        for name in required:
            if name not in raw:
                raise self.fail(f"{key}.{name}", f"missing (a {kind} needs {', '.join(required)})")
        values: dict[str, Any] = {"kind": kind}
        lo = 0.0 if kind == "rect" else ctx.margin  # background bands may bleed into the margin
        values["x"] = self.within(raw, key, "x", lo, ctx.width - lo, ctx)
        values["y"] = self.within(raw, key, "y", lo, ctx.height - lo, ctx)
        if "w" in raw:
            values["w"] = self.within(raw, key, "w", 0, ctx.width - lo - values["x"], ctx)
        if "h" in raw:
            values["h"] = self.within(raw, key, "h", 0, ctx.height - lo - values["y"], ctx)
        for name in ("size", "label_size"):
            if name in raw:
                values[name] = self.number(raw, key, name, 2, 72)
        for name in ("colour", "label_colour", "fill", "stroke"):
            if name in raw:
                values[name] = self.colour(raw, key, name, ctx.palette)
        values["font"] = raw.get("font", "mrz" if kind == "mrz" else "value")
        values["label_font"] = raw.get("label_font", "label")
        needs: tuple[str, ...] = ("font",) if kind in ("text", "portrait", "mrz") else ()
        if kind in ("field", "list"):
            needs = ("font", "label_font") if "label" in raw else ("font",)
        for name in needs:
            if not isinstance(values[name], str) or values[name] not in ctx.fonts:
                raise self.fail(f"{key}.{name}", f"font role '{values[name]}' missing from [fonts]")
        for name in ("label", "empty"):
            if name in raw and self.string(raw, key, name) not in ctx.labels:
                raise self.fail(f"{key}.{name}", f"'{raw[name]}' is not in [labels]")
        known = LISTS.get(ctx.kind, frozenset()) if kind == "list" else FIELDS[ctx.kind]
        if "field" in raw and self.string(raw, key, "field") not in known:
            what = "list" if kind == "list" else "field"
            raise self.fail(f"{key}.field", f"unknown {what} '{raw['field']}' for {ctx.kind}")
        if "image" in raw:
            values["image"] = self.resource(
                f"{key}.image", "images", self.string(raw, key, "image")
            )
        if "align" in raw and raw["align"] not in ("left", "centre", "right"):
            raise self.fail(f"{key}.align", "must be left, centre or right")
        for name, lo_, hi in (("max_lines", 1, 10), ("lines", 1, 3), ("chars", 1, 44)):
            if name in raw:
                values[name] = int(self.number(raw, key, name, lo_, hi))
        for name, lo_, hi in (("stroke_width", 0, 5), ("radius", 0, 20), ("cpi", 5, 20)):
            if name in raw:
                values[name] = self.number(raw, key, name, lo_, hi)
        if "line_spacing" in raw:
            values["line_spacing"] = self.number(raw, key, "line_spacing", 1, 20)
        values.update({k: raw[k] for k in ("field", "label", "align", "empty") if k in raw})
        element = Element(**values)
        if kind == "mrz":
            self.check_mrz(ctx, key, element)
        return element

    def within(
        self, raw: Mapping[str, Any], key: str, name: str, lo: float, hi: float, ctx: _PageContext
    ) -> float:
        value = raw.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
            where = f"within the page ({ctx.width:g} x {ctx.height:g} mm"
            where += f", {ctx.margin:g} mm clear margin)" if lo else ")"
            raise self.fail(f"{key}.{name}", f"must be a number in mm {where}")
        return float(value)

    def check_mrz(self, ctx: _PageContext, key: str, element: Element) -> None:
        width = element.chars * 25.4 / element.cpi
        if element.x + width > ctx.width - ctx.margin:
            raise self.fail(f"{key}.chars", f"{element.chars} characters run {width:.1f} mm past x")
        bottom = element.y + (element.lines - 1) * element.line_spacing
        if bottom > ctx.height - ctx.margin:
            raise self.fail(
                f"{key}.lines", f"the last MRZ line falls below the margin ({bottom:g})"
            )


@dataclass(frozen=True, slots=True)
class _PageContext:
    name: str
    width: float
    height: float
    margin: float
    kind: str
    fonts: Mapping[str, Font]
    palette: Mapping[str, str]
    labels: Mapping[str, Any]


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name
