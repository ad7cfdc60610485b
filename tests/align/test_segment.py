from __future__ import annotations

import pytest

from pariter.align.segment import sentences, split_sentences


def test_chinese_keeps_closing_quotes_and_brackets() -> None:
    text = "他说：“你好。”她笑了！「走吧。」好的；再见？（完。）最后一句"
    assert sentences(text, "zh") == [
        "他说：“你好。”",
        "她笑了！",
        "「走吧。」",
        "好的；",
        "再见？",
        "（完。）",
        "最后一句",
    ]


def test_chinese_does_not_split_on_commas() -> None:
    assert sentences("神称光为昼，称暗为夜。有晚上，有早晨。", "zh") == ["神称光为昼，称暗为夜。", "有晚上，有早晨。"]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. economy grew quickly.",
        "See Fig. 3 for the chart.",
        "Turn to No. 5 on the list.",
        "Bring fruit, e.g. apples, and bread.",
        "Use a tool, i.e. a hammer.",
        "Dr. Smith agreed with Prof. Jones.",
        "Growth was 3.5 percent last year.",
        "Visit https://example.com/a.b?x=1 for more.",
        "It was 5 p.m. when J. R. Smith et al. arrived.",
    ],
)
def test_english_single_sentences_stay_whole(text: str) -> None:
    assert sentences(text, "en") == [text]


def test_english_splits_real_boundaries() -> None:
    text = "It rained. Why? Because.  \n\nA new paragraph starts here"
    assert sentences(text, "en") == ["It rained.", "Why?", "Because.", "A new paragraph starts here"]


def test_spans_point_into_the_text_and_are_stripped() -> None:
    text = "  First one.   Second one!  "
    spans = split_sentences(text, "en")
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one!"]
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in spans)


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        split_sentences("Bonjour.", "fr")


def test_etc_ends_a_sentence_before_a_capital() -> None:
    assert sentences("We sell apples, pears etc. We also sell bread.", "en") == [
        "We sell apples, pears etc.", "We also sell bread."]
    assert sentences("Smith et al. (2019) found it, etc. and more.", "en") == [
        "Smith et al. (2019) found it, etc. and more."]


def test_a_list_label_is_never_a_sentence_alone() -> None:
    assert sentences("1. The first item is here. It has two sentences.", "en") == [
        "1. The first item is here.", "It has two sentences."]
    assert all(not s.strip().rstrip(".").isdigit()
               for s in sentences("2. Done. 3. Next one. 4. Last.", "en"))


def test_an_inline_enumeration_splits_at_each_item() -> None:
    assert sentences("The rules: (1) keep it; (2) check it; (3) ship it.", "en") == [
        "The rules: (1) keep it;", "(2) check it;", "(3) ship it."]


def test_a_sentence_end_inside_brackets_does_not_end_the_sentence() -> None:
    text = "它只依赖拜占庭协议（译者注：这是混合协议。这样做的好处是结合两者。）同时也有治理。"
    assert sentences(text, "zh") == [
        "它只依赖拜占庭协议（译者注：这是混合协议。这样做的好处是结合两者。）", "同时也有治理。"]
    # an unclosed bracket does not swallow the rest of a long paragraph
    long = "（" + "这是一句话。" * 120
    assert len(sentences(long, "zh")) > 10


def test_brackets_that_open_a_sentence_hold_sentences_of_their_own() -> None:
    # the TeX Live guide's aside: a bracket that opens where a sentence would start holds
    # whole sentences, each split where it ends (a bracket opened inside one does not)
    zh = "先运行安装程序。(你也许可以直接运行它，等等。我们不会把所有这些方法列出来。)然后继续。"
    assert sentences(zh, "zh") == ["先运行安装程序。", "(你也许可以直接运行它，等等。",
                                   "我们不会把所有这些方法列出来。)", "然后继续。"]
    en = "Run the installer. (You may cd to its folder first. We do not list every way.) Then go on."
    assert sentences(en, "en") == ["Run the installer.", "(You may cd to its folder first.",
                                   "We do not list every way.)", "Then go on."]


def test_marks_inside_words_and_asides_do_not_end_sentences() -> None:
    # a URL's query and a file name hold a mark with no space after it
    url = "最后两种你可以用 http://groups.google.com/groups?group=comp.text.tex 进行查询。下一句。"
    assert sentences(url, "zh") == [url[:-4], "下一句。"]
    name = "Please refer to the manual nanicolle-zh.PDF. After that, nanicolle-ex-en.PDF is found."
    assert sentences(name, "en") == ["Please refer to the manual nanicolle-zh.PDF.",
                                     "After that, nanicolle-ex-en.PDF is found."]
    # a question or exclamation in brackets opened inside the sentence is an aside
    aside = "接著輸入 2dd (還記得前面講過的 number-command-object 嗎？) 刪除兩行。"
    assert sentences(aside + "下一句。", "zh") == [aside, "下一句。"]
    en = "Labels are typeset by \\collect and \\identify (NB: both lower case!) respectively. Next."
    assert sentences(en, "en") == [en[:-6], "Next."]
    # a letter glued to a number is a unit, not an initial
    assert sentences("It lies at 54◦N. One can load it. J. Smith wrote.", "en") == [
        "It lies at 54◦N.", "One can load it.", "J. Smith wrote."]
    # ... and so is a letter whose stop stands apart from it
    assert sentences("Vim is waiting for you to type w . If you see it, start over.", "en") == [
        "Vim is waiting for you to type w .", "If you see it, start over."]


def test_a_quote_mark_after_a_sentence_end_closes_only_an_open_quotation() -> None:
    # some typesetters print ” on both sides of a quotation: after a sentence that holds no
    # open quotation the mark opens the next sentence
    zh = "两个项目合为一体，而维持了两者的名称。”Skole” 和 ”Education” 是两个好领会的措辞。"
    assert sentences(zh, "zh") == ["两个项目合为一体，而维持了两者的名称。",
                                   "”Skole” 和 ”Education” 是两个好领会的措辞。"]
    en = "Both names stayed. ”Skole” and ”Education” are two well understood terms."
    assert sentences(en, "en") == ["Both names stayed.",
                                   "”Skole” and ”Education” are two well understood terms."]
    # a quotation that is open is closed by it, whichever way the marks are printed
    assert sentences("他说：“好。”然后走了。", "zh") == ["他说：“好。”", "然后走了。"]
    assert sentences('He said "I am done." Then he left.', "en") == [
        'He said "I am done."', "Then he left."]
    assert sentences("He said ”I am done.” Then he left.", "en") == [
        "He said ”I am done.”", "Then he left."]



def test_a_letter_that_labels_something_ends_a_sentence_before_a_word_that_opens_one() -> None:
    """An initial comes before a name; "Appendix C." before "If" is a label and a stop."""
    assert sentences("This is discussed in Appendix C. If you are unsure, choose the first.", "en") == [
        "This is discussed in Appendix C.", "If you are unsure, choose the first."]
    assert sentences("J. R. R. Tolkien wrote it, with help from A. B. Jones.", "en") == [
        "J. R. R. Tolkien wrote it, with help from A. B. Jones."]


def test_a_number_opens_a_sentence_after_a_word_and_its_stop() -> None:
    """"… in this directory. 40–100MB should …": two sentences; after an abbreviation
    ("No. 5", "pp. 40") or in an enumeration ("1. 2.") the number goes on."""
    assert sentences("Data goes in this directory. 40–100MB should be enough.", "en") == [
        "Data goes in this directory.", "40–100MB should be enough."]
    assert sentences("See No. 5 on pp. 40 and steps 1. 2. 3. of it.", "en") == [
        "See No. 5 on pp. 40 and steps 1. 2. 3. of it."]
    assert sentences("It has two parts, Sect. 2 on the model and Sect. 4 on the system.", "en") == [
        "It has two parts, Sect. 2 on the model and Sect. 4 on the system."]


def test_an_ellipsis_inside_a_chinese_sentence_does_not_end_it() -> None:
    # a list's "…", a menu item's, an aside's and speech that breaks off and goes on
    for text in ["pdfjam, pdfjoin, … PDF 实用程序。", "请使用 文件 菜单中的 新建工程… 命令。",
                 "菜单中的‘More…’项目解释了如何定制这个菜单。",
                 "多层的解析过程中都会体现 (包括解析、展开、搜索，…)，所以不能简短地说明。",
                 "将会被无数生气的使用者进行邮件轰炸……哦，当然这只是开个玩笑。"]:
        assert sentences(text + "下一句。", "zh") == [text, "下一句。"]
    # an ellipsis that ends a quotation of reported speech ends the sentence, as "。”" does
    assert sentences("“我不知道……”他说。", "zh") == ["“我不知道……”", "他说。"]
    assert sentences("他说：“算了……”然后走了。", "zh") == ["他说：“算了……”", "然后走了。"]
    assert sentences("他停了下来……", "zh") == ["他停了下来……"]


def test_an_emoticon_after_a_sentence_end_stays_with_the_sentence() -> None:
    zh = "哦，当然这只是开个玩笑。:-)"
    assert sentences(zh + "下一句。", "zh") == [zh, "下一句。"]
    assert sentences("真好。 :-) 下一句。", "zh") == ["真好。 :-)", "下一句。"]
    assert sentences("Just kidding. :-) Next one.", "en") == ["Just kidding. :-)", "Next one."]
    # its brackets open or close nothing: ":-(" does not hold the sentences after it
    assert sentences("这只是开个玩笑。:-(下一句。再一句。", "zh") == [
        "这只是开个玩笑。:-(", "下一句。", "再一句。"]
    # code is no emoticon
    assert sentences("Call f(): then go. Next.", "en") == ["Call f(): then go.", "Next."]


def test_marks_that_never_open_a_sentence_go_on_with_the_one_before() -> None:
    # LaTeX's spaced ellipsis ". . ." before a comma, a quotation's end before ", then"
    assert sentences("datasets Ψ1, . . . , Ψx collected under similar conditions. Next.", "en") == [
        "datasets Ψ1, . . . , Ψx collected under similar conditions.", "Next."]
    assert sentences("If you get “Invalid fontname ‘ICU’. . .”, then configure it. Next.", "en") == [
        "If you get “Invalid fontname ‘ICU’. . .”, then configure it.", "Next."]
    assert sentences("如果仍需要临时显示“。”，可以按如下方法操作：", "zh") == [
        "如果仍需要临时显示“。”，可以按如下方法操作："]
    assert sentences("Call DEB_HOST_MULTIARCH ?= $(shell x) in debian/rules. Next.", "en") == [
        "Call DEB_HOST_MULTIARCH ?= $(shell x) in debian/rules.", "Next."]


def test_a_mark_in_a_path_or_a_command_ends_nothing() -> None:
    assert sentences("It was created by dh_make -f ../gentoo-0.9.12.tar.gz. Next one.", "en") == [
        "It was created by dh_make -f ../gentoo-0.9.12.tar.gz.", "Next one."]
    assert sentences("Run $ echo .* now. Next.", "en") == ["Run $ echo .* now.", "Next."]
    assert sentences("NOTE: :q! <ENTER> discards any changes you made.", "en") == [
        "NOTE: :q! <ENTER> discards any changes you made."]
    assert sentences("2. 然後輸入︰ :q! <回車>", "zh") == ["2. 然後輸入︰ :q! <回車>"]
    # a word's mark still ends its sentence
    assert sentences("Really? Yes! Then go.", "en") == ["Really?", "Yes!", "Then go."]


def test_a_quotation_may_hold_several_sentences() -> None:
    zh = "“Unix 是用户友好的。它仅仅选择谁是它的朋友。”--- Tollef Fog Heen"
    assert sentences(zh, "zh") == ["“Unix 是用户友好的。", "它仅仅选择谁是它的朋友。”", "--- Tollef Fog Heen"]


def test_an_emoticon_in_place_of_the_stop_ends_an_english_sentence() -> None:
    text = "You would not be reading this document now :-) You do need to know a little."
    assert sentences(text, "en") == ["You would not be reading this document now :-)",
                                     "You do need to know a little."]
    assert sentences("I was sad :-( but it passed. Next.", "en") == [
        "I was sad :-( but it passed.", "Next."]


def test_an_ascii_full_stop_ends_a_chinese_sentence_where_the_next_one_opens() -> None:
    """Chinese typed with ASCII punctuation (LilyPond's manual) and English sentences left in
    a Chinese paragraph end at ". " before a Chinese character or a capital letter."""
    text = ("本节中的音名都用荷兰命名系统（对应白键 c-b）. 然而 LilyPond 也支持唱名(do-re-mi-...). "
            "See Note names in other languages. 字母 c 到 b 表示‘小八度’。用 \\relative 模式.这个模式中，"
            "初始音符记为 c'. 每一个后继音符")
    assert sentences(text, "zh") == [
        "本节中的音名都用荷兰命名系统（对应白键 c-b）.", "然而 LilyPond 也支持唱名(do-re-mi-...).",
        "See Note names in other languages.", "字母 c 到 b 表示‘小八度’。", "用 \\relative 模式.",
        "这个模式中，初始音符记为 c'.", "每一个后继音符"]


@pytest.mark.parametrize("text", [
    "1. 最开始", "版本 2.0. 新的功能", "例如 e.g. 这个功能", "美国 U.S. 政府", "见 Fig. 3 和其他", "用 etc. 等等",
    "等等... 然后", "下载 foo.tar.gz 文件", "Use this. it goes on"])
def test_an_ascii_full_stop_that_belongs_to_what_precedes_it_ends_nothing(text: str) -> None:
    assert sentences(text, "zh") == [text]


def test_a_letter_after_a_common_noun_is_a_label_not_an_initial() -> None:
    """"middle C." before a capitalised word ends the sentence; a name's initial after a
    small word or a capitalised name does not."""
    assert sentences("The letters denote pitches below middle C. Added suffixes raise them.", "en") == [
        "The letters denote pitches below middle C.", "Added suffixes raise them."]
    assert sentences("It was written by J. Smith and Jane A. Doe in May.", "en") == [
        "It was written by J. Smith and Jane A. Doe in May."]


def test_a_whole_word_and_its_stop_end_a_sentence_before_a_name_in_lower_case() -> None:
    # manuals open sentences with names and identifiers as they are written
    assert sentences("It receives the HTML of the new tab. html can be a string.", "en") == [
        "It receives the HTML of the new tab.", "html can be a string."]
    assert sentences("Default off. draft is a global option.", "en") == [
        "Default off.", "draft is a global option."]
    # abbreviations go on: those of no word list, units after a figure, word-like ones
    for text in ("Prices are incl. tax and resp. fees.", "Wait 10 min. after that.",
                 "Shipping costs etc. which must be agreed.",
                 "Allium atrosanguineum var. tibeticum grows there.", "See e.g. the manual."):
        assert sentences(text, "en") == [text]


def test_a_mark_standing_after_white_space_is_a_symbol_not_a_chinese_sentence_end() -> None:
    """texlive's Chinese guide quotes "!!" (a path element) and asymptote's a conditional
    "? :" between spaces; a sentence's own mark is set right after its last word."""
    assert sentences("新选项 tlmgr check texmfdbs, 用来检查每个目录树 ls-R 文件和 !! 配置的一致性。下一句。",
                     "zh") == ["新选项 tlmgr check texmfdbs, 用来检查每个目录树 ls-R 文件和 !! 配置的一致性。",
                               "下一句。"]
    assert sentences("同样可以使用条件表达式如 (a >= 2) ? a : b，它返回数组 {3,2}。", "zh") == [
        "同样可以使用条件表达式如 (a >= 2) ? a : b，它返回数组 {3,2}。"]
    # a full stop set apart still ends a sentence (sui's translation sets its stops so)
    assert sentences("以说服轻客户端可以在 Sui 内发生转换 . 然后，轻客户端可以提交此证书。", "zh") == [
        "以说服轻客户端可以在 Sui 内发生转换 .", "然后，轻客户端可以提交此证书。"]
    assert sentences("你好!我很好。", "zh") == ["你好!", "我很好。"]


def test_a_chinese_attribution_after_a_dash_stays_with_its_sentence() -> None:
    """"——译者注" (a translator's note's signature) closes the sentence it follows; the next
    sentence opens after the white space that ends it; a sentence does not open with a dash."""
    assert sentences("即，不论使用的是 draw(g, BeginBar, EndArrow)，得到的图形效果是一样的。——译者注", "zh") == [
        "即，不论使用的是 draw(g, BeginBar, EndArrow)，得到的图形效果是一样的。——译者注"]
    assert sentences("其 position 参数也可以是一个 Relative(value) 值。——译者注 string baseline(string s) "
                     "函数可用于扩大标签的边框。下一句。", "zh") == [
        "其 position 参数也可以是一个 Relative(value) 值。——译者注",
        "string baseline(string s) 函数可用于扩大标签的边框。", "下一句。"]
    assert sentences("引用的话。—— 鲁迅 下一句。", "zh") == ["引用的话。—— 鲁迅", "下一句。"]
    # a bullet's single hyphen still opens a sentence
    assert sentences("第一项。- 第二项。", "zh") == ["第一项。", "- 第二项。"]


def test_a_bracket_never_closed_holds_no_sentence() -> None:
    """asymptote-zh opens "（标签 L，…" and never closes it: its full stops still end sentences
    (a closed bracket keeps them, as a translator's note's do)."""
    text = ("在图 pic 上使用画笔 p 描绘路径 g，并带可选的绘制属性（标签 L，箭头 arrow，以及记号 marker。"
            "只有一个参数，即路径，是必需的。为方便计，参数 arrow 与 bar 可按任何次序限定。")
    assert sentences(text, "zh") == [
        "在图 pic 上使用画笔 p 描绘路径 g，并带可选的绘制属性（标签 L，箭头 arrow，以及记号 marker。",
        "只有一个参数，即路径，是必需的。", "为方便计，参数 arrow 与 bar 可按任何次序限定。"]
    assert sentences("Draw it (with a pen. Only the path is required. Then stop.", "en") == [
        "Draw it (with a pen.", "Only the path is required.", "Then stop."]
    assert sentences("他说（译者注：这是一句。这是第二句。）然后结束。", "zh")[0] == "他说（译者注：这是一句。这是第二句。）"


def test_a_paragraph_that_opens_with_an_attribution_parts_it_from_the_next_sentence() -> None:
    """A page break or a float parts "……值。" from its "——译者注": the next paragraph opens with
    the signature, a unit of its own; a single dash (a bullet) and a long clause after a
    dash stay as they were."""
    assert sentences("——译者注 string baseline(string s) 函数可用于扩大标签的边框。下一句。", "zh") == [
        "——译者注", "string baseline(string s) 函数可用于扩大标签的边框。", "下一句。"]
    assert sentences("第一项。— 支持 PDF 格式。", "zh") == ["第一项。", "— 支持 PDF 格式。"]
    assert sentences("说完了。——后面这句话很长很长很长有 LaTeX 这个词。下一句。", "zh") == [
        "说完了。——后面这句话很长很长很长有 LaTeX 这个词。", "下一句。"]


def test_an_abbreviation_for_a_numbered_thing_ends_a_sentence_before_a_sentence_word() -> None:
    """"p." (page) is followed by a number; before "If" it is a variable's name and its stop
    ends the sentence (the Asymptote manual's "using pen p. If align is NoAlign, …")."""
    assert sentences("Draw Label L on picture pic using pen p. If align is NoAlign, it is centered.",
                     "en") == ["Draw Label L on picture pic using pen p.",
                               "If align is NoAlign, it is centered."]
    assert sentences("See p. 5 and Vol. II for more. Eq. (3) holds.", "en") == [
        "See p. 5 and Vol. II for more.", "Eq. (3) holds."]
    assert sentences("Dr. Smith came. See Fig. A for that.", "en") == ["Dr. Smith came.", "See Fig. A for that."]


def test_the_emoticon_pattern_is_one_text_and_matches_as_any_order_of_one_length() -> None:
    """Its text does not depend on the set's order (which changes with string hashing), and
    an order of emoticons of one length does not change what it matches."""
    import random
    import re

    from pariter.align import segment

    def build(order: list[str]) -> re.Pattern:
        return re.compile(r"(?:(?<![!-~])|(?<=[.!?]))(?:%s)(?![!-~])"
                          % "|".join(re.escape(e) for e in order))

    emoticons = sorted(segment.EMOTICONS)
    rng = random.Random(7)
    for _ in range(3):
        rng.shuffle(emoticons)
        assert build(sorted(emoticons, key=lambda e: (-len(e), e))).pattern == segment._EMOTICON.pattern
    text = " ".join(f"{a}{e}{b}" for e in segment.EMOTICONS for a, b in ((" ", " "), ("。", "x"), (".", "")))
    text += " :-)) :-)) ;-) :)"
    rng.shuffle(emoticons)
    other = build(sorted(emoticons, key=len, reverse=True))  # lengths in order, ties shuffled
    assert [m.span() for m in other.finditer(text)] == [m.span() for m in segment._EMOTICON.finditer(text)]
    assert len(list(segment._EMOTICON.finditer(text))) > len(segment.EMOTICONS)
