"""Regenerate ``templates/fonts/OCRB.ttf`` from Debian's ``fonts-ocr-b`` (public domain).

Why: Debian ships OCR-B as OpenType/CFF, which ReportLab cannot embed; ReportLab embeds
TrueType (quadratic ``glyf`` outlines). This one-off converts the cubic CFF outlines to
quadratic ones with fontTools' cu2qu and writes a TrueType font next to its notice, so the
workstation never depends on the system font at run time.

Usage: ``python scripts/convert_ocrb.py [SOURCE.otf] [DEST.ttf]``
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SOURCE = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")
DEST = Path(__file__).resolve().parent.parent / "templates" / "fonts" / "OCRB.ttf"
# Maximum distance (in font units, 1000 per em) between the cubic and the quadratic curves.
MAX_ERR = 1.0
POST_FORMAT = 2.0


def convert(source: Path, dest: Path) -> None:
    """Replace the CFF table by ``glyf``/``loca`` and the tables TrueType needs."""
    font = TTFont(str(source), recalcTimestamp=False)  # same input, same bytes
    if "CFF " not in font:
        raise SystemExit(f"{source}: no CFF table; is it already TrueType?")
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)  # computes bounding boxes
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones maxTwilightPoints maxStorage maxFunctionDefs maxInstructionDefs "
        "maxStackElements maxSizeOfInstructions maxComponentElements"
    ).split():
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    maxp.compile(font)  # recomputes point/contour maxima from glyf
    post = font["post"]
    post.formatType = POST_FORMAT
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    dest.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(dest))


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    dest = Path(argv[2]) if len(argv) > 2 else DEST
    convert(source, dest)
    check = TTFont(str(dest))
    print(f"{dest}: {len(check.getGlyphOrder())} glyphs, tables {sorted(check.keys())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
