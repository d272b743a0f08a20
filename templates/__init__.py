"""Document layouts as data (TOML) and their renderer (PDF, PNG previews).

A layout says where each field, label, barcode and the MRZ go, in millimetres, with the labels
in the post's language pair; a post may point to its own folder to change layout, labels,
fonts or emblem without code. ``load_layout`` validates it, ``render_pdf`` draws a
``DocumentView`` (display strings, MRZ lines, seal and portrait bytes) on it.

Shipped resources: ``layouts/*.toml``, ``fonts/OCRB.ttf`` (public domain, see
``fonts/OCRB-NOTICE.txt``; regenerate with ``scripts/convert_ocrb.py``) and
``images/emblem.png``, a neutral globe emblem drawn with Pillow for this project;
``fonts/DejaVuSerif*.ttf`` (Bitstream Vera licence, see ``fonts/DejaVu-NOTICE.txt``) for the A4
civil-registration certificates, whose names print as written (accents, Greek, Cyrillic).
"""

from templates.errors import LayoutError
from templates.layout import Element, Font, Layout, Page, load_layout, parse_layout
from templates.render import WATERMARK, render_pdf, render_png
from templates.view import DocumentView

__all__ = [
    "WATERMARK",
    "DocumentView",
    "Element",
    "Font",
    "Layout",
    "LayoutError",
    "Page",
    "load_layout",
    "parse_layout",
    "render_pdf",
    "render_png",
]
