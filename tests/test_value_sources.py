"""value_sources: each header value the notice's own header does not print names where it came from, in the
record itself (not only in a warning's wording): the 印发 line, a web page's box or 发布时间, a Word page header.

Every notice below is written for these tests in the shapes real notices take.
"""

import docx
import pytest

from policydiff.models import VALUE_SOURCES
from policydiff.parse import parse_file, parse_source
from policydiff.read import SourceText

_HEAD = "关于做好签约服务工作的通知\n梧卫发〔2022〕6号\n各镇卫生院：\n一、做实签约服务，到2025年签约率达到95%。\n"
_EXPLAINED = ("《青梧市临川区健康帮扶工作方案》政策解读\n{byline}\n一、制定背景\n为巩固拓展健康扶贫成果，"
              "区卫生健康局制定了《方案》（临卫发〔2021〕9号）。\n二、主要内容\n到2022年，签约服务覆盖全部脱贫人口。\n")
_BOX = ("索 引 号: | 11000-2021-01 | 主题分类: | 卫生 |\n发布机构: | 青梧县卫生健康局 | 成文日期: | 2021-12-09 |\n"
        "名 称: | 青梧县卫生健康局关于推进家庭医生签约服务的通知 | ||\n文 号: | 青卫发〔2021〕34号 | 公开类型: | 主动公开 |\n"
        "各镇卫生院：\n一、做实签约服务。到2025年签约率达到95%。\n")


@pytest.mark.parametrize("text, expected", [
    # only the 印发 line under the 抄送 dates the notice: the date is the printing date, said so
    (_HEAD + "抄送：县政府办公室。\n青梧县卫生健康局办公室　　2022年4月11日印发\n",
     {"issue_date": VALUE_SOURCES["print_date"]}),
    # a signed notice with a 印发 line: every value its own; no key at all
    (_HEAD + "青梧县卫生健康局\n2022年4月8日\n抄送：县政府办公室。\n青梧县卫生健康局办公室　　2022年4月11日印发\n", None),
    # a 解读 page's 发布时间 line dates it (it is never signed)
    (_EXPLAINED.format(byline="发布时间：2021-05-10 浏览次数：88"), {"issue_date": VALUE_SOURCES["box_published_date"]}),
    # a 解读 page whose byline names a body as its 来源: its issuer, from the page
    (_EXPLAINED.format(byline="发布时间：2021-05-10　来源：青梧市临川区卫生健康局"),
     {"issue_date": VALUE_SOURCES["box_published_date"], "issuers": VALUE_SOURCES["box_source"]}),
    # a saved page's box table over an article printing no title, 文号 or signature: each filled from the box
    (_BOX, {"title": VALUE_SOURCES["box_title"], "doc_number": VALUE_SOURCES["box_doc_number"],
            "issuers": VALUE_SOURCES["box_issuers"], "issue_date": VALUE_SOURCES["box_issue_date"]}),
    # the same box over an article that prints its own 文号 and signature: only the title is the box's
    (_BOX.replace("各镇卫生院：", "青卫发〔2021〕34号\n各镇卫生院：") + "青梧县卫生健康局\n2021年12月9日\n",
     {"title": VALUE_SOURCES["box_title"]}),
    # an issuer's place the table lacks under its printed suffix: unknown, its level from the suffix
    ("青川州卫生健康委员会\n关于做好签约服务工作的通知\n各县（市、区）卫生健康局：\n一、做实签约服务。\n青川州卫生健康委员会\n"
     "2022年4月2日\n", {"locality": VALUE_SOURCES["place_unknown"].format(printed="青川州"),
                        "admin_level": VALUE_SOURCES["level_from_suffix"].format(how="inferred from its suffix 州",
                                                                                 printed="青川州")}),
    # a county printed 市 (泾阳市 where the table has 泾阳县): the table's county, said
    ("泾阳市卫生健康局\n关于做好签约服务工作的通知\n各镇人民政府：\n一、做实签约服务。\n泾阳市卫生健康局\n2022年4月2日\n",
     {"locality": VALUE_SOURCES["place_other_suffix"].format(name="泾阳县", level="county", printed="泾阳市")}),
])
def test_a_text_notice_names_each_value_it_does_not_print(text, expected):
    record = parse_source(SourceText("n.txt", text))
    assert record.get("value_sources") == expected


def test_the_source_does_not_hang_on_a_warnings_wording():
    # the notice of the first row with every warning dropped: the record still says where its date came from
    record = parse_source(SourceText("n.txt", _HEAD + "青梧县卫生健康局办公室　　2022年4月11日印发\n"))
    record["warnings"] = []
    assert record["value_sources"]["issue_date"].startswith("the 印发 (printing) line")


def test_a_traditional_notice_names_its_sources_in_the_words_of_the_table():
    # printed in traditional characters, dated only by its 印發 line: the phrase is the table's, not put into 繁體
    text = ("關於做好簽約服務工作的通知\n梧衛發〔2022〕6號\n各鎮衛生院：\n一、做實簽約服務，到2025年簽約率達到95%。\n"
            "青梧縣衛生健康局辦公室　　2022年4月11日印發\n")
    record = parse_source(SourceText("n.txt", text))
    assert record.get("script") == "traditional"
    assert record["value_sources"] == {"issue_date": VALUE_SOURCES["print_date"]}


_ARTICLE = ("<p>各镇卫生院：</p><p>一、做实签约服务。到2025年签约率达到95%。</p><p>青梧县卫生健康局</p>"
            "<p>2023年3月7日</p>")


@pytest.mark.parametrize("page, expected", [
    # a gov.cn-style box printing 发文字号 over an article that does not: the number is the box's
    ("<html><body><table class='xxgk'><tr><td>索 引 号：</td><td>000000000/2023-00007</td><td>主题分类：</td>"
     "<td>卫生</td></tr><tr><td>发文字号：</td><td>青卫发〔2023〕7号</td><td>发布日期：</td><td>2023-03-08</td></tr>"
     "</table><div id='zoom'><p>青梧县卫生健康局关于做好签约服务的通知</p>" + _ARTICLE + "</div></body></html>",
     {"doc_number": VALUE_SOURCES["box_doc_number"]}),
    # no title in the article: the page's <h1> above it, said as the headline's
    ("<html><body><h1>青梧县卫生健康局关于做好签约服务的通知</h1><div id='zoom'><p>青卫发〔2023〕7号</p>" + _ARTICLE +
     "</div></body></html>", {"title": VALUE_SOURCES["page_headline"]}),
    # the article prints title, 文号 and date: nothing from outside it
    ("<html><body><div id='zoom'><p>青梧县卫生健康局关于做好签约服务的通知</p><p>青卫发〔2023〕7号</p>" + _ARTICLE +
     "</div></body></html>", None),
])
def test_a_web_page_names_the_values_it_gave(tmp_path, page, expected):
    path = tmp_path / "notice.html"
    path.write_text(page, encoding="utf-8")
    assert parse_file(path).get("value_sources") == expected


@pytest.mark.parametrize("header, expected", [
    # the 文号 printed only in the page header: the Word header's
    ("青梧县卫生健康局文件　　青卫发〔2022〕33号", {"doc_number": VALUE_SOURCES["word_header"]}),
    # the same number in full-width digits (a repost): still the header's
    ("青梧县卫生健康局文件　　青卫发〔２０２２〕３３号", {"doc_number": VALUE_SOURCES["word_header"]}),
    # a header printing no 文号: nothing
    ("青梧县卫生健康局", None),
    # a joint notice's header printing each issuer's number: both the header's
    ("青梧县卫生健康局　青梧县医疗保障局　　青卫发〔2022〕33号　青医保发〔2022〕8号",
     {"doc_number": VALUE_SOURCES["word_header"], "other_doc_numbers": VALUE_SOURCES["word_header"]}),
])
def test_a_word_file_names_its_page_header(tmp_path, header, expected):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = header
    for line in ("关于做好签约服务工作的通知", "各镇卫生院：", "一、做实签约服务。为脱贫人口提供签约服务。", "青梧县卫生健康局",
                 "2022年4月8日"):
        document.add_paragraph(line)
    path = tmp_path / "notice.docx"
    document.save(path)
    assert parse_file(path).get("value_sources") == expected
