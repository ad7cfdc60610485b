"""Structure pieces on their own: heading levels from numbering, TeX logos from glyph
geometry, figure regions, note-area bounds and the file pre-check."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.chars import Char
from pariter.extract.assemble import _split_box, _split_label
from pariter.extract.document import FileCheck, _check_file
from pariter.extract.figures import mark_figures
from pariter.extract.footnotes import note_areas
from pariter.extract.headings import assign_levels, dotted_depth, number_kind, split_number
from pariter.extract.lines import Line, build_lines
from tests.helpers import SHARED


def test_opener_number_alone() -> None:
    assert split_number("02 /") == ("02", "")
    assert split_number("附件：行业应用探索") == (None, "附件：行业应用探索")


@pytest.mark.parametrize("word", ["Appendix", "Annex", "Chapter", "Part", "Section", "Article", "Clause",
                                  "Rule", "Schedule", "Title", "Book"])
@pytest.mark.parametrize("n", ["1", "IV", "2.3", "B"])
def test_a_division_word_in_capitals_numbers_the_heading_as_in_title_case(word: str, n: str) -> None:
    """A heading style set in capitals (Word's All caps, CSS text-transform) prints ARTICLE 1:
    the number, its kind and depth are those of Article 1, the title what follows."""
    caps, plain = split_number(f"{word.upper()} {n} PURPOSE AND SCOPE"), split_number(f"{word} {n} Purpose")
    assert caps == (f"{word.upper()} {n}", "PURPOSE AND SCOPE")
    assert number_kind(caps[0]) == number_kind(plain[0]) and dotted_depth(caps[0]) == dotted_depth(plain[0])
    assert split_number(f"{word.upper()}S OF THE CODE") == (None, f"{word.upper()}S OF THE CODE")


def test_levels_follow_numbering_hierarchy() -> None:
    # openers are level 1; （一） first seen under one is level 2; an unnumbered heading
    # as large as the openers' titles is level 1
    heads = [("01", True, 20), ("02", True, 20), ("（一）", False, 12.5), ("（二）", False, 12.5),
             (None, False, 20), ("（一）", False, 12.5)]
    assert assign_levels(heads) == [1, 1, 2, 2, 1, 2]
    # 一、 > （一） > 1. > (1), whatever the sizes say
    heads = [("一、", False, 12), ("（一）", False, 12), ("1.", False, 12), ("（1）", False, 12),
             ("2.", False, 12), ("二、", False, 12)]
    assert assign_levels(heads) == [1, 2, 3, 4, 3, 1]
    # a scheme seen first at the top stays at the top
    assert assign_levels([("（一）", False, 12), ("（二）", False, 12)]) == [1, 1]
    # chapters and dotted numbers
    assert assign_levels([("第 1 章", False, 20), ("1.1", False, 14), ("1.1.1", False, 12),
                          (None, False, 20)]) == [1, 2, 3, 1]
    # no numbering at all: type size ranks
    assert assign_levels([(None, False, 18), (None, False, 12), (None, False, 18)]) == [1, 2, 1]


def _ch(text: str, x0: float, x1: float, size: float, baseline: float, seq: int) -> Char:
    return Char(text, x0, baseline - 0.8 * size, x1, baseline + 0.2 * size, "Termes", size,
                (0.0,), True, baseline, seq)


def _logo(x: float, s: float, base: float, seq: int, latex: bool,
          drop: float = 0.22) -> list[Char]:
    out = []
    if latex:
        out.append(_ch("L", x, x + 0.61 * s, s, base, seq))
        a = 0.73 * s
        out.append(_ch("A", x + 0.36 * s, x + 0.36 * s + 0.72 * a, a, base - 0.25 * s, seq + 1))
        x += 0.61 * s
    out.append(_ch("T", x + 0.02 * s, x + 0.63 * s, s, base, seq + 2))
    out.append(_ch("E", x + 0.46 * s, x + 1.07 * s, s, base + drop * s, seq + 3))
    out.append(_ch("X", x + 0.95 * s, x + 1.67 * s, s, base, seq + 4))
    return out


def test_tex_logos_by_geometry() -> None:
    s = 10.91
    word = [_ch(c, 72 + i * 5.5, 72 + i * 5.5 + 5.4, s, 100, i) for i, c in enumerate("Elegant")]
    chars = word + _logo(72 + 7 * 5.5, s, 100, 20, latex=True)
    end = max(c.x1 for c in chars)
    chars += _logo(end + 3, s, 100, 40, latex=False)
    (line,) = build_lines(chars, 1)
    assert line.text == "ElegantLaTeX TeX"
    # capitals on one baseline are not a logo
    plain = [_ch(c, 72 + i * 7, 72 + i * 7 + 6.9, s, 100, i) for i, c in enumerate("LATEX")]
    (line,) = build_lines(plain, 1)
    assert line.text == "LATEX"


def test_deeply_lowered_logo_e_stays_in_its_line() -> None:
    """TeX lowers the logo's E by half an ex of the font at hand: in a note's small type, and
    as dvips/Distiller or ConTeXt set it, that is 0.26-0.31 em, beyond the baseline
    tolerance of a run. The E still belongs to its line, and the next line of a tightly set
    note, one line pitch below, gets no stray E."""
    s, pitch = 8.0, 9.5
    for drop in (0.26, 0.31):
        first = [_ch(c, 72 + i * 4.2, 72 + i * 4.2 + 4.1, s, 600, i)
                 for i, c in enumerate("In versions of")]
        first += _logo(max(c.x1 for c in first) + 2.5, s, 600, 20, latex=True, drop=drop)
        end = max(c.x1 for c in first)
        first += [_ch(c, end + 2.5 + i * 4.2, end + 2.5 + i * 4.2 + 4.1, s, 600, 30 + i)
                  for i, c in enumerate("released")]
        second = [_ch(c, 72 + i * 4.2, 72 + i * 4.2 + 4.1, s, 600 + pitch, 60 + i)
                  for i, c in enumerate("command instead")]
        lines = sorted(build_lines(first + second, 1), key=lambda l: l.top)
        assert [l.text for l in lines] == ["In versions of LaTeX released", "command instead"]


def test_a_cjk_line_spread_because_a_url_did_not_fit_is_one_line_without_spaces() -> None:
    """Chromium justifies a note's first line whose next word, a URL, did not fit by
    pulling every glyph apart (1.16 em here), a fallback font drawing two of its ideographs
    and a year's digits kept together: the line is one line, and the white that
    justification put beside its ideographs is no space of the text."""
    s, base, step = 8.2, 620.0, 8.2 + 9.5
    chars, x, seq = [], 77.1, 0
    for token in ["“", "追", "上", "他", "们", "”", "：", "见", "《", "公", "共", "数", "据",
                  "开", "放", "目", "录", "（", "2023", "年", "版", "）", "》"]:
        if token.isdigit():
            for d in token:
                chars.append(_ch(d, x, x + 0.56 * s, s, base, seq))
                x, seq = x + 0.56 * s, seq + 1
            x += step - s
            continue
        font = "" if token in "见目" else "Termes"  # a Type 3 fallback has no name
        c = _ch(token, x, x + s, s, base, seq)
        c.fontname = font
        chars.append(c)
        x, seq = x + step, seq + 1
    lines = build_lines(chars, 1)
    assert [l.text for l in lines] == ["“追上他们”：见《公共数据开放目录（2023年版）》"]
    # names in a grid (tight pairs of ideographs, wide white between them) stay apart
    grid, x = [], 72.0
    for k, name in enumerate(["杨启光", "于珊", "王小明"]):
        for c in name:
            grid.append(_ch(c, x, x + 10, 10, 300, len(grid)))
            x += 10
        x += 14
    assert len(build_lines(grid, 1)) == 3


def _line(text: str, x0: float, top: float, size: float, x1: float | None = None,
          lead: str | None = None, bold: bool = False) -> Line:
    return Line(1, x0, top, x1 if x1 is not None else x0 + 0.5 * size * len(text),
                top + size, top + 0.8 * size, size, "F", bold, (0.0,), text, [], lead)


def test_the_tail_of_a_url_on_a_line_of_its_own_is_no_turn_to_english() -> None:
    """A Chinese paragraph whose URL wraps leaves its tail alone on the next line: a host
    name and a path are no language, so the paragraph does not end there as a line-by-line
    bilingual text would."""
    from pariter.extract.paragraphs import _language_turns

    zh = _line("关于既包含用户坐标又包含真实尺寸坐标的延迟绘制的例子，可以参考 http://asymptote.", 28, 388, 11)
    assert not _language_turns(zh, _line("sourceforge.net/gallery/dimension.asy。", 28, 402, 11))
    assert not _language_turns(zh, _line("https://www.example.org/guidance/2022/05/12/reuse.pdf", 28, 402, 11))
    assert _language_turns(zh, _line("The General Assembly adopted the resolution", 28, 402, 11))


def test_figure_region_marks_labels() -> None:
    body = [_line("Body text of the left column goes on here.", 25, 100 + 12 * i, 10)
            for i in range(20)]
    cap = _line("Figure 1. Five Pillars of the National Cybersecurity Strategy", 312, 160, 9,
                x1=568)
    labels = [_line("1 Defend critical infrastructure", 384, 200, 11, bold=True),
              _line("1.1: Establish cybersecurity requirements", 386, 220, 7)]
    src = _line("Sources: GAO analysis of the National Cybersecurity Strategy", 313, 300, 6,
                x1=605)
    after = _line("Text under the figure", 312, 340, 10)
    lines = body + [cap] + labels + [src, after]
    assert mark_figures(lines, 10) == 3
    assert all(l.kind == "figure" for l in labels + [src])
    assert cap.kind == after.kind == "body" and all(l.kind == "body" for l in body)
    # no source line under the caption: no region
    lone = [_line("Figure 2: Something", 25, 100, 9), _line("1 Label", 30, 120, 11)]
    assert mark_figures(lone, 10) == 0


def test_note_area_stops_at_a_box_below() -> None:
    body = [_line("Body text line that is long enough to be body text.", 25, 400 + 12 * i, 10,
                  x1=300) for i in range(10)]
    note = _line("GAO, High-Risk Series: Efforts Made to Achieve Progress.", 25, 634, 6,
                 x1=500, lead="4")
    box = [_line("About GAO", 18, 657, 8, bold=True),
           _line("The Government Accountability Office, the audit arm.", 18, 669, 7, x1=290)]
    areas = note_areas(body + [note] + box, [], 10, 612, 792)
    assert [[l.text for l in a.lines] for a in areas] == [[note.text]]
    assert not areas[0].ruled and areas[0].labelled


def test_file_check(tmp_path: Path) -> None:
    f = tmp_path / "t.pdf"
    f.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n")
    assert _check_file(f) == FileCheck(truncated=True, encrypted=False)
    f.write_bytes(b"%PDF-1.4\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\nstartxref\n0\n%%EOF\n")
    assert _check_file(f) == FileCheck(truncated=False, encrypted=True)


def test_figure_above_its_caption_bounded_by_graphics() -> None:
    body = [_line("Running text of the paper above the figure, long enough.", 72, 100 + 12 * i,
                  10, x1=300) for i in range(5)]
    labels = [_line("Encoder", 100, 200, 8), _line("Decoder", 200, 240, 8)]
    cap = _line("Figure 2: The model.", 72, 300, 9)
    graphics = [(90.0, 180.0, 260.0, 290.0), (95.0, 195.0, 150.0, 215.0)]
    assert mark_figures(body + labels + [cap], 10, graphics) == 2
    assert all(l.kind == "graphic" for l in labels) and cap.kind == "caption"
    assert all(l.kind == "body" for l in body)


_SHARED = SHARED / "pdfs"


def test_run_on_clause_line_is_a_paragraph_start() -> None:
    """A numbered clause line that runs to the margin unfinished and is continued by the
    text under it opens a paragraph; it is not a heading that cuts the paragraph in two."""
    import pytest

    pdf = _SHARED / "zh_pdfplumber_issue-336_anhui_land_standard.pdf"
    if not pdf.exists():
        pytest.skip("shared PDFs not available")
    from pariter.extract.document import extract_pdf

    doc = extract_pdf(pdf)
    assert not any(h.text.startswith("第") and "条" in h.text[:8] for h in doc.headings)
    clause = [p.text for p in doc.paragraphs if p.text.startswith("第 7.9 条")]
    assert clause and clause[0].endswith("4.0 公顷/处。"), clause
    assert not any(p.text.startswith("/处") for p in doc.paragraphs)


@pytest.mark.parametrize("text, halves", [
    ("工作组联系方式/Contact us", ("工作组联系方式", "Contact us")),
    ("工作组联系方式 / Contact us", ("工作组联系方式", "Contact us")),
    ("联系我们｜Contact Us", ("联系我们", "Contact Us")),
    ("联系我们 ／ Contact Us", ("联系我们", "Contact Us")),
    ("目录 | Contents", ("目录", "Contents")),
    ("人工智能/AI", ("人工智能", "AI")),
])
def test_bilingual_label_splits(text: str, halves: tuple[str, str]) -> None:
    got = _split_label(text)
    assert got is not None
    zh, en, s0, s1 = got
    assert (zh, en) == halves
    assert text[s0:s1] in "/|／｜" and s1 == s0 + 1


@pytest.mark.parametrize("text", [
    "尊重和 protect 个人隐私",  # English words inside a Chinese sentence
    "以Transformer为主的",
    "GPT-3.5/GPT-4",  # both halves Latin
    "AI/ML",
    "2023/11",  # a date
    "2023/11/20",
    "Contact us/联系我们",  # English first is not the pattern
    "联系方式/Contact us。",  # sentence punctuation
    "注：详见/Appendix",
    "各方应尊重和保护个人隐私，促进数据安全/Data security",  # too long, a sentence
    "工作组/Contact 联系",  # the English half has ideographs
    "工作组/x",  # one letter
    "/Contact us",
    "工作组/",
])
def test_bilingual_label_does_not_split(text: str) -> None:
    assert _split_label(text) is None


def test_bilingual_label_box_cut_at_separator() -> None:
    text = "工作组联系方式/Contact us"
    l = Line(7, 229.8, 442.5, 365.5, 453.5, 451.0, 11.0, "F", False, None, text)
    _, _, s0, s1 = _split_label(text)
    a, b = _split_box(l, text, s0, s1)
    assert (a.x0, b.x1) == (l.x0, l.x1) and a.top == b.top == l.top
    assert abs(a.x1 - 306.8) < 3 and abs(b.x0 - 311.1) < 3  # where the slash is drawn


def test_two_line_paragraph_with_a_short_last_line_reads_top_down(tmp_path: Path) -> None:
    """The gap between a short last line and its paragraph's indent is no column gutter."""
    from pariter.extract.document import extract_pdf

    from ._pdf import text_ops, write_pdf

    long = "This line of running text is long enough to reach the right margin of the page"
    lines = [(72, 100 + 14 * i, 10, long) for i in range(3)]
    lines += [(108, 152, 10, "An indented first line that wraps onto a very short one, "
                              "which ends before the"), (72, 166, 10, "indent.")]
    lines += [(108, 190 + 14 * i, 10, long) for i in range(1)]
    lines += [(72, 204 + 14 * i, 10, long + ".") for i in range(2)]
    doc = extract_pdf(write_pdf(tmp_path / "wrap.pdf", [text_ops(lines)]))
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("An indented first line") and t.endswith("before the indent.")
               for t in texts), texts
    assert not doc.headings


def test_xetex_logos_by_geometry() -> None:
    """XeTeX's reversed E is lowered and kerned like TeX's E, between an X and the logo."""
    s = 10.91

    def xe(x: float, seq: int, latex: bool, e: str = "E") -> list[Char]:
        out = [_ch("X", x, x + 0.72 * s, s, 100, seq),
               _ch(e, x + 0.64 * s, x + 1.25 * s, s, 100 + 0.22 * s, seq + 1)]
        return out + _logo(x + 1.11 * s, s, 100, seq + 2, latex=latex)

    chars = xe(72, 0, latex=True)
    chars += xe(max(c.x1 for c in chars) + 4, 20, latex=False)
    chars += xe(max(c.x1 for c in chars) + 4, 40, latex=True, e="\u018e")  # a font's own Ǝ
    (line,) = build_lines(chars, 1)
    assert line.text == "XeLaTeX XeTeX XeLaTeX"
    # an X and capitals on one baseline are not a logo
    plain = [_ch(c, 72 + i * 7, 72 + i * 7 + 6.9, s, 100, i) for i, c in enumerate("XELATEX")]
    (line,) = build_lines(plain, 1)
    assert line.text == "XELATEX"


def test_a_mirrored_glyph_stays_on_its_line(tmp_path: Path) -> None:
    """A glyph reflected left to right (``\\reflectbox``, XeTeX's reversed E) stands upright:
    it is read in its line, not set apart as turned text."""
    from pariter.extract.document import extract_pdf

    from ._pdf import write_pdf

    stream = ("BT /F1 11 Tf 72 700 Td (Typeset with X) Tj ET\n"
              "BT /F1 11 Tf -1 0 0 1 183 698 Tm (E) Tj ET\n"
              "BT /F1 11 Tf 184 700 Td (TeX in any case.) Tj ET")
    doc = extract_pdf(write_pdf(tmp_path / "mirror.pdf", [stream]))
    (para,) = doc.paragraphs  # one line, not the line and a turned "E" apart
    assert para.text.startswith("Typeset with X") and "ETeX in any case." in para.text


def test_cjk_run_in_label_apart_by_a_gap_wider_than_the_lines_own() -> None:
    """``注`` in a Hei face, a visible gap, then Kai text with Latin words in two faces of
    their own (a word and a code word): a run-in label, whatever faces the Latin words use."""
    s = 14.3

    def ch(t: str, x: float, font: str, seq: int, w: float = s) -> Char:
        return Char(t, x, 100 - 0.8 * s, x + w, 100 + 0.2 * s, font, s, (0.0,), True, 100, seq)

    chars = [ch("注", 49, "ZCAGJH+SimHei", 0)]
    x = 49 + s + 0.45 * s  # under half an em: LaTeX's label space
    for i, t in enumerate("如果需要选择"):
        chars.append(ch(t, x, "ZXEUIT+KaiTi", i + 1))
        x += s
    for i, t in enumerate("A4"):
        chars.append(ch(t, x + 2, "Times-Roman", i + 10, 0.5 * s))
        x += 0.5 * s
    x += 4
    for i, t in enumerate("device"):
        chars.append(ch(t, x, "LMMono10-Regular", i + 20, 0.5 * s))
        x += 0.5 * s
    for i, t in enumerate("纸张大小"):
        chars.append(ch(t, x, "ZXEUIT+KaiTi", i + 30))
        x += s
    (line,) = build_lines(chars, 1)
    assert line.lead_run == 1, line.text
    # the same line set edge to edge has no label
    tight = [ch("注", 49, "ZCAGJH+SimHei", 0)] + [
        ch(t, 49 + (i + 1) * s, "ZXEUIT+KaiTi", i + 1) for i, t in enumerate("如果需要选择纸张")]
    (line,) = build_lines(tight, 1)
    assert line.lead_run is None


def test_mixed_script_run_in_label_read_by_the_faces_of_each_script() -> None:
    """Chinese text sets its Latin words in a face of their own, so a Latin label before
    Chinese text (``TeX Catalogue 如果你…``, the TeX Live guide's description list) changes
    face at the change of script either way: the label is the opening words set heavier
    than the Latin words of the text after it, apart by a gap wider than the line's other
    changes of script. Set with the line's usual quarter-em gap it is no label."""
    s = 10.0

    def ch(t: str, x: float, font: str, seq: int, w: float) -> Char:
        return Char(t, x, 100 - 0.8 * s, x + w, 100 + 0.2 * s, font, s, (0.0,), True, 100, seq)

    def line(label_gap: float) -> list[Char]:
        chars, x, seq = [], 72.0, 0
        for run, font, gap in (("TeX Catalogue", "LMRoman10-Bold", label_gap),
                               ("如果你在寻找某个特定的宏包", "STSongti-SC-Regular", 0.33 * s),
                               ("TeX Catalogue", "LMRoman10-Regular", 0.33 * s),
                               ("就是你首先该找的地方", "STSongti-SC-Regular", 0.0)):
            for t in run:
                w = s if "\u4e00" <= t <= "\u9fff" else 0.5 * s
                if t != " ":
                    chars.append(ch(t, x, font, seq, w))
                    seq += 1
                x += w if t != " " else 0.33 * s
            x += gap
        return chars

    (l,) = build_lines(line(0.5 * s), 1)
    assert l.text.startswith("TeX Catalogue 如果你"), l.text
    assert l.lead_run == len("TeX Catalogue"), (l.text, l.lead_run)
    (l,) = build_lines(line(0.33 * s), 1)
    assert l.lead_run is None, l.text


def test_a_label_in_much_smaller_type_beside_a_line_is_a_line_of_its_own() -> None:
    """fduthesis prints an option's name ("oneside", 6.8 pt) in the margin on the baseline
    of its description (10.5 pt), 5 pt away and drawn just before it: a label beside the
    line, not its first word. A word in smaller type a word space away, and a note's label
    before its text, stay in the line."""
    label = [_ch(c, 90 + 3.4 * i, 93.4 + 3.4 * i, 6.8, 301.7, i) for i, c in enumerate("oneside")]
    text = [_ch(c, 118.8 + 10.5 * i, 129.3 + 10.5 * i, 10.5, 300.4, 10 + i)
            for i, c in enumerate("指明论文的单双面模式")]
    assert sorted(l.text for l in build_lines(label + text, 1)) == ["oneside", "指明论文的单双面模式"]
    near = [_ch(c, 110.4 + 3.4 * i - 3.4 * 6, 113.8 + 3.4 * i - 3.4 * 6, 6.8, 301.7, i)
            for i, c in enumerate("oneside")]
    for c in near:  # a word space (2 pt) before the text
        c.x0 += 2.9
        c.x1 += 2.9
    assert [l.text for l in build_lines(near + text, 1)] == ["oneside 指明论文的单双面模式"]
    mark = [_ch("2", 110.0, 113.8, 6.8, 301.7, 0)]
    assert len(build_lines(mark + text, 1)) == 1


def test_a_key_name_in_smaller_type_inside_the_text_stays_in_its_line() -> None:
    """A browser prints <kbd> keys in smaller type inside a padded frame ("按 Ctrl + H 快速
    切换"): set apart like a margin label, but within the reach of the page's lines — at a
    line's start (right of where the other lines start), in its middle, at its end (left of
    where they end). It is a word of its line, not a label beside it."""
    def run(x: float, text: str, size: float, base: float, seq: int, adv: float) -> list[Char]:
        return [_ch(c, x + adv * i, x + adv * (i + 1), size, base, seq + i)
                for i, c in enumerate(text)]

    body = [c for k in range(3) for c in run(72, "这是正文的一行文字，用来给出页面的左右边界。", 10.5,
                                             100 + 16 * k, 100 * k, 10.5)]
    start = run(76, "H", 6.8, 199.2, 400, 4.1) + run(86, "快速切换这些显示模式。", 10.5, 200, 410, 10.5)
    middle = (run(72, "按住", 10.5, 232, 500, 10.5) + run(98, "Ctrl", 6.8, 231.2, 510, 3.8)
              + run(120, "并按下面的键。", 10.5, 232, 520, 10.5))
    end = run(72, "您可以使用热键", 10.5, 264, 600, 10.5) + run(151, "Ctrl", 6.8, 263.2, 610, 3.8)
    lines = sorted(build_lines(body + start + middle + end, 1), key=lambda l: l.baseline)
    assert [l.text.replace(" ", "") for l in lines[3:]] == [
        "H快速切换这些显示模式。", "按住Ctrl并按下面的键。", "您可以使用热键Ctrl"]


def test_a_compressed_bracket_whose_ink_follows_a_letter_reads_after_it() -> None:
    """xeCJK compresses a full-width bracket after a Latin letter: the box of "（" starts
    0.7 pt before the "t" it follows, its ink 5 pt right of that letter's box."""
    t = _ch("t", 239.65, 244.42, 10.5, 456.0, 1)
    t.tight = (240.32, 448.0, 244.04, 456.0)
    bracket = _ch("（", 238.92, 249.42, 10.5, 456.0, 2)
    bracket.tight = (245.75, 447.0, 248.76, 458.0)
    w = _ch("W", 249.42, 260.4, 10.5, 456.0, 3)
    w.tight = (249.42, 448.0, 260.35, 456.0)
    (line,) = build_lines([t, bracket, w], 1)
    assert line.text == "t（W"
