#!/usr/bin/python3
"""Build the compact Simplified-Chinese fonts Sportello embeds.

Input:  Noto Sans CJK SC, taken from Debian's fonts-noto-cjk package
        (/usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc).
Output: NotoSansSC-Regular-subset.otf and NotoSansSC-Bold-subset.otf,
        written next to this script (CFF outlines, OpenType layout kept).

The subset holds every character of GBK (decoded with the GBK mapping,
and GB2312's rows with the GB2312 mapping too), which takes in all of
GB2312; the whole CJK Unified Ideographs block (U+4E00-9FFF, so hanzi of
personal names outside GB2312 such as 喆 堃 玥 镕 are drawn); CJK Symbols
and Punctuation (U+3000-303F), Halfwidth and Fullwidth Forms
(U+FF00-FFEF) and printable ASCII. Code points the font itself lacks (a
few unassigned ones at the end of the block, GBK's private-use codes) are
simply left out. Glyph names are dropped; the name table is kept
whole so the copyright and OFL notices travel with the font.

fontTools' default OpenType layout features are kept, except the ones
that only pull in glyphs Sportello never draws: 'locl' (the Japanese,
Korean and Traditional-Chinese glyph variants the SC face carries) and
the vertical-writing features and tables. That roughly halves the size and changes nothing for horizontal
Simplified-Chinese text.

The output is reproducible: the same fonts-noto-cjk and fontTools give
byte-identical files.

Regenerate (Debian 12):
    apt-get install -y fonts-noto-cjk python3-fonttools
    /usr/bin/python3 assets/fonts/subset_cjk.py

The fonts are under the SIL Open Font License 1.1 (see OFL.txt), which
allows this kind of modified version.
"""

import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

SRC_DIR = "/usr/share/fonts/opentype/noto"
FAMILY = "Noto Sans CJK SC"  # the face to take out of the collection
STYLES = ("Regular", "Bold")
DROP_FEATURES = {"locl", "vert", "vrt2", "valt", "vpal", "vkrn", "vhal"}
OUT_DIR = os.path.dirname(os.path.abspath(__file__))


def gb2312_chars():
    """Every character GB2312 encodes: decode each valid 2-byte code.

    Each code is decoded both as GB2312 and as GBK, because the two
    tables map A1A4 and A1AA differently (U+30FB/U+00B7 and U+2015/U+2014)
    and Chinese text uses the GBK ones (the middle dot and the em dash).
    """
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            code = bytes((hi, lo))
            try:
                chars.add(code.decode("gb2312"))
            except UnicodeDecodeError:
                continue
            chars.add(code.decode("gbk"))
    return chars


def gbk_chars():
    """Every character GBK encodes: decode each valid 2-byte code."""
    chars = set()
    for hi in range(0x81, 0xFF):
        for lo in range(0x40, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return chars


def unicodes():
    cps = {ord(c) for c in gb2312_chars() | gbk_chars()}
    cps.update(range(0x4E00, 0xA000))  # CJK Unified Ideographs
    cps.update(range(0x3000, 0x3040))  # CJK symbols and punctuation
    cps.update(range(0xFF00, 0xFFF0))  # half-width and full-width forms
    cps.update(range(0x20, 0x7F))      # ASCII
    return sorted(cps)


def sc_face(path):
    """Return the Noto Sans CJK SC face of a CJK TTC (found by name, not index)."""
    for font in TTCollection(path).fonts:
        if font["name"].getDebugName(1) == FAMILY:
            return font
    sys.exit("%s: no %r face" % (path, FAMILY))


def main():
    cps = unicodes()
    for style in STYLES:
        src = os.path.join(SRC_DIR, "NotoSansCJK-%s.ttc" % style)
        out = os.path.join(OUT_DIR, "NotoSansSC-%s-subset.otf" % style)
        font = sc_face(src)
        opts = subset.Options()
        opts.layout_features = [f for f in opts.layout_features
                                if f not in DROP_FEATURES]
        opts.drop_tables += ["vhea", "vmtx", "VORG"]  # vertical metrics
        opts.glyph_names = False
        opts.name_IDs = ["*"]    # keep copyright (0), trademark (7), licence (13, 14)
        opts.name_languages = ["*"]
        sub = subset.Subsetter(options=opts)
        sub.populate(unicodes=cps)
        sub.subset(font)
        font.recalcTimestamp = False  # keep head.modified: reproducible output
        font.save(out)
        print("%s: %d code points, %d glyphs, %d bytes"
              % (os.path.basename(out), len(font.getBestCmap()), len(font.getGlyphOrder()),
                 os.path.getsize(out)))


if __name__ == "__main__":
    main()
