"""What a diff or compare export says about itself: the documents compared, the
reference and how it was made, the method, the tool version, a legend of the
statuses, and Chinese labels for ``--lang zh``."""

from __future__ import annotations

import re

from ..compare.genre import is_interpretation

LEGEND = {
    "adopted": "the notice has its own item for the entry (heading aligned to another notice's heading or the frame rule; "
               "where 'own task row': a row of the task table that is the notice's whole content, its task cell quoted)",
    "merged": "no own item, but a sentence inside another item commits to the topic (quoted, with the phrase matched)",
    "in goals only": "the topic is named only in the goals paragraphs",
    "in duties only": "the topic is named only in the duty paragraph",
    "in annex only": "the topic is named only in an annex row or task table",
    "omitted": "no sentence of the notice covers the entry; the nearest passage and its score are shown",
    "predates reference": "the notice was issued before the reference, so it cannot adopt or omit it; "
                          "where it covers the entry is still shown",
    "date unknown": "the notice prints no date and no sentence covers the entry: it may predate the reference, so "
                    "it is not called omitted (the years its text gives, if any, are in the notes, marked inferred)",
    "local addition": "a measure of the notice that matches no reference entry",
    "forwarded, not restated": "the notice forwards its parent (现将《…》转发给你们), whose text carries the entry; the "
                               "notice restates none of it (its 转发 sentence quoted): not omitted",
    "named in a 解读 page": "the document is a page that explains a notice (genre 解读), not a notice: it has no "
                           "measures and adopts nothing; its text names the entry (quoted)",
    "not named (解读 page)": "a page that explains a notice names nothing of the entry: not 'omitted', since it "
                            "prescribes nothing",
    "strengthened": "a higher floor or lower ceiling than the reference (or a higher standard: 二级 → 二级甲等)",
    "weakened": "a lower floor or higher ceiling than the reference",
    "different indicators, not compared": "the notice gives one value per item of a paired list (A、B分别达到 x、y), "
                                          "one each item reaches (A、B均达到 x), or one for another list than the "
                                          "reference's (two of its four diseases), the reference one value for its "
                                          "own list jointly: the notice's values are quoted, none is called weakened "
                                          "or strengthened",
    "change over another period, not compared": "both are changes (提高…个百分点) counted over different spans "
                                                "(比上年: one year; “十四五”期间 or 较2020年 to 2025: five): "
                                                "the notice's change is quoted, not called weaker or stronger",
    "narrower": "fewer responsible functions than the reference (the dropped ones named)",
    "wider": "more responsible functions than the reference (the added ones named)",
    "not comparable": "a side names units but prints none: its units are only inferred or implied, so its "
                      "responsibility is not compared (--include-inferred compares them, labelled)",
    "(inferred)": "a unit of a duty paragraph attached to the item by terms they share, not printed beside it",
    "(implied)": "the notice's sole issuer, taken as responsible where the notice prints no unit",
    "a unit without a mark": "printed in the notice, beside the item or in its task table",
    "other clause units": "printed beside another clause of an item that covers the entry (一是…（牵头单位：甲）。"
                          "二是…（牵头单位：乙）), not beside the sentences that cover it: named apart, never compared",
    "(responsible)": "printed as responsible (责任单位, 负责, 按职责分工负责), not as lead; where a side prints no lead, "
                     "compare's verdict is same / different responsible unit, not lead",
}

ZH = {
    "adopted": "采纳", "merged": "合并", "omitted": "未提及", "local addition": "新增", "strengthened": "强化",
    "weakened": "弱化", "predates reference": "早于参照文件",
    "date unknown": "日期不明", "in goals only": "仅见于目标", "in duties only": "仅见于职责分工",
    "in annex only": "仅见于附件", "own item": "单列条目",
    "own task row": "任务分工表单列条目", "inside another item": "并入其他条目", "not found": "未找到",
    "not comparable: only inferred/implied units": "不可比：仅有推断或默认的单位", "not comparable": "不可比",
    "a unit without a mark": "无标记的单位",
    "printed in the notice, beside the item or in its task table": "原文列明（条目内或任务分工表）",
    "(inferred)": "（推断）", "(implied)": "（默认）", "inferred": "推断", "implied": "默认", "printed": "原文列明",
    "same lead": "牵头相同", "(local: ": "（本地：", "(reference: ": "（参照：", "different lead": "牵头不同", "with ": "含",
    "same responsible unit": "责任单位相同", "different responsible unit": "责任单位不同", "(responsible)": "（责任）",
    "lead/responsible": "牵头/责任", "other clause units": "其他分句的单位",
    "forwarded, not restated": "转发、未重述",
    "named in a 解读 page": "解读中提及", "not named (解读 page)": "解读中未提及", "(解读 page)": "（解读）",
    "in the 解读 text": "见于解读正文",
    "same": "相同", "narrower": "收窄", "wider": "扩大", "different": "不同", "not stated": "未说明",
    "not quantified": "未量化", "new target": "新增指标", "dropped target": "删除指标",
    "same value, reworded": "数值相同、表述不同",
    "other figures printed": "另列其他数值",
    "different indicators, not compared": "指标不同、未比较",
    "change over another period, not compared": "变化幅度的时段不同、未比较",
    "earlier": "提前", "later": "推迟", "into": "并入", "without": "去掉", "adds": "增加",
    "strengthened standard": "提高标准", "weakened standard": "降低标准", "changed range": "区间不同",
    # column names
    "id": "编号", "entry": "条目", "status": "状态", "where": "位置", "quote": "原文", "local measures": "本地措施",
    "responsibility": "责任", "local leads": "本地牵头", "reference leads": "参照牵头", "local units": "本地牵头/责任单位",
    "local units printed at": "本地单位出处", "units printed at": "单位出处",
    "reference units": "参照牵头/责任单位", "local value": "本地指标值", "reference value": "参照指标值", "units": "单位",
    "target change": "指标变化",
    "leads": "牵头", "indicator": "指标", "binding": "属性", "reference": "参照",
}
_ZH_KEYS = re.compile("|".join(sorted((re.escape(k) for k in ZH), key=len, reverse=True)))


def zh(text: str) -> str:
    """``text`` with every known English label put into Chinese.

    >>> zh("merged into 五/二是")
    '合并 并入 五/二是'
    """
    return _ZH_KEYS.sub(lambda m: ZH[m.group()], text)


def translate_table(rows: list[dict], columns: list[str]) -> tuple[list[dict], list[str]]:
    """Rows and columns with labels in Chinese (paths, quotes and names untouched)."""
    def units_column(c: str) -> bool:
        return c.endswith((" leads", " lead/responsible", " units"))
    names = {c: ZH.get(c) or (zh(c) if units_column(c) else c) for c in columns}
    out = [{names[c]: (zh(row[c]) if (c in ("status", "responsibility", "units", "where") or units_column(c))
                       and isinstance(row.get(c), str)
                       else row.get(c)) for c in columns} for row in rows]
    return out, [names[c] for c in columns]


def _document_line(doc: dict) -> str:
    month = f"{doc['issue_month']} (month only)" if doc.get("issue_month") else None
    explains = " — genre 解读: a page that explains a notice, not a notice" if is_interpretation(doc.get("genre")) else ""
    return (f"{doc.get('locality') or doc['id']} {doc.get('doc_number') or '(no 文号)'} "
            f"issued {doc.get('issue_date') or month or '?'}{explains}")


def about(result: dict) -> list[str]:
    """Lines saying what a diff/compare result compares, against what, how, with which version."""
    docs = result.get("documents") or ([result["document"]] if "document" in result else [result["a"], result["b"]])
    reference = result["reference"]
    lines = [f"compared: {' | '.join(_document_line(d) for d in docs)}",
             f"reference: {reference['name']} {reference.get('doc_number') or ''} ({reference.get('date') or 'date unknown'})"
             f"; {reference.get('derivation', '')}",
             f"method: {result.get('method', '')}",
             f"tool: policydiff {result.get('tool_version', '')}"]
    return lines + [f"note: {n}" for n in result.get("notes", [])]


def legend_lines() -> list[str]:
    return [f"legend: {status} — {meaning}" for status, meaning in LEGEND.items()]
