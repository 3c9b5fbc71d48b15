"""Numeric targets: every quantitative requirement, Chinese numerals included."""

from __future__ import annotations

import dataclasses
import re

from .. import patterns as P
from ..models import Target
from ..textutils import chinese_number
from .indicator_table import table_targets
from .roles import RoleContext, assign_role
from .roles import paired as _paired

_COMPARATOR_BEFORE = re.compile(
    "|".join(f"(?P<c{i}>{alt})" for i, (_, alt) in enumerate(P.COMPARATOR_BEFORE))
)
_YEAR_OR_PLAN = re.compile(r"(?:19|20)\d{2}|十[三四五]五")
_CLAUSE = re.compile(r"[^，,；;。：:\n\t]+")  # a table cell (tab-separated) is a clause of its own
_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")
_SENTENCE = re.compile(r"[^。；;\n]+")
_QUOTES = re.compile(r"“[^“”]{0,30}”|\"[^\"]{0,30}\"|《[^《》]*》|〔[^〔〕]*〕|‘[^‘’]{0,30}’")
_BASE_OF_CHANGE = re.compile(r"(?:(?:由|从)(?=(?:19|20)\d{2}年|\d)|(?:较|同比|(?<!占)比(?!例|重|率)|与)(?=上年|去年|上一年|"
                             r"(?:19|20)\d{2}年|[二一][〇○零][〇○零一二三四五六七八九]{2}年|(?:国家|全国|全省|全市|省|市|县)?(?:定|级)?(?:目标|标准|平均|要求))).*$")
# a change printed per year (占比每年提高3个百分点): the noun, with the year word in brackets
_CHANGE_BEFORE = re.compile(f"(?:{P.CHANGE_VERBS_ALT})$")  # 增长不低于: the verb right before a bound
_CHANGE_AT = re.compile(f"(?:{P.CHANGE_VERBS_ALT}|高出|递增|递减)")
_PER_YEAR = re.compile(r"(?P<noun>.{2,}?)(?P<per>每年|逐年|年均)$")
_STRUCTURAL_COUNT = re.compile(r"^(?:目标|机制|协同|措施|提升|方面|环节|行动|计划|规划)")
_AMOUNT_LIST = re.compile(rf"[^、，,；;。（）()]{{0,12}}?(?:、|和|及|与)\s*(?:\d|[{P.CN_SMALL}两])")  # 1所综合医院、1所中医院
_AMOUNT_ITEM = re.compile(rf"([^、，,；;。（）()\d]{{2,12}}?)(?:[、（）()]|(?:和|及|与)(?=\d|[{P.CN_SMALL}两])|"
                          r"(?:组成|构成)?$)")
# 由 before a list of members (由1名全科医生、1名护士和…组成), not the base of a change
_COMPOSED_OF = re.compile(r"[^，,；;。\d]{1,12}(?:、|和|及|与)[^，,；;。]{0,30}?(?:组成|构成)")
# an amount after an age condition in its sentence (对年满60周岁退出的乡村医生每月发放不低于200元): the age is the
# group the amount is for
_AMOUNT_AFTER_AGE = re.compile(r"\d+(?:\.\d+)?\s*(?:" + "|".join(
    re.escape(u) for u in sorted(P.TARGET_UNITS, key=len, reverse=True) if u not in ("岁", "周岁")) + ")")
# the rate the clause before measured (…覆盖率为68.5%，): the noun a following change (较上年提高…) is of
_MEASURED_BEFORE = re.compile(r"(?:^|(?<=[，,；;：:。\n]))(?P<noun>[^，,；;。：:\d\n]{2,50}?(?:率|比例|比重|占比|水平))"
                              r"(?:(?:由|从)[^，,；;。]{0,16}?)?(?:为|达到|达|是|提高到|提升到|下降到|降低到|降至|增加到)"
                              r"[^，,；;。]{0,12}[，,]$")  # 就诊率由2021年的72%提高到90%，较上年提高…
_NOT_A_NOUN = ("以上", "以下", "以内", "之内", "左右", "及以上")
_BARE_RATE = re.compile(r"([^，,；;。：:\n]{2,14}率)[，,]$")
# a measured noun right before the value, after the list separator or a leading verb
_INDICATOR_BEFORE = re.compile(r"(?:^|(?<=[，,；;：:。\n])|、|实现|确保|力争|保持|完成)(?P<indicator>[^、，,；;。\d]{2,30}?"
                               r"(?:率|比例|比重|指数|水平|寿命|人数|数量|费用|标准))$")
# what follows a value when it is the next item of a pair, not the value's noun (40%和对未脱贫人口承担60%)
_NEXT_ITEM = re.compile(r"^(?:和|与|及|或)|\d")
_AFTER_LAST_VALUE = re.compile(r"(?:\d[\d.]*(?![\d.]|周?岁)(?:" + "|".join(  # an age (5岁以下) is part of the name;
    re.escape(u) for u in sorted(P.TARGET_UNITS, key=len, reverse=True)  # the previous value's unit is not (5个、健康村)
    if u not in ("岁", "周岁")) + r")?(?:以上|以下|以内|左右)?[^\u4e00-\u9fff\d]*)+")  # a range (15—20个、) whole
_CARRIED_NOUN = re.compile(r"(?:扩大|增加|提高|提升|新增)(?P<noun>[^，,；;。、\d]{2,30})[，,]$")
# the noun of a clause before that says it rises or falls (占比逐年提高，到2025年达到65%; 就诊率较上年提高1个百分点，
# 2025年达到92%): what a clause with no subject of its own measures
_RISING_NOUN = re.compile(r"(?:^|(?<=[，,；;：:。\n]))"
                          r"(?P<noun>[^，,；;。：:、\d\n]{1,20}?(?:率|比例|比重|占比|水平|数|量|寿命|指数))"
                          r"(?:逐年|逐步|稳步|持续|不断|每年|(?:较|比|同比)(?:(?:19|20)\d{2}年)?[^，,；;。：:\d\n]{0,8})?"
                          r"(?:提高|提升|增加|增长|上升|下降|降低|减少)[^，,；;。：:\n]{0,12}[，,]$")
_TOWARDS = re.compile(r"(?:向|对)[^，,；;。]{1,16}$")
_LIST_NUMBER_AT = re.compile(r"\d{1,2}[.．、](?=\d)")
_VALUE_THEN_LISTED = re.compile(r"\d[\d.]*\s*(?:%|％|个百分点|元|万元|倍|‰)(?:以上|以下|以内|左右)?、")
_BODY_TOLD = re.compile(r"^[^，,；;。、]{2,20}?(?:部门|局|委|政府|卫生院|医院|中心)"
                        r"(?:要|应当|应|须|必须)(?:确保|力争|争取|保证|使)?")
_BARE_VERB = re.compile(r"(?:并|再|进一步)?(?:达到|达|提高到|提升到|增加到|下降到|降低到|降至)")  # a clause with no noun
# 就诊率力争达到90%; 个人自付费用按不低于70%的比例 (按/按照 before the share); 起付线在2020年基础上降低50%
_TRAILING_FILLER = re.compile(r"(?:要|应|应当|均|需|必须|平均|分别|力争|确保|争取|按照|按|同比|原则上|"
                              r"在(?:(?:19|20)\d{2}年|上年|现有|原有)(?:的)?基础上)+$")
# 二是…, a numbered line's 2. (before a word or an age), fillers, a leading year
_LEADING_FILLER = re.compile(r"^(?:\d{1,2}[.．、](?=[\u4e00-\u9fff]|\d+\s*(?:岁|周岁|-|—|至))|[一二三四五六七八九十]是|"
                             r"分别|要|应|均|并|且|其中|其|原则上|力争|确保|争取|"
                             # 将救治病种扩大到30种, 已把…: the verb that fronts the object, never the noun's (将军 apart)
                             r"(?:已经?|均|全部|都)?(?:将(?![军士领帅来])|把(?![关握控]))|已经|已(?=实现|达到)|"
                             r"到?(?:19|20)\d{2}年(?:底|末)?(?:前)?[，,]?)+")
_CN_NUMERAL_CHAR = re.compile("[〇零一二三四五六七八九两十]")
_CJK_LAST = re.compile(f"[{P.CJK}]$")
_YEAR_VALUE = re.compile(r"(?:19|20)\d{2}")
_DATE_AFTER_MONTH = re.compile(rf"^(?:底|初|末|份|上旬|中旬|下旬|\d|[{P.CN_SMALL}]+日)")
_RANGE_AFTER = re.compile(r"\s*[-—–~～至]\s*\d")  # matched at a position: the text after it is not copied
_COMPARATOR_AFTER = [(c, re.compile(pat)) for c, pat in P.COMPARATOR_AFTER]
_DIGIT = re.compile(r"\d")
_NUMBER_START = re.compile(rf"[\d{P.CN_DIGITS}]")  # where P.NUMBER (and so a quantity or a range) can start
# what stands between two amounts of one list (至少配备1名全科医生、2名…; …全科医生和2名乡村医生): the first's noun, a joiner
_LISTED_BETWEEN = re.compile(r"[^，,；;：:\d]{0,12}(?:、|和|及|与)")
_NOUN_END = re.compile(r"[、（）()]")
# a subject that only says where each counted thing stands (每个行政村至少设置1个村卫生室): the noun is after the unit
_EACH_PLACE = re.compile(r"(?:每个?|各)[^，,；;。\d]{0,8}?(?:行政村|村|社区|乡镇|乡|镇|街道|县（市、区）|县|区|市|"
                         r"卫生院|医院|医共体|团队|卫生室|卫生所)")
# an amount's noun followed by per whom (and how often) it is paid (补助按每人每月, 资助标准为每人每年, 定额补助每村每年)
_PER_HEAD = re.compile(r"(?P<noun>[^，,；;。\d]{2,30}?)(?:按照|按|为|是)?(?P<per>每(?:人|户|村|名|个村|床|人次)"
                       r"(?:每(?:年|月|季度|天))?|每(?:百|千|万|十万)(?:名)?(?:服务|常住|户籍)?(?:人口|居民))")
# per whom and how often, then the verb of paying (每人每月发放…的生活补助): the noun is after the amount (…的X)
_PER_HEAD_PAID = re.compile(r"(?:对(?P<whom>[^，,；;。\d]{2,20}?)(?:给予|按))?"
                            r"(?P<per>每(?:人|户|村|名|个村|所|床|人次)(?:每(?:年|月|季度|天))?)(?:发放|给予|补助|资助|安排|支付)?")
_PAID_AFTER = re.compile(r"(?:以上|左右)?的(?P<noun>[^，,；;。\d的]{2,12}?)(?=[，,；;。]|$|标准)")
# a share a noun is set by (起付标准按上年…人均可支配收入的10%左右确定): the noun before 按
_SHARE_SET_BY = re.compile(r"(?P<noun>[^，,；;。\d按]{2,20}?)(?:原则上)?按(?:照)?[^，,；;。\d]{2,40}?的")
_PER_HEAD_ONLY = re.compile(r"(?:按照|按)?每(?:人|户|村|名|个村|床|人次)(?:每(?:年|月|季度|天))?")
# the clause before that names what is paid (落实乡村医生养老补助，每人每月…): its noun
_PAID_BEFORE = re.compile(r"(?:^|(?<=[，,；;：:。\n]))(?:落实|发放|给予|提高|安排|保障|兑现)?"
                          r"(?P<noun>[^，,；;。：:\d\n]{2,24}?(?:补助|补贴|经费|费用|服务费|标准|资金|待遇))[，,]$")
# a subject that only says per how many people (每千服务人口不少于1名乡村医生): the noun is after the unit
_PER_POPULATION = re.compile(r"(?:按)?每(?:百|千|万|十万)(?:名)?(?:服务|常住|户籍)?(?:人口|人|居民)")
_COUNTED_ENDS = re.compile(r"(?:服务能力|能力|达到|达|具备|符合|实现|通过|建成|纳入|开展|提供)")

_AFTER_LEAD = re.compile(r"^(?:及)?(?:以上|以内|之内|内|左右)?的?")


def extract_targets(text: str, region: tuple[int, int], path: str,
                    binding: str | None = None, deadline_year: int | None = None,
                    section_role: str | None = None, issue_year: int | None = None) -> list[Target]:
    """Every number in ``text[region]``, attributed to ``path``, each with its role (target, parameter,
    status, period or count; see ``patterns.ROLE_CUES``). ``section_role`` "status" marks a section that
    reports the past (发展现状); ``issue_year`` (the notice's) makes a figure for an earlier year a status.

    >>> [(t.comparator, t.value, t.unit, t.role) for t in extract_targets("覆盖率达到80%。", (0, 8), "x")]
    [('>=', 80, '%', 'target')]
    >>> [(t.value, t.role) for t in extract_targets("截至2020年底，签约率达到75%，在5年过渡期内。", (0, 26), "x")]
    [(75, 'status'), (5, 'period')]
    """
    start, end = region
    chunk = text[start:end]
    shielded = _shield(chunk)
    limit_cue = None
    if deadline_year is None and "时" in chunk:  # 责任单位：…；完成时限：2023年10月底前 — the item's own time limit
        label = P.TIME_LIMIT_LABEL.search(chunk) or P.TIME_LIMIT_BARE.search(chunk)
        limit = label.group("limit") if label else ""
        year_in = _YEAR.search(limit)  # a time limit's own year is its deadline (完成时限：2023年底)
        deadline_year = _deadline(limit) or (int(year_in.group("year")) if year_in else None)
        named = label.group(0).split("：")[0].split(":")[0] if label else ""
        limit_cue = f"deadline from the item's {named}" if deadline_year else None
        if deadline_year is None and issue_year and P.WITHIN_THE_YEAR.match(limit):
            deadline_year = issue_year  # 时限：全年 — within the notice's own year: inferred, and said so
            limit_cue = f"deadline {issue_year} inferred from the item's {named} {limit.strip()} and the notice's date"
    targets, tables = table_targets(text, region, path, issue_year)  # 主要指标 tables: cell by cell
    for t in targets:
        t.deadline_year = t.deadline_year or (deadline_year if t.role == "target" else None)
    # a sentence's quantity is one of the whole region's (each pattern after a value reads a sentence's end
    # as it reads 。；;\n): a region with none (nor a 百分之 or 翻一番) has no sentence to read
    cn_forms = "百分之" in shielded or "番" in shielded  # 百分之九十五, 翻一番: no QUANTITY reads them
    sentences = _SENTENCE.finditer(chunk) if tables or cn_forms or P.QUANTITY.search(shielded) else ()
    paragraph_year = lead_in_year = None
    for sentence in sentences:
        s_start, s_end = sentence.span()  # (read once: most sentences hold no number and cost only this loop)
        if tables and any(a <= start + s_start < b for a, b in tables):
            continue
        opens_paragraph = s_start == 0 or chunk[s_start - 1] == "\n"
        counted = P.QUANTITY.search(shielded, s_start, s_end) or (cn_forms and (
            P.CN_PERCENT.search(shielded, s_start, s_end) or P.DOUBLING.search(shielded, s_start, s_end)))
        # its year is read only where it is used: for the paragraph's later sentences, or its own numbers
        own_year = _deadline(sentence.group(0)) if opens_paragraph or counted else None
        # 2023年的主要目标是：… — the year that governs it (only a sentence opening on a digit or a space can have one)
        head_year = _head_year(chunk, sentence, issue_year) if chunk[s_start] in "12 \t\u3000" else None
        if head_year:
            own_year = own_year or head_year
        if opens_paragraph:
            # 到2025年底前，… carries to the paragraph's later sentences; a lead-in 2023年的目标是： to its list
            paragraph_year = own_year or (lead_in_year if chunk[s_start - 1:s_start] == "\n" else None)
        elif head_year:
            paragraph_year = head_year  # the nearest year: 2022年，…99.2%。2023年的主要目标是… → 2023 from here on
        if chunk[s_end - 1] in "：:":
            lead_in_year = head_year  # a lead-in's year holds for the list paragraphs after it
        if not counted:
            continue  # no clause of it can hold one
        year = own_year or paragraph_year or deadline_year
        qualifiers = _qualifiers(shielded, s_start, s_end)
        found = []
        for clause in _CLAUSE.finditer(chunk, s_start, s_end):
            found.extend(_clause_targets(text, start, chunk, shielded, clause, path, binding, year, qualifiers))
        found = _joint(_paired(_qualified(found, qualifiers, text, start), text, start + s_start))
        context = RoleContext(start + s_start, section_role, issue_year, year)
        for t in found:
            marked = P.BINDING_AFTER.match(text, t.value_span[1]) or P.BINDING_CLAUSE_END.match(text, t.value_span[1])
            t.binding = t.binding or (marked.group(1) if marked else None)
            in_name = _BINDING_IN_NAME.search(t.indicator)
            if in_name:  # 县域内住院量占比（约束性）达到90%: the 属性 printed after the noun, before its verb
                t.indicator = t.indicator[:in_name.start()]
                t.binding = t.binding or in_name.group(1)
        found = [t if t.role_cue == BASELINE_CUE else _unit_of_rate(assign_role(t, text, context)) for t in found]
        _paired_deadlines(found, sentence.group(0))
        _yearly_steps(found, text)
        _bracketed_years(found, text)
        _anaphora(found, targets)
        if limit_cue and not (own_year or paragraph_year):
            for t in found:
                if t.role == "target" and t.deadline_year == deadline_year:
                    t.role_cue = f"{t.role_cue}; {limit_cue}" if t.role_cue else limit_cue
        targets.extend(found)
    return _dedupe_counts(sorted(targets, key=lambda t: t.value_span), text)


def _unit_of_rate(t: Target) -> Target:
    """签约服务率要达到70以上: a rate's level printed without its unit is in % (0–100); ``role_cue`` says the
    unit was not printed."""
    if not t.unit and t.role in ("target", "parameter", "status") and P.BARE_RATE_INDICATOR.search(t.indicator) \
            and 1 <= t.value <= 100:
        t.unit = "%"
        t.role_cue = f"{t.role_cue}; {P.UNIT_NOT_PRINTED}" if t.role_cue else P.UNIT_NOT_PRINTED
    return t


def _joint(found: list[Target]) -> list[Target]:
    """孕产妇系统管理率和3岁以下儿童系统管理率均达到90%: one value for two whole indicators is a target for
    each (an age group stays with the indicator that names it)."""
    result = []
    for t in found:
        parts = re.split(r"和|与|及|以及|、", t.indicator)  # A率、B率、C率均达到100%: one each, too
        if len(parts) < 2 or not all(len(p) >= 3 and P.INDICATOR_HEAD.search(p) for p in parts):
            result.append(t)
            continue
        for part in parts:
            qualifier = t.qualifier if t.qualifier and t.qualifier["text"] in part else None
            result.append(dataclasses.replace(t, indicator=part, qualifier=qualifier))
    return result


def _shield(chunk: str) -> str:
    """``chunk`` with quoted slogans, titles and 文号 brackets blanked out, and dates whose year is
    in Chinese numerals (a signature's 二〇二二年三月十五日)."""
    shielded = _QUOTES.sub(lambda m: "□" * len(m.group(0)), chunk)
    return P.CHINESE_NUMERAL_DATE.sub(lambda m: "□" * len(m.group(0)), shielded) if "年" in shielded else shielded


def _clause_targets(text, base, chunk, shielded, clause, path, binding, year, qualifiers) -> list[Target]:
    found = []
    c_start, c_end = clause.start(), clause.end()
    if not _NUMBER_START.search(shielded, c_start, c_end):
        return []  # no digit nor Chinese numeral: no quantity and no range can start in the clause
    ranges = [r for r in P.RANGE.finditer(shielded, c_start, c_end) if _is_range_target(shielded, r)]
    taken = [(r.start(), r.end()) for r in ranges] + [(q_start, q_end) for q_start, q_end in qualifiers]
    quantities = [q for q in P.QUANTITY.finditer(shielded, c_start, c_end)
                  if _is_target(shielded, q, c_start) and not any(a <= q.start() < b for a, b in taken)]
    if shielded.find("百分之", c_start, c_end) >= 0:  # 不低于百分之四十: a percentage in Chinese numerals, read as %
        quantities = sorted(quantities + [q for q in P.CN_PERCENT.finditer(shielded, c_start, c_end)
                                          if not any(a <= q.start() < b for a, b in taken)], key=lambda q: q.start())
    compared = _carried(shielded, [(q, *_comparator(shielded, c_start, q, quantities)) for q in quantities])
    label = _colon_label(chunk, c_start, c_end) if len(compared) == 1 else None
    if label:  # 1.县域内就诊率：≥90%（约束性） — a goal list's line: the label names what the value measures
        return _labelled_targets(text, base, chunk, (c_start, c_end), compared[0], label, path, binding, year)
    own_year = P.CLAUSE_YEAR.match(chunk, c_start, c_end)
    year = int(own_year.group("year")) if own_year else year  # …，2025年转化比例不低于50%: the clause's own year
    subject_ends = [s for _, c, s, _ in compared if c != "="]
    for q, comparator, subject, approximate in compared:
        if comparator == "=" and not shielded[c_start:c_end].strip().replace(q.group(0), ""):
            continue  # a bare count after a label (点击：56次), page furniture rather than a requirement
        if comparator == "=" and any(q.end() <= s and "、" not in shielded[q.end():s] for s in subject_ends):
            continue  # a count inside a rate's subject (四种重点慢病规范管理率达到90%), part of its name
        value = chinese_number(q.group("value"))
        if value is None:
            continue
        found.extend(_targets_of(text, base, chunk, (c_start, c_end), q, subject,
                                 [(comparator, value, (base + q.start(), base + q.end()))], approximate,
                                 path, binding, year))
    if shielded.find("番", c_start, c_end) >= 0:
        found.extend(_doubled(text, base, chunk, shielded, (c_start, c_end), path, binding, year))
    if found and (shielded.find("由", c_start, c_end) >= 0 or shielded.find("从", c_start, c_end) >= 0):
        found.extend(_baselines(base, shielded, (c_start, c_end), found))
    for r in ranges:  # 前5-10个, 1至2家 → one entry between 5 and 10: value the low bound, high the upper
        low, high = chinese_number(r.group("low")), chinese_number(r.group("value"))
        if low is None or high is None or high <= low:
            continue
        bounds = [("between", low, (base + r.start(), base + r.end()))]
        subject = _comparator(shielded, c_start, r, [])[1]  # 普及率达到85%—90%: the subject ends at its verb
        for t in _targets_of(text, base, chunk, (c_start, c_end), r, subject, bounds, False, path, binding, year):
            t.high = high
            found.append(t)
    return sorted(found, key=lambda t: t.value_span)


# a goal list's line, 指标：值 (1.县域内就诊率：≥90%（约束性）; 每千人口执业（助理）医师数：3.2人): the label before the colon,
# a measured noun (its list number apart), the line holding only the value after it (its comparator, 以上, its 属性)
_SCORED = re.compile(r"(?:扣|得|加|计|减|记)\s*$")  # 扣0.5分, 得满分: a score
_PER_STEP = re.compile(r"每(?:降低|下降|提高|增加|减少|低于|高于|少|多|低|高|超|差)\s*$")  # 每降低1个百分点扣…: per step
_RATIO_AFTER = re.compile(r"\s*[:：∶比]\s*\d")  # 1:1.2, 1比1.5: the first side of a ratio
_RATIO_BEFORE = re.compile(r"\d(?:\.\d+)?\s*[:：∶]\s*$")  # …and its second side
_BINDING_IN_NAME = re.compile(r"\s*[（(](约束性|预期性)(?:指标)?[）)]$")
_COLON_LABEL = re.compile(r"(?:^|(?<=\n))[ \t\u3000]*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])?[ \t\u3000]*"
                          r"(?P<label>[^，,；;。：:\n\d]{2,30}?(?:率|比例|比重|占比|指数|水平|寿命|人数|数量|床位数|医师数|"
                          r"护士数|人次|费用|标准|病种|幅度|覆盖面))[ \t\u3000]*[：:]$")
# a goal list's numbered line, whatever its label ends in (1.村卫生室标准化建设达标：100%): the number marks it a list's
# item, the value alone after the colon its figure (the value was taken for the indicator, 100%); an item's own
# body (its number cut off by the outline) starting with the label is one too
_NUMBERED_COLON_LABEL = re.compile(r"[ \t\u3000]*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])[ \t\u3000]*"
                                   r"(?P<label>(?:\d{1,3}岁)?[^，,；;。：:\n\d]{2,30}?)[ \t\u3000]*[：:]$")  # 6.65岁以上…率
_ITEM_COLON_LABEL = re.compile(r"[ \t\u3000]*(?P<label>[^，,；;。：:\n\d]{2,30}?)[ \t\u3000]*[：:]")
_GOAL_VALUE_MARK = re.compile(r"[%％‰≥≤]|约束性|预期性|以上|以下|以内|不低于|不少于|不超过|不高于|达到")
# an item's body 县级医院达到二级甲等：1所 — a count of what reaches a standard: the label says it reaches one, the value
# is a bare count of places or people (no 次 of a page's 点击：56次)
_COUNT_ONLY = re.compile(r"\s*\d{1,4}\s*(?:所|家|个|名)\s*[。；;]?\s*")
_REACHED_LABEL = re.compile(r"(?:达到|达标|建成|通过)[^，,；;。：:\n]{0,12}[：:]$")
_VALUE_ONLY = re.compile(r"\s*(?:≥|≤|>=|<=|＞|＜|>|<|不低于|不少于|不超过|不高于|达到|达)?\s*\d+(?:\.\d+)?\s*"
                         r"[^\s，,；;。（()\d]{0,4}?"
                         r"(?:以上|以下|以内|左右)?\s*(?:[（(](?:约束性|预期性)(?:指标)?[）)])?\s*[。；;]?\s*")


def _colon_label(chunk: str, c_start: int, c_end: int) -> str | None:
    """The label of a ``指标：值`` line when the clause at ``c_start`` is that line's value alone."""
    if not c_start or chunk[c_start - 1] not in "：:" or not _VALUE_ONLY.fullmatch(chunk, c_start, c_end):
        return None
    line_start = chunk.rfind("\n", 0, c_start) + 1
    m = _COLON_LABEL.search(chunk[line_start:c_start]) or _NUMBERED_COLON_LABEL.match(chunk[line_start:c_start])
    if m is None and not line_start and (_GOAL_VALUE_MARK.search(chunk, c_start, c_end) or (
            _COUNT_ONLY.fullmatch(chunk, c_start, c_end) and _REACHED_LABEL.search(chunk, 0, c_start))):
        m = _ITEM_COLON_LABEL.fullmatch(chunk, 0, c_start)  # an item's body, its number cut off: a goal's value only
    return m.group("label").strip() if m else None  # (not a page's count: 点击：56次)


def _labelled_targets(text, base, chunk, clause, compared, label, path, binding, year) -> list[Target]:
    """The value of a ``指标：值`` line, measuring the label (its comparator as printed; a bare value a level)."""
    c_start, c_end = clause
    q, comparator, _, approximate = compared
    value = chinese_number(q.group("value"))
    if value is None:
        return []
    line_start = chunk.rfind("\n", 0, c_start) + 1
    quote_end = len(chunk[:c_end].rstrip("。；; \t"))
    unit = q.group("unit").replace("％", "%")
    return [Target(path, text[base + line_start:base + quote_end], label, comparator, value, unit, year, binding,
                   (base + line_start, base + quote_end), (base + q.start(), base + q.end()), approximate)]


BASELINE_CUE = "the baseline of a change to a level (由2021年的72%提高到90%): where it starts"


def _baselines(base, shielded, clause, found) -> list[Target]:
    """由2021年的72%提高到90%: the starting value, a status figure of the level's indicator (its year the one
    printed before it), kept beside the target it starts from; never compared."""
    c_start, c_end = clause
    result = []
    for q in P.QUANTITY.finditer(shielded, c_start, c_end):
        lead = P.BASELINE_BEFORE.search(shielded, max(c_start, q.start() - 10), q.start())
        if not lead or _COMPOSED_OF.match(shielded, q.end()) or not q.group("unit"):
            continue
        level = next((t for t in found if t.value_span[0] >= base + q.end() and t.comparator in (">=", "<=")
                      and t.unit == q.group("unit").replace("％", "%")
                      and not _DIGIT.search(P.YEAR_FILLER.sub("", shielded[q.end():t.value_span[0] - base]))), None)
        value = chinese_number(q.group("value"))
        if level is None or value is None:
            continue  # no level it rises or falls to in the clause (由1名医生组成), or another unit
        year = _YEAR.search(lead.group(0))
        t = dataclasses.replace(level, comparator="=", value=value, value_span=(base + q.start(), base + q.end()),
                                deadline_year=None, binding=None, approximate=False, high=None, role="status",
                                role_cue=BASELINE_CUE)
        t.year = int(year.group("year")) if year else None
        result.append(t)
    return result


def _doubled(text, base, chunk, shielded, clause, path, binding, year) -> list[Target]:
    """全科医生数量翻一番: the noun before it doubled (comparator "×", value 2, unit 倍), a change, not a level."""
    c_start, c_end = clause
    found = []
    for d in P.DOUBLING.finditer(shielded, c_start, c_end):
        subject = _BASE_OF_CHANGE.sub("", chunk[c_start:d.start()])  # 收入比2020年翻一番: the base apart
        subject = _TRAILING_FILLER.sub("", _LEADING_FILLER.sub("", subject)).strip()
        subject = re.sub(r"(?:实现|力争|确保|争取|要|再)+$", "", subject)
        if len(subject) < 2:
            continue  # 翻一番 with no noun of its own: nothing to say what doubles
        found.append(Target(path, text[base + c_start:base + c_end], subject[:40], "×", P.DOUBLING_TIMES[d.group("times")],
                            "倍", year, binding, (base + c_start, base + c_end), (base + d.start(), base + d.end())))
    return found


def _targets_of(text, base, chunk, clause, q, subject, bounds, approximate, path, binding, year) -> list[Target]:
    """One target per (comparator, value, value span) of quantity ``q``, plus one for a bare rate sharing it."""
    c_start, c_end = clause
    span, shared = _evidence_span(chunk, c_start, c_end, subject)
    quote = text[base + span[0]:base + span[1]]
    unit = q.group("unit").replace("％", "%") or ("%" if q.group(0).startswith("百分之") else "")
    indicators = ([shared] if shared else []) + [_indicator(chunk, c_start, c_end, q, subject)]
    return [Target(path, quote, indicator, comparator, value, unit, year, binding,
                   (base + span[0], base + span[1]), value_span, approximate)
            for comparator, value, value_span in bounds for indicator in indicators]


def _is_target(shielded: str, q: re.Match, c_start: int) -> bool:
    value, unit = q.group("value"), q.group("unit")
    before = shielded[max(0, q.start() - 3):q.start()]
    after = shielded[q.end():q.end() + 4]
    if P.BASELINE_BEFORE.search(shielded[max(c_start, q.start() - 10):q.start()]) \
            and not _COMPOSED_OF.match(shielded, q.end()):
        return False  # 由76.5岁提高到77.1岁, 从2020年的19.2/10万: the baseline (由1名医生、1名护士组成: members)
    if not value[0].isdigit():
        if not _CN_NUMERAL_CHAR.search(value) or not unit or unit in P.DIGIT_ONLY_UNITS:
            return False  # 千人口, 百姓 …; a Chinese numeral needs its unit
        # a numeral inside a word (统一, 进一步) — but 每 starts a frequency
        if _CJK_LAST.search(before) and before[-1:] in "统进之同唯单逐第万千百十":
            return False
    if not value[0].isdigit() and (P.ONE_EACH.match(shielded, q.start())
                                   or P.ONE_EACH.match(shielded, max(0, q.start() - 2))):
        return False  # 做到一人一档: a motto
    if unit in P.ITEM_REFERENCE_UNITS and P.ITEM_REFERENCE.search(shielded, max(c_start, q.start() - 12), q.start()):
        return False  # 以上三、四项工作: the notice's own items
    if not unit and not P.BARE_COMPARATOR.search(shielded[max(c_start, q.start() - 4):q.start()]):
        return False  # a bare number is a target only right after 达/控制在/为 …
    if not unit and (_RATIO_AFTER.match(shielded, q.end())
                     or _RATIO_BEFORE.search(shielded, max(0, q.start() - 8), q.start())):
        return False  # 收入比达到1:1.2 — a ratio: neither side is a level of the noun (said less rather than wrongly)
    if (unit == "分" and _SCORED.search(before)) or _PER_STEP.search(shielded, max(c_start, q.start() - 6), q.start()):
        return False  # an assessment's scoring (扣0.5分; 每降低1个百分点): how it is marked, not a level to reach
    if unit == "年" and _YEAR_VALUE.fullmatch(value):
        return False  # a year, not a duration
    if unit in ("日", "天", "号") and before.endswith("月"):
        return False
    if unit == "月" and (before.endswith("年") or _DATE_AFTER_MONTH.match(after)):
        return False  # a date (2021年8月, 6月30日前, 12月底), not a duration
    if unit == "次" and P.MEETING_AFTER.match(after):
        return False  # 市委三届四次全会
    if unit == "分" and after.startswith("之"):
        return False  # 三分之一
    if P.AGE_BAND.search(before) or _RANGE_AFTER.match(shielded, q.start() + len(value)):
        return False
    if P.NOT_TARGET_BEFORE.search(before):
        return False
    if "有效期" in shielded and P.VALIDITY_BEFORE.search(shielded, max(c_start, q.start() - 5), q.start()):
        return False  # 有效期2年: how long a notice or an agreement holds (probe 4b)
    if value in ("1", "一") and P.IN_CHARGE_AFTER.match(after):
        return False  # 明确一名专人负责: one person in charge, no amount (probe 4b)
    # a plan's name (三年行动计划) and the notice's headline parts (坚持一个目标, 抓实四项措施) are names, not
    # numbers; other counts of its parts (26个指标, 九个确保) are read, as counts (extract.roles)
    return not (_STRUCTURAL_COUNT.match(after) or after.startswith(("行动", "计划", "规划")))


def _is_range_target(shielded: str, r: re.Match) -> bool:
    """A range of amounts (5-10个, 1-2个月), not an age band (0-6岁儿童) or a span of years."""
    if r.group("unit") in ("岁", "周岁") or _YEAR_VALUE.fullmatch(r.group("value")):
        return False
    if r.group("low_unit") and not r.group("unit").replace("％", "%").startswith(r.group("low_unit").replace("％", "%")):
        return False  # 5%—10个: two different things, not one range
    return not P.AGE_BAND.search(shielded[max(0, r.start() - 3):r.start()])


def _qualifiers(shielded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the population and age conditions in a sentence (常住人口超过10万人的脱贫县,
    65岁以上老年人, 0-6岁儿童): the group a target is for, never a target itself."""
    spans: list[tuple[int, int]] = []
    if shielded.find("人", start, end) < 0 and shielded.find("岁", start, end) < 0 \
            and shielded.find("万", start, end) < 0:
        return spans  # each of P.QUALIFIER_UNITS holds 人, 岁 or 万: no quantity in the sentence can be one
    for q in P.QUANTITY.finditer(shielded, start, end):
        if q.group("unit") not in P.QUALIFIER_UNITS:
            continue
        after = shielded[q.end():end]
        clause_start = max(shielded.rfind(ch, start, q.start()) for ch in "，,：:") + 1
        clause_start = max(clause_start, start)
        before = shielded[clause_start:q.start()]
        if q.group("unit") in ("岁", "周岁"):
            band = re.search(r"(?:年满|满|年龄在|年龄|\d+\s*[-—–~～至]\s*)$", before)
            for_amount = band is not None and band.group(0).endswith("满") and bool(_AMOUNT_AFTER_AGE.search(after))
            if not P.GROUP_AFTER.match(after) or (re.search(f"(?:{_COMPARATOR_BEFORE.pattern})$", before)
                                                  and not for_amount):
                continue  # 人均预期寿命达到78岁：a target; 年满18周岁的城乡居民可自愿签约: the condition the policy sets
            q_start = q.start() - (len(band.group(0)) if band else 0)
        elif ("人口" in before[-12:] or after.startswith("口")) and re.match(r"^口?(?:及以上|以上|以下|以内)?的", after):
            lead = re.match(r"^(?:对于|对|凡|在|其中)?", before)  # always matches (maybe empty)
            q_start = clause_start + (lead.end() if lead else 0)
        else:
            continue
        tail = P.QUALIFIER_TAIL.match(after)
        spans.append((q_start, q.end() + (tail.end() if tail else 0)))
    return spans


def _qualified(found: list[Target], qualifiers, text: str, base: int) -> list[Target]:
    """Each target carries the nearest condition before it in its sentence."""
    for t in found:
        before = [q for q in qualifiers if base + q[1] <= t.value_span[0]]
        if before:
            q_start, q_end = before[-1]
            numbered = _LIST_NUMBER_AT.match(text, base + q_start)
            if numbered and (base + q_start == 0 or text[base + q_start - 1] == "\n"):
                q_start = numbered.end() - base  # 2.65岁及以上老年人 opening a numbered line: the list's 2. is no age
            t.qualifier = {"text": text[base + q_start:base + q_end], "span": [base + q_start, base + q_end]}
    return found


def _comparator(shielded: str, c_start: int, q: re.Match, quantities: list) -> tuple[str, int, bool]:
    """Comparator of quantity ``q``, where its subject ends (clause offset), and whether
    it is approximate (约80%, 65%左右)."""
    after = shielded[q.end():q.end() + 4]
    about_before = P.APPROXIMATE_BEFORE.search(shielded, max(c_start, q.start() - 2), q.start())
    approximate = bool(P.APPROXIMATE_AFTER.match(after) or about_before)
    after_cmp = next((c for c, pat in _COMPARATOR_AFTER if pat.match(after)), None)
    left = _list_start(shielded, q, quantities)
    before_text = shielded[c_start:left]
    last = None
    for m in _COMPARATOR_BEFORE.finditer(before_text):
        if m.group(0) == "达" and before_text.startswith("标", m.end()):
            continue  # 村卫生室达标率100%: 达 of 达标率 is the noun's, no comparator
        last = m
    if last is not None:
        filler = before_text[last.end():]
        share_of = filler.endswith("的") and len(filler) <= 40  # 不得高于所在统筹地区上年居民人均可支配收入的5%
        if (len(filler) <= 15 or share_of) and not _DIGIT.search(P.YEAR_FILLER.sub("", filler)):
            group = next(name for name, val in last.groupdict().items() if val)
            comparator = P.COMPARATOR_BEFORE[int(group[1:])][0]
            if comparator == "change":  # 降低50%, 提高5个百分点以上: a direction, never a level
                down = bool(P.CHANGE_DOWN.match(last.group(0)))
                if filler.rstrip().endswith(("至", "到")):  # 由1万元降低至5000元, 降低个人自付比例到10%: a level
                    level = after_cmp or ("<=" if down else ">=")  # the noun may stand after the verb: up to 到
                    to_at = left - len(filler) + len(filler.rstrip()) - 1  # where 至/到 stands
                    return level, c_start + last.start() if len(filler.rstrip()) == 1 else to_at, approximate
                return ("-" if down else "+") + (after_cmp or ""), c_start + last.start(), approximate
            if comparator == "=" and after_cmp:
                comparator = after_cmp  # 保持在85%以上
            elif approximate and not after_cmp:
                comparator = "="  # 达到90%左右: about 90
            verb = _CHANGE_BEFORE.search(before_text, 0, last.start()) if comparator in ("<=", ">=") else None
            if verb and not filler.strip():  # 年均增长不低于8%, 下降不超过5%: a change with its bound
                return ("-" if P.CHANGE_DOWN.match(verb.group(0)) else "+") + comparator, c_start + verb.start(), \
                    approximate
            return comparator, c_start + last.start(), approximate
    return (after_cmp or "="), -1, approximate


def _carried(shielded: str, compared: list) -> list:
    """A comparator before a list of amounts holds for each of them
    (至少配备1名公共卫生医师、2名全科医生 → both at least)."""
    result: list = []
    for i, (q, comparator, subject, approximate) in enumerate(compared):
        if i and comparator == "=" and subject < 0 and not approximate:
            prev_q, prev_comparator, prev_subject, _ = result[-1]
            between = shielded[prev_q.end():q.start()]
            listed = prev_comparator != "=" and _LISTED_BETWEEN.fullmatch(between)
            joined = prev_subject >= 0 and between in P.VALUE_JOINERS[:5]  # 增长4.1%和14%: the same subject
            if listed or joined:
                comparator, subject = prev_comparator, prev_subject
        result.append((q, comparator, subject, approximate))
    return result


def _list_start(shielded: str, q: re.Match, quantities: list) -> int:
    """Start of a 、-list of quantities that ``q`` closes (2.5%、5%、10%)."""
    left = q.start()
    for prev in reversed([p for p in quantities if p.end() <= q.start()]):
        if shielded[prev.end():left] in P.VALUE_JOINERS:
            left = prev.start()
        else:
            break
    return left


def _evidence_span(chunk: str, c_start: int, c_end: int, subject_end: int):
    """Span of the quoted clause; a bare '…率' clause before it shares the value."""
    window = max(0, c_start - 16)  # the longest such clause and its comma; a search of the whole prefix is slow
    prev = _BARE_RATE.search(chunk, window, c_start)
    if prev and subject_end >= 0 and not _DIGIT.search(prev.group(1)):
        return (prev.start(1), c_end), prev.group(1)
    return (c_start, c_end), None


def _indicator(chunk: str, c_start: int, c_end: int, q: re.Match, subject_end: int) -> str:
    """The noun phrase a quantity measures: the subject before the comparator
    (覆盖率达到80% → 覆盖率), else the phrase after the unit (30种大病患者 → 大病患者…)."""
    own = _AMOUNT_ITEM.match(chunk, q.end(), c_end)
    if own and own.group(1).startswith(_NOT_A_NOUN):
        own = None  # 90%、80%以上: the comparator after the last value, not its noun
    if own and (_AMOUNT_LIST.match(chunk, q.end()) or chunk[q.start() - 1:q.start()] in ("、", "和", "及", "与")):
        return own.group(1)  # 配备2名全科医生、1名公共卫生医师: each amount measures its own noun
    if subject_end > c_start:
        subject = chunk[c_start:subject_end]
        if subject.count("（") > subject.count("）"):
            subject = subject[subject.rfind("（") + 1:]  # 每批不少于5人（中医院不少于3人）
        subject = _BASE_OF_CHANGE.sub("", subject)  # 人均预期寿命由2015年的76.6岁, 人数较2020年: the base apart
        listed = list(_VALUE_THEN_LISTED.finditer(subject))
        if listed:  # 起付线降低50%、报销比例提高5个百分点: the second value's own noun, after the first value's 、
            subject = subject[listed[-1].end():]
        per_year = _PER_YEAR.fullmatch(_LEADING_FILLER.sub("", subject).strip()) \
            if _CHANGE_AT.match(chunk, subject_end) else None  # before 均 goes as a filler
        subject = _TRAILING_FILLER.sub("", _LEADING_FILLER.sub("", subject)).strip()
        told = _BODY_TOLD.match(subject)
        if told and len(subject) - told.end() >= 2:  # 各地医保部门要确保参保率…: the rate, not who is told
            subject = subject[told.end():]
        if chunk.startswith("倾斜", subject_end):  # 住院救助比例向低保对象倾斜: the rate, not whom it favours
            subject = _TOWARDS.sub("", subject) or subject
        if per_year:
            return f"{per_year.group('noun')}（{per_year.group('per')}）"  # 占比每年提高3个百分点 → 占比（每年）
        if _EACH_PLACE.fullmatch(subject) or _PER_POPULATION.fullmatch(subject):
            counted = _AFTER_LEAD.sub("", _NOUN_END.split(chunk[q.end():c_end], 1)[0]).strip()
            counted = _COUNTED_ENDS.split(counted, 1)[0]  # 1所县级医院达到三级医院服务能力 → 县级医院
            if len(counted) >= 2 and not _NEXT_ITEM.search(counted):  # 每个乡镇至少有1名全科医生 → 全科医生（每个乡镇）
                return f"{counted[:40]}（{subject}）"
        per_head = _PER_HEAD.fullmatch(subject)
        if per_head:  # 乡村医生补助按每人每月不低于500元: the amount's noun, per whom and how often in brackets
            return f"{per_head.group('noun')}（{per_head.group('per')}）"
        per_paid = _PER_HEAD_PAID.fullmatch(subject)
        paid_after = _PAID_AFTER.match(chunk, q.end(), c_end) if per_paid else None
        if per_paid and paid_after:  # 每人每月发放不低于300元的生活补助: the amount's noun after it, per whom in brackets
            whom = per_paid.group("whom") or ""  # 对村卫生室标准化建设给予每所…的补助: whose amount it is
            return f"{whom}{paid_after.group('noun')}（{per_paid.group('per')}）"
        paid = _PAID_BEFORE.search(chunk, max(0, c_start - 30), c_start) if _PER_HEAD_ONLY.fullmatch(subject) else None
        if paid:  # 落实乡村医生养老补助，每人每月不低于300元: the amount of the clause before
            return f"{paid.group('noun')}（{subject}）"
        if len(subject) >= 2:
            return subject
        carried = _CARRIED_NOUN.search(chunk, max(0, c_start - 36), c_start) or \
            _RISING_NOUN.search(chunk, max(0, c_start - 50), c_start)
        if carried:  # 扩大专项救治病种，到2020年力争达到30个病种: the noun of the clause before
            return carried.group("noun")
        measured_before = _MEASURED_BEFORE.search(chunk, max(0, c_start - 70), c_start)
        if measured_before and _BASE_OF_CHANGE.match(chunk, c_start, subject_end):
            return measured_before.group("noun")  # 签约服务覆盖率为68.5%，较上年提高3.2个百分点: that rate's change
        filler = _COMPARATOR_BEFORE.sub("", chunk[subject_end:q.start()])
        filler = re.sub(r"[\d.%、]+$", "", filler)
        filler = re.sub(r"^其|的$", "", filler).strip("、 ")
        if len(filler) >= 2:
            return filler
    measured = _INDICATOR_BEFORE.search(chunk, c_start, q.start())
    if measured:  # 实现产前筛查率92%以上、新生儿疾病筛查率96%以上 → 新生儿疾病筛查率
        measured_noun = _LEADING_FILLER.sub("", measured.group("indicator"))  # 已经实现…率: both cut
        return _LEADING_FILLER.sub("", re.sub(r"^(?:实现|确保|力争|保持|完成)", "", measured_noun))
    share = _SHARE_SET_BY.fullmatch(chunk, c_start, q.start())
    if share:  # 起付标准按上年当地居民人均可支配收入的10%左右确定: what the share sets, not 确定
        return _LEADING_FILLER.sub("", share.group("noun"))
    after = _NOUN_END.split(chunk[q.end():c_end], 1)[0]  # 1所综合医院、1所中医院: each its own noun
    after = _AFTER_LEAD.sub("", after).strip()
    if _COUNTED_ENDS.match(after) and q.group("unit"):  # 力争2所达到三级水平: the noun the clause before counted
        counts = list(re.finditer(rf"\d+\s*{re.escape(q.group('unit'))}(?P<noun>[^，,；;。\d]{{2,12}}?)"
                                  rf"(?={_COUNTED_ENDS.pattern})", chunk[max(0, c_start - 60):c_start]))
        if counts:
            return f"{counts[-1].group('noun')}（{after[:30]}）"
    if len(after) >= 2 and not _NEXT_ITEM.search(after):
        return after[:40]
    # 省级财政承担40%; 对已脱贫人口承担40%和对未脱贫人口承担60%: what stands after the value is nothing or
    # the next item, so the phrase before it (back to the previous value) is what it measures
    before = _AFTER_LAST_VALUE.split(chunk[c_start:q.start()])[-1].lstrip("和与及或、 ")
    before = _LEADING_FILLER.sub("", re.sub(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])?"
                                           r"(?:实现|确保|力争|保持|完成)?", "", before))
    if _BARE_VERB.fullmatch(before):  # 普及率比2022年提高3个百分点，达到75%: the noun of the clause before
        carried = _RISING_NOUN.search(chunk, max(0, c_start - 50), c_start)
        if carried:
            return carried.group("noun")
    per_head = _PER_HEAD.fullmatch(before)
    if per_head:  # 签约服务费标准为每人每年120元: the amount's noun, per whom in brackets
        return f"{per_head.group('noun')}（{per_head.group('per')}）"
    if len(before) >= 2 and not before.endswith("的"):  # 纳入救治范围的34个病种: the noun is in the unit
        return before[:40]
    return after[:40] if len(after) >= 2 else chunk[c_start:c_end][:40]


def _paired_deadlines(found: list[Target], sentence: str) -> None:
    """到2023年底和2030年，…分别不低于24%和30%: when a sentence names as many years as a paired list
    has values (one indicator, one clause), each value takes its own year, in order: a deadline, or
    for a status figure (2019年和2020年…分别为) the year it is for."""
    chain = P.PAIRED_DEADLINES.search(sentence)
    if not chain or "分别" not in sentence[chain.end():]:
        return
    years = [int(y.group("year")) for y in _YEAR.finditer(chain.group(0))]
    groups: dict[tuple, list[Target]] = {}
    for t in found:
        groups.setdefault((t.indicator, tuple(t.span)), []).append(t)
    for group in groups.values():
        if len(group) == len(years):
            for t, year in zip(sorted(group, key=lambda t: t.value_span), years):
                if t.role == "status":
                    t.year = year
                elif t.role in ("target", "parameter"):
                    t.deadline_year = year


# a year (or a run of years, 2023年、2024年、2025年) closing an indicator: the schedule's, not the noun's
_YEARS_AT_END = re.compile(r"(?:(?:19|20)\d{2}\s*年(?:底|末)?(?:前)?[、和及]?)+$")
# an indicator that is only a schedule step's verb (…、2024年达到97%; 2024年底达到90%): no noun of its own
_STEP_VERB = re.compile(rf"^[底末前]?(?:{_BARE_VERB.pattern}|力争|确保|稳定在|保持在|维持在|控制在|实现)*$")
# what stands between two values of a schedule: 、2024年 / ，2024年底 (and the verb)
_STEP_YEAR = re.compile(r"[^，,；;。\d]{0,30}[、，,]\s*(?:到|至)?(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?:前)?"
                        r"[^\d，,；;。、]{0,8}")


# a year in brackets right after a value (中医馆设置比例100%（2025年）): that value's deadline
_YEAR_AFTER_VALUE = re.compile(r"(?:以上|以下|以内|左右)?[（(](?:到|至)?(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?:前)?[）)]")
# a bracket of yearly steps after a value (达到90%（2023年85%、2024年88%）): each step's year before it
_STEP_IN_BRACKET = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?:前)?(?:达到|为)?$")


def _bracketed_years(found: list[Target], text: str) -> None:
    """达到90%（2023年85%、2024年88%）: the bracket's values are the same noun's yearly steps, each its year's, the
    comparator the value before the bracket's; 设置比例100%（2025年）: the bracket's year is the value's deadline."""
    outer: Target | None = None
    for t in sorted(found, key=lambda t: t.value_span):
        after = _YEAR_AFTER_VALUE.match(text, t.value_span[1])
        if after and t.role in ("target", "parameter"):
            t.deadline_year = int(after.group("year"))
        opened = text.rfind("（", t.span[0], t.value_span[0])
        step = _STEP_IN_BRACKET.search(text, max(t.span[0], t.value_span[0] - 10), t.value_span[0])
        if outer is not None and step and opened > outer.value_span[1] - 1 and \
                text.find("）", opened, t.value_span[0]) < 0 and t.unit == outer.unit and \
                re.fullmatch(r"\s*(?:以上|以下|以内|左右)?\s*", text[outer.value_span[1]:opened]):
            t.indicator, t.comparator = outer.indicator, outer.comparator
            if t.role in ("target", "parameter"):
                t.deadline_year = int(step.group("year"))
            continue  # the next bracketed step is the same outer value's
        outer = t


_THAT_NOUN = re.compile(r"(?:该|此|这一|上述)(?P<head>比例|占比|比重|率|指标|水平|数量|人数|标准)")


def _anaphora(found: list[Target], before: list[Target]) -> None:
    """该比例达到60%以上 (…比例提高到45%左右；到2030年，该比例…): the noun the item's value before names."""
    for t in found:
        that = _THAT_NOUN.fullmatch(t.indicator)
        if not that:
            continue
        named = next((b for b in reversed(before) if b.path == t.path and b.indicator.endswith(that.group("head"))
                      and not _THAT_NOUN.fullmatch(b.indicator)), None)
        if named is not None:
            t.indicator = named.indicator


def _yearly_steps(found: list[Target], text: str) -> None:
    """A rise a year with no noun of its own (…不低于400元，且每年递增5%) is of the value before it.

    A schedule, one value a year, in one sentence: 签约率2023年达到95%、2024年达到97%、2025年达到99%以上, 覆盖率
    2023年底达到80%，2024年底达到90%, 2023年创建健康村20个，2024年创建30个. The year printed after the noun is the
    value's deadline, not a part of the noun; a later step that prints only its year and verb (2024年达到) or its verb
    alone (创建) measures the first step's noun, and takes its own year."""
    previous: Target | None = None
    for t in sorted(found, key=lambda t: t.value_span):
        if t.indicator in ("每年", "逐年", "年均") and previous is not None and t.comparator in P.CHANGE_COMPARATORS:
            # 补助按每人每月不低于400元，且每年递增5%: the rise is of the amount before
            t.indicator = f"{re.sub(r'（[^（）]*）$', '', previous.indicator)}（{t.indicator}）"
        years = _YEARS_AT_END.search(t.indicator)
        if years and len(t.indicator) - len(years.group(0)) >= 2:
            printed = _YEAR.findall(years.group(0))
            t.indicator = t.indicator[:years.start()].rstrip()
            if len(printed) == 1 and t.role in ("target", "parameter"):
                # the year printed right after the noun is this value's, before a paragraph's (a run of years: 分别
                # gave each its own)
                t.deadline_year = int(printed[0])
        elif previous is not None and t.unit == previous.unit and (
                _STEP_VERB.fullmatch(t.indicator) or (len(t.indicator) < len(previous.indicator)
                                                      and previous.indicator.startswith(t.indicator))):
            step = _STEP_YEAR.fullmatch(text, previous.value_span[1], t.value_span[0])
            if step:
                t.indicator = previous.indicator
                if t.role in ("target", "parameter"):
                    t.deadline_year = int(step.group("year"))
        previous = t


def _head_year(chunk: str, sentence: re.Match, issue_year: int | None) -> int | None:
    """The year a sentence opens on (2023年的主要目标是：…, 2023年全市…): the year its figures are for, unless it is
    before the notice's own year (a status sentence, which governs nothing after it)."""
    head = P.CLAUSE_YEAR.match(chunk, sentence.start(), sentence.end())
    if not head or chunk.startswith(("起", "开始", "至", "到", "以后", "后"), head.end()):
        return None  # 2022年起, 2021年至2025年: where a span starts, not the year its figures are for
    year = int(head.group("year"))
    return None if issue_year is not None and year < issue_year else year


_CN_YEAR = re.compile(r"[二一][〇○零][〇○零一二三四五六七八九]{2}(?=\s*年)")  # 到二〇二五年: the year in digits
_CN_DIGIT = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def _deadline(sentence: str) -> int | None:
    if "〇" in sentence or "○" in sentence or "零" in sentence:
        sentence = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGIT), sentence)
    if not _YEAR_OR_PLAN.search(sentence):
        return None  # each pattern below needs a year (19xx, 20xx) or a plan (十四五)
    m = P.DEADLINE.search(sentence) or P.DEADLINE_BEFORE.search(sentence) or P.DEADLINE_LEAD.search(sentence) \
        or P.DEADLINE_AIMED.search(sentence) or P.DEADLINE_MONTH_BEFORE.search(sentence)
    if m:
        return int(m.group("year"))
    plan = P.FIVE_YEAR_PLAN.search(sentence)
    return P.FIVE_YEAR_PLANS.get(plan.group("plan")) if plan else None


def _dedupe_counts(targets: list[Target], text: str) -> list[Target]:
    """A count repeated within one measure (保持30种大病…所有30种大病) is one
    requirement; counts of different things (1所综合医院、1所中医院) or for different
    groups (超过10万人的县…1所, 超过100万人的县…1所) are not."""
    seen, result = set(), []
    for t in targets:
        noun = text[t.value_span[1]:t.value_span[1] + 2]
        if text[t.value_span[0] - 1:t.value_span[0]] == "、" or _AMOUNT_LIST.match(text, t.value_span[1]):
            noun = t.indicator  # an item of a list of amounts (1所公立综合医院、1所公立中医院): each its own
        condition = t.qualifier["text"] if t.qualifier else None  # 10万人的县 and 100万人的县 each have 1所
        key = (t.path, t.value, t.unit, noun, condition) if t.comparator == "=" else id(t)
        if key in seen:
            continue
        seen.add(key)
        result.append(t)
    return result


def deadline_of(text: str) -> int | None:
    """Deadline year stated in ``text`` (到2025年, “十四五”期末 → 2025)."""
    return _deadline(text)
