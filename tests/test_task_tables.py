"""Task-division tables (任务分工表) of every shape a reader gives: one table per row below, each
written for these tests in the shapes real annexed tables take (no real notice's text), read
through the normaliser as a notice would be, with the rows expected (sub-rows joined, unit
columns kept apart by role) and the measure each row restates."""

import pytest

from policydiff.extract.tables import cell_kind, extract_task_table, header_roles
from policydiff.models import SourceText
from policydiff.parse import parse_source

# The body every table below is annexed to: two measures a table row restates.
BODY = """某市卫生健康委员会关于印发某市健康帮扶工作方案的通知
某卫发〔2022〕3号
各县（区）卫生健康局：
现将方案印发给你们，请认真贯彻落实。
某市卫生健康委员会
2022年3月1日
某市健康帮扶工作方案
一、重点任务
（一）实施大病专项救治。对农村低收入人口中的大病患者实行专项救治，扩大救治病种覆盖范围。
（二）做实家庭医生签约服务。为脱贫人口提供签约服务，做到重点人群应签尽签。
（三）加强乡村医生队伍建设。支持乡村医生参加学历教育，落实乡村医生待遇。
附件
任务分工表
"""

T = "\t"


def rows_of(table: str):
    record = parse_source(SourceText("t.txt", BODY + table))
    return record["task_table"] or [], {m["path"]: m for m in record["measures"]}


def brief(row: dict) -> tuple:
    return (row["label"], row["task"], row["lead"], row["support"], row["responsible"], row["office"], row["deadline"])


CASES = [
    pytest.param(  # a web page's table: one row a line, cells apart by tabs (the HTML reader's rows)
        "序号\t工作事项\t主要内容\t牵头单位\t配合单位\t完成时限\n"
        "1\t实施大病专项救治\t对农村低收入人口中的大病患者实行专项救治\t市卫生健康委\t市医疗保障局、市民政局\t长期坚持\n"
        "2\t做实家庭医生签约服务\t为脱贫人口提供签约服务\t市卫生健康委\t各县（区）人民政府\t2022年12月底前\n",
        [("1", "实施大病专项救治：对农村低收入人口中的大病患者实行专项救治", ["市卫生健康委"],
          ["市医疗保障局", "市民政局"], [], [], "长期坚持"),
         ("2", "做实家庭医生签约服务：为脱贫人口提供签约服务", ["市卫生健康委"], ["各县（区）人民政府"], [], [],
          "2022年12月底前")],
        ["一/（一）", "一/（二）"], id="tabs-web-page"),
    pytest.param(  # an item over three sub-rows: the page prints its merged 序号/事项/牵头 cells only on the first
        "序号\t工作事项\t主要内容\t牵头单位\t配合单位\t完成时限\n"
        "1\t实施大病专项救治\t对农村低收入人口中的大病患者实行专项救治\t市卫生健康委\t市医疗保障局\t长期坚持\n"
        "扩大救治病种覆盖范围\t市民政局\t2022年底前\n"
        "建立救治台账\t市乡村振兴局\t2022年6月底前\n"
        "2\t加强乡村医生队伍建设\t支持乡村医生参加学历教育\t市卫生健康委\t市教育局\t持续推进\n",
        [("1", "实施大病专项救治：对农村低收入人口中的大病患者实行专项救治；扩大救治病种覆盖范围；建立救治台账",
          ["市卫生健康委"], ["市医疗保障局", "市民政局", "市乡村振兴局"], [], [],
          "长期坚持；2022年底前；2022年6月底前"),
         ("2", "加强乡村医生队伍建设：支持乡村医生参加学历教育", ["市卫生健康委"], ["市教育局"], [], [], "持续推进")],
        ["一/（一）", "一/（三）"], id="merged-sub-rows"),
    pytest.param(  # a markdown copy: pipes, a rule line under the header
        "| 序号 | 重点任务 | 责任单位 | 完成时限 |\n"
        "| --- | --- | --- | --- |\n"
        "| 1 | 为脱贫人口提供家庭医生签约服务，做到重点人群应签尽签 | 市卫生健康委、各县（区）卫生健康局 | 长期 |\n"
        "| 2 | 支持乡村医生参加学历教育 | 市卫生健康委 | 2023年 |\n",
        [("1", "为脱贫人口提供家庭医生签约服务，做到重点人群应签尽签", [], [],
          ["市卫生健康委", "各县（区）卫生健康局"], [], "长期"),
         ("2", "支持乡村医生参加学历教育", [], [], ["市卫生健康委"], [], "2023年")],
        ["一/（二）", "一/（三）"], id="markdown-pipes"),
    pytest.param(  # a two-level header: 责任单位 spans 牵头单位 / 配合单位 (the second header line is shorter)
        "序号\t工作任务\t责任单位\t完成时限\n"
        "牵头单位\t配合单位\n"
        "1\t对农村低收入人口中的大病患者实行专项救治\t市卫生健康委\t市医疗保障局\t长期坚持\n",
        [("1", "对农村低收入人口中的大病患者实行专项救治", ["市卫生健康委"], ["市医疗保障局"], [], [], "长期坚持")],
        ["一/（一）"], id="two-level-header"),
    pytest.param(  # the bodies' columns beside the bureau's own offices (局内牵头科室 is no body's lead)
        "序号\t工作事项\t牵头单位\t配合单位\t局内牵头科室\t局内配合科室\n"
        "1\t实施大病专项救治\t市卫生健康局\t市医保局\t医政医管科\t基层卫生科、财务科\n",
        [("1", "实施大病专项救治", ["市卫生健康局"], ["市医保局"], [], ["医政医管科", "基层卫生科", "财务科"], "")],
        ["一/（一）"], id="internal-office-columns"),
    pytest.param(  # a lead cell that hands the row to each office by its duties: responsible, not lead
        "序号\t工作任务\t牵头处室\n"
        "1\t支持乡村医生参加学历教育，落实乡村医生待遇。\t科教处、基层卫生处、财务处按照职责分工分别负责\n"
        "2\t为脱贫人口提供签约服务。\t基层卫生处\n",
        [("1", "支持乡村医生参加学历教育，落实乡村医生待遇。", [], [], ["科教处", "基层卫生处", "财务处"], [], ""),
         ("2", "为脱贫人口提供签约服务。", ["基层卫生处"], [], [], [], "")],
        ["一/（三）", "一/（二）"], id="duty-share-cell"),
    pytest.param(  # a text copy of a page: cells apart by runs of spaces, a sub-row indented
        "序号  工作事项  牵头单位  配合单位  完成时限\n"
        "1  实施大病专项救治  市卫生健康委  市医疗保障局  长期坚持\n"
        "    扩大救治病种覆盖范围  市民政局  2022年底前\n",
        [("1", "实施大病专项救治；扩大救治病种覆盖范围", ["市卫生健康委"], ["市医疗保障局", "市民政局"], [], [],
          "长期坚持；2022年底前")],
        ["一/（一）"], id="space-aligned"),
    pytest.param(  # a header cell spanning two columns with no second header line (责任单位 over two cells)
        "序号\t工作任务\t责任单位\t完成时限\n"
        "1\t对大病患者实行专项救治\t市卫生健康委\t市医疗保障局\t长期坚持\n",
        [("1", "对大病患者实行专项救治", [], [], ["市卫生健康委", "市医疗保障局"], [], "长期坚持")],
        ["一/（一）"], id="header-cell-spanning-two-columns"),
    pytest.param(  # a text copy whose cells stand apart by one full-width space each
        "序号　工作任务　牵头单位　配合单位\n"
        "1　对大病患者实行专项救治　市卫生健康委　市医疗保障局\n",
        [("1", "对大病患者实行专项救治", ["市卫生健康委"], ["市医疗保障局"], [], [], "")],
        ["一/（一）"], id="full-width-space-cells"),
    pytest.param(  # a Word table: the reader repeats a vertically merged cell on every sub-row
        "序号\t工作事项\t具体措施\t牵头单位\t配合单位\n"
        "1\t实施大病专项救治\t对大病患者实行专项救治\t市卫生健康委\t市医疗保障局\n"
        "1\t实施大病专项救治\t扩大救治病种覆盖范围\t市卫生健康委\t市民政局\n",
        [("1", "实施大病专项救治：对大病患者实行专项救治；扩大救治病种覆盖范围", ["市卫生健康委"],
          ["市医疗保障局", "市民政局"], [], [], "")],
        ["一/（一）"], id="word-repeated-merged-cells"),
    pytest.param(  # a PDF's ruled table: merged cells empty on the sub-rows, every column kept
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t实行大病专项救治\t市卫生健康委\t市医疗保障局\n"
        "\t扩大救治病种覆盖范围\t\t市民政局\n",
        [("1", "实行大病专项救治；扩大救治病种覆盖范围", ["市卫生健康委"], ["市医疗保障局", "市民政局"], [], [], "")],
        ["一/（一）"], id="pdf-empty-merged-cells"),
    pytest.param(  # section rows across the table (一、…), numbering restarting in each section
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "一、医疗保障\n"
        "1\t对大病患者实行专项救治\t市卫生健康委\t市医疗保障局\n"
        "二、基层服务\n"
        "1\t支持乡村医生参加学历教育\t市卫生健康委\t市教育局\n",
        [("1", "对大病患者实行专项救治", ["市卫生健康委"], ["市医疗保障局"], [], [], ""),
         ("1", "支持乡村医生参加学历教育", ["市卫生健康委"], ["市教育局"], [], [], "")],
        ["一/（一）", "一/（三）"], id="section-rows-restarted-numbers"),
    pytest.param(  # a 责任单位 cell in a marker's verb form: each unit in the role its verb gives
        "序号\t工作任务\t责任单位\n"
        "1\t为脱贫人口提供签约服务\t市卫生健康委牵头，市医疗保障局、市财政局配合\n",
        [("1", "为脱贫人口提供签约服务", ["市卫生健康委"], ["市医疗保障局", "市财政局"], [], [], "")],
        ["一/（二）"], id="verb-form-cell"),
    pytest.param(  # 协办单位 is a support column; a table without 序号 numbers its rows in order
        "工作内容\t牵头单位\t协办单位\n"
        "对大病患者实行专项救治\t市卫生健康委\t市医疗保障局\n"
        "支持乡村医生参加学历教育\t市卫生健康委\t市教育局\n",
        [("", "对大病患者实行专项救治", ["市卫生健康委"], ["市医疗保障局"], [], [], ""),
         ("", "支持乡村医生参加学历教育", ["市卫生健康委"], ["市教育局"], [], [], "")],
        ["一/（一）", "一/（三）"], id="no-number-column-协办"),
    pytest.param(  # an item over four sub-rows with internal-office columns: each sub-row's cells fitted by kind
        # (a body to the bodies' columns, an office such as 财务科 to the office column)
        "序号\t工作事项\t主要内容\t牵头单位\t配合单位\t局内牵头科室\n"
        "1\t实施大病专项救治\t对大病患者实行专项救治\t市卫生健康局\t市医保局\t医政医管科\n"
        "扩大救治病种覆盖范围\t市民政局\t基层卫生科\n"
        "建立救治台账\t财务科\n"
        "按月调度救治进度\n",
        [("1", "实施大病专项救治：对大病患者实行专项救治；扩大救治病种覆盖范围；建立救治台账；按月调度救治进度",
          ["市卫生健康局"], ["市医保局", "市民政局"], [], ["医政医管科", "基层卫生科", "财务科"], "")],
        ["一/（一）"], id="four-sub-rows-with-office-columns"),
    pytest.param(  # a Word table: 责任单位 merged across two columns (repeated), its second header line
        # under it, and a section row merged across the width (repeated in every cell)
        "序号\t工作任务\t责任单位\t责任单位\t完成时限\n"
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
        "一、医疗保障\t一、医疗保障\t一、医疗保障\t一、医疗保障\t一、医疗保障\n"
        "1\t对大病患者实行专项救治\t市卫生健康委\t市医疗保障局\t长期坚持\n",
        [("1", "对大病患者实行专项救治", ["市卫生健康委"], ["市医疗保障局"], [], [], "长期坚持")],
        ["一/（一）"], id="word-two-level-header-and-section"),
    pytest.param(  # one 责任单位 column, the lead tagged （牵头） in its cell: the others stay 责任 as printed (probe 3a
        # #24: they were called 配合, which the notice does not print, and inline 责任单位：甲（牵头）、乙 gives 乙 责任)
        "序号\t工作任务\t责任单位\n"
        "1\t对大病患者实行专项救治\t市卫生健康委（牵头）、市医疗保障局、市民政局\n",
        [("1", "对大病患者实行专项救治", ["市卫生健康委"], [], ["市医疗保障局", "市民政局"], [], "")],
        ["一/（一）"], id="lead-tagged-in-cell"),
    pytest.param(  # the same tags printed in 〔〕 (a county's table): each body takes its tag's role (the cell's
        # bodies were all 责任 with the tags kept in their names, 县卫健局〔牵头〕)
        "序号\t工作任务\t责任单位\n"
        "1\t对大病患者实行专项救治\t县卫健局〔牵头〕、县医保局〔配合〕\n",
        [("1", "对大病患者实行专项救治", ["县卫健局"], ["县医保局"], [], [], "")],
        ["一/（一）"], id="tags-in-square-brackets"),
    pytest.param(  # a PDF table over two pages: the header printed again, the broken row going on under it
        "序号\t工作任务\t牵头单位\n"
        "1\t支持乡村医生参加学历教育，\t市卫生健康委\n"
        "序号\t工作任务\t牵头单位\n"
        "\t落实乡村医生待遇。\t\n"
        "2\t为脱贫人口提供签约服务。\t市卫生健康委\n",
        [("1", "支持乡村医生参加学历教育，落实乡村医生待遇。", ["市卫生健康委"], [], [], [], ""),
         ("2", "为脱贫人口提供签约服务。", ["市卫生健康委"], [], [], [], "")],
        ["一/（三）", "一/（二）"], id="header-repeated-on-next-page"),
    pytest.param(  # a section row numbered in the 序号 column (一 | 医疗保障); a sign-off and a note under the table
        "序号\t工作任务\t牵头单位\n"
        "一\t医疗保障\n"
        "1\t对大病患者实行专项救治\t市卫生健康委\n"
        "某市卫生健康委员会　　2022年3月1日\n"
        "注：各牵头单位每季度报送进展情况。\n",
        [("1", "对大病患者实行专项救治", ["市卫生健康委"], [], [], [], "")],
        ["一/（一）"], id="numbered-section-row-and-note"),
    pytest.param(  # units run together where a page's cell broke its lines (<br> dropped by the text copy)
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t对大病患者实行专项救治\t区卫生健康局\t区医疗保障局区民政局各街道办事处\n",
        [("1", "对大病患者实行专项救治", ["区卫生健康局"], ["区医疗保障局", "区民政局", "各街道办事处"], [], [], "")],
        ["一/（一）"], id="units-run-together"),
    pytest.param(  # task cards as a county's web page gives them: each label cell alone on its line,
        # its value on the next (具体任务 / 责任单位 / 配合单位 / 完成时限), one card a task
        "具体任务\n为脱贫人口提供签约服务，做到重点人群应签尽签。\n责任单位\n市卫生健康委\n配合单位\n各县区人民政府\n"
        "完成时限\n年底前\n"
        "具体任务\n支持乡村医生参加学历教育。\n责任单位\n市卫生健康委、市教育局\n完成时限\n长期坚持\n",
        [("", "为脱贫人口提供签约服务，做到重点人群应签尽签。", [], ["各县区人民政府"], ["市卫生健康委"], [], "年底前"),
         ("", "支持乡村医生参加学历教育。", [], [], ["市卫生健康委", "市教育局"], [], "长期坚持")],
        ["一/（二）", "一/（三）"], id="task-cards-one-cell-a-line"),
    pytest.param(  # finding 6: 列第一位者为牵头单位 printed above a single 责任单位 column: the first of each
        # cell leads, the others stay responsible; a unit alone in its cell stays responsible
        "（列第一位者为牵头单位）\n序号\t工作任务\t责任单位\t完成时限\n"
        "1\t对农村低收入人口中的大病患者实行专项救治\t市卫生健康委、市医疗保障局、市民政局\t长期坚持\n"
        "2\t为脱贫人口提供签约服务\t市卫生健康委\t年底前\n",
        [("1", "对农村低收入人口中的大病患者实行专项救治", ["市卫生健康委"], [], ["市医疗保障局", "市民政局"], [],
          "长期坚持"),
         ("2", "为脱贫人口提供签约服务", [], [], ["市卫生健康委"], [], "年底前")],
        ["一/（一）", "一/（二）"], id="first-listed-leads-note-above"),
    pytest.param(  # the note printed under the table (注：), and a row that prints its lead keeps it
        "序号\t工作任务\t牵头单位\t责任单位\n"
        "1\t对农村低收入人口中的大病患者实行专项救治\t市医疗保障局\t市卫生健康委、市民政局\n"
        "2\t支持乡村医生参加学历教育\t\t市卫生健康委、市教育局\n"
        "注：责任单位中列第一位者为牵头单位。\n",
        [("1", "对农村低收入人口中的大病患者实行专项救治", ["市医疗保障局"], [], ["市卫生健康委", "市民政局"], [], ""),
         ("2", "支持乡村医生参加学历教育", ["市卫生健康委"], [], ["市教育局"], [], "")],
        ["一/（一）", "一/（三）"], id="first-listed-leads-note-under"),
    pytest.param(  # without the note every unit of a 责任单位 cell is responsible
        "序号\t工作任务\t责任单位\n1\t支持乡村医生参加学历教育\t市卫生健康委、市教育局\n",
        [("1", "支持乡村医生参加学历教育", [], [], ["市卫生健康委", "市教育局"], [], "")],
        ["一/（三）"], id="no-first-listed-note"),
    pytest.param(  # probe 3a #6: numbered rows under a 重点任务 cell merged over them, printed (as a text file or a
        # PDF gives it) on its first row only, with the 牵头单位 cell merged beside it: the later rows take both; a
        # row printing its own lead keeps it; 配合 cells are each row's own; the 分管领导 column names no unit
        "序号\t重点任务\t具体措施\t牵头单位\t参与单位\t完成时限\t分管领导\n"
        "1\t实施大病专项救治\t对大病患者实行专项救治\t市卫生健康委\t市医疗保障局\t长期坚持\t张副主任\n"
        "2\t\t扩大救治病种覆盖范围\t\t市民政局\t2022年底前\t\n"
        "3\t\t建立救治台账\t市乡村振兴局\t\t2022年6月底前\t\n"
        "4\t加强乡村医生队伍建设\t支持乡村医生参加学历教育\t市卫生健康委\t市教育局\t持续推进\t李副主任\n",
        [("1", "实施大病专项救治：对大病患者实行专项救治", ["市卫生健康委"], ["市医疗保障局"], [], [], "长期坚持"),
         ("2", "实施大病专项救治：扩大救治病种覆盖范围", ["市卫生健康委"], ["市民政局"], [], [], "2022年底前"),
         ("3", "实施大病专项救治：建立救治台账", ["市乡村振兴局"], [], [], [], "2022年6月底前"),
         ("4", "加强乡村医生队伍建设：支持乡村医生参加学历教育", ["市卫生健康委"], ["市教育局"], [], [], "持续推进")],
        ["一/（一）", "一/（一）", "一/（一）", "一/（三）"], id="numbered-rows-under-a-merged-group"),
    pytest.param(  # one task column: an empty lead cell is the row's own (nothing merged to carry)
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t对大病患者实行专项救治\t市卫生健康委\t市医疗保障局\n"
        "2\t支持乡村医生参加学历教育\t\t市教育局\n",
        [("1", "对大病患者实行专项救治", ["市卫生健康委"], ["市医疗保障局"], [], [], ""),
         ("2", "支持乡村医生参加学历教育", [], ["市教育局"], [], [], "")],
        ["一/（一）", "一/（三）"], id="one-task-column-no-carry"),
    pytest.param(  # probe 4a #1: a table printed in the body and signed right under it (the issuer's name on
        # its own line, the date below): the signature closes the table, the last row does not take the issuer
        "序号\t工作任务\t责任单位\t完成时限\n"
        "1\t为脱贫人口提供签约服务\t基层卫生科、各县（区）卫生健康局\t2022年6月底前\n"
        "某市卫生健康委员会\n2022年3月1日\n",
        [("1", "为脱贫人口提供签约服务", [], [], ["基层卫生科", "各县（区）卫生健康局"], [], "2022年6月底前")],
        ["一/（二）"], id="signature-right-under-the-table"),
    pytest.param(  # probe 4a #1: a joint notice's row of names under the table (spaces made tabs), then the date
        "序号\t工作任务\t牵头单位\n"
        "1\t对大病患者实行专项救治\t市医疗保障局\n"
        "某市卫生健康委员会\t某市医疗保障局\n2022年3月1日\n",
        [("1", "对大病患者实行专项救治", ["市医疗保障局"], [], [], [], "")],
        ["一/（一）"], id="joint-signature-row-under-the-table"),
    pytest.param(  # probe 4a #2: a 重点任务清单 with 责任领导 / 主责单位 / 协办单位 / 责任人 / 督导单位 columns:
        # 主责 leads, 协办 supports; the leader, the person and the body that oversees the task name no unit
        "序号\t重点任务\t责任领导\t主责单位\t协办单位\t责任人\t完成时限\t督导单位\n"
        "1\t支持乡村医生参加学历教育\t李副市长\t市卫生健康委\t市教育局\t王某\t长期坚持\t市政府督查室\n",
        [("1", "支持乡村医生参加学历教育", ["市卫生健康委"], ["市教育局"], [], [], "长期坚持")],
        ["一/（三）"], id="supervisor-column-names-no-unit"),
    pytest.param(  # probe 4a: a 责任单位 cell that labels its units' roles itself (牵头：甲；配合：乙): each its role,
        # the labels no part of a unit's name (not 牵头：市卫生健康委)
        "序号\t工作任务\t责任单位\t完成时限\n"
        "1\t对大病患者实行专项救治\t牵头：市卫生健康委；配合：市医疗保障局、市民政局\t长期坚持\n"
        "2\t支持乡村医生参加学历教育\t牵头单位：市卫生健康委，配合单位：市教育局\t年底前\n",
        [("1", "对大病患者实行专项救治", ["市卫生健康委"], ["市医疗保障局", "市民政局"], [], [], "长期坚持"),
         ("2", "支持乡村医生参加学历教育", ["市卫生健康委"], ["市教育局"], [], [], "年底前")],
        ["一/（一）", "一/（三）"], id="roles-labelled-inside-the-cell"),
    pytest.param(  # probe 4a: 主要指标及责任分工表 — an indicator with its yearly figures and its units: the row's task is
        # the indicator (it was the figures joined, 85：88：90)
        "序号\t指标名称\t2023年目标\t2024年目标\t2025年目标\t指标属性\t责任单位\n"
        "1\t家庭医生签约服务覆盖率（%）\t70\t75\t80\t预期性\t市卫生健康委、各县（区）人民政府\n",
        [("1", "家庭医生签约服务覆盖率（%）", [], [], ["市卫生健康委", "各县（区）人民政府"], [], "")],
        [None], id="indicator-table-with-a-unit-column"),
    pytest.param(  # probe 4a: a 责任单位及责任人 column, each unit with its person in brackets: the units, responsible
        # (the column was no unit column at all: 责任人 marks a person's), the persons no part of them
        "序号\t工作任务\t责任单位及责任人\t完成时限\n"
        "1\t对大病患者实行专项救治\t市卫生健康委（王立）、市医疗保障局（张华）\t长期坚持\n",
        [("1", "对大病患者实行专项救治", [], [], ["市卫生健康委", "市医疗保障局"], [], "长期坚持")],
        ["一/（一）"], id="units-with-their-persons"),
    pytest.param(  # a card whose 责任单位 value names no body gives no units and no row
        "具体任务\n为脱贫人口提供签约服务。\n责任单位\n按属地管理原则落实\n",
        [], [], id="task-card-without-bodies"),
]


@pytest.mark.parametrize("table, expected, linked", CASES)
def test_task_table_shapes(table, expected, linked):
    rows, _ = rows_of(table)
    assert [brief(r) for r in rows] == expected
    assert [r["measure_path"] for r in rows] == linked
    assert [r["no"] for r in rows] == list(range(1, len(rows) + 1))  # unique, whatever was printed


def test_row_units_reach_the_measure_with_their_role_and_span():
    table = ("序号\t工作事项\t牵头单位\t配合单位\t局内牵头科室\n"
             "1\t实施大病专项救治\t市卫生健康局\t市医保局\t医政医管科\n")
    _, measures = rows_of(table)
    text = parse_source(SourceText("t.txt", BODY + table))["text"]
    mentions = measures["一/（一）"]["unit_mentions"]
    assert [(m["unit"], m["role"], m["source"]) for m in mentions] == [
        ("市卫生健康局", "lead", "task_table"), ("市医保局", "support", "task_table"),
        ("医政医管科", "office", "task_table")]
    assert all(text[m["span"][0]:m["span"][1]] == m["unit"] for m in mentions)  # each unit quoted as printed
    assert measures["一/（一）"]["lead_units"] == ["市卫生健康局"]  # the office is not the bodies' lead
    assert measures["一/（一）"]["support_units"] == ["市医保局"]


def test_task_spans_quote_the_task_pieces():
    table = ("序号\t工作事项\t主要内容\t牵头单位\n"
             "1\t实施大病专项救治\t对大病患者实行专项救治\t市卫生健康委\n"
             "扩大救治病种覆盖范围\t市民政局\n")
    record = parse_source(SourceText("t.txt", BODY + table))
    row = record["task_table"][0]
    assert [record["text"][s:e] for s, e in row["task_spans"]] == ["实施大病专项救治", "对大病患者实行专项救治",
                                                                    "扩大救治病种覆盖范围"]


@pytest.mark.parametrize("table", [
    "序号\t指标\t属性\n1\t脱贫人口家庭医生签约率≥95%\t约束性\n",  # an indicator table names no unit column
    "联系人\t联系电话\n张某\t0000-0000000\n",  # a contact box: no task, no unit role
    # an indicator table whose 单位 column holds each measure's unit (%), not a body
    "指标\t单位\t2024年目标值\t属性\n孕产妇系统管理率\t%\t≥92\t约束性\n",
    # bare year columns beside the 单位 column (the earlier one a baseline)
    "序号\t指标\t计量单位\t2022年\t2025年\t指标属性\n1\t乡镇卫生院中医馆覆盖率\t%\t85\t100\t预期性\n",
])
def test_tables_that_are_no_task_table(table):
    assert rows_of(table)[0] == []


# a task table annexed first, the indicator table second: each is read as what it is
TWO_TABLES = [
    pytest.param(  # tab-separated text: 附件1 分工表, 附件2 指标表 with 基期值/目标值/属性 columns
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t支持乡村医生参加学历教育\t市卫生健康委\t市教育局\t2024年12月\n"
        "附件2\n主要指标表\n"
        "序号\t指标\t2021年基期值\t2025年目标值\t指标属性\n"
        "1\t乡村医生中执业（助理）医师占比（%）\t32\t≥45\t约束性\n",
        [("乡村医生中执业（助理）医师占比", "status", "=", 32, None), ("乡村医生中执业（助理）医师占比", "target", ">=", 45, "约束性")],
        id="tsv-indicator-annex-after-task-annex"),
    pytest.param(  # the indicator table with a 单位 column right after the task table's last row
        "序号\t重点任务\t牵头单位\n1\t支持乡村医生参加学历教育\t市卫生健康委\n"
        "附件2\n指标\t单位\t2025年目标值\t属性\n严重精神障碍患者规范管理率\t%\t90\t预期性\n",
        [("严重精神障碍患者规范管理率", "target", "=", 90, "预期性")],
        id="indicator-table-with-unit-column-after-task-table"),
]


@pytest.mark.parametrize("tables, expected", TWO_TABLES)
def test_an_indicator_table_after_a_task_table(tables, expected):
    record = parse_source(SourceText("t.txt", BODY + tables))
    assert [r["task"] for r in record["task_table"]] == ["支持乡村医生参加学历教育"]  # no row from the second table
    assert [(t["indicator"], t["role"], t["comparator"], t["value"], t["binding"]) for t in record["targets"]
            if t["path"] == "annex"] == expected


@pytest.mark.parametrize("names, roles", [
    (["序号", "工作任务", "牵头处室"], ["no", "task", "lead"]),  # one office column alone is the lead (连云港's shape)
    (["序号", "重点工作", "责任单位", "责任领导", "完成时限"], ["no", "task", "responsible", "other", "deadline"]),
    (["序号", "工作事项", "委内责任处室", "牵头部门"], ["no", "task", "office", "lead"]),
    # probe 2, finding 5: a 牵头股室 column beside 配合单位 names the lead (a 股 is the body that leads the row)
    (["序号", "重点任务", "牵头股室", "配合单位", "完成时限"], ["no", "task", "lead", "support", "deadline"]),
    # 责任科室 beside 配合单位: responsible
    (["序号", "工作内容", "责任科室", "配合单位"], ["no", "task", "responsible", "support"]),
    # an office column beside a bodies' column of the same role stays the offices' (牵头单位 and 牵头科室)
    (["序号", "工作任务", "牵头单位", "牵头科室", "配合单位"], ["no", "task", "lead", "office", "support"]),
    # probe 4a: a table of indicators and their units: the indicator is the task, the figures and 属性 are not
    (["序号", "指标名称", "2023年目标", "2025年目标值", "指标属性", "责任单位"],
     ["no", "task", "other", "other", "other", "responsible"]),
    # an assessment table: 考核内容 is the row's task (考核 alone marks a column of scores), 分值 no unit or task
    (["序号", "考核内容", "分值", "考核标准", "责任单位"], ["no", "task", "other", "other", "responsible"]),
    # …while a task column dated by its year stays the task (2023年重点任务)
    (["序号", "2023年重点任务", "责任单位", "完成时限"], ["no", "task", "responsible", "deadline"]),
    # probe 4a #2: who oversees or scores the task is no unit column (督导单位, 考评单位)
    (["序号", "重点任务", "责任单位", "督导单位", "考评单位"], ["no", "task", "responsible", "other", "other"]),
    (["序号", "开展义诊。", "县卫健局"], None),  # a data row, not a header
])
def test_header_roles(names, roles):
    assert header_roles(names) == roles


@pytest.mark.parametrize("cell, kind", [
    ("12", "number"), ("（三）", "number"), ("2023年6月底前", "deadline"), ("长期坚持", "deadline"),
    ("市医保局、市民政局", "units"), ("各县（区）人民政府按职责分工负责", "units"),
    ("为脱贫人口提供签约服务", "prose"),
])
def test_cell_kind(cell, kind):
    assert cell_kind(cell) == kind


def test_extract_from_a_start_offset():
    text = "序号\t工作任务\t牵头单位\n1\t开展义诊\t县卫健局\n"
    assert extract_task_table(text, len(text)) is None
    assert [r.lead for r in extract_task_table(text, 0)] == [["县卫健局"]]


def test_a_web_page_table_through_the_html_reader(tmp_path):
    """A page's table as the HTML reader walks it: rowspan cells left out of the sub-row,
    a <br> between two units of a cell."""
    from policydiff.parse import parse_file

    body = "".join(f"<p>{line}</p>" for line in BODY.strip().split("\n"))
    page = tmp_path / "notice.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>t</title></head><body><div id='zoom'>" + body +
        "<table border='1'><tr><td>序号</td><td>工作事项</td><td>主要内容</td><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td rowspan='2'>1</td><td rowspan='2'>实施大病专项救治</td><td>对大病患者实行专项救治</td>"
        "<td rowspan='2'>市卫生健康委</td><td>市医疗保障局<br>市民政局</td></tr>"
        "<tr><td>扩大救治病种覆盖范围</td><td>市乡村振兴局</td></tr></table></div></body></html>",
        encoding="utf-8")
    rows = parse_file(page)["task_table"]
    assert [brief(r) for r in rows] == [
        ("1", "实施大病专项救治：对大病患者实行专项救治；扩大救治病种覆盖范围", ["市卫生健康委"],
         ["市医疗保障局", "市民政局", "市乡村振兴局"], [], [], "")]
    assert rows[0]["measure_path"] == "一/（一）"


# ---------------------------------------------------------------- targets printed in task cells (probe #9)
ROW_TARGETS = [
    pytest.param(  # an annexed table: a count in the task cell, the row's 完成时限 year its deadline
        "序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
        "1\t实施大病专项救治，专项救治病种扩大到32种以上\t市卫生健康委\t各县（区）卫生健康局\t2022年10月\n",
        [("附件/表/1", "专项救治病种", ">=", 32, "种", 2022)], id="annexed-count-row-deadline"),
    pytest.param(  # the cell prints its own year mid-cell (…转化，2026年…): that year, not the deadline column's
        "序号\t工作任务\t责任单位\t完成时限\n"
        "1\t支持乡村医生取得执业（助理）医师资格，2026年取得资格比例不低于45%\t市卫生健康委、市人社局\t长期坚持\n",
        [("附件/表/1", "取得资格比例", ">=", 45, "%", 2026)], id="cell-year"),
    pytest.param(  # a 具体措施 column after a category and a task name: the rate from its own cell, unit column apart
        "类别\t序号\t工作任务\t具体措施\t责任单位\t配合单位\n"
        "服务能力\t1\t乡村医生培训\t每名乡村医生每年参加培训不少于40学时\t市卫生健康委\t各县（区）卫生健康局\n"
        "\t2\t远程医疗\t乡镇卫生院远程会诊覆盖率95%\t市卫生健康委\t市工信局\n",
        [("附件/表/1", "每名乡村医生每年参加培训", ">=", 40, "学时", None),
         ("附件/表/2", "乡镇卫生院远程会诊覆盖率", "=", 95, "%", None)], id="category-and-measure-columns"),
]


@pytest.mark.parametrize("table, expected", ROW_TARGETS)
def test_targets_in_task_cells_take_the_rows_path_and_the_cells_words(table, expected):
    record = parse_source(SourceText("t.txt", BODY + table))
    got = [(t["path"], t["indicator"], t["comparator"], t["value"], t["unit"], t["deadline_year"])
           for t in record["targets"] if t["path"].startswith("附件/表/")]
    assert got == expected
    assert all("\t" not in t["indicator"] and "\t" not in t["text"] for t in record["targets"])


def test_a_notice_that_is_only_a_task_table_gives_its_targets_the_rows_path():
    """No outline at all (a 办公室 notice printing only the table): the rows' numbers are not the preamble's."""
    text = ("某市人民政府办公室关于印发健康乡村建设任务分工的通知\n某政办发〔2022〕7号\n各县（区）人民政府：\n"
            "现将任务分工印发给你们，请认真落实。\n某市人民政府办公室\n2022年4月2日\n健康乡村建设任务分工\n"
            "序号\t工作任务\t责任单位\n1\t每个乡镇办好1所政府办乡镇卫生院\t市卫健委、市财政局\n"
            "2\t村卫生室纳入医保定点管理，纳入率达到95%以上\t市医保局、市卫健委\n")
    record = parse_source(SourceText("t.txt", text))
    assert [(t["path"], t["indicator"], t["value"]) for t in record["targets"]] == [
        ("附件/表/1", "政府办乡镇卫生院", 1), ("附件/表/2", "纳入率", 95)]


@pytest.mark.parametrize("rows_html, expected", [
    # finding 8: a lead cell merged over two tasks (rowspan) is each task's lead
    ("<tr><td>1</td><td>实施大病专项救治</td><td rowspan='2'>市卫生健康委</td><td>市医疗保障局</td></tr>"
     "<tr><td>2</td><td>做实家庭医生签约服务</td><td>各县（区）人民政府</td></tr>",
     [("1", ["市卫生健康委"], ["市医疗保障局"]), ("2", ["市卫生健康委"], ["各县（区）人民政府"])]),
    # a support cell merged over two tasks, the leads each their own
    ("<tr><td>1</td><td>实施大病专项救治</td><td>市卫生健康委</td><td rowspan='2'>市民政局</td></tr>"
     "<tr><td>2</td><td>做实家庭医生签约服务</td><td>市医疗保障局</td></tr>",
     [("1", ["市卫生健康委"], ["市民政局"]), ("2", ["市医疗保障局"], ["市民政局"])]),
    # a merged 序号 (a sub-row of one item) is not carried: the sub-row adds to the item
    ("<tr><td rowspan='2'>1</td><td>实施大病专项救治</td><td>市卫生健康委</td><td>市医疗保障局</td></tr>"
     "<tr><td>扩大救治病种覆盖范围</td><td>市卫生健康委</td><td>市民政局</td></tr>",
     [("1", ["市卫生健康委"], ["市医疗保障局", "市民政局"])]),
])
def test_a_rowspan_cell_is_carried_to_the_tasks_it_spans(tmp_path, rows_html, expected):
    from policydiff.parse import parse_file

    body = "".join(f"<p>{line}</p>" for line in BODY.strip().split("\n"))
    page = tmp_path / "notice.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>t</title></head><body><div id='zoom'>" + body +
        "<table border='1'><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>" + rows_html +
        "</table></div></body></html>", encoding="utf-8")
    rows = parse_file(page)["task_table"]
    assert [(r["label"], r["lead"], r["support"]) for r in rows] == expected


def test_a_table_under_the_last_item_does_not_restate_that_item():
    # finding 8 (a docx shape): the table is printed right under （二）, inside its text; its rows are tasks
    # of their own, so （二） gets no unit from them, and no unit is implied for a notice whose table prints units
    text = ("某县卫生健康局关于印发签约服务提升方案的通知\n某卫发〔2021〕9号\n各镇卫生院：\n现将方案印发你们。\n"
            "某县卫生健康局\n2021年11月1日\n一、主要措施\n（一）做实签约服务。为脱贫人口提供签约服务。\n"
            "（二）组建团队。由镇卫生院全科医生和乡村医生组成签约团队。\n"
            "序号\t任务\t牵头股室\t完成时间\n1\t落实签约服务经费保障\t财务股\t2021年12月\n"
            "2\t开展签约履约情况督导检查\t基层卫生股\t长期\n")
    record = parse_source(SourceText("t.txt", text))
    assert [r["measure_path"] for r in record["task_table"]] == [None, None]
    assert all(not m["unit_mentions"] for m in record["measures"])


def test_a_row_restating_the_item_it_stands_under_elsewhere_still_links():
    # the same table, one row restating （一） printed above it: that row links there
    text = ("一、主要措施\n（一）做实签约服务。为脱贫人口提供签约服务，做到重点人群应签尽签。\n"
            "（二）组建团队。由镇卫生院全科医生和乡村医生组成签约团队。\n"
            "序号\t任务\t牵头股室\t完成时间\n1\t为脱贫人口提供签约服务，做到重点人群应签尽签\t基层卫生股\t长期\n")
    record = parse_source(SourceText("t.txt", text))
    assert [r["measure_path"] for r in record["task_table"]] == ["一/（一）"]


def test_a_sub_row_with_more_cells_than_its_header_is_read_without_its_extra_cell():
    # a damaged table (a cut took a header column; fuzz found it raising IndexError): a sub-row whose cells run
    # past the header's columns keeps the cells the header names; the extra one has no column, so no role
    table = ("序号\t重点任务\t牵头单位\n"
             "1\t实施大病专项救治\t市卫生健康委\n"
             "\t扩大救治病种\t市医疗保障局\t市民政局\n")
    rows = parse_source(SourceText("t.txt", BODY + table))["task_table"]
    assert rows and all("市民政局" not in (r["lead"] + r["support"] + r["responsible"]) for r in rows)


@pytest.mark.parametrize("table, expected", [
    # a deadline printed past the last column (the header names no 完成时限): the row's deadline, not a unit
    ("序号\t重点任务\t责任单位\n1\t开展巡回医疗\t县卫健局\t2022年底前\n2\t落实资助参保\t县医保局、县民政局\t长期坚持\n",
     [(["县卫健局"], "2022年底前"), (["县医保局", "县民政局"], "长期坚持")]),
    # two unit cells under one 责任单位 header cell (it spans them): both units, no deadline
    ("序号\t重点任务\t责任单位\n1\t开展巡回医疗\t县卫健局\t县财政局\n",
     [(["县卫健局", "县财政局"], "")]),
    # a stray prose cell past the header: left out, no unit and no deadline made of it
    ("序号\t重点任务\t责任单位\n1\t开展巡回医疗\t县卫健局\t加强督导检查确保取得实效\n",
     [(["县卫健局"], "")]),
])
def test_a_row_wider_than_its_header_reads_its_extra_cells_by_what_they_hold(table, expected):
    rows = parse_source(SourceText("t.txt", BODY + table))["task_table"]
    assert [(r["lead"] + r["support"] + r["responsible"], r["deadline"]) for r in rows] == expected


@pytest.mark.parametrize("table, expected", [
    # a tab-separated indicator row: its number, the indicator cell, its 属性 (the values are no part of the name)
    ("附件2\n序号\t指标\t2021年基期值\t2025年目标值\t指标属性\n1\t乡村医生中执业（助理）医师占比（%）\t32\t≥45\t约束性\n"
     "2\t严重精神障碍患者规范管理率（%）\t86\t90\t预期性\n",
     [(1, "乡村医生中执业（助理）医师占比（%）", "约束性"), (2, "严重精神障碍患者规范管理率（%）", "预期性")]),
    # a row without 属性 is no indicator row
    ("附件2\n序号\t指标\t2025年目标值\n1\t严重精神障碍患者规范管理率（%）\t90\n", None),
    # probe 3a: the attribute printed with its noun (约束性指标, 预期性指标): the attribute
    ("附件2\n序号\t指标名称\t2020年\t2025年\t指标性质\n1\t县域内就诊率（%）\t85\t≥90\t预期性指标\n"
     "2\t村卫生室达标率（%）\t80\t100\t约束性指标\n",
     [(1, "县域内就诊率（%）", "预期性"), (2, "村卫生室达标率（%）", "约束性")]),
])
def test_tabbed_indicator_rows_are_annex_indicators(table, expected):
    record = parse_source(SourceText("t.txt", BODY + "序号\t重点任务\t牵头单位\n1\t支持乡村医生参加学历教育\t市卫生健康委\n" + table))
    found = record["annex_indicators"]
    assert (None if found is None else [(r["no"], r["indicator"], r["binding"]) for r in found]) == expected
    for row in found or []:  # the span starts at the indicator as printed
        assert record["text"][row["span"][0]:].startswith(row["indicator"])
