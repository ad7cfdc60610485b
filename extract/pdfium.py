"""The PDFium character layer: :class:`~pariter.extract.chars.CharSource` over pypdfium2.

PDFium (the PDF engine of Chrome) reads a page's text layer about twenty times faster than
pdfminer, opens many files that pdfminer refuses, and exposes what the PDF says about
itself: font descriptors, marked content, the structure tree of tagged PDFs, the outline
and link annotations. This module turns all of that into the plain objects of
:mod:`~pariter.extract.chars`, in the coordinates the rest of the code uses (points,
origin at the top-left of the page as displayed, y growing downwards).

Speed is the point of this reader, so the per-glyph work is kept to three calls into
PDFium (text object, tight box, origin; the loose box and the Unicode-map check only for
the first of a (font, character) pair or where a width is in doubt); everything that
belongs to a text object (font, size, matrix, colour, render mode, marked content) is
fetched once per object, everything that belongs to a font once per font. The hot calls go through
ctypes prototypes of our own that take plain integers as handles, which costs about half
of what the typed wrappers of ``pypdfium2.raw`` cost per call.

Glyphs are reported as the content stream draws them, like pdfplumber does, so the
structure code sees the same kind of glyphs from both readers: the spaces and line breaks
PDFium generates for its own text dump are not passed on (they are counted); a ligature
glyph that PDFium splits into one character per letter is one glyph again; glyphs without
a Unicode mapping read ``(cid:N)`` as pdfminer spells them.
"""

from __future__ import annotations

import ctypes
import math
import time
from ctypes import POINTER, byref, c_char, c_double, c_float, c_int, c_uint, c_ulong, c_void_p
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .chars import (MAX_GRAPHICS, NONSYMBOLIC, RULE_THICKNESS, SYMBOLIC, TABLE_MIN_RULES, Char,
                    DocInfo, FontInfo, Link, OutlineItem, PageChars, PageTable, Rule, StructNode,
                    TablePage, Target, page_tables)
from .hygiene import clean_string, string_warning

#: a page with more glyphs than this is not text to read (a glyph-drawn chart, a hostile
#: file); the rest of its glyphs are dropped and the page is reported
MAX_GLYPHS_PER_PAGE = 200_000
#: page objects looked at for rules and graphics, nested forms included
MAX_OBJECTS_PER_PAGE = 50_000
#: paths of a page whose segments are read; beyond, a page is a drawing (a scatter plot of
#: ten thousand marks) and only the bounds of its paths are looked at
MAX_PATHS_READ = 2000
#: a path with more segments than this is a drawing, not a rule: only its box is kept
MAX_PATH_SEGMENTS = 400
#: a page with more drawn edges than this is a drawing: no table is looked for on it
MAX_TABLE_EDGES = 10_000
#: forms nested deeper than this are not entered (a form may even contain itself)
MAX_FORM_DEPTH = 8
#: outline entries read at most (outlines may be cyclic or absurdly long)
MAX_OUTLINE_ITEMS = 20_000
#: a page whose size cannot be read is taken for US Letter (points), as PDF viewers do
LETTER_PAGE = (612.0, 792.0)
#: coordinates closer than this (points) are one: far below any device's resolution
GEOMETRY_EPS = 0.01
#: a font's advance is believed for a glyph when it agrees with the drawn box within
#: this many points (rounding of the font program's widths)
ADVANCE_TOLERANCE_PT = 0.05
#: a glyph read from /ActualText runs on to the next glyph when their baselines are
#: within this many ems (one line)
ACTUAL_TEXT_BASELINE_EM = 0.1
#: a text matrix is upright when its skew is below this share of its scale
UPRIGHT_SKEW = 1e-4
#: a table border is an axis-parallel edge at least this long (points) ...
TABLE_EDGE_MIN_PT = 3
#: ... and a ruled table has at least this many of them each way
TABLE_MIN_EDGES = 2
#: seconds a page may take in this reader before the rest of it is given up
PAGE_TIME_LIMIT = 20.0
#: the deepest descent (ems below the baseline) a face's type reaches: text faces declare
#: 0.12-0.3 (CJK faces, Times, Courier New's 0.3). A deeper one is read from the bounding box
#: of a symbol font whose descriptor declares none (xdvipdfmx writes Descent 0 for CMSY10 and
#: PDFium falls back on its /FontBBox, -0.96: the big delimiters), and would make every line
#: with a math symbol an em deep, overlapping the next line.
MAX_DESCENT_EM = 0.5
#: a glyph whose ink is less tall than this many ems draws nothing
INKLESS_EM = 0.01

#: the flag bits ISO 32000-1 defines (table 123)
_DESCRIPTOR_FLAGS = 0x7006F
_OBJ_TEXT, _OBJ_PATH, _OBJ_IMAGE, _OBJ_SHADING, _OBJ_FORM = 1, 2, 3, 4, 5
_SEG_LINETO, _SEG_BEZIERTO, _SEG_MOVETO = 0, 1, 2
_ACTION_GOTO, _ACTION_REMOTEGOTO, _ACTION_URI = 1, 2, 3
_HYPHENS = frozenset("-\u00ad\u2010\u2011")
_ODD = frozenset("\x02\ufffe")
#: the marked-content tag of running matter, as PDFium writes a mark's name (UTF-16LE, NUL)
_ARTIFACT = "Artifact\x00".encode("utf-16-le")
_WHITE = frozenset(" \r\n\t\u00a0\u3000")
#: the characters the glyph loop looks at twice: one test for the rest
_SPECIAL = _WHITE | _ODD | _HYPHENS
#: glyph order key: text object's place in the content stream, then PDFium's index
_SEQ_STRIDE = 1 << 20


def _by_seq(c: Char) -> int:
    return c.seq


#: no glyph on any page is this far (points) from the page's corner
_FAR = 1e6


def _extend(prev: Char, u: str, info: "_ObjInfo", lb: list[float], point) -> None:  # noqa: ANN001
    """Add the next character of one glyph to the glyph (a ligature, a surrogate pair);
    ``lb`` is the glyph's loose box."""
    if "\ud800" <= u <= "\udfff" and "\ud800" <= prev.text[-1] <= "\udbff":
        prev.text = prev.text[:-1] + (prev.text[-1] + u).encode(
            "utf-16-le", "surrogatepass").decode("utf-16-le")
        return
    prev.text += u
    if info.upright and info.along_x:
        # the advance looked up was the first letter's: the ligature's ends with the box
        x1, _ = point(lb[2], lb[3])
        prev.x1 = max(prev.x1, x1)


def _cased(c: Char) -> bool:
    """Has the glyph's text a letter with case? Only then can the glyphs as set differ
    from it in case alone (see :meth:`PdfiumSource._as_drawn`): a character without case
    (an ideograph, a digit) is no other character's case fold, so a glyph read from an
    /ActualText in Chinese needs no second reading of its page."""
    return any(ch.upper() != ch or ch.lower() != ch for ch in c.text)


def _ffff_read_as_ligature(c: Char) -> bool:
    """Is ``c`` a glyph its ToUnicode map gives U+FFFF, which PDFium read as a ligature?
    PDFium codes a map entry of several characters as U+FFFF plus an index, so an entry of
    U+FFFF itself (xdvipdfmx maps .notdef so, and hyperref draws it after every link) reads
    as the map's first ligature ("…/nanicolleffi."). A real ligature has ink; that glyph has
    none. (Text drawn invisibly, an OCR layer, may have no ink either and is left alone.)"""
    return (len(c.text) > 1 and not c.unmapped and c.tight is not None
            and c.render_mode not in (3, 7)
            and c.tight[3] - c.tight[1] < INKLESS_EM * c.size)


class _Handle(c_void_p):
    """A PDFium handle as a bare ctypes call returns it: ctypes hands back an instance of a
    subclass of c_void_p as it is, where it turns a c_void_p into an integer, which a call
    without argtypes would pass as a 32-bit int. ``value`` is the address."""


class _Lib:
    """ctypes prototypes over the libpdfium that pypdfium2 loaded, taking integer handles."""

    def __init__(self) -> None:
        import pypdfium2_raw

        so = Path(pypdfium2_raw.__file__).parent
        cand = [p for p in so.iterdir() if p.name.startswith(("libpdfium", "pdfium"))]
        # the same file pypdfium2 opened: the loader hands back the same library instance
        lib = ctypes.CDLL(str(cand[0]))
        vp = c_void_p

        def fn(name: str, res, *args):  # noqa: ANN001, ANN202
            f = getattr(lib, name)
            f.restype = res
            f.argtypes = args
            return f

        self.CountChars = fn("FPDFText_CountChars", c_int, vp)
        self.GetText = fn("FPDFText_GetText", c_int, vp, c_int, c_int, vp)
        self.GetMatrix = fn("FPDFText_GetMatrix", c_int, vp, c_int, vp)
        # The per-glyph calls go without argtypes, which halves ctypes' cost per call: the
        # caller passes the text page and every buffer as c_void_p and the index as a
        # Python int (a C int). Only _chars calls them.
        bare = ctypes.CDLL(str(cand[0]))

        def hot(name: str, res):  # noqa: ANN001, ANN202
            f = getattr(bare, name)
            f.restype = res
            return f

        self.GetUnicode = hot("FPDFText_GetUnicode", c_uint)
        self.GetTextObject = hot("FPDFText_GetTextObject", vp)
        self.GetLooseCharBox = hot("FPDFText_GetLooseCharBox", c_int)
        self.GetCharBox = hot("FPDFText_GetCharBox", c_int)
        self.GetCharOrigin = hot("FPDFText_GetCharOrigin", c_int)
        self.IsGenerated = hot("FPDFText_IsGenerated", c_int)
        self.IsHyphen = hot("FPDFText_IsHyphen", c_int)
        self.HasUnicodeMapError = hot("FPDFText_HasUnicodeMapError", c_int)
        # the same for the calls made once per text object (a page has tens of thousands
        # of objects in some producers' files: one per word or glyph); the object handle
        # is passed as c_void_p. Only _obj_info calls them.
        self.GetMatrixB = hot("FPDFText_GetMatrix", c_int)
        self.TextObjGetFontSizeB = hot("FPDFTextObj_GetFontSize", c_int)
        self.GetFillColorB = hot("FPDFPageObj_GetFillColor", c_int)
        self.TextObjGetFontB = hot("FPDFTextObj_GetFont", vp)
        self.TextObjGetRenderModeB = hot("FPDFTextObj_GetTextRenderMode", c_int)
        self.GetMarkedContentIDB = hot("FPDFPageObj_GetMarkedContentID", c_int)
        self.CountMarksB = hot("FPDFPageObj_CountMarks", c_int)
        # a tagged PDF's text objects carry marks: looked at once per object. The mark
        # comes back as a _Handle; lengths (unsigned long) are passed as c_ulong
        self.GetMarkH = hot("FPDFPageObj_GetMark", _Handle)
        self.MarkGetNameB = hot("FPDFPageObjMark_GetName", c_int)
        self.MarkGetBlobB = hot("FPDFPageObjMark_GetParamBlobValue", c_int)
        # the advance of a (font, character) pair, looked up once per pair: the size is
        # passed as a c_float
        self.FontGlyphWidthB = hot("FPDFFont_GetGlyphWidth", c_int)
        # the same for the walk over a page's objects (_objects, _path), which some files
        # fill with tens of thousands of paths. A page object comes back as a _Handle, so
        # it is passed on to the next bare call as the pointer it is
        self.GetObjectH = hot("FPDFPage_GetObject", _Handle)
        self.FormGetObjectH = hot("FPDFFormObj_GetObject", _Handle)  # index: a c_ulong
        self.ObjTypeB = hot("FPDFPageObj_GetType", c_int)
        self.ObjBoundsB = hot("FPDFPageObj_GetBounds", c_int)
        self.PathDrawModeB = hot("FPDFPath_GetDrawMode", c_int)
        self.PathCountSegmentsB = hot("FPDFPath_CountSegments", c_int)
        self.PathGetSegmentH = hot("FPDFPath_GetPathSegment", _Handle)
        self.SegPointB = hot("FPDFPathSegment_GetPoint", c_int)
        self.SegTypeB = hot("FPDFPathSegment_GetType", c_int)
        self.SegCloseB = hot("FPDFPathSegment_GetClose", c_int)
        # the walk over a tagged page's structure tree (one element per paragraph, span,
        # link: hundreds a page); elements come back as _Handles, string lengths are
        # unsigned longs (passed as c_ulong)
        self.StructTreeCountChildrenB = hot("FPDF_StructTree_CountChildren", c_int)
        self.StructTreeChildH = hot("FPDF_StructTree_GetChildAtIndex", _Handle)
        self.ElTypeB = hot("FPDF_StructElement_GetType", c_ulong)
        self.ElLangB = hot("FPDF_StructElement_GetLang", c_ulong)
        self.ElMcidCountB = hot("FPDF_StructElement_GetMarkedContentIdCount", c_int)
        self.ElMcidAtB = hot("FPDF_StructElement_GetMarkedContentIdAtIndex", c_int)
        self.ElCountChildrenB = hot("FPDF_StructElement_CountChildren", c_int)
        self.ElChildH = hot("FPDF_StructElement_GetChildAtIndex", _Handle)
        self.ElChildMcidB = hot("FPDF_StructElement_GetChildMarkedContentID", c_int)
        # per text object
        self.TextObjGetFont = fn("FPDFTextObj_GetFont", vp, vp)
        self.TextObjGetFontSize = fn("FPDFTextObj_GetFontSize", c_int, vp, vp)
        self.TextObjGetRenderMode = fn("FPDFTextObj_GetTextRenderMode", c_int, vp)
        self.GetFillColor = fn("FPDFPageObj_GetFillColor", c_int, vp, vp, vp, vp, vp)
        self.GetMarkedContentID = fn("FPDFPageObj_GetMarkedContentID", c_int, vp)
        self.CountMarks = fn("FPDFPageObj_CountMarks", c_int, vp)
        self.GetMark = fn("FPDFPageObj_GetMark", vp, vp, c_ulong)
        self.MarkGetName = fn("FPDFPageObjMark_GetName", c_int, vp, vp, c_ulong, vp)
        self.MarkGetBlob = fn("FPDFPageObjMark_GetParamBlobValue", c_int, vp, ctypes.c_char_p, vp,
                              c_ulong, POINTER(c_ulong))
        # per font
        self.FontBaseName = fn("FPDFFont_GetBaseFontName", ctypes.c_size_t, vp, POINTER(c_char),
                               ctypes.c_size_t)
        self.FontFamilyName = fn("FPDFFont_GetFamilyName", ctypes.c_size_t, vp, POINTER(c_char),
                                 ctypes.c_size_t)
        self.FontWeight = fn("FPDFFont_GetWeight", c_int, vp)
        self.FontFlags = fn("FPDFFont_GetFlags", c_int, vp)
        self.FontItalicAngle = fn("FPDFFont_GetItalicAngle", c_int, vp, POINTER(c_int))
        self.FontEmbedded = fn("FPDFFont_GetIsEmbedded", c_int, vp)
        self.FontDescent = fn("FPDFFont_GetDescent", c_int, vp, c_float, POINTER(c_float))
        # the advance of the glyph a Unicode character maps to, at a font size
        self.FontGlyphWidth = fn("FPDFFont_GetGlyphWidth", c_int, vp, c_uint, c_float,
                                 POINTER(c_float))
        # page objects
        self.CountObjects = fn("FPDFPage_CountObjects", c_int, vp)
        self.FormCountObjects = fn("FPDFFormObj_CountObjects", c_int, vp)
        self.ObjBounds = fn("FPDFPageObj_GetBounds", c_int, vp, POINTER(c_float), POINTER(c_float),
                            POINTER(c_float), POINTER(c_float))
        self.ObjMatrix = fn("FPDFPageObj_GetMatrix", c_int, vp, vp)
        self.PathCountSegments = fn("FPDFPath_CountSegments", c_int, vp)


_LIB: _Lib | None = None


def _lib() -> _Lib:
    global _LIB
    if _LIB is None:
        _LIB = _Lib()
    return _LIB


def _addr(ptr: object) -> int:
    """The address a pypdfium2 handle points at, as the integer our prototypes take."""
    return ctypes.cast(ptr, c_void_p).value or 0


def _finite(*vals: float) -> bool:
    """All finite: their sum is (NaN and infinities propagate; only sums beyond 1e308
    overflow, and no coordinate that large is wanted either)."""
    return math.isfinite(sum(vals))


@dataclass(slots=True)
class _Geometry:
    """A page's user space → displayed top-left coordinates (rotation, crop box)."""

    x0: float
    y0: float
    x1: float
    y1: float
    rotation: int  # quarter turns clockwise, as /Rotate

    @property
    def width(self) -> float:
        return (self.x1 - self.x0) if self.rotation % 2 == 0 else (self.y1 - self.y0)

    @property
    def height(self) -> float:
        return (self.y1 - self.y0) if self.rotation % 2 == 0 else (self.x1 - self.x0)

    def point(self, x: float, y: float) -> tuple[float, float]:
        r = self.rotation
        if r == 0:
            return x - self.x0, self.y1 - y
        if r == 1:
            return y - self.y0, x - self.x0
        if r == 2:
            return self.x1 - x, y - self.y0
        return self.y1 - y, self.x1 - x

    def box(self, left: float, bottom: float, right: float, top: float
            ) -> tuple[float, float, float, float]:
        # every glyph and drawn object passes here: the unturned page's point() inlined,
        # and min/max spelt out (each returns its first argument unless the second is
        # strictly less / greater, as min() and max() do)
        if self.rotation == 0:
            ax, bx = left - self.x0, right - self.x0
            at, bt = self.y1 - bottom, self.y1 - top
        else:
            ax, at = self.point(left, bottom)
            bx, bt = self.point(right, top)
        return (bx if bx < ax else ax, bt if bt < at else at,
                bx if bx > ax else ax, bt if bt > at else at)


@dataclass(slots=True)
class _ObjInfo:
    """What one text object says once for all its glyphs."""

    fontname: str
    font: FontInfo | None
    size: float
    colour: tuple[float, ...] | None
    upright: bool
    angle: float
    render_mode: int
    descent: float  # font descent per point of size (negative: below the baseline)
    mcid: int
    artifact: bool
    struct: StructNode | None
    fptr: int = 0  # the PDFium font handle
    tf: float = 0.0  # the Tf size
    hscale: float = 1.0  # the matrices' scale along the baseline
    ux: float = 1.0  # the baseline's direction in PDF user space
    uy: float = 0.0
    along_x: bool = True  # the baseline runs along user space's +x
    #: the object is in a marked-content sequence with an /ActualText, which PDFium reads
    #: instead of the glyphs: the font's widths are the drawn glyphs', not the text's
    actual: bool = False
    #: fill alpha 0: drawn unseen (the colour then reads white)
    transparent: bool = False


#: a drawn path: its handle, the matrix of the forms it is in, its subpaths once read
#: (points on the displayed page, each with the kind of segment ending there)
_Path = tuple["_Handle", "tuple[float, ...] | None",
              "list[tuple[list[tuple[float, float]], list[int]]] | None"]


class PdfiumSource:
    """:class:`~pariter.extract.chars.CharSource` over PDFium (pypdfium2).

    ``tables``: find ruled tables with pdfplumber's table finder on the pages that have
    enough rules for one (the file is then opened a second time, by pdfplumber, only for
    those pages). ``page_time_limit``: seconds after which the rest of a page is given up
    and the page reported (PDFium's own parsing of a page cannot be interrupted).
    """

    def __init__(self, path: str | Path, *, tables: bool = True, password: str | None = None,
                 page_time_limit: float = PAGE_TIME_LIMIT) -> None:
        import pypdfium2 as pdfium

        self.path = str(path)
        self._want_tables = tables
        self._time_limit = page_time_limit
        self._lib = _lib()
        self._password = password
        self._pdf = _open(pdfium, self.path, password)
        self.page_count = len(self._pdf)
        self._geom: dict[int, _Geometry] = {}
        self._plumber = None  # opened for a page with Type 3 fonts only
        self._plumber_failed = False
        # buffers the per-object calls write into, read through memoryviews
        self._fbuf = (c_float * 7)()  # matrix a b c d e f, then the Tf size
        self._pmat = ctypes.addressof(self._fbuf)
        self._pfs = self._pmat + 24
        self._fview = memoryview(self._fbuf).cast("B").cast("f")
        self._ubuf = (c_uint * 4)()  # fill colour R G B A
        u0 = ctypes.addressof(self._ubuf)
        self._pr, self._pg, self._pb, self._pa = u0, u0 + 4, u0 + 8, u0 + 12
        self._uview = memoryview(self._ubuf).cast("B").cast("I")
        # the same addresses as c_void_p, for the bare per-object calls
        self._vmat, self._vfs = c_void_p(self._pmat), c_void_p(self._pfs)
        self._vrgba = tuple(c_void_p(a) for a in (self._pr, self._pg, self._pb, self._pa))
        self._obuf = (ctypes.c_ubyte * 128)()  # mark names
        self._nlen = c_ulong()
        self._pn = byref(self._nlen)
        self._vn = c_void_p(ctypes.addressof(self._nlen))
        self._ulong128, self._ulong0 = c_ulong(128), c_ulong(0)
        # the glyph width buffer and the size (1 pt) _advance asks it for
        self._wbuf = c_float()
        self._vw = c_void_p(ctypes.addressof(self._wbuf))
        self._one = c_float(1.0)
        self._infos: dict[tuple, _ObjInfo] = {}  # per page: struct nodes are the page's
        self._drawn: dict[tuple, tuple] = {}  # per page: font handles are the page's
        self._descents: dict[int, float] = {}
        self._fill, self._stroke = c_int(), c_int()
        self._vfill = c_void_p(ctypes.addressof(self._fill))
        self._vstroke = c_void_p(ctypes.addressof(self._stroke))
        self._pending: dict[int, list[Target]] = {}  # targets on pages not read yet
        #: what the document-level strings were cleaned of (code, message), for the pipeline
        self.problems: list[tuple[str, str]] = []
        self.title = self._title()
        self.info = self._doc_info()

    # -- document level ---------------------------------------------------------------------
    def _title(self) -> str | None:
        try:
            t = self._pdf.get_metadata_value("Title")
        except Exception:  # metadata is decoration: never fail on it
            return None
        return self._clean(t, "the document's title (metadata)").strip() or None

    def _clean(self, s: object, what: str) -> str:
        """A string of the document's own (metadata, outline) as text: see clean_string."""
        if not isinstance(s, str):
            return ""
        t, removed = clean_string(s)
        if removed:
            self.problems.append(string_warning(what, removed))
        return t

    def _doc_info(self) -> DocInfo:
        import pypdfium2.raw as raw

        meta: dict[str, str] = {}
        for key in ("Producer", "Creator"):
            try:
                v = self._clean(self._pdf.get_metadata_value(key),
                                f"the document's {key.lower()} (metadata)").strip()
            except Exception:
                v = ""
            if v:
                meta[key.lower()] = v
        try:
            tagged = bool(raw.FPDFCatalog_IsTagged(self._pdf.raw))
        except Exception:
            tagged = False
        return DocInfo(outline=self._outline(), tagged=tagged, producer=meta.get("producer"),
                       creator=meta.get("creator"))

    def _outline(self) -> list[OutlineItem]:
        out: list[OutlineItem] = []
        removed = 0
        try:
            for bm in self._pdf.get_toc(max_depth=15):
                if len(out) >= MAX_OUTLINE_ITEMS:
                    break
                title, bad = clean_string(bm.get_title() or "")
                title = title.strip()
                removed += bad
                dest = bm.get_dest()
                target = self._target(dest) if dest is not None else None
                out.append(OutlineItem(title, bm.level + 1, target))
        except Exception:  # a broken outline is no outline: the text is still there
            pass
        if removed:
            self.problems.append(string_warning("the outline's titles", removed))
        return out

    def _target(self, dest) -> Target | None:  # noqa: ANN001 - pypdfium2 PdfDest
        """A destination as a page number and a point; the point is converted to top-left
        coordinates when the target page is read (its crop box and rotation are needed)."""
        try:
            index = dest.get_index()
        except Exception:
            return None
        if index is None or not 0 <= index < self.page_count:
            return None
        x = y = None
        try:
            mode, pos = dest.get_view()
            # XYZ left top zoom; FitH/FitBH top; FitV/FitBV left; FitR left bottom right top
            if mode == 1 and len(pos) >= 2:
                x, y = pos[0], pos[1]
            elif mode in (3, 7) and pos:
                y = pos[0]
            elif mode in (4, 8) and pos:
                x = pos[0]
            elif mode == 5 and len(pos) >= 4:
                x, y = pos[0], pos[3]
        except Exception:
            pass
        t = Target(index + 1, _clean_num(x), _clean_num(y))
        g = self._geom.get(index)
        if g is not None:
            _place(t, g)
        else:
            self._pending.setdefault(index, []).append(t)
        return t

    # -- pages --------------------------------------------------------------------------------
    def pages(self, indices: Iterable[int] | None = None) -> Iterator[PageChars]:
        for i in range(self.page_count) if indices is None else indices:
            yield self._page(i)

    def reopen(self) -> None:
        import pypdfium2 as pdfium

        # the inherited handles are kept, never closed here: they hold the parent's file
        self._inherited = (self._pdf, self._plumber)
        self._pdf = _open(pdfium, self.path, self._password)
        self._plumber = None

    def geometries(self) -> dict[int, "_Geometry"]:
        """The geometry of every page read so far (0-based index → geometry)."""
        return dict(self._geom)

    def place_targets(self, geometries: dict[int, "_Geometry"], links: Iterable[Link]) -> None:
        """Place the targets that lead to pages another process read: ``geometries`` are
        that process's (:meth:`geometries`), ``links`` every link read, by any process.
        Placing a target twice gives it the same point, so every link's is placed again."""
        self._geom.update(geometries)
        for index in [i for i in self._pending if i in self._geom]:
            for t in self._pending.pop(index):
                _place(t, self._geom[index])
        for link in links:
            t = link.target
            if t is not None and t.page - 1 in self._geom:
                _place(t, self._geom[t.page - 1])

    def _page(self, index: int) -> PageChars:
        number = index + 1
        try:
            page = self._pdf[index]
        except Exception as exc:
            w, h = self._page_size_guess(index)
            return PageChars(number, w, h, error=f"{type(exc).__name__}: {exc}")
        textpage = None
        try:
            g = self._geometry(page)
            self._geom[index] = g
            for t in self._pending.pop(index, ()):
                _place(t, g)
            pc = PageChars(number, g.width, g.height)
            try:
                pc.label = self._pdf.get_page_label(index) or None
            except Exception:
                pc.label = None
            deadline = time.monotonic() + self._time_limit
            # handles are only good while their page is loaded: nothing keyed by one survives it
            self._infos.clear()
            self._drawn.clear()
            self._descents.clear()
            textpage = page.get_textpage()
            struct = self._struct_tree(page)
            paths: list[_Path] = []
            order = self._objects(page, g, pc, paths, deadline)
            replaced = self._chars(textpage, g, pc, struct, order, deadline)
            nameless = [c for c in pc.chars if not c.fontname]
            if nameless or any(map(_cased, replaced)):
                try:
                    self._as_drawn(index, g, pc, nameless, replaced)
                except Exception as exc:  # PDFium's reading stands: it is the page's text
                    pc.problems.append(("second_reading_failed", f"{type(exc).__name__}: {exc}"))
            pc.links = self._links(page, g, number, pc.problems)
            if self._want_tables and len(pc.rules) >= TABLE_MIN_RULES and pc.chars:
                pc.tables = self._tables(pc, self._edges(paths, g))
            return pc
        except Exception as exc:  # a damaged page must not cost the others
            w, h = self._page_size_guess(index)
            return PageChars(number, w, h, error=f"{type(exc).__name__}: {exc}")
        finally:
            if textpage is not None:
                textpage.close()
            page.close()

    def _page_size_guess(self, index: int) -> tuple[float, float]:
        try:
            w, h = self._pdf.get_page_size(index)
            if _finite(w, h) and w > 0 and h > 0:
                return float(w), float(h)
        except Exception:
            pass
        return LETTER_PAGE

    @staticmethod
    def _geometry(page) -> _Geometry:  # noqa: ANN001 - pypdfium2 PdfPage
        import pypdfium2.raw as raw

        r = raw.FS_RECTF()
        if raw.FPDF_GetPageBoundingBox(page.raw, r) and _finite(r.left, r.bottom, r.right, r.top):
            x0, x1 = sorted((r.left, r.right))
            y0, y1 = sorted((r.bottom, r.top))
        else:
            x0, y0 = 0.0, 0.0
            x1, y1 = page.get_width(), page.get_height()
        if x1 - x0 < 1 or y1 - y0 < 1:
            x0, y0, x1, y1 = 0.0, 0.0, *LETTER_PAGE
        rot = raw.FPDFPage_GetRotation(page.raw)
        return _Geometry(x0, y0, x1, y1, rot if rot in (0, 1, 2, 3) else 0)

    # -- glyphs -------------------------------------------------------------------------------
    def _chars(self, textpage, g: _Geometry, pc: PageChars,  # noqa: ANN001, C901
               struct: dict[int, StructNode], order: dict[int, int], deadline: float
               ) -> list[Char]:
        """The page's glyphs, in drawing order; returns those read from an /ActualText.

        PDFium's character index is not quite drawing order: it moves a text object that
        continues a line from further left before the previous one. Glyphs are put back in
        the order of their text objects in the content stream (``order``), keeping PDFium's
        order within an object.

        This loop is the reader's cost: three calls into PDFium per glyph (text object,
        ink box, origin; the loose box and the Unicode-map check once per font and
        character, or where the advance is in doubt), their results read through one
        memoryview each, and plain arithmetic for upright text on unrotated pages."""
        L = self._lib
        tp_int = _addr(textpage.raw)
        n = L.CountChars(tp_int)
        if n <= 0:
            return []
        if n > MAX_GLYPHS_PER_PAGE:
            pc.problems.append(("too_many_glyphs", f"{n} glyphs on the page: only the first "
                                f"{MAX_GLYPHS_PER_PAGE} read"))
            n = MAX_GLYPHS_PER_PAGE
        text = _page_text(L, tp_int, n)
        tp = c_void_p(tp_int)  # the bare per-glyph calls take pointers as c_void_p
        get_obj = L.GetTextObject
        loose = L.GetLooseCharBox
        tight = L.GetCharBox
        map_err = L.HasUnicodeMapError
        origin = L.GetCharOrigin
        # one buffer for the ink box and the origin (doubles), one for the loose box
        dbuf = (c_double * 6)()
        d0 = ctypes.addressof(dbuf)
        pl, pr, pb, pt, pox, poy = (c_void_p(d0 + 8 * k) for k in range(6))
        dview = memoryview(dbuf).cast("B").cast("d")
        fbuf = (c_float * 4)()  # FS_RECTF: left, top, right, bottom
        pf = c_void_p(ctypes.addressof(fbuf))
        fview = memoryview(fbuf).cast("B").cast("f")
        objs: dict[int, _ObjInfo] = {}
        fonts: dict[int, FontInfo | None] = {}
        # font → character → (no Unicode map?, advance per point of size, -1 when the
        # font's width did not agree with what PDFium drew)
        glyphs: dict[int, dict[str, tuple[bool, float | None]]] = {}
        chars: list[Char] = []
        append = chars.append
        point = g.point
        rot = g.rotation
        gx0, gy1 = g.x0, g.y1
        generated = unmapped = absurd = 0
        prev_obj = 0
        prev: Char | None = None
        prev_here: list[float] = []
        last_seq, in_order = -1, True
        replaced: list[int] = []  # glyphs whose text is an /ActualText
        unordered = len(order)  # objects the walk did not reach go last, in PDFium's order
        extended: list[Char] = []  # glyphs a second character was added to (ligatures)
        special, far = _SPECIAL, _FAR
        # what belongs to the text object of the glyph before, kept in locals: most glyphs
        # follow one of their own object
        cur_obj = 0
        info = fglyphs = None
        upright_x = actual = False
        tf = hscale = descent = size = 0.0
        seq0 = 0
        fontname, font, colour, upright, mode, angle = "", None, None, True, -1, 0.0
        mcid, node, artifact, transparent = -1, None, False, False
        for i in range(n):
            if not i & 1023 and i and time.monotonic() > deadline:
                pc.problems.append(("page_timeout", f"reading the page took over "
                                    f"{self._time_limit:.0f} s: glyphs after {i} of {n} dropped"))
                break
            obj = get_obj(tp, i)
            if not obj:
                # no text object: a space or line break PDFium generated for its text dump
                generated += 1
                continue
            u = text[i] if text is not None else chr(L.GetUnicode(tp, i))
            hyphen = False
            if u in special:
                if u in _WHITE:
                    if L.IsGenerated(tp, i):
                        # a space PDFium put where a TJ kerning gap looked like one: not drawn
                        generated += 1
                        continue
                elif u in _ODD:
                    # PDFium codes a line-end hyphen as U+0002 (U+FFFE in its text dump)
                    if L.IsHyphen(tp, i):
                        u, hyphen = "-", True
                    else:
                        u = chr(L.GetUnicode(tp, i))
                else:
                    hyphen = bool(L.IsHyphen(tp, i))
            if obj != cur_obj:
                info = objs.get(obj)
                if info is None:
                    info = objs[obj] = self._obj_info(obj, tp, i, fonts, struct, rot)
                cur_obj = obj
                fglyphs = glyphs.get(info.fptr)
                if fglyphs is None:
                    fglyphs = glyphs[info.fptr] = {}
                upright_x, actual = info.upright and info.along_x, info.actual
                tf, hscale, descent, size = info.tf, info.hscale, info.descent, info.size
                seq0 = order.get(obj, unordered) * _SEQ_STRIDE
                fontname, font, colour, upright = info.fontname, info.font, info.colour, info.upright
                mode, angle, mcid, node, artifact = (info.render_mode, info.angle, info.mcid,
                                                     info.struct, info.artifact)
                transparent = info.transparent
            gkey = u  # the character as read: what the glyph cache is keyed by
            known = fglyphs.get(gkey)  # type: ignore[union-attr]
            if known is None:
                # no Unicode for the glyph: PDFium passes on the character code; what the
                # font says of one (font, character) pair it says of every other
                bad = bool(map_err(tp, i)) or u == "\x00"
                wpp = None
            else:
                bad, wpp = known
            tight(tp, i, pl, pr, pb, pt)
            origin(tp, i, pox, poy)
            here = dview.tolist()
            if obj == prev_obj and here[4] == prev_here[4] and here[5] == prev_here[5] \
                    and not bad and not prev.unmapped \
                    and (here[:4] == prev_here[:4]
                         or actual and here[0] == prev_here[1] > prev_here[0]):  # type: ignore[union-attr]
                # one glyph that maps to several characters (a ligature "ﬁ" → "f", "i", a
                # surrogate pair): PDFium repeats the glyph's origin for each, with the
                # glyph's box, or (text from /ActualText) with the box cut in even parts
                _extend(prev, u, info, self._loose(tp, i, pf, fview), point)  # type: ignore[arg-type]
                extended.append(prev)  # type: ignore[arg-type]
                prev_here = here
                continue
            prev_obj, prev_here = obj, here
            il, ir, ib, it, ox_, oy_ = here
            if bad:
                # spelt as pdfminer does: a printable ASCII code as that character (what a
                # simple font's encoding most likely means), any other as (cid:N); so is
                # every code of a font that declares a symbol set (see _symbol_set)
                unmapped += 1
                code = ord(u) if len(u) == 1 else 0
                u = u if 0x21 <= code <= 0x7E and not _symbol_set(info.font) else f"(cid:{code})"
            if upright_x:
                # the advance: the font's width for the glyph, once checked against PDFium's
                # loose box (the union of ink and advance box: its right edge is the
                # advance's end unless the ink overhangs it)
                if actual:
                    left, top_, right, bottom_ = self._loose(tp, i, pf, fview)
                    w = max(0.0, right - ox_)
                    replaced.append(len(chars))
                elif wpp is not None and wpp >= 0:
                    w = wpp * tf * hscale
                else:
                    left, top_, right, bottom_ = self._loose(tp, i, pf, fview)
                    look = self._advance(info.fptr, u) if wpp is None else -1.0
                    wl = look * tf * hscale
                    if right > ir + GEOMETRY_EPS:
                        w = right - ox_
                        trusted = look > 0 and abs(wl - w) <= ADVANCE_TOLERANCE_PT
                    else:
                        trusted = look > 0 and wl <= right - ox_ + ADVANCE_TOLERANCE_PT
                        w = wl if trusted else max(0.0, right - ox_)
                    if wpp is None:
                        wpp = look if trusted else -1.0
                if known is None and not actual:
                    fglyphs[gkey] = (bad, wpp)  # type: ignore[index]
                if rot == 0:
                    x0 = ox_ - gx0
                    x1 = x0 + w
                    base = gy1 - oy_
                    ink = (il - gx0, gy1 - it, ir - gx0, gy1 - ib)
                else:
                    x0, base = point(ox_, oy_)
                    x1, _ = point(ox_ + w * info.ux, oy_ + w * info.uy)
                    if x1 < x0:
                        x0, x1 = x1, x0
                    ink = g.box(il, ib, ir, it)
                # pdfminer's glyph box: from the font's descent to one em above it, so both
                # readers give lines the same height
                bottom = base - descent * size
                top = bottom - size
            else:
                if known is None:
                    fglyphs[gkey] = (bad, -1.0)  # type: ignore[index]
                left, top_, right, bottom_ = self._loose(tp, i, pf, fview)
                ink = g.box(il, ib, ir, it)
                if info.upright:  # along another axis of user space: a rotated page
                    look = self._advance(info.fptr, u) * info.tf * info.hscale
                    w = look if 0 < look <= math.hypot(right - left, top_ - bottom_) + ADVANCE_TOLERANCE_PT \
                        else math.hypot(right - left, top_ - bottom_)
                    x0, base = point(ox_, oy_)
                    x1, _ = point(ox_ + w * info.ux, oy_ + w * info.uy)
                    if x1 < x0:
                        x0, x1 = x1, x0
                    bottom = base - info.descent * size
                    top = bottom - size
                else:
                    x0, top, x1, bottom = g.box(left, bottom_, right, top_)
                    base = bottom
            if not (-far < x0 < far and -far < top < far and -far < x1 < far
                    and -far < bottom < far):
                absurd += 1
                # the glyph is not kept: nothing may refer to it (a second character of
                # the same glyph would otherwise be added to the glyph kept before it)
                prev_obj = 0
                if upright_x and actual:
                    replaced.pop()
                continue
            seq = seq0 + i
            if seq < last_seq:
                in_order = False
            last_seq = seq
            prev = Char(u, x0, top, x1, bottom, fontname, size, colour, upright, base, seq, ink,
                        font, mode, angle, hyphen, bad, mcid, node, artifact, transparent)
            append(prev)
        chars_before_sort = list(chars) if replaced else chars
        for k in replaced:
            # a glyph read from /ActualText has the ink's width, not the drawn glyph's
            # advance: it runs on to the next glyph on its baseline, if that is near
            c = chars[k]
            nxt = chars[k + 1] if k + 1 < len(chars) else None
            if nxt is not None and abs(nxt.baseline - c.baseline) < ACTUAL_TEXT_BASELINE_EM * c.size \
                    and 0 < nxt.x0 - c.x1 <= c.size:
                c.x1 = nxt.x0
        # only a glyph a character was added to has a text of several characters but
        # for (cid:N), which is unmapped
        for c in extended:
            if _ffff_read_as_ligature(c):
                c.text = "\uffff"  # what the map says: the hygiene drops and reports it
        lost = [o for o in order if o not in objs]
        if lost:
            found, far_off = self._actual_text(lost, tp, g, fonts, struct, order)
            absurd += far_off
            if found:
                chars.extend(found)
                in_order = False
                n_text = sum(1 for c in found if c.text != " ")
                if n_text:
                    pc.problems.append(("actual_text", f"{n_text} glyph(s) PDFium did not read "
                                        "taken from their /ActualText"))
        if not in_order:
            chars.sort(key=_by_seq)
        for k, ch in enumerate(chars):
            ch.seq = k
        pc.chars = chars
        pc.generated = generated
        pc.unmapped = unmapped
        if absurd:
            pc.problems.append(("absurd_glyphs", f"{absurd} glyph(s) of impossible size or "
                                "position dropped"))
        return [chars_before_sort[k] for k in replaced]

    def _obj_info(self, obj: int, tp: int, i: int, fonts: dict[int, FontInfo | None],
                  struct: dict[int, StructNode], rot: int) -> _ObjInfo:
        """What a text object says for all its glyphs. ``i``: a glyph of the object in the
        text page, whose matrix is the object's (text and graphics matrices); -1 for an
        object not in the text page. Objects drawn alike (most of a page's) share one
        :class:`_ObjInfo`: seven calls per object, the rest is a dictionary look-up."""
        L = self._lib
        b = self._obuf
        vo = c_void_p(obj)
        if i >= 0:
            L.GetMatrixB(c_void_p(tp) if isinstance(tp, int) else tp, i, self._vmat)
        else:
            L.ObjMatrix(obj, self._pmat)
        L.TextObjGetFontSizeB(vo, self._vfs)
        rgba = L.GetFillColorB(vo, *self._vrgba)
        a, bb, c, d, _, _, tf = self._fview.tolist()
        colour_raw = tuple(self._uview.tolist()) if rgba else None
        fptr = L.TextObjGetFontB(vo) or 0
        mode = L.TextObjGetRenderModeB(vo)
        mcid = L.GetMarkedContentIDB(vo)
        artifact = actual = False
        for k in range(min(L.CountMarksB(vo), 16)):
            mark = L.GetMarkH(vo, c_ulong(k))
            if not mark:
                continue
            # /Artifact means running matter only in a tagged PDF: untagged producers put
            # body text in such sequences too (an InDesign export marks its whole story)
            if self.info.tagged and L.MarkGetNameB(mark, b, self._ulong128, self._vn) \
                    and bytes(b[:18]) == _ARTIFACT:
                artifact = True
            if L.MarkGetBlobB(mark, b"ActualText", None, self._ulong0, self._vn):
                actual = True
        key = (a, bb, c, d, tf, fptr, colour_raw, mode, mcid, artifact, actual, rot)
        info = self._infos.get(key)
        if info is not None:
            return info
        # a tagged PDF gives each object a marked-content id of its own: what its drawing
        # says (matrix, size, font, colour) is still shared, and worked out once
        look = (a, bb, c, d, tf, fptr, colour_raw, rot)
        drawn = self._drawn.get(look)
        if drawn is None:
            drawn = self._drawn[look] = self._drawing(a, bb, c, d, tf, fptr, colour_raw, rot, fonts)
        (fontname, font, size, colour, upright, angle, descent, tf_abs, hscale, ux, uy,
         along_x) = drawn
        info = _ObjInfo(fontname, font, size, colour, upright, angle, mode, descent, mcid,
                        artifact, struct.get(mcid) if mcid >= 0 else None, fptr, tf_abs,
                        hscale, ux, uy, along_x, actual,
                        colour_raw is not None and colour_raw[3] == 0)
        if len(self._infos) < 100_000:
            self._infos[key] = info
        return info

    def _drawing(self, a: float, bb: float, c: float, d: float, tf: float, fptr: int,
                 colour_raw: tuple[int, ...] | None, rot: int,
                 fonts: dict[int, FontInfo | None]) -> tuple:
        """What a text object's matrix, size, font and colour make of its glyphs: the
        fields of :class:`_ObjInfo` but for the marked content and render mode."""
        L = self._lib
        if not math.isfinite(a + bb + c + d + tf):
            a, bb, c, d, tf = 1.0, 0.0, 0.0, 1.0, 0.0
        size = abs(tf) * math.hypot(c, d)
        # the baseline's angle on the displayed page, counter-clockwise in degrees
        angle = math.degrees(math.atan2(bb, a)) if (a or bb) else 0.0
        angle = (angle - 90.0 * rot + 180.0) % 360.0 - 180.0
        # a glyph reflected left to right (XeTeX's reversed E, \reflectbox) still stands
        # upright on its baseline: only its advance runs backwards
        mirrored = a < 0 and d > 0 and abs(bb) <= UPRIGHT_SKEW * -a and abs(c) <= UPRIGHT_SKEW * d
        upright = (abs(angle) < 1.0 and a * d - bb * c > 0) or (mirrored and rot % 4 == 0)
        if fptr in fonts:
            font = fonts[fptr]
        else:
            font = fonts[fptr] = self._font(fptr) if fptr else None
        descent = self._descents.get(fptr)
        if descent is None:
            descent = 0.0
            dv = c_float()
            if fptr and L.FontDescent(fptr, 1.0, byref(dv)) and math.isfinite(dv.value):
                descent = max(-MAX_DESCENT_EM, min(0.0, float(dv.value)))
            self._descents[fptr] = descent
        colour: tuple[float, ...] | None = None
        if colour_raw is not None:
            r_, g_, b_, alpha = colour_raw
            # fully transparent text is as unseen as white on white
            colour = ((1.0, 1.0, 1.0) if alpha == 0
                      else (round(r_ / 255, 3), round(g_ / 255, 3), round(b_ / 255, 3)))
        hscale = math.hypot(a, bb)
        ux, uy = (a / hscale, bb / hscale) if hscale > 0 else (1.0, 0.0)
        return (font.name if font else "", font, size, colour, upright, round(angle, 2), descent,
                abs(tf), hscale, ux, uy, a > 0 and abs(bb) <= UPRIGHT_SKEW * a)

    def _actual_text(self, lost: list[int], tp: int, g: _Geometry,
                     fonts: dict[int, FontInfo | None], struct: dict[int, StructNode],
                     order: dict[int, int]) -> tuple[list[Char], int]:
        """Glyphs of text objects PDFium left out of its text page although they are drawn.

        PDFium replaces the glyphs of a marked-content sequence by its /ActualText, and when
        it cannot decode that text (a character outside the BMP, as math italics are) the
        glyphs vanish. The replacement text is read here from the mark's raw bytes and
        spread over the object's drawn box. Also returns how many objects were left out
        because they are drawn at an impossible size or place."""
        L = self._lib
        out: list[Char] = []
        absurd = 0
        far = 2.0 * max(g.width, g.height)
        bbuf = (c_float * 4)()  # left, bottom, right, top
        b0 = ctypes.addressof(bbuf)
        pbox = tuple(c_void_p(b0 + 4 * k) for k in range(4))
        bview = memoryview(bbuf).cast("B").cast("f")
        buf = ctypes.create_string_buffer(1024)
        size1024 = c_ulong(1024)
        got = c_ulong()
        vgot = c_void_p(ctypes.addressof(got))
        for obj in lost[:5000]:
            text = None
            vo = c_void_p(obj)
            for k in range(min(L.CountMarksB(vo), 16)):
                mark = L.GetMarkH(vo, c_ulong(k))
                if mark and L.MarkGetBlobB(mark, b"ActualText", buf, size1024, vgot) \
                        and 0 < got.value <= 1024:
                    text = _pdf_string(buf.raw[:got.value])
                    break
            text = "".join(c for c in (text or "") if not c.isspace() and c.isprintable())
            if not L.ObjBoundsB(vo, *pbox):
                continue
            left, bottom_, right, top_ = bview.tolist()
            if not _finite(left, bottom_, right, top_) or max(right - left, top_ - bottom_) > far:
                # drawn at a size or place no page has (a damaged file's font size of 10¹⁰):
                # PDFium leaves it out of its text page, and so does this reader, but says so
                absurd += 1
                continue
            if not text:
                if right - left < GEOMETRY_EPS:
                    # PDFium skips a text object without ink width: a run of spaces (Word
                    # draws each word space as its own object). Keep one space there, as
                    # pdfminer does, so the structure code sees the same word breaks
                    info = self._obj_info(obj, tp, -1, fonts, struct, g.rotation)
                    if info.tf == 0:
                        # a font size PDFium refuses (10¹⁰ in a damaged file reads as 0)
                        absurd += 1
                    elif info.upright and info.size > 0:
                        m = (c_float * 6)()
                        om = _matrix(L, obj, m)
                        x, base = g.point(om[4], om[5])
                        bottom = base - info.descent * info.size
                        out.append(Char(" ", x, bottom - info.size, x, bottom, info.fontname,
                                        info.size, info.colour, True, base,
                                        order[obj] * _SEQ_STRIDE, None, info.font,
                                        info.render_mode, info.angle, False, False, info.mcid,
                                        info.struct, info.artifact, info.transparent))
                continue
            if right - left <= 0 or top_ - bottom_ <= 0:
                continue
            info = self._obj_info(obj, tp, -1, fonts, struct, g.rotation)
            x0, top, x1, bottom = g.box(left, bottom_, right, top_)
            size = info.size or (bottom - top)
            base = bottom
            if info.upright:
                m = (c_float * 6)()
                om = _matrix(L, obj, m)
                _, base = g.point(om[4], om[5])
                bottom = base - info.descent * size
                top = bottom - size
            step = (x1 - x0) / len(text)
            seq = order[obj] * _SEQ_STRIDE
            for j, ch in enumerate(text):
                out.append(Char(ch, x0 + j * step, top, x0 + (j + 1) * step, bottom, info.fontname,
                                size, info.colour, info.upright, base, seq + j, None, info.font,
                                info.render_mode, info.angle, False, False, info.mcid,
                                info.struct, info.artifact, info.transparent))
        return out, absurd

    def _loose(self, tp, i: int, pf, fview) -> list[float]:  # noqa: ANN001
        """PDFium's loose box of glyph ``i``: left, top, right, bottom in user space."""
        self._lib.GetLooseCharBox(tp, i, pf)
        return fview.tolist()

    def _advance(self, fptr: int, u: str) -> float:
        """The advance of the glyph ``u`` maps to in font ``fptr``, per point of font size,
        from the font's widths (0 when unknown)."""
        if not fptr or len(u) != 1:
            return 0.0
        if not self._lib.FontGlyphWidthB(c_void_p(fptr), ord(u), self._one, self._vw):
            return 0.0
        v = self._wbuf.value
        return v if math.isfinite(v) and v > 0 else 0.0

    def _font(self, fptr: int) -> FontInfo:
        L = self._lib
        name = _cstr(L.FontBaseName, fptr)
        family = _cstr(L.FontFamilyName, fptr)
        w = L.FontWeight(fptr)
        flags = L.FontFlags(fptr)
        if flags >= 0:
            flags &= _DESCRIPTOR_FLAGS  # PDFium keeps flags of its own above them
        ia = c_int()
        angle = float(ia.value) if L.FontItalicAngle(fptr, byref(ia)) else 0.0
        return FontInfo(name, family or None, w if w > 0 else None,
                        flags if flags >= 0 else None, angle, bool(L.FontEmbedded(fptr) == 1))

    def _as_drawn(self, index: int, g: _Geometry, pc: PageChars, nameless: list[Char],
                  replaced: list[Char]) -> None:
        """What pdfminer reads where PDFium reads otherwise, for a few glyphs of a page.

        ``nameless``: glyphs in Type 3 fonts, which have no /BaseFont; PDFium ignores their
        descriptor (/FontName, /FontWeight), where Chromium, for one, names the CJK fonts
        it embeds this way ("NotoSansCJKsc-Bold": the weight is in the name). ``replaced``:
        glyphs PDFium read from an /ActualText; where the drawn glyphs differ from it in
        case only (small capitals: "INTRODUCTION" set for "Introduction") the glyphs as
        set are kept, as pdfminer reads them. The page is read once more by pdfplumber
        and each glyph takes its values from pdfplumber's glyph at the same place."""
        if self._plumber_failed or g.x0 != 0 or g.rotation:
            return  # without a plain crop box the two readers' coordinates differ
        if self._plumber is None:
            try:
                import pdfplumber

                self._plumber = pdfplumber.open(self.path)
                self._plumber.pages  # noqa: B018 - the page tree: read once, or fail here
            except Exception:  # pdfminer cannot read the file: no page gets a second reading
                self._plumber_failed = True
                return
        try:
            page = self._plumber.pages[index]
            found: dict[int, list[tuple[float, float, str, str]]] = {}
            for c in page.chars:
                m = c.get("matrix")
                base = c["top"] + (c["y1"] - m[5]) if m is not None else c["bottom"]
                found.setdefault(round(c["x0"]), []).append(
                    (base, c["x0"], c["text"], c.get("fontname", "")))
            top_off = g.height - float(page.height or g.height)
            page.close()
        except Exception:  # a second reading is a nicety: never fail the page on it. Only
            return  # this page goes without: which pages are read first must not matter

        def drawn(c: Char) -> tuple[float, float, str, str] | None:
            best = min(found.get(round(c.x0), ()), default=None,
                       key=lambda b: abs(b[0] + top_off - c.baseline))
            return best if best is not None and abs(best[0] + top_off - c.baseline) < 1.0 else None

        named = cased = 0
        for c in nameless:
            d = drawn(c)
            if d is not None and d[3] and d[2] == c.text:
                c.fontname = d[3]
                named += 1
        for c in replaced:
            # the glyphs pdfminer reads across the box PDFium gave the replacement text
            lo, hi = c.x0 - 0.5, max(c.x1 - 0.5, c.x0 + 0.5)
            run = sorted((x0, t) for k in range(int(lo) - 1, int(hi) + 2)
                         for b, x0, t, _ in found.get(k, ())
                         if lo <= x0 < hi and abs(b + top_off - c.baseline) < 1.0)
            set_letters = [ch for _, t in run for ch in t if not ch.isspace()]
            letters = [ch for ch in c.text if not ch.isspace()]
            if set_letters != letters and len(set_letters) == len(letters) \
                    and all(a.casefold() == b.casefold() for a, b in zip(set_letters, letters)):
                it = iter(set_letters)
                c.text = "".join(ch if ch.isspace() else next(it) for ch in c.text)
                cased += 1
        if named:
            pc.problems.append(("type3_font_names", f"{named} glyph(s) in Type 3 fonts named "
                                "from their descriptors (read by pdfminer)"))
        if cased:
            pc.problems.append(("actual_text_case", f"{cased} glyph(s) kept in the case they "
                                "are set in (small capitals), not their /ActualText's"))

    # -- structure tree ---------------------------------------------------------------------
    def _struct_tree(self, page) -> dict[int, StructNode]:  # noqa: ANN001
        """Marked-content id → the structure element that owns that content on this page."""
        if not self.info.tagged:
            return {}
        import pypdfium2.raw as raw

        out: dict[int, StructNode] = {}
        tree = raw.FPDF_StructTree_GetForPage(page.raw)
        if not tree:
            return out
        counter = [0]
        L = self._lib
        # one buffer for the elements' type and language strings (UTF-16LE with a NUL):
        # a string that does not fit, or none, reads as empty
        sbuf = ctypes.create_string_buffer(_STRUCT_STR_MAX)
        s0, size = ctypes.addressof(sbuf), c_ulong(_STRUCT_STR_MAX)
        el_type, el_lang, string_at = L.ElTypeB, L.ElLangB, ctypes.string_at
        mcid_count, mcid_at, count_children = L.ElMcidCountB, L.ElMcidAtB, L.ElCountChildrenB
        child_at, child_mcid = L.ElChildH, L.ElChildMcidB
        try:
            def walk(el, path: tuple[str, ...], depth: int) -> None:  # noqa: ANN001
                if counter[0] > 100_000:
                    return
                counter[0] += 1
                n = el_type(el, sbuf, size)
                t = (string_at(s0, max(0, n - 2)).decode("utf-16-le", "replace")
                     if 0 < n < _STRUCT_STR_MAX else "") or "?"
                n = el_lang(el, sbuf, size)
                lang = (string_at(s0, max(0, n - 2)).decode("utf-16-le", "replace")
                        if 0 < n < _STRUCT_STR_MAX else "") or None
                node = StructNode(t, path + (t,), counter[0], lang)
                for k in range(min(mcid_count(el), 10_000)):
                    mc = mcid_at(el, k)
                    if mc >= 0:
                        out.setdefault(mc, node)
                if depth >= 64:
                    return
                for c in range(min(count_children(el), 10_000)):
                    child = child_at(el, c)
                    if child:
                        walk(child, node.path, depth + 1)
                    else:
                        mc = child_mcid(el, c)
                        if mc >= 0:
                            out.setdefault(mc, node)

            for c in range(min(L.StructTreeCountChildrenB(tree), 10_000)):
                el = L.StructTreeChildH(tree, c)
                if el:
                    walk(el, (), 0)
        finally:
            raw.FPDF_StructTree_Close(tree)
            walk = None  # type: ignore[assignment]  # the closure's cycle (see _objects)
        return out

    # -- drawings -----------------------------------------------------------------------------
    def _objects(self, page, g: _Geometry, pc: PageChars,  # noqa: ANN001
                 paths: list[_Path], deadline: float
                 ) -> dict[int, int]:
        """Rules (thin lines and rectangles), boxes of drawn shapes and images, image count;
        ``paths`` receives the drawn paths (with the matrix of the forms they are in and
        the subpaths read) for the table finder. Returns each text object's place in the content stream (forms
        entered where they are drawn)."""
        L = self._lib
        order: dict[int, int] = {}
        rules: list[Rule] = []
        graphics: list[tuple[float, float, float, float]] = []
        budget = [MAX_OBJECTS_PER_PAGE]
        bbuf = (c_float * 4)()  # left, bottom, right, top
        b0 = ctypes.addressof(bbuf)
        pbox = tuple(c_void_p(b0 + 4 * k) for k in range(4))
        bview = memoryview(bbuf).cast("B").cast("f")
        m = (c_float * 6)()
        obj_type, obj_bounds, form_get = L.ObjTypeB, L.ObjBoundsB, L.FormGetObjectH

        def bounds(o: _Handle) -> tuple[float, float, float, float] | None:
            if not obj_bounds(o, *pbox):
                return None
            v = tuple(bview.tolist())
            return v if _finite(*v) else None

        def visit(count: int, get, ctm: tuple[float, ...] | None, depth: int) -> None:  # noqa: ANN001
            for k in range(count):
                if budget[0] <= 0 or time.monotonic() > deadline:
                    return
                budget[0] -= 1
                o = get(k)
                if not o:
                    continue
                t = obj_type(o)
                if t == _OBJ_TEXT:
                    order[o.value] = len(order)
                    continue
                if t == _OBJ_FORM:
                    if depth < MAX_FORM_DEPTH:
                        fm = _matrix(L, o, m)
                        inner = _compose(fm, ctm) if ctm else fm
                        visit(min(L.FormCountObjects(o), budget[0]),
                              lambda j, o=o: form_get(o, c_ulong(j)), inner, depth + 1)
                    continue
                bb = bounds(o)
                if bb is None:
                    continue
                if ctm is not None:
                    bb = _transform_box(ctm, bb)
                if t == _OBJ_IMAGE:
                    pc.images += 1
                if t == _OBJ_PATH:
                    self._path(o, g, ctm, bb, rules, graphics, paths)
                    continue
                box = g.box(*bb)
                if (box[2] - box[0]) > RULE_THICKNESS or (box[3] - box[1]) > RULE_THICKNESS:
                    graphics.append(box)

        page_ptr = _addr(page.raw)
        page_vp, get_obj = c_void_p(page_ptr), L.GetObjectH
        try:
            visit(min(L.CountObjects(page_ptr), budget[0]), lambda k: get_obj(page_vp, k), None, 0)
        finally:
            # visit calls itself through its closure: a cycle (function, cell) that would
            # keep the page's glyphs, rules and paths alive until the cyclic garbage
            # collector finds them, where reference counting frees them with the page
            visit = None  # type: ignore[assignment]
        if budget[0] <= 0:
            pc.problems.append(("too_many_objects", f"over {MAX_OBJECTS_PER_PAGE} drawing "
                                "objects: the rest not looked at for rules and figures"))
        pc.rules = rules
        pc.graphics = graphics[:MAX_GRAPHICS]
        return order

    def _path(self, o: _Handle, g: _Geometry, ctm, bb, rules: list[Rule],  # noqa: ANN001
              graphics: list[tuple[float, float, float, float]],
              paths: list[_Path]) -> None:
        """A path's subpaths, classified as pdfminer does: a straight two-point subpath is a
        line (a rule, never a graphic); a closed axis-aligned four-corner one a rectangle (a
        rule when thin); anything else a curve (a graphic when bigger than a rule). Boxes are
        the geometry's, without the stroke's width, as pdfminer measures them."""
        L = self._lib
        if L.PathDrawModeB(o, self._vfill, self._vstroke) and not self._fill.value \
                and not self._stroke.value:
            return  # a path that is neither filled nor stroked draws nothing
        nseg = L.PathCountSegmentsB(o)
        if nseg <= 0:
            return
        paths.append((o, ctm, None))
        if nseg > MAX_PATH_SEGMENTS or len(paths) > MAX_PATHS_READ:
            # a drawing: its bounds (stroke included) are all that is looked at
            box = g.box(*bb)
            w, h = box[2] - box[0], box[3] - box[1]
            if w > RULE_THICKNESS or h > RULE_THICKNESS:
                graphics.append(box)
            if min(w, h) <= RULE_THICKNESS:
                rules.append(Rule(*box))
            return
        subs = self._subpaths(o, g, ctm, nseg)
        paths[-1] = (o, ctm, subs)  # kept for the table finder: read once
        for pts, kinds in subs:
            curve = _SEG_BEZIERTO in kinds
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            sb = (min(xs), min(ys), max(xs), max(ys))
            sw, sh = sb[2] - sb[0], sb[3] - sb[1]
            if not curve and len(pts) == 2:
                rules.append(Rule(*sb))
                continue
            if not curve and _is_rect(pts) and min(sw, sh) <= RULE_THICKNESS:
                rules.append(Rule(*sb))
            if sw > RULE_THICKNESS or sh > RULE_THICKNESS:
                graphics.append(sb)

    def _subpaths(self, o: "_Handle", g: _Geometry, ctm, nseg: int  # noqa: ANN001
                  ) -> list[tuple[list[tuple[float, float]], list[int]]]:
        """The path's subpaths as points on the displayed page, each with the kind of the
        segment that ends at each point (a closed subpath repeats its first point)."""
        L = self._lib
        m = (c_float * 6)()
        om = _matrix(L, o, m)
        full = _compose(om, ctm) if ctm else om
        a, b, c, d, e, f = full  # PDF's row vector: (x, y) → (ax + cy + e, bx + dy + f)
        point = g.point
        xy = (c_float * 2)()
        vx, vy = c_void_p(ctypes.addressof(xy)), c_void_p(ctypes.addressof(xy) + 4)
        get_seg, seg_point, seg_type, seg_close = (L.PathGetSegmentH, L.SegPointB, L.SegTypeB,
                                                   L.SegCloseB)
        out: list[tuple[list[tuple[float, float]], list[int]]] = []
        pts: list[tuple[float, float]] = []
        kinds: list[int] = []
        for k in range(min(nseg, MAX_PATH_SEGMENTS)):
            seg = get_seg(o, k)
            if not seg or not seg_point(seg, vx, vy):
                continue
            x, y = xy
            if not math.isfinite(x + y):
                continue
            kind = seg_type(seg)
            if kind == _SEG_MOVETO and pts:
                out.append((pts, kinds))
                pts, kinds = [], []
            pts.append(point(a * x + c * y + e, b * x + d * y + f))
            kinds.append(kind)
            if seg_close(seg) and len(pts) > 2:
                pts.append(pts[0])
                kinds.append(_SEG_LINETO)
        if pts:
            out.append((pts, kinds))
        return out

    def _edges(self, paths: list[_Path], g: _Geometry
               ) -> list[tuple[float, float, float, float]]:
        """The horizontal and vertical straight segments of the page's paths: what a
        table finder looks for. Read only for pages that may hold a ruled table."""
        L = self._lib
        edges: list[tuple[float, float, float, float]] = []
        for o, ctm, subs in paths:
            if subs is None:  # a path only the bounds of which were looked at
                subs = self._subpaths(o, g, ctm, L.PathCountSegments(o))
            for pts, kinds in subs:
                for a, b, kind in zip(pts, pts[1:], kinds[1:]):
                    if kind != _SEG_BEZIERTO:
                        _edge(edges, a, b)
            if len(edges) > MAX_TABLE_EDGES:
                break
        return edges

    # -- links --------------------------------------------------------------------------------
    def _links(self, page, g: _Geometry, number: int,  # noqa: ANN001
               problems: list[tuple[str, str]]) -> list[Link]:
        import pypdfium2.raw as raw

        out: list[Link] = []
        bad_uri = 0
        pos = c_int(0)
        link = raw.FPDF_LINK()
        r = raw.FS_RECTF()
        while len(out) < 10_000 and raw.FPDFLink_Enumerate(page.raw, byref(pos), byref(link)):
            if not raw.FPDFLink_GetAnnotRect(link, r) or not _finite(r.left, r.bottom, r.right, r.top):
                continue
            box = g.box(min(r.left, r.right), min(r.bottom, r.top), max(r.left, r.right),
                        max(r.bottom, r.top))
            target = uri = None
            dest = raw.FPDFLink_GetDest(self._pdf.raw, link)
            if not dest:
                action = raw.FPDFLink_GetAction(link)
                if action:
                    kind = raw.FPDFAction_GetType(action)
                    if kind == _ACTION_GOTO:
                        dest = raw.FPDFAction_GetDest(self._pdf.raw, action)
                    elif kind == _ACTION_URI:
                        n = raw.FPDFAction_GetURIPath(self._pdf.raw, action, None, 0)
                        if 0 < n < 65536:
                            buf = ctypes.create_string_buffer(n)
                            raw.FPDFAction_GetURIPath(self._pdf.raw, action, buf, n)
                            uri, bad = clean_string(buf.raw[:n].rstrip(b"\x00").decode("latin-1"))
                            uri = uri or None
                            bad_uri += bad
            if dest:
                import pypdfium2 as pdfium

                target = self._target(pdfium.PdfDest(dest, self._pdf))
            out.append(Link(number, *box, target, uri))
        if bad_uri:
            problems.append(string_warning("link URIs", bad_uri))
        return out

    # -- tables -------------------------------------------------------------------------------
    @staticmethod
    def _tables(pc: PageChars, edges: list[tuple[float, float, float, float]]
                ) -> list[PageTable]:
        """Ruled tables by pdfplumber's table finder, run on this reader's glyphs and edges."""
        if len(edges) > MAX_TABLE_EDGES:
            pc.problems.append(("tables_skipped", f"{len(edges)} drawn edges: too many to "
                                "look for ruled tables"))
            return []
        # a ruled table is crossed both ways: without two edges each way there is none
        across = sum(1 for e in edges if e[1] == e[3] and e[2] - e[0] >= TABLE_EDGE_MIN_PT)
        down = sum(1 for e in edges if e[0] == e[2] and e[3] - e[1] >= TABLE_EDGE_MIN_PT)
        if across < TABLE_MIN_EDGES or down < TABLE_MIN_EDGES:
            return []
        try:
            return page_tables(TablePage(pc.chars, edges, pc.width, pc.height).find_tables())
        except Exception as exc:  # a table finder failure must not cost the page's text
            pc.problems.append(("tables_failed", f"table finder: {type(exc).__name__}"))
            return []

    def close(self) -> None:
        if self._plumber is not None:
            try:
                self._plumber.close()
            except Exception:
                pass
            self._plumber = None
        self._pdf.close()


# ---------------------------------------------------------------------------- helpers
class PdfiumOpenError(Exception):
    """PDFium could not open the file; ``reason`` says why in PDFium's terms: ``password``
    (encrypted), ``security`` (an unsupported security handler), ``format`` (damaged or
    not a PDF), ``file`` (unreadable), ``no_pages`` or ``unknown``."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"PDFium could not open the file ({reason.replace('_', ' ')})")
        self.reason = reason


_LOAD_ERRORS = {1: "unknown", 2: "file", 3: "format", 4: "password", 5: "security"}


def _open(pdfium, path: str, password: str | None):  # noqa: ANN001, ANN202
    """The document, or :class:`PdfiumOpenError`. pypdfium2 turns an empty page tree into
    an error carrying PDFium's last error code, which may be left over from another file:
    the reason is read here right after the load that failed."""
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError:
        pass
    pw = None if password is None else (password + "\x00").encode("utf-8")
    doc = raw.FPDF_LoadDocument((path + "\x00").encode("utf-8", "surrogateescape"), pw)
    if not doc:
        raise PdfiumOpenError(_LOAD_ERRORS.get(raw.FPDF_GetLastError(), "unknown"))
    try:
        pages = raw.FPDF_GetPageCount(doc)
    finally:
        raw.FPDF_CloseDocument(doc)
    raise PdfiumOpenError("no_pages" if pages < 1 else "unknown")

def _page_text(L: _Lib, tp: int, n: int) -> list[str] | None:
    """The page's characters in one call, one UTF-16 unit per character index (PDFium
    keeps a character outside the BMP as two indexes, its surrogates); None when the text
    does not line up with the indexes (PDFium leaves characters coded U+0000 out of it),
    and the characters are then fetched one by one."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = L.GetText(tp, 0, n, ctypes.addressof(buf))
    if got - 1 != n:
        return None
    return list(map(chr, memoryview(buf.raw[: 2 * n]).cast("H")))


def _pdf_string(raw: bytes) -> str:
    """A PDF text string's bytes as text: UTF-16 with a byte-order mark, else PDFDocEncoding
    (read as Latin-1, which it matches for letters)."""
    if raw[:2] == b"\xfe\xff":
        return raw[2:].decode("utf-16-be", "replace")
    if raw[:2] == b"\xff\xfe":
        return raw[2:].decode("utf-16-le", "replace")
    if raw[:3] == b"\xef\xbb\xbf":
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")


def _cstr(fn, ptr: int) -> str:  # noqa: ANN001
    n = fn(ptr, None, 0)
    if not 0 < n < 4096:
        return ""
    buf = ctypes.create_string_buffer(n)
    fn(ptr, buf, n)
    return buf.value.decode("utf-8", "replace")


#: bytes a structure element's type or language may take (UTF-16LE and its NUL); longer
#: ones are not read
_STRUCT_STR_MAX = 4096


def _symbol_set(font: FontInfo | None) -> bool:
    """Does the font's descriptor declare glyphs outside the standard Latin set (Symbolic
    set, Nonsymbolic not; ISO 32000-1, 9.8.2)?

    For a glyph PDFium finds no Unicode for (no ToUnicode entry, no glyph name in the Adobe
    Glyph List, which PDFium holds whole), the code is then no letter: marvosym's envelope
    "Letter" is code 66 ("B"), cmsy's angle brackets 104/105 ("h", "i"), an Identity-H
    font's codes are glyph numbers. A font without that flag (matplotlib's Type 3 digits)
    keeps its ASCII codes."""
    f = font.flags if font is not None else None
    return f is not None and f & (SYMBOLIC | NONSYMBOLIC) == SYMBOLIC


def _clean_num(v: float | None) -> float | None:
    return float(v) if v is not None and math.isfinite(v) and abs(v) < 1e6 else None


def _place(t: Target, g: _Geometry) -> None:
    """Fill a target's top-left position from its raw PDF point and its page's geometry."""
    x, y = t.pdf_x, t.pdf_y
    if x is None and y is None:
        return
    px, py = g.point(x if x is not None else g.x0, y if y is not None else g.y1)
    if g.rotation % 2 == 0:
        t.x = px if x is not None else None
        t.top = py if y is not None else None
    else:  # a quarter turn swaps what the two numbers measure on the displayed page
        t.x = px if y is not None else None
        t.top = py if x is not None else None


def _is_rect(pts: list[tuple[float, float]]) -> bool:
    """Four corners joined by horizontal and vertical sides (repeated points, such as the
    first one again at the close, do not count)."""
    corners: list[tuple[float, float]] = []
    for p in pts:
        if not corners or abs(p[0] - corners[-1][0]) >= GEOMETRY_EPS \
                or abs(p[1] - corners[-1][1]) >= GEOMETRY_EPS:
            corners.append(p)
    if len(corners) == 5 and abs(corners[4][0] - corners[0][0]) < GEOMETRY_EPS \
            and abs(corners[4][1] - corners[0][1]) < GEOMETRY_EPS:
        corners.pop()
    if len(corners) != 4:
        return False
    for a, b in zip(corners, corners[1:] + corners[:1]):
        if abs(a[0] - b[0]) >= GEOMETRY_EPS and abs(a[1] - b[1]) >= GEOMETRY_EPS:
            return False
    return True


def _edge(edges: list[tuple[float, float, float, float]], a: tuple[float, float],
          b: tuple[float, float]) -> None:
    """Keep a straight segment that runs along an axis: a table border, a rule."""
    if abs(a[0] - b[0]) < GEOMETRY_EPS and abs(a[1] - b[1]) < GEOMETRY_EPS:
        return  # no length: a closing segment back to where the subpath is
    if abs(a[1] - b[1]) < GEOMETRY_EPS:
        y = round(a[1], 3)
        edges.append((min(a[0], b[0]), y, max(a[0], b[0]), y))
    elif abs(a[0] - b[0]) < GEOMETRY_EPS:
        x = round(a[0], 3)
        edges.append((x, min(a[1], b[1]), x, max(a[1], b[1])))


def _matrix(L: _Lib, o: int, m) -> tuple[float, ...]:  # noqa: ANN001
    if L.ObjMatrix(o, ctypes.addressof(m)):
        v = tuple(m)  # a c_float array gives Python floats
        if _finite(*v):
            return v
    return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """``inner`` then ``outer``: PDF's row-vector convention, inner × outer."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _transform_box(m: tuple[float, ...], bb: tuple[float, float, float, float]
                   ) -> tuple[float, float, float, float]:
    # the four corners (l, b), (l, t), (r, b), (r, t) through the matrix (PDF's row vector:
    # x' = ax + cy + e, y' = bx + dy + f), written out: a page of drawings inside forms (a
    # plot's 20,000 markers) transforms one box per path
    a, b, c, d, e, f = m
    l, bo, r, t = bb
    al, ar, cb, ct = a * l, a * r, c * bo, c * t
    bl, br, db, dt = b * l, b * r, d * bo, d * t
    x1, x2, x3, x4 = al + cb + e, al + ct + e, ar + cb + e, ar + ct + e
    y1, y2, y3, y4 = bl + db + f, bl + dt + f, br + db + f, br + dt + f
    return (min(x1, x2, x3, x4), min(y1, y2, y3, y4), max(x1, x2, x3, x4), max(y1, y2, y3, y4))
