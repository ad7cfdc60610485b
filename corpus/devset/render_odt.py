"""Documents of the model as ODT (odfpy) typeset to PDF by headless LibreOffice Writer.

What makes these Word-like: real paragraph and heading styles (``text:h`` with outline
levels, so LibreOffice writes bookmarks), real footnotes and endnotes (``text:note``), real
lists with generated labels, tables, headers that repeat the chapter title (a ``text:chapter``
field) and ``Page N of M`` footers (page-number and page-count fields). A :class:`OdtStyle`
picks the template: page size, fonts, justification, line spacing, indent, heading looks.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from odf import teletype
from odf.opendocument import OpenDocumentText
from odf.style import (Columns, FontFace, Footer, FootnoteSep, FooterStyle, Header, HeaderFooterProperties,
                       HeaderStyle, ListLevelProperties, MasterPage, PageLayout,
                       PageLayoutProperties, ParagraphProperties, Style, TabStop, TabStops,
                       TableCellProperties, TableColumnProperties, TableProperties,
                       TextProperties)
from odf.table import Table as OTable, TableCell, TableColumn, TableRow
from odf.text import (H, LineBreak, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber,
                      ListStyle, Note as ONote, NoteBody, NoteCitation, NotesConfiguration, P,
                      PageCount, PageNumber, Span, Tab)
from odf.text import Chapter as ChapterField
from odf.text import OutlineLevelStyle, OutlineStyle

from docmodel import (Abstract, B, Doc, EndnotesSection, Figure, Heading, I, Items, Mark, Note,
                      PageBreak, Para, Sub, Sup, Table, Toc, runs_of)


COLUMN_GAP_CM = 0.7  # between the columns of a page of several columns


@dataclass
class HeadingLook:
    size: float
    bold: bool = True
    font: str | None = None  # western; None = body font
    font_asian: str | None = None
    caps: bool = False  # text-transform uppercase
    small_caps: bool = False
    italic: bool = False
    align: str = "start"
    above: str = "0.35cm"
    below: str = "0.2cm"
    page_break: bool = False
    color: str | None = None  # "#1f4e79"
    letter_spacing: str | None = None  # "0.05cm"


@dataclass
class OdtStyle:
    page: tuple[str, str] = ("21cm", "29.7cm")
    margins: tuple[str, str, str, str] = ("2.5cm", "2.5cm", "2.5cm", "2.5cm")  # t r b l
    font: str = "Liberation Serif"
    font_asian: str = "Noto Serif CJK SC"
    size: float = 11
    line_height: str = "115%"
    align: str = "justify"
    indent: str = "0cm"
    para_below: str = "0.2cm"
    columns: int = 1
    headings: dict[int, HeadingLook] = field(default_factory=lambda: {
        1: HeadingLook(16), 2: HeadingLook(13), 3: HeadingLook(11)})
    note_size: float = 9
    header: str | None = None  # None | "chapter" | a fixed text ("left\tright")
    footer: str | None = "page"  # None | "page" | "page-of" | "zh-page-of" | "dash"
    lang: str = "en"  # for hyphenation
    country: str = "US"
    hyphenate: bool = False
    endnote_format: str = "1"
    footnote_format: str = "1"  # ODF num-format: "1", "①, ②, ③, ..." (Word/WPS circled numbers), "i"
    footnote_restart: str = "document"  # "document" | "page" (numbers restart on every page) | "chapter"
    tagged: bool = False
    title_size: float = 18
    # the line over the page's notes: None leaves LibreOffice's default (a quarter of the
    # text width), "" prints none, "100%" a rule across the text
    footnote_rule: str | None = None
    # the label in front of a note's text (footnotes and endnotes): raised like the callout,
    # or set on the line in the note's own size, with LibreOffice's 'Before'/'After' text
    # around it (Tools > Footnotes and Endnotes; the callout in the text is unchanged)
    note_label_raised: bool = True
    note_label_affix: tuple[str, str] = ("", "")
    # LibreOffice numbers the headings itself (outline numbering): level -> (prefix, format,
    # suffix, levels shown); the heading text then holds no number. Format "1", "一, 二, 三, ...".
    outline: dict[int, tuple[str, str, str, int]] | None = None


def _fontface(name: str) -> FontFace:
    return FontFace(name=name, fontfamily=f"'{name}'", fontfamilygeneric="roman", fontpitch="variable")


class _Writer:
    def __init__(self, doc: Doc, st: OdtStyle):
        self.doc, self.st = doc, st
        self.od = OpenDocumentText()
        self.fonts = set()
        self.n_notes = 0
        self.endnotes_here = False
        self._styles()

    # ---------------------------------------------------------------- styles
    def font(self, name: str) -> str:
        if name not in self.fonts:
            self.fonts.add(name)
            self.od.fontfacedecls.addElement(_fontface(name))
        return name

    def textprops(self, size: float, bold: bool = False, italic: bool = False,
                  font: str | None = None, font_asian: str | None = None, **more) -> TextProperties:
        st = self.st
        f, fa = self.font(font or st.font), self.font(font_asian or st.font_asian)
        kw = dict(fontname=f, fontnameasian=fa, fontnamecomplex=f, fontsize=f"{size}pt",
                  fontsizeasian=f"{size}pt", fontsizecomplex=f"{size}pt",
                  language=st.lang, country=st.country, languageasian="zh", countryasian="CN")
        if bold:
            kw.update(fontweight="bold", fontweightasian="bold", fontweightcomplex="bold")
        if italic:
            kw.update(fontstyle="italic", fontstyleasian="italic")
        kw.update(more)
        return TextProperties(**kw)

    def _styles(self) -> None:
        st, od = self.st, self.od
        # page
        pl = PageLayout(name="PL")
        plp = PageLayoutProperties(pagewidth=st.page[0], pageheight=st.page[1],
                                   margintop=st.margins[0], marginright=st.margins[1],
                                   marginbottom=st.margins[2], marginleft=st.margins[3],
                                   printorientation="portrait")
        if st.columns > 1:
            plp.addElement(Columns(columncount=st.columns, columngap=f"{COLUMN_GAP_CM}cm"))
        if st.footnote_rule is not None:
            plp.addElement(FootnoteSep(width="0.018cm" if st.footnote_rule else "0cm",
                                       relwidth=st.footnote_rule or "0%", adjustment="left",
                                       linestyle="solid" if st.footnote_rule else "none",
                                       distancebeforesep="0.1cm", distanceaftersep="0.1cm"))
        pl.addElement(plp)
        hs, fs = HeaderStyle(), FooterStyle()
        hs.addElement(HeaderFooterProperties(minheight="0.6cm", marginbottom="0.4cm"))
        fs.addElement(HeaderFooterProperties(minheight="0.6cm", margintop="0.4cm"))
        pl.addElement(hs)
        pl.addElement(fs)
        od.automaticstyles.addElement(pl)
        # paragraph styles
        self.body = Style(name="Text_20_body", displayname="Text body", family="paragraph")
        self.body.addElement(ParagraphProperties(textalign=st.align, lineheight=st.line_height,
                                                 textindent=st.indent, marginbottom=st.para_below,
                                                 margintop="0cm", justifysingleword="false"))
        self.body.addElement(self.textprops(st.size, hyphenate="true" if st.hyphenate else "false",
                                            hyphenationremaincharcount="3",
                                            hyphenationpushcharcount="3"))
        od.styles.addElement(self.body)
        self.hstyles = {}
        for lvl, look in st.headings.items():
            s = Style(name=f"Heading_20_{lvl}", displayname=f"Heading {lvl}", family="paragraph",
                      defaultoutlinelevel=str(lvl), nextstylename="Text_20_body")
            s.addElement(ParagraphProperties(textalign=look.align, margintop=look.above,
                                             marginbottom=look.below, keepwithnext="always",
                                             breakbefore="page" if look.page_break else "auto"))
            more = {}
            if look.caps:
                more["texttransform"] = "uppercase"
            if look.small_caps:
                more["fontvariant"] = "small-caps"
            if look.color:
                more["color"] = look.color
            if look.letter_spacing:
                more["letterspacing"] = look.letter_spacing
            s.addElement(self.textprops(look.size, look.bold, look.italic, look.font,
                                        look.font_asian, **more))
            od.styles.addElement(s)
            self.hstyles[lvl] = s
        self.sub = self._pstyle("Subtitle_20_line", st.headings[1].size - 2, True, "start",
                                below="0.3cm")
        self.title = self._pstyle("Title", st.title_size, True, "center", below="0.3cm")
        self.meta = self._pstyle("Meta", st.size, False, "center", below="0.5cm")
        self.cell = self._pstyle("Table_20_Contents", st.size - 1, False, "start", below="0cm",
                                 line="100%")
        self.caption = self._pstyle("Caption", st.size - 1, False, "center", below="0.2cm", italic=True)
        self.notep = self._pstyle("Footnote", st.note_size, False, "justify", below="0cm",
                                  line="100%")
        self.headerp = Style(name="Header", family="paragraph")
        hp = ParagraphProperties(textalign="start",
                                 borderbottom="0.5pt solid #808080" if st.header else "none")
        tabs = TabStops()
        tabs.addElement(TabStop(position=f"{self._text_width():.2f}cm", type="right"))
        hp.addElement(tabs)
        self.headerp.addElement(hp)
        self.headerp.addElement(self.textprops(8, italic=False))
        od.styles.addElement(self.headerp)
        self.footerp = self._pstyle("Footer", 9, False, "center", below="0cm")
        self.listp = Style(name="List_20_body", family="paragraph", parentstylename=self.body)
        self.listp.addElement(ParagraphProperties(marginbottom="0.1cm"))
        od.styles.addElement(self.listp)
        # character styles
        self.t_bold = self._tstyle("Strong", fontweight="bold", fontweightasian="bold")
        self.t_ital = self._tstyle("Emphasis", fontstyle="italic", fontstyleasian="italic")
        self.t_sup = self._tstyle("Sup", textposition="super 58%")
        self.t_sub = self._tstyle("Sub", textposition="sub 58%")
        self.t_anchor = self._tstyle("Footnote_20_anchor", textposition="super 58%")
        self.t_label = self.t_anchor if st.note_label_raised else \
            self._tstyle("Footnote_20_Characters", textposition="0% 100%")
        # notes
        for cls, fmt in (("footnote", st.footnote_format), ("endnote", st.endnote_format)):
            od.styles.addElement(NotesConfiguration(
                noteclass=cls, numformat=fmt, startvalue="0",
                **{k: v for k, v in zip(("numprefix", "numsuffix"), st.note_label_affix) if v},
                citationbodystylename=self.t_anchor, citationstylename=self.t_label,
                defaultstylename=self.notep,
                footnotesposition="page" if cls == "footnote" else "document",
                startnumberingat=st.footnote_restart if cls == "footnote" else "document"))
        if st.outline:
            os_ = OutlineStyle(name="Outline")
            for lvl, (prefix, fmt, suffix, shown) in sorted(st.outline.items()):
                ol = OutlineLevelStyle(level=lvl, numformat=fmt, numprefix=prefix, numsuffix=suffix,
                                       displaylevels=str(shown))
                ol.addElement(ListLevelProperties(minlabelwidth="0cm", minlabeldistance="0.3cm"))
                os_.addElement(ol)
            od.styles.addElement(os_)
        self.abs_title = Style(name="Abstract_20_Heading", displayname="Abstract Heading",
                               family="paragraph")
        look = st.headings[1]
        self.abs_title.addElement(ParagraphProperties(textalign="center", margintop=look.above,
                                                      marginbottom=look.below, keepwithnext="always"))
        self.abs_title.addElement(self.textprops(look.size, look.bold, False, look.font, look.font_asian,
                                                 **({"color": look.color} if look.color else {})))
        od.styles.addElement(self.abs_title)
        self.tocp = Style(name="Contents_20_1", displayname="Contents 1", family="paragraph")
        tp = ParagraphProperties(textalign="start", marginbottom="0.1cm")
        tabs = TabStops()
        tabs.addElement(TabStop(position=f"{self._text_width() / max(st.columns, 1) - 0.1:.2f}cm",
                                type="right", leaderstyle="dotted", leadertext="."))
        tp.addElement(tabs)
        self.tocp.addElement(tp)
        self.tocp.addElement(self.textprops(st.size))
        od.styles.addElement(self.tocp)
        self.figbox = Style(name="Figure_20_Box", family="paragraph")
        self.figbox.addElement(ParagraphProperties(border="0.5pt solid #000000", padding="1cm",
                                                   marginleft="2cm", marginright="2cm", margintop="0.3cm"))
        self.figbox.addElement(self.textprops(st.size))
        od.styles.addElement(self.figbox)
        self.list_styles: dict[str, ListStyle] = {}
        # lists
        self.bullets = ListStyle(name="LBullet")
        lb = ListLevelStyleBullet(level=1, bulletchar="•")
        lb.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.5cm"))
        self.bullets.addElement(lb)
        od.automaticstyles.addElement(self.bullets)
        self.numbers = ListStyle(name="LNumber")
        ln = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
        ln.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.6cm"))
        self.numbers.addElement(ln)
        od.automaticstyles.addElement(self.numbers)
        # tables
        self.tstyle = Style(name="Tbl", family="table")
        self.tstyle.addElement(TableProperties(width=f"{self._column_width():.2f}cm", align="center",
                                               margintop="0.2cm", marginbottom="0.3cm"))
        od.automaticstyles.addElement(self.tstyle)
        self.cstyle = Style(name="TblCell", family="table-cell")
        self.cstyle.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.08cm"))
        od.automaticstyles.addElement(self.cstyle)
        # master page
        mp = MasterPage(name="Standard", pagelayoutname=pl)
        if st.header:
            h = Header()
            p = P(stylename=self.headerp)
            if st.header == "chapter":
                p.addText(self.doc.title)
                p.addElement(Tab())
                p.addElement(ChapterField(display="name", outlinelevel="1"))
            elif st.header == "section":  # the current section's number and title
                p.addElement(ChapterField(display="number-and-name", outlinelevel="2"))
                p.addElement(Tab())
                p.addElement(PageNumber(selectpage="current"))
            else:
                left, _, right = st.header.partition("\t")
                p.addText(left)
                p.addElement(Tab())
                p.addText(right)
            h.addElement(p)
            mp.addElement(h)
        if st.footer:
            f = Footer()
            p = P(stylename=self.footerp)
            if st.footer == "page":
                p.addElement(PageNumber(selectpage="current"))
            elif st.footer == "dash":
                p.addText("— ")
                p.addElement(PageNumber(selectpage="current"))
                p.addText(" —")
            elif st.footer == "page-of":
                p.addText("Page ")
                p.addElement(PageNumber(selectpage="current"))
                p.addText(" of ")
                p.addElement(PageCount())
            elif st.footer == "zh-page-of":
                p.addText("第 ")
                p.addElement(PageNumber(selectpage="current"))
                p.addText(" 页 共 ")
                p.addElement(PageCount())
                p.addText(" 页")
            f.addElement(p)
            mp.addElement(f)
        od.masterstyles.addElement(mp)
        self.pb = Style(name="PB", family="paragraph", parentstylename=self.body)
        self.pb.addElement(ParagraphProperties(breakbefore="page"))
        od.automaticstyles.addElement(self.pb)

    # label form -> (prefix, ODF num-format, suffix)
    LABELS = {"1)": ("", "1", ")"), "a)": ("", "a", ")"), "i.": ("", "i", "."), "(a)": ("(", "a", ")"),
              "(i)": ("(", "i", ")"), "a.": ("", "a", "."), "(1)": ("(", "1", ")"), "1.": ("", "1", "."),
              "（一）": ("（", "一, 二, 三, ...", "）"), "1．": ("", "1", "．")}

    def list_style(self, label: str) -> ListStyle:
        if label not in self.list_styles:
            prefix, fmt, suffix = self.LABELS[label]
            ls = ListStyle(name=f"LNum{len(self.list_styles)}")
            ln = ListLevelStyleNumber(level=1, numformat=fmt, numprefix=prefix, numsuffix=suffix)
            ln.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="1cm"))
            ls.addElement(ln)
            self.od.automaticstyles.addElement(ls)
            self.list_styles[label] = ls
        return self.list_styles[label]

    def _column_width(self) -> float:
        """A table's width: one column's, so a table on a page of columns fits in its column."""
        return (self._text_width() - COLUMN_GAP_CM * (self.st.columns - 1)) / self.st.columns

    def _text_width(self) -> float:
        w = float(self.st.page[0].rstrip("cm"))
        return w - float(self.st.margins[1].rstrip("cm")) - float(self.st.margins[3].rstrip("cm"))

    def _pstyle(self, name, size, bold, align, below="0.2cm", line=None, italic=False) -> Style:
        s = Style(name=name, family="paragraph")
        kw = dict(textalign=align, marginbottom=below, margintop="0cm")
        if line:
            kw["lineheight"] = line
        s.addElement(ParagraphProperties(**kw))
        s.addElement(self.textprops(size, bold, italic))
        self.od.styles.addElement(s)
        return s

    def _tstyle(self, name, **props) -> Style:
        s = Style(name=name, family="text")
        s.addElement(TextProperties(**props))
        self.od.styles.addElement(s)
        return s

    # ---------------------------------------------------------------- content
    def runs(self, el, runs) -> None:
        for r in runs:
            if isinstance(r, str):
                teletype.addTextToElement(el, r)  # tabs and runs of spaces as ODF elements
            elif isinstance(r, B):
                el.addElement(Span(stylename=self.t_bold, text=r.text))
            elif isinstance(r, I):
                el.addElement(Span(stylename=self.t_ital, text=r.text))
            elif isinstance(r, Sup):
                el.addElement(Span(stylename=self.t_sup, text=r.text))
            elif isinstance(r, Sub):
                el.addElement(Span(stylename=self.t_sub, text=r.text))
            elif isinstance(r, Mark):
                el.addElement(Span(stylename=self.t_anchor, text=r.label))
            elif isinstance(r, Note):
                self.n_notes += 1
                n = ONote(id=f"ftn{self.n_notes}",
                          noteclass="endnote" if r.kind == "end" else "footnote")
                cit = NoteCitation(text=r.label, label=r.label) if r.custom_label else \
                    NoteCitation(text=r.label)
                n.addElement(cit)
                nb = NoteBody()
                nb.addElement(P(stylename=self.notep, text=r.text))
                n.addElement(nb)
                el.addElement(n)

    def build(self) -> OpenDocumentText:
        d, body = self.doc, self.od.text
        if d.title:
            body.addElement(P(stylename=self.title, text=d.title))
        if d.subtitle or d.author:
            p = P(stylename=self.meta)
            p.addText(d.subtitle or "")
            if d.subtitle and d.author:
                p.addElement(LineBreak())
            p.addText(d.author or "")
            body.addElement(p)
        next_break = False
        for b in d.blocks:
            if isinstance(b, PageBreak):
                next_break = True
                continue
            if isinstance(b, Heading):
                h = H(outlinelevel=b.level, stylename=self.hstyles[b.level])
                if b.page_break or next_break:
                    s = Style(name=f"HB{id(b)}", family="paragraph",
                              parentstylename=self.hstyles[b.level])
                    s.addElement(ParagraphProperties(breakbefore="page"))
                    self.od.automaticstyles.addElement(s)
                    h.setAttribute("stylename", s)
                    next_break = False
                if st_outline := self.st.outline:
                    h.addText(b.text if b.level in st_outline else b.number + " " + b.text)
                else:
                    h.addText((b.number + " " if b.number and not b.number.endswith(("、", "）")) else b.number) + b.text)
                body.addElement(h)
                if b.text_en:
                    body.addElement(P(stylename=self.sub, text=b.text_en))
                continue
            if isinstance(b, Abstract):
                if not b.run_in:
                    body.addElement(P(stylename=self.abs_title, text=b.title))
                for k, runs in enumerate(b.paras):
                    p = P(stylename=self.body)
                    if b.run_in and k == 0:
                        p.addElement(Span(stylename=self.t_bold, text=b.title + "—"))
                    self.runs(p, runs)
                    body.addElement(p)
                if b.keywords:
                    lab, sep, rest = b.keywords.partition("：" if "：" in b.keywords else ":")
                    p = P(stylename=self.body)
                    p.addElement(Span(stylename=self.t_bold, text=lab + sep))
                    p.addText(rest)
                    body.addElement(p)
                continue
            if isinstance(b, Toc):
                body.addElement(P(stylename=self.abs_title, text=b.title))
                for h in d.blocks[d.blocks.index(b) + 1:]:
                    if isinstance(h, Heading):
                        p = P(stylename=self.tocp)
                        p.addText(("　" * (h.level - 1)) + (h.number + " " if h.number else "") + h.text)
                        p.addElement(Tab())
                        p.addText(str(b.pages.get(h.text, 0)))
                        body.addElement(p)
                next_break = True
                continue
            if isinstance(b, Figure):
                body.addElement(P(stylename=self.figbox, text=" "))
                body.addElement(P(stylename=self.caption, text=b.caption))
                continue
            if isinstance(b, EndnotesSection):
                # LibreOffice prints endnotes on pages of their own after the text; the
                # heading is the last thing of the text.
                body.addElement(H(outlinelevel=b.heading_level,
                                  stylename=self.hstyles[b.heading_level], text=b.title))
                continue
            if isinstance(b, Para):
                style = {"title": self.title, "meta": self.meta}.get(b.role, self.body)
                if next_break:
                    style, next_break = self.pb, False
                p = P(stylename=style)
                if b.number:
                    p.addElement(Span(stylename=self.t_bold, text=b.number))
                    teletype.addTextToElement(p, "  ")
                self.runs(p, b.runs)
                body.addElement(p)
            elif isinstance(b, Items):
                lst = List(stylename=self.list_style(b.label) if b.ordered and b.label else
                           self.numbers if b.ordered else self.bullets)
                for it in b.items:
                    li = ListItem()
                    p = P(stylename=self.listp)
                    self.runs(p, it)
                    li.addElement(p)
                    lst.addElement(li)
                body.addElement(lst)
            elif isinstance(b, Table):
                if b.caption:
                    body.addElement(P(stylename=self.caption, text=b.caption))
                t = OTable(name=f"T{id(b)}", stylename=self.tstyle)
                t.addElement(TableColumn(numbercolumnsrepeated=len(b.rows[0])))
                for row in b.rows:
                    tr = TableRow()
                    for cell in row:
                        tc = TableCell(stylename=self.cstyle, valuetype="string")
                        p = P(stylename=self.cell)
                        self.runs(p, cell)
                        tc.addElement(p)
                        tr.addElement(tc)
                    t.addElement(tr)
                body.addElement(t)
        return self.od


def write_odt(doc: Doc, st: OdtStyle, out: Path) -> Path:
    _Writer(doc, st).build().save(str(out))
    return out


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise RuntimeError("LibreOffice is missing (Debian: apt-get install libreoffice-writer)")
    return exe


def lo_version() -> str:
    out = subprocess.run([soffice(), "--version"], capture_output=True, text=True, timeout=120)
    return out.stdout.strip()


def to_pdf(src: Path, out_pdf: Path, tagged: bool = False) -> Path:
    """Convert an ODT/DOCX with headless LibreOffice (a private profile, so no user setting
    and no running instance changes the output)."""
    opts = {"UseTaggedPDF": {"type": "boolean", "value": "true" if tagged else "false"},
            "ExportBookmarks": {"type": "boolean", "value": "true"}}
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        cmd = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export:" + json.dumps(opts),
               "--outdir", tmp, str(src)]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                           env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"})
        made = Path(tmp) / (src.stem + ".pdf")
        if r.returncode != 0 or not made.is_file():
            raise RuntimeError(f"LibreOffice failed on {src}: {r.stderr.strip()[:400]}")
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(made), str(out_pdf))
    return out_pdf
