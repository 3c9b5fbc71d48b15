"""Regular expressions and term lists, kept apart from the code that uses them."""

import re

CJK = "\u3400-\u9fff\uf900-\ufaff"
CN_DIGITS = "零〇一二三四五六七八九十百千万两"
CN_SMALL = "一二三四五六七八九十"
FULLWIDTH_PUNCT = "，。、；：？！“”‘’《》〈〉（）〔〕【】［］—…·％"

# ---------------------------------------------------------------- normalising
MARKDOWN_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]*")
MARKDOWN_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
MARKDOWN_BOLD = re.compile(r"\*\*")
# A space between two CJK characters, a CJK character and a digit, or around
# full-width punctuation is an artefact of PDF extraction.
_TIGHT = f"[{CJK}{FULLWIDTH_PUNCT}0-9%]"
INNER_SPACE = re.compile(rf"(?<={_TIGHT})[ \u3000\u00a0]+(?={_TIGHT})")
LATIN_SPACE = re.compile(rf"(?<=[{CJK}])[ ]+(?=[A-Za-z])|(?<=[A-Za-z])[ ]+(?=[{CJK}])")
LABEL_SPACE = re.compile(r"^(\d{1,2}[.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])[ \u3000]+")
SENTENCE_END = "。！？；：:;"

# ---------------------------------------------------------------- outline
OUTLINE_LABELS = [
    # kind, pattern (matched at paragraph start); the label group is "label"
    ("一、", re.compile(rf"^(?P<label>[{CN_SMALL}]{{1,3}})、")),
    ("（一）", re.compile(rf"^（(?P<label>[{CN_SMALL}]{{1,3}})）")),
    ("1.", re.compile(r"^(?P<label>\d{1,2})(?:[.．](?!\d)|、)")),
    ("（1）", re.compile(r"^（(?P<label>\d{1,2})）")),
    ("一是", re.compile(rf"^(?P<label>[{CN_SMALL}]{{1,3}}是)")),
]
ANY_LABEL = re.compile(
    rf"^(?:[{CN_SMALL}]{{1,3}}、|[（(][{CN_SMALL}]{{1,3}}[）)]|\d{{1,2}}(?:[.．](?!\d)|、)"
    rf"|[（(]\d{{1,2}}[）)]|[{CN_SMALL}]{{1,3}}是)"
)
ANNEX_START = re.compile(r"^附\s*件\s*(?P<no>\d*)\s*$")
ANNEX_REFERENCE = re.compile(r"^附\s*件\s*\d*\s*[:：]")

# ---------------------------------------------------------------- metadata
DATE = re.compile(
    rf"(?P<year>\d{{4}}|[{CN_DIGITS}]{{4}})\s*年\s*(?P<month>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月"
    rf"\s*(?P<day>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*日"
)
DATE_LINE = re.compile(rf"^\s*{DATE.pattern}\s*(?P<printed>印发|印)?\s*$")
DOC_NUMBER = re.compile(
    rf"(?P<code>[{CJK}]{{1,12}}?)\s*[〔\[［（(【]\s*(?P<year>(?:19|20)\d{{2}})\s*[〕\]］）)】]"
    r"\s*(?P<serial>\d{1,4})\s*号"
)
DOC_NUMBER_LINE = re.compile(rf"^\s*{DOC_NUMBER.pattern}\s*$")
_DOC_NUMBER_TAIL = re.compile(r"[〔\[［（(【]\s*(?:19|20)\d{2}\s*[〕\]］）)】]\s*\d{1,4}\s*号")


def iter_doc_numbers(text: str, pos: int = 0):
    """``DOC_NUMBER.finditer(text, pos)``, found from the rare 〔year〕serial号 tail
    backwards (the pattern's leading CJK run makes a plain scan try every character).

    >>> [m.group(0) for m in iter_doc_numbers("根据国卫扶贫发〔2021〕6号和陕政办发〔2020〕 12号")]
    ['根据国卫扶贫发〔2021〕6号', '和陕政办发〔2020〕 12号']
    """
    for tail in _DOC_NUMBER_TAIL.finditer(text, pos):
        # a match starts at most 12 CJK characters and some spaces before its bracket
        m = DOC_NUMBER.search(text, max(pos, tail.start() - 40), tail.end())
        if m:
            pos = m.end()
            yield m
LEADING_VERBS = re.compile(r"^(?:为|认真|严格)*(?:贯彻落实|贯彻|落实|按照|根据|依据|依照|参照|详见|参见|执行|印发|转发|见)")
FILE_HEADER = re.compile(r"^(?P<issuer>.{0,40}?)\s*文件$")
ORG_SUFFIX = re.compile(
    r"(?:委员会|办公室|人民政府|政府|委|局|厅|部|办|院|中心|所|站|处|科|室|会|组|党委|市委)$"
)
TITLE_SUFFIX = re.compile(r"(?:通知|方案|意见|要点|办法|规定|指标|计划|规划|分工)$")
NOTICE_TITLE = re.compile(r"(?:关于.*的?(?:通知|意见|决定|批复)|的通知)$")
ADDRESSEE_LINE = re.compile(r"[：:]$")
TABLE_HEADER = re.compile(r"^(?:序号\s*)?指标\s*属性$")
BINDING_CELL = re.compile(r"^(约束性|预期性)$")
BINDING_SUFFIX = re.compile(r"[\s\t]*(约束性|预期性)\s*$")

# ---------------------------------------------------------------- measures
NON_MEASURE_HEADINGS = re.compile(
    r"^(?:总体要求|指导思想|主要目标|总体目标|工作目标|基本原则|总体思路|目标任务|发展目标)"
)
GOAL_HEADINGS = re.compile(r"(?:总体要求|指导思想|主要目标|总体目标|工作目标|总体思路|发展目标)")
DUTY_HEADINGS = re.compile(r"部门协作|部门合力|部门职责|职责分工|协调配合")

# ---------------------------------------------------------------- units
ROLE_KEYWORDS = [
    # longest first: the alternation must try 牵头科室及单位 before 牵头科室
    ("lead", r"牵头科室及单位|牵头单位及科室|牵头科室|牵头单位|牵头部门|牵头处室|牵头"),
    ("support", r"配合科室及单位|配合单位及科室|配合科室|配合单位|配合部门|配合处室|协助单位|参与单位|配合"),
    ("responsible", r"责任单位|责任部门|责任科室|责任处室|实施单位|承办单位"),
]
ROLE_LABEL = re.compile(
    "(?P<kw>" + "|".join(p for _, p in ROLE_KEYWORDS) + r")\s*[：:]"
)
MARKER_OPEN = "（(【[［"
MARKER_CLOSE = {"（": "）", "(": ")", "【": "】", "[": "]", "［": "］"}
UNIT_SEPARATORS = "、，,；;"
UNIT_TRAILING_PHRASES = re.compile(r"(?:按照职责分工分别负责|按职责分工负责|分别负责|等部门|负责)$")
UNIT_CONJUNCTION = re.compile(r"^(?P<a>.+?[处科室局委办])及(?P<b>.+?[处科室局委办])$")
DUTY_CLAUSE = re.compile(r"^(?P<unit>[^，。；]{2,60}?)负责(?P<duty>.+)$")

# ---------------------------------------------------------------- targets
NUMBER = rf"(?:\d+(?:\.\d+)?|[{CN_DIGITS}]{{1,5}})"
TARGET_UNITS = [
    "个百分点", "百分点", "个病种", "个工作日", "个月", "万人", "周岁", "%", "％", "‰",
    "/10万", "/万", "元/人", "张/千人", "人/千人", "人/万人", "张/万人",
    "种", "人", "年", "周", "天", "日", "月", "所", "个", "次", "家", "名", "张", "项", "倍", "份", "件",
    "元", "万元", "亿元", "公里", "小时", "分钟", "分", "岁", "台",
    "万名", "万户", "户", "人次", "万人次", "例", "万例",
]
# counted only in digits: 一户一策, 新发现一例救治一例 are slogans
DIGIT_ONLY_UNITS = ("户", "万户", "例", "万例", "人次", "万人次", "万名")
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in TARGET_UNITS), key=len, reverse=True))
# a value with no unit (指数达85, 控制在0.012以内) is read only right after a comparator
_BARE_END = r"(?<=\d)(?=(?:以内|以上|以下|左右)?(?:[，,。；;、）)\n]|$))"
QUANTITY = re.compile(rf"(?P<value>{NUMBER})\s*(?P<unit>{_UNIT_ALT}|{_BARE_END})")
COMPARATOR_BEFORE = [
    (">=", r"不少于|不低于|不得少于|不得低于|至少|达到|达|≥|满|提高到|提升到|增加到|增长到|上升到"),
    ("<=", r"不得超过|不超过|不高于|不得高于|控制在|≤|下降到|降低到|降至|减少到|减至|压缩到|缩短到|缩短至"),
    (">", r"超过|高于|多于|大于"),
    ("<", r"低于|少于|小于"),
    ("=", r"维持在|稳定在|保持在"),
]
COMPARATOR_AFTER = [
    (">=", r"^(?:及)?以上"),
    ("<=", r"^(?:以内|之内|内|以下)"),
]
APPROXIMATE_BEFORE = re.compile(r"(?:约|大约|大概)$")
APPROXIMATE_AFTER = re.compile(r"^(?:以内|以上|以下)?左右")
# 由76.5岁提高到77.1岁: the first value is where it starts
BASELINE_BEFORE = re.compile(r"(?:从|由)(?:(?:19|20)\d{2}\s*年(?:底|末)?的?)?$")
# what may stand between a comparator and its value besides words: 提高到2025年的78.3岁
YEAR_FILLER = re.compile(r"(?:19|20)\d{2}\s*年(?:底|末)?的?")
# a unitless value needs one of these right before it
BARE_COMPARATOR = re.compile(r"(?:达到|达|为|控制在|不低于|不超过|低于|高于|小于|大于|提高到|下降到|降至|≥|≤)\s*$")
# numbers in these contexts are not targets
NOT_TARGET_BEFORE = re.compile(r"(?:第|前|十|“|\")$")
MEETING_AFTER = re.compile(r"^(?:全会|全体会议|会议|党代会|代表大会|中全会)")  # 市委三届四次全会
AGE_BAND = re.compile(r"\d+\s*[-—–~至]\s*$")
RANGE = re.compile(rf"(?P<low>\d+(?:\.\d+)?)\s*[-—–~～至]\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT_ALT})")
# a population or area condition on a target, not a target (常住人口超过10万人的, 65岁以上老年人, 年满60周岁的)
QUALIFIER_UNITS = ("岁", "周岁", "万人", "人", "万")
QUALIFIER_TAIL = re.compile(rf"^(?:口)?(?:及以上|以上|以下|以内)?(?:的)?(?P<noun>[{CJK}]{{0,6}}?"
                            r"(?:老年人|儿童|婴幼儿|孕产妇|妇女|人群|患者|乡村医生|医生|居民|人口|脱贫县|县|地区|家庭|群众|学生))?")
GROUP_AFTER = re.compile(r"^(?:以上|以下|及以上)?(?:的)?[\u4e00-\u9fff]")  # 岁 then a group, not an end of clause
DEADLINE = re.compile(r"(?:到|至|截至|截止|于|展望)\s*(?P<year>(?:19|20)\d{2})\s*年")
DEADLINE_BEFORE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?:底|末|年底)?\s*(?:前|之前)")
DEADLINE_LEAD = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年[，,]")
FIVE_YEAR_PLANS = {"十三五": 2020, "十四五": 2025, "十五五": 2030}
FIVE_YEAR_PLAN = re.compile(r"[“\"]?(?P<plan>十[三四五]五)[”\"]?\s*(?:期末|期间|时期|末)")

# ---------------------------------------------------------------- citations
TITLE_QUOTED = re.compile(r"《(?P<title>[^《》]{2,200})》")
TITLE_UNQUOTED = re.compile(
    rf"(?:组织实施|实施|贯彻落实|落实|按照|依据|根据)(?P<title>[{CJK}“”]{{4,40}}?"
    r"(?:行动计划|规划|实施方案|工作方案|行动方案))（(?P<years>\d{4}\s*[—\-–－]\s*\d{4}年?)）"
)
CITING_VERBS = re.compile(r"(?:贯彻落实|贯彻|落实|按照|根据|依据|参照|执行|遵照)")
ISSUER_TRAILING = re.compile(r"(?:联合制定|联合印发|制定|印发|发布|出台|的)+$")
