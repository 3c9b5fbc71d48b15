"""Word notices (.docx) in the shapes real ones take: the document's order, the page header's 文号, merged cells and
Word's own list numbering (probe 3). Every notice here is written by the test; the sentences are invented."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from policydiff.parse import parse_file
from policydiff.read.docx import read_docx

HEAD = ["栖云县卫生健康局关于印发健康帮扶工作方案的通知", "各镇卫生院：", "现将方案印发给你们，请认真抓好落实。", "栖云县卫生健康局",
        "2022年8月15日"]


def _numbered(document, formats: list[tuple[str, str]]) -> str:
    """Add an abstract numbering whose levels are ``formats`` ((numFmt, lvlText) per level) and a num using it;
    return the num's id."""
    numbering = document.part.numbering_part.element
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                     f"</w:lvl>" for i, (fmt, text) in enumerate(formats))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _number(paragraph, num_id: str, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _write(tmp_path, build) -> str:
    document = docx.Document()
    build(document)
    path = tmp_path / "notice.docx"
    document.save(path)
    return path


def _head(document, lines=HEAD):
    for line in lines:
        document.add_paragraph(line)


def _header_number(document):
    # the 文号 printed only in the page header (with the 文件 line), the body printing none
    document.sections[0].header.paragraphs[0].text = "栖云县卫生健康局文件　　栖卫发〔2022〕33号"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    _head(document)
    document.add_paragraph("一、做实签约服务。为脱贫人口提供签约服务。")


def _header_number_full_width(document):
    # a repost's page header printing its 文号 in full-width digits
    document.sections[0].header.paragraphs[0].text = "栖云县卫生健康局文件　　栖卫发〔２０２２〕３３号"
    _head(document)
    document.add_paragraph("一、做实签约服务。为脱贫人口提供签约服务。")


def _red_header_table(document):
    # a red header laid out as a table: the 文件 line merged across two columns, the 文号 and 签发人 in cells
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "栖云县医疗保障局文件"
    table.cell(1, 0).text = "栖医保发〔2021〕22号"
    table.cell(1, 1).text = "签发人：某某某"
    _head(document, [line.replace("卫生健康局", "医疗保障局") for line in HEAD])
    document.add_paragraph("一、做好参保资助。对特困人员给予全额资助。")


def _table_between_items(document):
    # a task table printed under 二、 and before 三、保障措施 (document order), its lead cell merged over two rows
    _head(document)
    document.add_paragraph("一、工作目标")
    document.add_paragraph("到2024年，乡镇卫生院全部达到服务能力基本标准。")
    document.add_paragraph("二、重点任务")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "重点任务", "牵头单位"], ["1", "推进乡镇卫生院提档升级", ""],
                             ["2", "配齐乡镇卫生院设备", ""]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2)).text = "县卫健局"
    document.add_paragraph("三、保障措施")
    document.add_paragraph("各单位要加强组织领导。")


def _list_number_style(document):
    # items numbered by the template's List Number style (decimal %1.): the number is Word's, not the text's
    _head(document)
    for title, body in [("明确救助对象", "特困人员和低保对象。"), ("落实救助标准", "救助比例不低于70%。（责任股室：待遇保障股）")]:
        document.add_paragraph(title, style="List Number")
        document.add_paragraph(body)


def _chinese_levels(document):
    # a notice numbered 一、 and （一） by a numbering of its own (chineseCounting), two levels
    _head(document)
    num = _numbered(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    for text, level in [("主要任务", 0), ("做实签约服务。", 1), ("推进医共体建设。", 1), ("保障措施", 0),
                        ("加强组织领导。", 1)]:
        _number(document.add_paragraph(text), num, level)


_BOX_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"')


def _text_box_header(document):
    # the red header drawn in a text box (Word keeps it twice: the drawing and an mc:Fallback copy)
    inner = "<w:txbxContent><w:p><w:r><w:t>栖云县卫生健康局文件</w:t></w:r></w:p></w:txbxContent>"
    document.add_paragraph()._p.append(parse_xml(
        f"<w:r {_BOX_NS}><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:wsp><wps:txbx>{inner}"
        f"</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"))
    document.add_paragraph("栖卫发〔2022〕7号")
    _head(document)


def _restarted(document):
    # probe 4b: the letter's items and the plan's numbered by one list style, the plan's list a second w:num over the
    # same numbering with a startOverride: Word prints 一、 again — the plan's items were numbered 三、四、 on
    num = _numbered(document, [("chineseCounting", "%1、")])
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    _head(document, HEAD[:3])
    for text in ("提高认识。各单位要重视。", "按时报送。每月报送进展。"):
        _number(document.add_paragraph(text), num, 0)
    _head(document, [*HEAD[3:], "栖云县健康帮扶工作方案"])
    for text in ("工作目标。签约服务率达到90%。", "重点任务。开展巡回义诊。"):
        _number(document.add_paragraph(text), "91", 0)


def _level_by_paragraph(document):
    # probe 4b: the list linked to the Heading style, each paragraph giving only its level (<w:numPr><w:ilvl/>
    # without a numId, as Word writes when a heading is demoted): the list is the style's
    num = _numbered(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    style = document.styles["Heading 1"].element
    style.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'))
    _head(document)
    for text, level in [("主要任务", 0), ("做实签约服务。", 1), ("推进医共体建设。", 1)]:
        p = document.add_paragraph(text, style="Heading 1")
        if level:
            p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/></w:numPr>'))


def _framed(document):
    # probe 4b: an OA system's export lays the whole notice out in a one-cell table: it was read as one row (the
    # notice one line: no title, 文号, date or items)
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "栖卫发〔2022〕9号"
    for line in [*HEAD[:3], "一、做实签约服务。每季度随访一次。", "二、开展健康体检。", "三、加强督导。", *HEAD[3:]]:
        cell.add_paragraph(line)


def _one_column_list(document):
    # a one-column table of short rows (a list of tasks) is data: its rows stay rows
    _head(document)
    table = document.add_table(rows=3, cols=1)
    for r, value in enumerate(["重点任务", "做实签约服务", "开展健康体检"]):
        table.cell(r, 0).text = value


def _numbered_serials(document):
    # probe 4b: a task table whose 序号 column Word numbers (the cells hold no text): each row its number — the rows
    # were read as one task continued over three rows (its first cell empty), the three leads one task's
    num = _numbered(document, [("decimal", "%1")])
    _head(document)
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate([["序号", "重点任务", "牵头单位"], ["", "落实大病专项救治", "县卫健局"],
                             ["", "做实签约服务", "县医院"], ["", "开展健康体检", "各镇卫生院"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
        if r:
            _number(table.cell(r, 0).paragraphs[0], num, 0)


def _revised(document):
    # tracked changes (probe 4b): 70% deleted and 80% inserted; a sentence moved (w:moveFrom where it stood, w:moveTo
    # where it went); a comment on the unit bracket; a hidden run (a template's hint). Word prints the text as it now
    # reads: 80%, the sentence once, no hint
    w = nsdecls("w")
    _head(document)
    document.add_paragraph("一、工作目标")
    p = document.add_paragraph("到2023年底，")
    p._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="甲"><w:r><w:delText>70%</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="甲"><w:r><w:t>80%</w:t></w:r></w:ins>'))
    p.add_run("以上乡镇卫生院达到基本标准。")
    document.add_paragraph("二、稳定乡村医生队伍")
    p = document.add_paragraph()
    p._p.append(parse_xml(f'<w:moveFrom {w} w:id="3" w:author="甲"><w:r><w:t>补助每人每月不低于200元。</w:t></w:r></w:moveFrom>'))
    p.add_run("落实养老保险政策。")
    p._p.append(parse_xml(f'<w:moveTo {w} w:id="4" w:author="甲"><w:r><w:t>补助每人每月不低于200元。</w:t></w:r></w:moveTo>'))
    p._p.append(parse_xml(f'<w:r {w}><w:rPr><w:vanish/></w:rPr><w:t>（模板提示：此处填写责任股室）</w:t></w:r>'))  # hidden
    p._p.append(parse_xml(f'<w:commentRangeStart {w} w:id="5"/>'))
    p.add_run("（责任股室：基层股）")
    p._p.append(parse_xml(f'<w:r {w}><w:commentReference w:id="5"/></w:r>'))


def _contents(document):
    # a table of contents (probe 4b): a TOC field whose cached lines repeat the headings with page numbers, each
    # line's number a PAGEREF field of its own; the lines are no text of the notice
    w = nsdecls("w")
    _head(document)
    document.add_paragraph("目录")

    def field(code):
        return (f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>', f'<w:r {w}><w:instrText>{code}</w:instrText></w:r>',
                f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>', f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>')

    toc = field(' TOC \\o "1-3" \\h ')
    for i, (heading, page) in enumerate([("一、工作目标", 1), ("二、重点任务", 2)]):
        p = document.add_paragraph()
        if i == 0:
            for run in toc[:3]:
                p._p.append(parse_xml(run))
        p.add_run(heading + "\t")
        ref = field(f" PAGEREF _Toc{i} \\h ")
        for run in ref[:3]:
            p._p.append(parse_xml(run))
        p.add_run(str(page))
        p._p.append(parse_xml(ref[3]))
    end = document.add_paragraph()
    end._p.append(parse_xml(toc[3]))
    for line in ("一、工作目标", "到2024年，签约服务率达到90%。", "二、重点任务", "（一）开展巡回义诊。"):
        document.add_paragraph(line)


@pytest.mark.parametrize("build, lines, expected", [
    (_framed, ["栖卫发〔2022〕9号", HEAD[0], HEAD[1], HEAD[2], "一、做实签约服务。每季度随访一次。"],
     {"doc_number": "栖卫发〔2022〕9号", "issue_date": "2022-08-15", "measures": ["一", "二", "三"]}),
    (_one_column_list, ["重点任务", "做实签约服务", "开展健康体检"], {}),
    (_numbered_serials, ["序号\t重点任务\t牵头单位", "1\t落实大病专项救治\t县卫健局", "2\t做实签约服务\t县医院",
                         "3\t开展健康体检\t各镇卫生院"], {}),
    # probe 4b: a list started again by a startOverride prints 一、 again: the letter's items apart, the plan's its own
    (_restarted, ["栖云县健康帮扶工作方案", "一、工作目标。签约服务率达到90%。", "二、重点任务。开展巡回义诊。"],
     {"measures": ["二"]}),
    (_level_by_paragraph, ["一、主要任务", "（一）做实签约服务。", "（二）推进医共体建设。"], {}),
    # probe 4b: tracked changes read as Word prints the text now — inserted kept, deleted and moved-away left out
    (_revised, ["到2023年底，80%以上乡镇卫生院达到基本标准。", "二、稳定乡村医生队伍",
                "落实养老保险政策。补助每人每月不低于200元。（责任股室：基层股）"], {"measures": ["二"]}),
    # probe 4b: a table of contents' lines are left out: the headings once (test_a_table_of_contents_is_not_read)
    (_contents, ["一、工作目标", "到2024年，签约服务率达到90%。"], {"measures": ["二/（一）"]}),
    # a text box's lines once, on their own line above the paragraph that anchors them
    (_text_box_header, ["栖云县卫生健康局文件", "", "栖卫发〔2022〕7号"],
     {"doc_number": "栖卫发〔2022〕7号", "issuers": ["栖云县卫生健康局"]}),
    # the page header's 文号 put first (the footer's page number never read); said in a warning
    (_header_number, ["栖卫发〔2022〕33号", HEAD[0]], {"doc_number": "栖卫发〔2022〕33号"}),
    # the same in full-width digits: read as ASCII, put first
    (_header_number_full_width, ["栖卫发〔2022〕33号", HEAD[0]], {"doc_number": "栖卫发〔2022〕33号"}),
    # the red-header table stays above the title; its merged 文件 cell is one cell, so the issuer is no 文件 line
    (_red_header_table, ["栖云县医疗保障局文件", "栖医保发〔2021〕22号\t签发人：某某某"],
     {"doc_number": "栖医保发〔2021〕22号", "issuers": ["栖云县医疗保障局"]}),
    # the table between 二、 and 三、 stays there; the merged lead cell is each row's lead
    (_table_between_items, ["二、重点任务", "序号\t重点任务\t牵头单位", "1\t推进乡镇卫生院提档升级\t县卫健局",
                            "2\t配齐乡镇卫生院设备\t县卫健局", "三、保障措施"], {}),
    # List Number items get Word's numbers 1. 2.: two items, each a measure with its own unit
    (_list_number_style, ["1.明确救助对象", "特困人员和低保对象。", "2.落实救助标准"], {"measures": ["1", "2"]}),
    # Chinese numbering on two levels: 一、 （一） （二） 二、 （一） — the deeper level starts again under each 一、
    (_chinese_levels, ["一、主要任务", "（一）做实签约服务。", "（二）推进医共体建设。", "二、保障措施", "（一）加强组织领导。"],
     {"measures": ["一/（一）", "一/（二）", "二/（一）"]}),
])
def test_word_shapes(tmp_path, build, lines, expected):
    path = _write(tmp_path, build)
    text = read_docx(path).text.splitlines()
    at = text.index(lines[0])
    assert text[at:at + len(lines)] == lines  # in this order, one after the other
    record = parse_file(path)
    for key, value in expected.items():
        got = [m["path"] for m in record[key]] if key == "measures" else record[key]
        assert got == value, key


def test_word_numbering_and_header_are_said(tmp_path):
    # every value the reader writes into the text that the paragraphs do not hold says where it came from
    numbered = read_docx(_write(tmp_path, _chinese_levels))
    assert any(w.startswith("item numbers printed by Word's list numbering") and "一、" in w for w in numbered.warnings)
    header = read_docx(_write(tmp_path, _header_number))
    assert "doc_number read from the page header of the Word file: 栖卫发〔2022〕33号" in header.warnings
    assert "— 1 —" not in header.text
    plain = read_docx(_write(tmp_path, lambda d: _head(d)))
    assert plain.warnings == []


def test_a_header_number_the_body_prints_is_not_repeated(tmp_path):
    def build(document):
        document.sections[0].header.paragraphs[0].text = "栖卫发〔2022〕33号"
        _head(document, ["栖卫发〔2022〕33号", *HEAD])
    text = read_docx(_write(tmp_path, build)).text
    assert text.count("栖卫发〔2022〕33号") == 1



def test_damaged_numbering_is_read_without_its_numbers(tmp_path):
    # a numbering part with a level out of Word's range, a start that is no number and a text naming a level that
    # does not exist: the paragraphs are read, no number is made up for them, nothing raises
    def build(document):
        _head(document)
        num = _numbered(document, [("chineseCounting", "%9、"), ("decimal", "%1.")])
        document.part.numbering_part.element.xpath("//w:lvl[@w:ilvl='1']/w:start")[0].set(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "x")
        _number(document.add_paragraph("做实签约服务。"), num, 0)
        _number(document.add_paragraph("落实大病救治。"), num, 12)
    text = read_docx(_write(tmp_path, build)).text.splitlines()
    assert text[-2:] == ["、做实签约服务。", "落实大病救治。"]


def test_content_controls_are_read_in_place(tmp_path):
    # probe 3: a 公文 template keeps its 文号 and title in content controls (w:sdt); they are read where they stand
    def build(document):
        document.add_paragraph("栖云县卫生健康局文件")
        body = document.element.body
        body.insert(len(body) - 1, parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>栖卫发〔2022〕9号</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"))
        _head(document)
    path = _write(tmp_path, build)
    assert read_docx(path).text.splitlines()[:3] == ["栖云县卫生健康局文件", "栖卫发〔2022〕9号", HEAD[0]]
    assert parse_file(path)["doc_number"] == "栖卫发〔2022〕9号"


def test_a_table_of_contents_is_not_read(tmp_path):
    lines = read_docx(_write(tmp_path, _contents)).text.splitlines()
    assert lines.count("一、工作目标") == 1 and not any(line.startswith("一、工作目标\t") for line in lines)


def test_a_numbered_serial_column_gives_one_task_a_row(tmp_path):
    record = parse_file(_write(tmp_path, _numbered_serials))
    assert [(row["no"], row["lead"]) for row in record["task_table"]] == [(1, ["县卫健局"]), (2, ["县医院"]), (3, ["各镇卫生院"])]
