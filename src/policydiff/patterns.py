"""Regular expressions and term lists, kept apart from the code that uses them."""

import re
from typing import cast


class _LazyPattern:
    """A regular expression compiled on its first use. The command line imports this module
    for its term lists; compiling all of its patterns up front cost ~0.1 s of every command's
    start. On first use the compiled pattern's methods become this object's own attributes,
    so later calls cost what calls on the compiled pattern cost."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
                "groupindex", "groups", "flags")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):  # called only for attributes not set yet
        if name.startswith("__") or name not in self._METHODS:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"_lazy({self.pattern!r})"


def compile_all() -> None:
    """Compile every pattern now (a process about to fork workers that will all use them)."""
    for value in list(globals().values()):
        if isinstance(value, _LazyPattern):
            value.search  # noqa: B018 (compiles it)


def _lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done on the pattern's first use (typed as what it stands for)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))

CJK = "\u3400-\u9fff\uf900-\ufaff"
CN_DIGITS = "零〇一二三四五六七八九十百千万两"
CN_SMALL = "一二三四五六七八九十"
FULLWIDTH_PUNCT = "，。、；：？！“”‘’《》〈〉（）〔〕【】［］—…·％"

# ---------------------------------------------------------------- normalising
# every Unicode space a page prints besides the ASCII one: NO-BREAK, EN/EM and the other typographic
# spaces (U+2000–U+200A), NARROW NO-BREAK, MEDIUM MATHEMATICAL, IDEOGRAPHIC; the normaliser makes each one " "
UNICODE_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
MARKDOWN_HEADING = _lazy(r"^[ \t]*#{1,6}[ \t]*")
MARKDOWN_RULE = _lazy(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
MARKDOWN_BOLD = _lazy(r"\*\*")
# a printed page's number left alone on its line in a PDF's saved text (— 1 —, -2-, 第3页): no part of the notice
PAGE_NUMBER_LINE = _lazy(r"^\s*(?:[—–\-－]+\s*\d{1,3}\s*[—–\-－]+|第\s*\d{1,3}\s*页)\s*$")
# A space between two CJK characters, a CJK character and a digit, or around
# full-width punctuation is an artefact of PDF extraction.
_TIGHT = f"[{CJK}{FULLWIDTH_PUNCT}0-9%]"
# each written to start with its space (the lookbehind checked after it, on the character before):
# a pattern that starts with a character set is scanned for that set, not tried at every position
# (not the space between a date's digits and a time, 2022-03-08 15:20: 0815:20 would read as one number)
INNER_SPACE = _lazy(rf"[ {UNICODE_SPACES}](?<={_TIGHT}[ {UNICODE_SPACES}])"
                    rf"(?!(?<=[0-9][ {UNICODE_SPACES}])[ {UNICODE_SPACES}]*[0-9]{{1,2}}[:：][0-9]{{2}})"
                    rf"[ {UNICODE_SPACES}]*(?={_TIGHT})")
LATIN_SPACE = _lazy(rf"[ ](?<=[{CJK}][ ])[ ]*(?=[A-Za-z])|[ ](?<=[A-Za-z][ ])[ ]*(?=[{CJK}])")
LABEL_SPACE = _lazy(r"^(\d{1,2}[.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])[ \u3000]+")
SENTENCE_END = "。！？；：:;"

# ---------------------------------------------------------------- the ladder
# administrative levels, top down: the one order for grouping, sorting and drawing
ADMIN_LEVELS = ("national", "provincial", "prefecture", "county", "township")
# the level word a unit query may start with (县卫健局, 省医保局): the levels of the departments it means
# (市 is a prefecture's or a county-level city's; 区 and 旗 are county-level)
QUERY_LEVEL_PREFIX = {"国家": ("national",), "省": ("provincial",), "自治区": ("provincial",),
                      "市": ("prefecture", "county"), "州": ("prefecture",), "盟": ("prefecture",),
                      "县": ("county",), "区": ("county",), "旗": ("county",),
                      "镇": ("township",), "乡": ("township",)}

# ---------------------------------------------------------------- outline
# after an item's number and its dot, a number no decimal of it reads: a year (6.2025年底前), an age (6.65岁以上,
# 3.0-6岁儿童), a hundred per cent (2.100%的): 6.65岁 is item 6, not 6.65 years; 3.2人 and 1.5倍 stay numbers
LABEL_BEFORE_NUMBER = r"(?=(?:19|20)\d{2}年|\d{2,3}周?岁|\d{1,2}[-—～~至]\d{1,3}周?岁|100%)"
OUTLINE_LABELS = [
    # kind, pattern (matched at paragraph start); the label group is "label"
    ("一、", _lazy(rf"^(?P<label>[{CN_SMALL}]{{1,3}})(?:、|[.．](?=[\u4e00-\u9fff]))")),  # 一.工作目标 as a repost types it
    ("（一）", _lazy(rf"^（(?P<label>[{CN_SMALL}]{{1,3}})）")),
    ("1.", _lazy(rf"^(?P<label>\d{{1,2}})(?:[.．](?:(?!\d)|{LABEL_BEFORE_NUMBER})|、)")),
    ("（1）", _lazy(r"^（(?P<label>\d{1,2})）")),
    ("（1）", _lazy(r"^(?P<label>[\u2474-\u2487])")),  # ⑴ ⑵ … ⒇, one character each (Word's symbols)
    ("一是", _lazy(rf"^(?P<label>[{CN_SMALL}]{{1,3}}是)")),
    # rules in article form (办法, 细则, 规定, 规范): 第一章 / 第一节 / 第一条, the label followed by a space or its text
    ("第一章", _lazy(rf"^(?P<label>第[{CN_SMALL}百零〇\d]{{1,4}}章)[\s\u3000]*(?=[^\s，,。]|$)")),
    ("第一节", _lazy(rf"^(?P<label>第[{CN_SMALL}百零〇\d]{{1,4}}节)[\s\u3000]*(?=[^\s，,。]|$)")),
    ("第一条", _lazy(rf"^(?P<label>第[{CN_SMALL}百零〇\d]{{1,4}}条)(?:[\s\u3000]+|(?=[^\s款项]))")),
    # a plan in parts (第一部分　发展基础 / 第二部分　主要任务): a part holds the 一、 items below it
    ("第一部分", _lazy(rf"^(?P<label>第[{CN_SMALL}]{{1,3}}部分)[\s\u3000]*(?=[^\s，,。、]|$)")),
    # rarer markers, labels only in a sequence (SEQUENCE_KINDS): 1）/一） with a closing bracket alone, 第一，
    # (an enumeration's first word), 1.1 (a decimal item: not a number before its unit, 1.5倍, 2.5万人)
    ("1）", _lazy(r"^(?P<label>\d{1,2})[）)](?=[^\s，,。、）)])")),
    ("一）", _lazy(rf"^(?P<label>[{CN_SMALL}]{{1,3}})[）)](?=[^\s，,。、）)])")),
    ("第一，", _lazy(rf"^(?P<label>第[{CN_SMALL}]{{1,3}})[，,](?=[^\s，,。、])")),
    ("1.1", _lazy(r"^(?P<label>\d{1,2}[.．]\d{1,2})(?![.．\d%‰])[\s\u3000]*"
                  r"(?=[\u4e00-\u9fff])(?![万亿千百倍个元岁人名家所项次年月日天周小时分米公斤以左])")),
]
# a clause's own unit bracket at its end (…统一管理。（责任股室：医政股）): a run of 一是…二是… in one paragraph whose
# every clause closes in one is split into its clauses' items (outline._clause_items)
CLAUSE_UNIT_BRACKET = _lazy(r"[（(][^（）()]*(?:单位|部门|科室|股室|处室|牵头|配合|负责|责任)[^（）()]*[）)][。；;]?$")
# the kinds above that are labels only where a label of the same kind next to them in number (n − 1 or
# n + 1; 1.1 beside 1.2) starts another paragraph: alone, 1）or 第一， is text
SEQUENCE_KINDS = frozenset({"1）", "一）", "第一，", "1.1"})
# the first character of every label above (each is matched at the paragraph's start): a paragraph that
# starts with none of them is not tried against each
OUTLINE_LABEL_START = _lazy(rf"[{CN_SMALL}（第\d\u2474-\u2487]")
# the article levels, outermost first: an article label closes every item below its rank
ARTICLE_RANKS = {"第一章": 0, "第一节": 1, "第一条": 2}
# a part (第二部分) closes every item open above it, whatever its kind: no item nests a part
PART_KIND = "第一部分"
# the covering letter's own items (一、提高思想认识 … before its sign-off and the enclosed plan's title): their paths
# carry this prefix (通知/一), the plan's items keep theirs (一, 二/（一）)
COVER_LETTER_PREFIX = "通知"
ANY_LABEL = _lazy(  # (probe 4b: 一.工作目标 and ⑴, as OUTLINE_LABELS reads them)
    rf"^(?:[{CN_SMALL}]{{1,3}}(?:、|[.．](?=[\u4e00-\u9fff]))|[\u2474-\u2487]|[（(][{CN_SMALL}]{{1,3}}[）)]|\d{{1,2}}(?:[.．](?:(?!\d)|{LABEL_BEFORE_NUMBER})|、)"
    rf"|[（(]\d{{1,2}}[）)]|[{CN_SMALL}]{{1,3}}是|第[{CN_SMALL}百零〇\d]{{1,4}}[章节条](?=[\s\u3000]|$|[^\s款项])"
    rf"|第[{CN_SMALL}]{{1,3}}部分(?=[\s\u3000]|$|[^\s，,。、]))"
)
# a plan's title at its end (…实施方案, …工作要点, …管理办法（试行）): an annex under such a title is a plan, not a table
PLAN_TITLE_END = _lazy(r"(?:方案|意见|办法|细则|要点|计划|规划|措施|规定|规范)(?:[（(][^（）()]{1,20}[）)])?$")
ANNEX_START = _lazy(r"^附\s*件\s*(?P<no>\d*(?:[-—–－][1-9]\d?)?)\s*$")  # 附件2-1: the first part of 附件2
ANNEX_REFERENCE = _lazy(r"^附\s*件\s*\d*\s*[:：]")
# an annex list's first item on the 附件： line (附件：1.主要指标), and each next item on its own line (2.任务分工表):
# the notice's annexes named, no outline item
ANNEX_LIST_FIRST = _lazy(r"^附\s*件\s*[:：]\s*(?P<no>\d{1,2})\s*[.．、]")
ANNEX_LIST_ITEM = _lazy(r"^(?P<no>\d{1,2})\s*[.．、]\s*[^。；;，,]{1,80}$")
# an annex's heading on one line: 附件1：重点任务分解表 (its number, a colon and its title; no list: 附件：1.… is a list)
# the same with no colon, its number run into its title (附件2　主要指标表, the space dropped): only over a table
ANNEX_HEADED_BARE = _lazy(r"^附\s*件\s*(?P<no>\d{1,2}(?:[-—–－][1-9]\d?)?)\s*"
                          r"(?P<title>[^\d\s.．、:：。；;，,\t][^。；;，,\t]{1,79})$")
ANNEX_HEADED = _lazy(r"^附\s*件\s*(?P<no>\d{0,2})\s*[:：]\s*(?P<title>(?!\d{1,2}\s*[.．、])[^。；;，,\t]{2,80})$")
# the title of a notice that issues a plan, the plan's title unquoted: 某县卫生健康局关于印发某县健康帮扶方案的通知
ISSUING_TITLE = _lazy(r"^.{0,40}?关于印发(?P<title>.{4,80})的通知$")

# ---------------------------------------------------------------- metadata
# zeros as printed in Chinese-numeral years: 〇, ○ (U+25CB), Latin O, full-width Ｏ
ZERO_LOOKALIKES = "○OＯ"
# an issuer that is a development zone's or new area's body (西咸新区管理委员会社会事业服务局, 某某经济技术开发区管委会):
# the zone no division table holds, at none of the ladder's levels
ZONE_END = r"(?:新区|开发区|高新区|示范区|试验区|合作区|产业园区|工业园区|园区|管理区)"
_ZONE_BODY = r"(?=管理委员会|管委会|党工委|工作委员会|工委|社会|卫生|卫健|医疗|医保|民政|财政|人力|乡村振兴|办公室|人民政府|$)"
ZONE_ISSUER = _lazy(rf"^(?P<zone>[\u4e00-\u9fff]{{2,16}}?{ZONE_END}){_ZONE_BODY}")
# the same zone after the name of the division it lies in (安康市|高新区管理委员会): its own name may be the kind alone
ZONE_AFTER_PLACE = _lazy(rf"^(?P<zone>[\u4e00-\u9fff]{{0,16}}?{ZONE_END}){_ZONE_BODY}")
# a township's or subdistrict's own body after its county's name (汉阴县|涧池镇人民政府, 雁塔区|小寨路街道办事处):
# the town's government, party committee or office — not the county's bodies for towns (县乡村振兴局, 县乡镇卫生院)
TOWNSHIP_ISSUER = _lazy(r"(?P<town>(?!乡村|乡镇|各)[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|苏木))"
                        r"(?=人民政府|政府|党委|党工委|办事处|委员会|委$|人大|人民代表大会|党政办公室|党政办|$)")
# the old words for twenty and thirty in a day of the month (十二月廿九日, 三月卅一日), as a signature may print them
DAY_TENS = "廿卅"
DATE = _lazy(
    rf"(?P<year>\d{{4}}|[{CN_DIGITS}{ZERO_LOOKALIKES}]{{4}})\s*年\s*(?P<month>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月"
    rf"\s*(?P<day>\d{{1,2}}|[{CN_DIGITS}{ZERO_LOOKALIKES}{DAY_TENS}]{{1,3}})\s*日"
)
DATE_LINE = _lazy(rf"^\s*{DATE.pattern}\s*(?P<printed>印发|印)?\s*$")
# a published rule or plan's note under its title: （2022年6月10日某县卫生健康局发布　某卫发〔2022〕29号）,
# （2022年6月10日印发）, （某县人民政府2022年6月10日公布）: the notice's date, issuer and 文号
PUBLISHED_NOTE = _lazy(  # (one optional blank between parts: runs of blanks cost no backtracking)
    rf"^[（(][ \t]?(?:(?P<issuer_first>[^\s（）()，。]{{2,40}}?)[ \t]?)?(?P<date>{DATE.pattern})[ \t]?"
    r"(?:(?P<issuer>[^\s（）()，。]{2,40}?)[ \t]?(?=发布|印发|公布|制定))?(?:发布|印发|公布|制定)?[ \t]?"
    rf"(?P<number>(?P<code>[{CJK}]{{1,12}}?)〔(?:19|20)\d{{2}}〕\d{{1,4}}[号號])?[ \t]?[）)]$")
# a year in Chinese numerals, four digits (二〇二二年, 二○二一年), perhaps with its month and day: a date, never a
# quantity of years (a signature's 二〇二二年三月十五日 is no target)
CHINESE_NUMERAL_DATE = _lazy(rf"[〇零一二三四五六七八九{ZERO_LOOKALIKES}]{{4}}\s*年(?:\s*[一二三四五六七八九十]{{1,2}}\s*月"
                             r"(?:\s*[一二三四五六七八九十]{1,3}\s*[日号])?)?")
# a signing date in other shapes, alone on its line (or after the issuer's name): dotted, dashed or slashed
# (2021.12.20, 2021-12-20, 2021/12/20), and a month without its day (2022年3月, 二〇二二年三月)
DOTTED_DATE = _lazy(r"(?P<year>(?:19|20)\d{2})\s*(?P<sep>[.．/\-－])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<day>\d{1,2})\s*$")
DOTTED_DATE_LINE = _lazy(rf"^\s*{DOTTED_DATE.pattern}")
MONTH_DATE = _lazy(rf"(?P<year>(?:19|20)\d{{2}}|[{CN_DIGITS}{ZERO_LOOKALIKES}]{{4}})\s*年"
                   rf"\s*(?P<month>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月\s*$")
MONTH_DATE_LINE = _lazy(rf"^\s*{MONTH_DATE.pattern}")
# a signing date that lost its 日 at the end of its line (某县人民政府督查室  2022年8月19)
DATE_WITHOUT_DAY_MARK = _lazy(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*$")
DOC_NUMBER = _lazy(
    rf"(?P<code>[{CJK}]{{1,12}}?)\s*[〔\[［（(【﹝〖]\s*(?P<year>(?:19|20)\d{{2}})\s*[〕\]］）)】﹞〗]"
    r"\s*(?P<serial>\d{1,4})\s*[号號]"
)
DOC_NUMBER_LINE = _lazy(rf"^\s*{DOC_NUMBER.pattern}\s*$")
# a joint notice numbered by each issuer, its 文号 side by side on one line (青卫发〔2022〕3号　青医保发〔2022〕5号,
# or joined by 、/，/和): the first is the notice's, the others its other_doc_numbers
_DOC_NUMBER_UNNAMED = re.sub(r"\(\?P<\w+>", "(?:", DOC_NUMBER.pattern)
DOC_NUMBERS_LINE = _lazy(rf"^\s*{_DOC_NUMBER_UNNAMED}(?:\s*(?:[、，,；;和及与]\s*)?{_DOC_NUMBER_UNNAMED})+\s*$")
# what joins two 文号 on a line (cut there, so that the second's code does not start with 和)
DOC_NUMBER_JOINER = _lazy(r"(?<=[号號])\s*[、，,；;和及与]\s*")
# a red-header 文件's 文号 line that also names who signed it, on its right (渭卫健发〔2022〕46号　签发人：某某、某某)
DOC_NUMBER_SIGNER_LINE = _lazy(rf"^\s*(?P<number>{DOC_NUMBER.pattern})\s*签\s*发\s*人\s*[:：]\s*"
                               r"[\u4e00-\u9fff·]{2,12}(?:\s*[、，,\s]\s*[\u4e00-\u9fff·]{2,4})*\s*$")
# the number of a regulation or rule, printed in place of a 文号: 国务院令第386号, 国家卫生健康委员会令第2号
# (中华人民共和国 before the issuer is dropped when the number is kept)
ORDER_NUMBER = _lazy(rf"(?:中华人民共和国)?(?P<issuer>[{CJK}]{{1,16}}?令)\s*第\s*(?P<serial>\d{{1,4}})\s*[号號]")
_DOC_NUMBER_TAIL = _lazy(r"[〔\[［（(【﹝〖]\s*(?:19|20)\d{2}\s*[〕\]］）)】﹞〗]\s*\d{1,4}\s*[号號]")


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
# (a joining word may stand before the verb: 并依照…, 同时参照…)
LEADING_VERBS = _lazy(r"^(?:并且|并|同时|另|请|要|须|应|均)?(?:为|认真|严格)*"
                      r"(?:贯彻落实|贯彻|落实|按照|根据|依据|依照|参照|详见|参见|执行|印发|转发|见)")
FILE_HEADER = _lazy(r"^(?P<issuer>.{0,40}?)\s*文件$")
ORG_SUFFIX = _lazy(  # 司: a ministry's department (国务院扶贫办综合司, 国家卫生健康委规划司)
    r"(?:委员会|办公室|人民政府|政府|委|局|厅|部|办|院|中心|所|站|处|科|室|会|组|司|党委|市委|委員會|辦公室|政府|廳|辦|會|處)$"
)
# where a second body's name starts in names run together after a body's suffix (a header or signature
# whose spaces the normaliser dropped: 国家卫生健康委 国家医保局 民政部, 省卫生健康委 省医保局): a national
# or party body's first word, a level word (省医保局; not 市场, 县域, 省级), or a State Council ministry
# a national body's branch at a place is one body (国家税务总局湖南省税务局, 国家统计局某市调查队): its name is never
# cut where the place starts, and its place (湖南省) is the branch's, not the nation's
NATIONAL_BRANCH = _lazy(r"(?P<head>国家税务总局|国家统计局|国家金融监督管理总局|中国人民银行|国家外汇管理局)"
                        r"(?P<branch>[\u4e00-\u9fff]{2,15}?(?:省|自治区|市|州|盟|地区|县|区|旗)"
                        r"[\u4e00-\u9fff]{0,8}?(?:税务局|调查总队|调查队|监管局|监管分局|分行|中心支行|支行|分局))")
BODY_RESTART = _lazy(
    r"(?<=委|局|厅|部|办|院|署|会|室|府|司)(?=国家|国务院|中共|中央|共青团|全国|中华全国|"
    r"(?:省|市|县|区|自治区|自治州|旗)(?!场|级|域|内|外|民|直|属|区|县|辖)|"
    r"(?:外交|国防|教育|科学技术|科技|工业和信息化|民政|司法|财政|人力资源社会保障|人力资源和社会保障|自然资源|生态环境|"
    r"住房城乡建设|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|应急管理|退役军人事务|审计|公安|国家安全)部)")
# a title's last word, perhaps followed by its years: …三年行动计划（2023—2025年）
TITLE_SUFFIX = _lazy(r"(?:通知|方案|意见|要点|办法|规定|细则|规范|指标|计划|规划|分工|若干措施|任务清单|工作清单|责任清单|解读)"
                     r"(?:[（(][^（）()]{1,20}[）)])?$")
# a page that explains a notice (…文件解读, 政策解读): it prescribes nothing itself
INTERPRETATION_GENRES = ("解读", "解讀")
# the genres a notice's title ends in, longest first (复函 before 函)
GENRES = ["通知", "意见", "决定", "批复", "复函", "函", "答复", "通报", "通告", "公告", "规定", "办法", "细则",
          "方案", "规划", "要点", "纪要", "计划", "条例", "规则", "决议", "报告", "请示", "公示", "令", "措施", "清单",
          "解读", "意見", "決定", "批覆", "答覆", "通報", "規定", "辦法", "細則", "規劃", "要點", "紀要", "計劃", "條例", "解讀"]
GENRE_AT_END = _lazy("(?P<genre>" + "|".join(GENRES) + r")(?:\s*[（(][^（）()]{1,20}[）)])?$")
NOTICE_TITLE = _lazy(
    r"(?:(?:关于|關於).*(?:通知|意见|意見|决定|決定|批复|批覆|复函|覆函|函|答复|答覆|通报|通報|通告|公告|规定|規定|办法|辦法|细则|細則"
    r"|方案|规划|規劃|要点|要點|纪要|紀要|计划|計劃|报告|報告|请示|請示|公示|若干措施|措施|解读|解讀)"
    r"|的(?:通知|意见|决定|批复|通报|通告|公告))(?:\s*[（(][^（）()]{1,20}[）)])?$")
# a title with no 关于: 某某实施方案, 通告 alone (spaced 通 告 is joined by the normaliser), 某某令
STANDALONE_TITLE = _lazy(
    r"^(?:[^，。；：:,]{2,80}(?:方案|规划|要点|办法|规定|细则|计划|条例|规则|纪要|若干措施|任务清单|工作清单|责任清单|解读)"
    r"|(?:.{0,40})?(?:通告|公告))"
    r"(?:[（(][^（）()]{1,20}[）)])?$")
# the document an 印发 / 转发 notice encloses: 关于印发《X》的通知, 关于印发X的通知
ENCLOSED_TITLE = _lazy(
    r"(?:印发|转发|印發|轉發)《?(?P<title>[^《》]{4,120}?)》?的?通知(?:（[^（）]+）)?$")
# a release's headline (新华社, gov.cn): the bodies, 印发, the document released — 中共中央办公厅 国务院办公厅印发《关于…的意见》
RELEASE_TITLE = _lazy(r"^(?P<issuer>[^《》。，,：:]{2,80}?)(?:联合)?印发(?:了)?《(?P<title>[^《》]{4,120})》$")
# the draft a letter sends for comments, named in its title (关于征求《X（征求意见稿）》意见的函): the letter's own enclosure
COMMENT_DRAFT_TITLE = _lazy(r"征求《(?P<title>[^《》]{4,120})》(?:的)?(?:修改)?意见")
DECREE_HEADING = _lazy(r"^(?P<issuer>.{0,30}?)令$")
DECREE_NUMBER = _lazy(r"^[（(]?\s*第\s*(?P<serial>\d{1,4}|[零〇一二三四五六七八九十百]{1,6})\s*[号號]\s*[）)]?$")
# 公告 / 通告 numbering: （2021年第6号）, 2021年第6號, （县疫情防控指挥部第3号）
NOTICE_NUMBER = _lazy(r"[（(]\s*(?P<number>(?:(?:19|20)\d{2}\s*年\s*)?[^（）()，。]{0,16}?"
                           r"第\s*[\d一二三四五六七八九十]{1,4}\s*[号號])\s*[）)]$")
# markers of how the notice is published, glued to a title or a date
PUBLIC_MARKER = _lazy(
    r"[（(]\s*(?:此件[^（）()]{0,8}公开(?:发布)?|此件主动公开|此件不公开|(?:信息)?公开(?:方式|形式|属性|选项)\s*[：:][^（）()]{0,12})"
    r"\s*[）)]")
ADDRESSEE_LINE = _lazy(r"[：:]$")
# a series of place kinds sharing one body (各省、自治区、直辖市卫生健康委; 各市、县（市、区）人民政府): one addressee as
# printed. Its head is 各 and a place kind alone; each next part starts with a place kind
ADDRESSEE_SERIES_HEAD = _lazy(r"^各(?:省|市|县|区|州|盟|旗|乡|镇|地|设区的?市|地级市|地市|县区|县市区|乡镇)$")
_PLACE_KIND = r"(?:自治区|直辖市|计划单列市|自治州|自治县|地区|盟|州|县|市|区|旗|乡|镇|街道|新疆生产建设兵团|兵团)"
ADDRESSEE_SERIES_PART = _lazy(rf"^{_PLACE_KIND}(?![委局厅办])")
ADDRESSEE_SERIES_OPEN = _lazy(rf"^{_PLACE_KIND}(?:（[^（）]*）)?$")  # a place kind alone: the series goes on
# a body word standing alone after a body of the same places (各镇党委、政府: 各镇政府)
SHARED_PLACE_BODY = _lazy(r"^(?:人民政府|政府|党委|党工委|人大|政协|纪委|管委会)$")
PLACE_BODY_AT_END = _lazy(r"(?:人民政府|政府|党委|党工委|人大|政协|纪委|管委会|办事处)$")
TABLE_HEADER = _lazy(r"^(?:序号\s*)?指标\s*属性$")
BINDING_CELL = _lazy(r"^(约束性|预期性)$")
# a numbered indicator row ending in its attribute (1. 签约服务率 … 约束性): an annex holding one is the indicator table
INDICATOR_ROW_WITH_BINDING = _lazy(r"(?m)^\d{1,2}[.．、\t][^\n]*(?:约束性|预期性)[ \t]*$")
# (?<!\s): a search starts only at the head of a whitespace run (else a run of tabs costs quadratic time)
# the same attribute printed with its noun (约束性指标, 预期性指标): the attribute
BINDING_CELL_WORDED = _lazy(r"^(约束性|预期性)(?:指标)?$")
BINDING_SUFFIX_WORDED = _lazy(r"(?<!\s)\s*(约束性|预期性)(?:指标)?\s*$")
INDICATOR_ROW_WITH_BINDING_WORDED = _lazy(r"(?m)^\d{1,2}[.．、\t][^\n]*(?:约束性|预期性)(?:指标)?[ \t]*$")
BINDING_SUFFIX = _lazy(r"(?<!\s)\s*(约束性|预期性)\s*$")
# a sentence's own mark after its value: 人均预期寿命达到78.5岁（预期性）
BINDING_AFTER = _lazy(r"\s*(?:以上|以下|以内|左右)?\s*[（(](约束性|预期性)[）)]")
# the binding closing the value's clause after its noun (建成1个以上县域医疗次中心（预期性）): no other number between
BINDING_CLAUSE_END = _lazy(r"[^，,；;。\d（(]{1,30}[（(](约束性|预期性)[）)]\s*(?=[，,；;。\n]|$)")

# what goes on with a goal line's value wrapped over the line's end (…比例：100% ⏎ （约束性）, …：90% ⏎ 以上)
GOAL_VALUE_GOES_ON = _lazy(r"[\d.．%％‰（()）]|以上|以下|以内|左右|及以上")
# a goal list's line, whole: label, indicator, colon, one value, its binding bracket (1.县域内就诊率：≥90%（约束性）);
# not a date (1.启动阶段：2023年 ⏎ 3月…, wrapped); it ends its item though no full stop closes it
# (normalise.should_join; joined, the next line's figure was lost)
GOAL_LIST_LINE = _lazy(
    rf"^(?:\d{{1,2}}[.．、]|[（(][\d{CN_SMALL}]{{1,3}}[）)])[^，,；;。：:\n]{{2,40}}[：:]\s*"
    r"(?:[≥≤><]|不低于|不少于|不超过|不高于|达到)?\s*\d+(?:\.\d+)?\s*(?:[%％‰]|(?![年月日])[\u4e00-\u9fff]{1,3})?"
    r"\s*(?:以上|以下|以内|左右)?\s*(?:[（(](?:约束性|预期性)(?:指标)?[）)])?\s*$"
)

# ---------------------------------------------------------------- task-division tables (任务分工表)
# a header cell names a column's role; the first row whose cells name a unit role (牵头/责任/配合/协办)
# and nothing longer than a heading starts a task table. Persons (责任领导, 责任人) are no unit column.
TASK_COLUMN_ROLES = [
    ("no", r"^(?:序号|编号|序|项次)$"),
    ("other", r"领导|责任人|联系人|备注|说明|分值|得分|考核|督办|督查|监督"),
    ("deadline", r"时限|时间|期限|进度|节点|完成时|时序"),
    ("lead", r"牵头|主责"),
    ("support", r"配合|协办|协助|参与|协同"),
    ("responsible", r"责任|实施单位|承办|落实单位|主体|承担|单位|部门"),
    ("task", r"任务|事项|内容|措施|举措|工作|要求|目标|项目|重点|环节|类别|领域|方面"),
]
UNIT_COLUMN_ROLES = ("lead", "support", "responsible", "office")
# in a table of indicators with their units (指标名称 | 2023年目标 | 2025年目标 | 指标属性 | 责任单位): the figure and
# attribute columns are no task text (2023年目标 is no 任务), the indicator's name is the row's task
TASK_COLUMN_FIGURE = _lazy(r"^(?:19|20)\d{2}\s*年(?:度|底|末)?(?:目标|预期|计划)?值?$|目标值|预期值|基期|基数|现状值|属性|"
                          r"性质|计量单位")
TASK_COLUMN_INDICATOR = _lazy(r"^(?:主要|具体|考核)?指标(?:名称|内容|项目)?$|^考核(?:内容|项目|事项|任务)$")
# a column naming who oversees or scores the task (督导单位, 考评单位, 督促检查单位), not who carries it out: no unit
SUPERVISOR_COLUMN = _lazy(r"督导|督促|考评|评估单位|验收单位")
# a unit column of the notice's own offices (局内牵头科室, 委内责任处室), kept apart from the bodies' columns
OFFICE_COLUMN = _lazy(r"(?:局|委|厅|办|院|中心)内|内设|科室|处室|股室")
# an office column that says the offices are the issuer's own (局内牵头科室, 委内责任处室, 内设机构)
INTERNAL_OFFICE_COLUMN = _lazy(r"(?:局|委|厅|办|院|中心)内|内设")
TASK_HEADER_CELL_MAX = 20
# a cell that hands the row to each listed unit by its own duties: responsible, not lead
DUTY_SHARE = _lazy(r"(?:按照|按|根据|依)?(?:各自)?职责(?:分工)?(?:分别|共同)?负责|分别负责|共同负责")
TASK_SECTION_ROW = _lazy(rf"^(?:[{CN_SMALL}]{{1,3}}[、.．]|[（(][{CN_SMALL}]{{1,3}}[）)]|第[{CN_SMALL}]{{1,3}}[部分章项类])")
# a second header line's cell names a role (牵头单位, 局内配合科室, 完成时限), not a unit (市财政部门)
ROLE_HEADER_START = _lazy(r"^(?:[局委厅办院]内)?(?:牵头|配合|协办|协助|参与|协同|责任|主责|实施|承办|落实|完成|时限|时间)")
OFFICE_UNIT_END = _lazy(r"(?:科|处|室|股)$")
CELL_ROLE_TAG = _lazy(r"[（(〔]\s*(?P<tag>牵头|配合|协办)\s*[）)〕]$")  # 〔牵头〕 too
TASK_SECTION_NUMBER = _lazy(rf"[{CN_SMALL}]{{1,3}}[、.．]?|[（(][{CN_SMALL}]{{1,3}}[）)]|第[{CN_SMALL}]{{1,3}}[部分章项类]")
# what follows a task table and is no row of it: a note, the next table's title, 此件公开发布, 抄送
TASK_TABLE_END = _lazy(r"^(?:注|说明|备注|资料来源)\s*\d*[:：．.]|^[（(]此件|^抄送|^附\s*件"
                            r"|^.{2,40}(?:分工表|一览表|清单|统计表)$")
TASK_NUMBER_CELL = _lazy(
    rf"^(?:\d{{1,3}}[.、．]?|[（(]\d{{1,3}}[）)]|[{CN_SMALL}]{{1,3}}[、.．]?|[（(][{CN_SMALL}]{{1,3}}[）)])$")
TASK_DEADLINE_CELL = _lazy(r"^.{0,12}(?:\d{4}\s*年|年底|年内|年前|月底|月前|季度|长期|持续|常态|每年|逐年|\d{4}[.\-/]\d)")
TASK_UNIT_END = _lazy(
    r"(?:局|委|厅|办|室|科|处|股|中心|院|所|站|队|政府|部门|单位|公司|协会|学会|会|部|署|行|集团|机构|组|街道|"
    r"乡镇|镇|乡|县|区|市|省|办事处|管委会|医院|卫生院|学校|联社|分局|支队|大队)(?:等)?$")

# ---------------------------------------------------------------- measures
# an article that sets no rule: its purpose and basis, scope, definitions, who interprets it, when it applies
NON_RULE_ARTICLE = _lazy(
    r"^(?:为(?:了)?[^。]{0,160}(?:制定|制订)本|本(?:办法|细则|规定|规范|条例|制度)(?:适用于|所称|由[^。]{0,40}负责解释|"
    r"自[^。]{0,30}(?:起|之日起)(?:施行|执行|实施))|[^。]{0,40}(?:参照本(?:办法|细则|规定|规范)执行)。?$)")
# an item that only says when the notice applies, how long, or which document it repeals (四、施行时间。本通知自2022年7月1日
# 起施行，有效期至2025年12月31日。《…》同时废止; 本办法自印发之日起30日后施行): no work prescribed, no measure (each of
# its sentences one of these); an unnumbered paragraph after such an item is not its text (outline)
COMMENCEMENT_HEADING = _lazy(r"^(?:施行时间|实施时间|执行时间|执行期限|生效时间|有效期限?|附则|其他事项|其他)[。：:]?")
COMMENCEMENT_CLAUSE = _lazy(
    r"(?:本[^。；;，,]{1,12}?自[^。；;]{0,30}?(?:起|之日起)(?:(?:满)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:日|天|个月)后)?"
    r"(?:施行|执行|实施|生效)(?:[，,]有效期[^。；;，,]{1,30})?"
    # a revision's closing line: the revised text republished (修订后的《X》由县医疗保障局重新公布)
    r"|修订后的《[^》]{2,120}》(?:由[^。；;，,]{2,40})?(?:重新|另行)(?:公布|印发|发布)"
    r"|(?:本[^。；;，,]{1,12}?)?有效期(?:为|至)?[^。；;，,]{1,30}"
    r"|(?:原|此前印发的|同时[，,]?)?《[^》]{2,120}》(?:[（(][^）)]{2,30}[）)])?(?:[、和]《[^》]{2,120}》(?:[（(][^）)]{2,30}[）)])?)*"
    r"(?:同时|一并)?(?:予以)?(?:废止|不再执行|停止执行)"
    r"|此前(?:有关|相关)?(?:规定|文件|政策)[^。；;]{0,20}与本[^。；;，,]{1,8}不一致的[，,]以本[^。；;，,]{1,8}为准"
    r"|本[^。；;，,]{1,12}?由[^。；;，,]{2,40}负责解释)")
# a group's roster (一、领导小组组成: 组长…副组长…成员…): who sits on it, no work the plan prescribes
ROSTER_HEADINGS = _lazy(r"^(?:[^，,。；;]{0,16}?(?:领导小组|工作专班|工作小组|指挥部|委员会))?(?:的)?"
                        r"(?:组成|组成人员|人员组成|成员|成员名单|组成人员名单)$")
NON_MEASURE_HEADINGS = _lazy(
    r"^(?:总体要求|指导思想|主要目标|总体目标|工作目标|基本原则|总体思路|目标任务|发展目标|行动目标"
    # a plan's account of where it stands (第一部分　发展基础: 主要成绩, 面临形势), and its schedule (实施步骤:
    # 动员部署阶段（6月1日—6月15日）…): no work the plan prescribes
    r"|发展基础|发展现状|工作基础|现实基础|主要成绩|取得的成绩|主要成效|取得成效|主要成就|发展成就|面临形势|面临的形势"
    r"|现状与形势|现状和形势|发展环境|规划背景|发展背景|存在问题|存在的问题"
    r"|实施步骤|工作步骤|方法步骤|步骤安排|进度安排|时间安排|时间步骤|实施阶段|阶段安排|推进步骤|时间节点"
    r"|(?:(?:19|20)\d{2}年(?:度)?|上年度?|去年)?(?:工作情况|工作开展情况|工作完成情况|工作成效|工作进展|工作回顾|工作总结)"
    r"(?:和|及|与)?(?:存在的?问题)?$)"
)
GOAL_HEADINGS = _lazy(r"(?:总体要求|指导思想|主要目标|总体目标|工作目标|总体思路|发展目标|行动目标)")
# a heading that is a goal paragraph's whole name (matched whole, trailing 。：stripped): 主要目标, 工作目标,
# 目标任务, 具体目标, 2022年工作目标, 指导思想和工作目标, 总体要求 — not a work point that names a goal (坚持一个目标)
GOAL_PARAGRAPH = _lazy(r"^(?:(?:总体要求|指导思想|基本原则)[和与及、])?(?:(?:19|20)\d{2}年度?)?"
                       r"(?:主要|总体|工作|发展|具体|年度|阶段|基本|行动)?目标(?:任务|要求)?$|^总体要求$")
# ---------------------------------------------------------------- units
DUTY_HEADINGS = _lazy(r"部门协作|部门合力|部门职责|职责分工|协调配合|部门分工|任务分工|明确分工|分工负责|部门协同|责任分工|"
                           r"明确职责|分工协作|各司其职|密切配合|协同配合|部门联动|"
                           r"成员单位(?:及|和)?(?:工作)?职责|单位职责|主要职责|职责任务")
# a line of a member-duty list (领导小组 notices, 保障措施 annexes): a body, a colon, then its duty verb
DUTY_COLON_LINE = _lazy(r"^\s*(?P<unit>[^，,。；;：:\s]{2,40})[：:]\s*(?:负责|牵头|承担|配合|协助|做好|落实)")
# the closing sections where a paragraph of 甲部门负责……；乙部门要…… clauses is a division of duties
SAFEGUARD_HEADINGS = _lazy(r"保障措施|组织实施|组织保障|工作要求|实施保障|保障机制|组织领导")
# label parts of a marker that name units (only these: 适用范围, 完成时限 … name none); longest first
ROLE_KEYWORDS = [
    ("lead", r"牵头责任单位|牵头负责单位|主要牵头单位|"
             r"牵头科室及单位|牵头单位及科室|牵头科室|牵头股室|牵头单位|牵头部门|牵头处室|牵头机构|牵头|"
             r"主责单位|主责部门|主责股室|主责科室"),  # 主责单位：甲；协办单位：乙 — as a 主责 column and 甲主责，乙协同
    ("support", r"主要协作单位|主要配合单位|协作单位|协作部门|"
                r"配合科室及单位|配合单位及科室|配合科室|配合股室|配合单位|配合部门|配合处室|配合机构|协办单位|协办部门|协办科室|"
                r"协作股室|协办股室|协同单位|协同部门|协同科室|协同股室|协同处室|"
                r"协助单位|协助部门|参与单位|参与部门|配合|协办"),
    ("responsible", r"责任单位|责任部门|责任科室|责任处室|责任股室|责任主体|负责单位|负责部门|负责科室|负责处室|负责股室|"
                    r"实施单位|实施主体|承办单位|落实单位|股室|责任"),
]
# the verb form of a marker, the role after its units: （区医保局牵头，区财政局、区卫健局配合）
ROLE_VERBS = [
    ("lead", r"牵头负责|牵头抓总|牵头组织实施|牵头落实|牵头推进|牵头|负总责|主责"),
    ("support", r"配合落实|配合实施|共同参与|参与实施|配合|协助|参与|协办|协同推进|协同配合|分工协作|协同|协作"),
    ("responsible", r"按照职责分工分别负责|按照职责分工负责|按职责分工负责|根据职责分工负责|按照职责负责|按职责负责|"
                    r"按照职责分工落实|按职责分工落实|按照职责落实|按职责落实|分工负责|分别负责|共同负责|负责落实|具体负责|负责指导|"
                    r"负责组织实施|负责实施|组织实施|抓好落实|具体实施|具体落实|负责|组织落实|"
                    r"落实属地(?:管理)?责任|履行属地(?:管理)?责任|按照属地负责|按属地负责|属地负责|落实"),
]
ROLE_VERB_SEGMENT = _lazy(
    r"^(?:由)?(?P<units>(?:[^，,；;。（）()〔〕]|[（(〔][^，,；;。（）()〔〕]{2,20}?(?:局|委|办|中心|院)(?:具体负责|负责)?[）)〕])"
    r"{2,200}?)(?P<verb>" + "|".join(p for _, p in ROLE_VERBS) + r")$"
)  # (a body's other name in brackets after it: 县卫健局（县中医药局）牵头; who carries it out: 县卫健局（疾控中心负责）牵头)
# a clause of a verb-form marker whose role is a tag after its units (（县卫健局〔牵头〕，县医保局配合）, 县卫健局（牵头）)
ROLE_TAG_SEGMENT = _lazy(r"^(?:由)?(?P<units>[^，,；;。（）()〔〕]{2,200}?)[（(〔]\s*(?P<verb>牵头|配合|协办|负责)\s*[）)〕]$")
# a clause of a verb-form marker that only lists units, its verb in the next clause (…等部门，…配合)
UNIT_LIST_CLAUSE = _lazy(
    r"^[^，,；;。（）()]{2,200}?(?:等部门|等单位|局|委|办|厅|部|中心|公司|政府|办事处|管委会|部门|单位)$")
ROLE_LABEL = _lazy(
    "(?P<kw>" + "|".join(p for _, p in ROLE_KEYWORDS) + r")\s*[：:]"
)
# a unit label alone on its line, its units on the next (a web page's two-column task card: 责任单位 / 县卫健局)
ROLE_LABEL_ALONE = _lazy("(?:" + "|".join(p for _, p in ROLE_KEYWORDS) + r")[ \t]*")
# a label cell alone on its line in such a card, whose value is the next line: not joined to its neighbours
CELL_LABEL_LINE = _lazy("(?:" + "|".join(p for _, p in ROLE_KEYWORDS) +
                        r"|完成时限|完成时间|时间节点|时限要求|具体任务|工作任务|重点任务|任务内容|工作内容|工作措施)[ \t]*"
                        r"(?:[：:][ \t]*)?")  # its colon printed or not (责任单位： ⏎ 州医保局)
# a task card's other fields, on their own line after its unit line (责任单位：县卫健局 ⏎ 完成时限：2022年6月):
# each starts its own line, never joined to the units before it
CARD_FIELD_LINE = _lazy(r"(?:完成时限|完成时间|完成期限|时间节点|时限要求|时间要求|进度安排|责任领导|牵头领导|分管领导|"
                        r"责任人|联系人|工作目标|考核指标)\s*[：:]")
# a general office that issues for its government or party committee (国务院办公厅, 某市人民政府办公室,
# 中共某县委办公室): it relays the measures, it is not the body that carries them out
GENERAL_OFFICE = _lazy(r"^(?:国务院|.{0,20}人民政府|.{0,20}(?:省|市|县|区|州|旗|盟)政府|中共.{0,20}委|"
                       r".{0,20}(?:省|市|县|区|州)委)办公(?:厅|室)$")
# a reply to a request (批复, 复函: 现批复如下, 此复): its items answer the body that asked, which carries them out
# (REPLY_LETTER before the items: the title and the opening; REPLY_CLOSE anywhere: the closing line)
REPLY_LETTER = _lazy(r"现(?:予以)?(?:批复|函复|答复|复函)如下|的(?:批复|复函)[ \t\u3000]*(?:\n|$)")
REPLY_CLOSE = _lazy(r"(?:^|\n)[ \t\u3000]*(?:此复|特此(?:批复|函复))[。.]?[ \t\u3000]*(?:\n|$)")
# an item addressed to the one body the notice answers or tells (请你局…, 同意你县…): that body acts, not the issuer
ADDRESSED_TO_RECIPIENT = _lazy(r"你(?:局|县|市|区|州|旗|盟|委|办|院|厅|单位|镇|乡|中心|公司|校|部|处|科|所|站)")
# a leader's label before the unit labels of a line (牵头领导：分管副局长；责任单位：县医保局): a person, no unit
LEADER_LABEL = _lazy(r"(?:牵头|责任|分管|包抓|联系|主要)?(?:县级|市级|省级|县|市|局)?领导\s*[：:]")
# a unit whose bracket names who carries it out: 县卫健局（疾控中心具体负责）
UNIT_WITH_CLAUSE = _lazy(r"^(?P<name>[^（(]{2,40})[（(](?P<inner>[^（()）]{2,60})[）)]$")
# any label part of a marker (负责部门：, 适用范围：, 完成时限：): a short name right before a colon
PART_LABEL = _lazy(r"(?:^|(?<=[；;，,。\s]))\s*(?P<label>[\u4e00-\u9fff]{2,8})\s*[：:]")
MARKER_OPEN = "（(【[［〔"
# where a marker may start: a bracket of MARKER_OPEN, or the start of a line or sentence (an
# unbracketed 责任单位：…), i.e. after one of these stops; find_markers skips to the next one
MARKER_STOP = _lazy(r"[（(【\[［〔\n。]")
# a role written after one unit of a list: 县卫健局（牵头）、县医保局
OWN_ROLE_TAG = _lazy(r"[（(〔](?P<kw>牵头单位|牵头|配合单位|配合|协办)[）)〕]$")
# a role tag right after a body's name (县医保局（牵头）会同…): not after these (a line's start, a sentence's end)
TAG_NOT_AFTER = "。；;，,：:、 \t\u3000\n"
# where the list before a role tag starts: after one of these
TAG_CLAUSE_STOPS = "，,。；;：:\n"
# what may stand before the bodies a role tag closes: 由县医保局（牵头）, 会同县卫健局、县民政局（配合）
TAG_LIST_LEAD = _lazy(r"^\s*(?:由|会同|以及|和|及|与|并|、)?\s*")
# the next list and role tag of the same clause (会同县卫健局、县民政局（配合）)
TAG_NEXT = _lazy(r"[^，,。；;（(〔\n]{2,80}?[（(〔](?=\s*(?:" + "|".join(p for _, p in ROLE_KEYWORDS) + r")\s*[）)〕])")
# the last part of a bare bracket of units that gives its deadline or pace (〔甲局、乙局，2022年9月〕, （甲院，12月底前）,
# 【甲局；持续推进】): cut off before the units are read
BRACKET_DEADLINE_TAIL = _lazy(r"[，,；;\s\u3000]+(?:(?:完成)?(?:时限|时间)[：:])?\s*(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|"
                              r"\d{1,2}月(?:\d{1,2}日)?|年底|年内|长期|持续推进|长期坚持|持续实施|逐年推进)"
                              r"(?:底|中旬|上旬|下旬)?(?:前|之前|以前)?(?:完成)?\s*$")
# a unit label in a bracket of its own, the units after it: 【牵头单位】市卫健委【配合单位】市医保局
BRACKETED_LABEL = _lazy("(?P<kw>" + "|".join(p for _, p in ROLE_KEYWORDS) + ")")
# the State Council lead convention: the first unit listed leads, the others support (下同: in every later marker)
LEAD_FIRST = _lazy(r"(?:列|排)(?:在|于|名)?(?:第一位?|首位)(?:者|的)?(?:单位|部门)?为牵头(?:单位|部门)?|"
                        r"第一个?(?:单位|部门)为牵头(?:单位|部门)?")
CARRIED_ON = _lazy(r"下同|以下同|后同|以下各项同")
# clauses a marker may carry that name no unit: the convention, a deadline, a duration
MARKER_NOTE = _lazy(r"^(?:下同|以下同|后同|.*(?:第一[位个的]|排名第一|首位).*牵头.*|.*\d{4}年.*|.*前完成|.*底前|"
                         r"持续推进|长期坚持|持续实施|"
                         r"长期推进|逐年推进|分年度推进)$")
# an item's sentence that assigns it: 由甲部会同乙委、丙局等部门负责落实 / 研究提出落实意见 (甲 leads, the
# others support), 由甲部、乙委等分工负责 (all responsible); only after a clause break, only with these verbs
ASSIGNING_SENTENCE = _lazy(
    r"(?:^|(?<=[，,。；;\n]))\s*由(?P<units>[^，,。；;“”（）()\n]{2,200}?)"
    r"(?P<verb>按照职责分工负责|按职责分工负责|分工负责|共同负责|牵头负责|负责组织实施|负责落实|具体负责|具体落实|负责|"
    r"研究提出|研究制定|牵头)")
# an item's clause that names its units as the subject of an assigning verb (市卫健局负责统筹推进……;
# 局医政股牵头做好督导; 各镇负责组织实施): printed at the item; only government bodies and their
# offices (a provider, 定点医疗机构负责垫付, carries out a step, it is not assigned the item)
SUBJECT_ASSIGNING = _lazy(
    r"^(?:同时|此外|另外|并)?(?:(?:以上|上述|此项|该项|各项|本项)(?:工作|任务)?由|由)?"
    r"(?P<units>(?:[^，,。；;：:“”（）()\n]|（(?:社区|街道|居)）){2,60}?)"  # 各村（社区）, 各镇（街道）
    r"(?P<verb>按照职责分工负责|按职责分工负责|牵头负责|负责组织实施|负责落实|具体负责|具体组织实施|具体落实|具体实施|组织实施|"
    r"负责|牵头)"
    r"(?!人|同志|的|单位|部门)")  # 县卫健局负责人 is a person; 县卫健局负责的项目 names work, not who is assigned


def _object_first(longest_units: int) -> str:
    """The work first, then 由 and the bodies (at most ``longest_units`` characters) that do it."""
    return rf"^\s*(?P<object>[^，,。；;：:由]{{2,40}}?)由(?P<units>[^，,。；;：:“”（）()\n由]{{2,{longest_units}}}?)"


# the work first, then who does it (医疗救助资金的预拨和清算由县财政局负责): 由 + bodies + the verb closing the clause
OBJECT_FIRST_ASSIGNING = _lazy(_object_first(40) + r"(?P<verb>具体负责|牵头负责|负责|牵头)\s*$")
# the work first, then the bodies that do it with a verb of the work (身份信息由县乡村振兴局每月推送一次)
OBJECT_FIRST_ACTING = _lazy(_object_first(30) + r"(?P<verb>(?:每(?:年|半年|季度|月|周)|定期|按月|按季度)?(?:推送|拨付|发放|"
                            r"审核|核实|核定|比对|汇总|上报|组织|落实|开展|统一))")
# the notice's own items named by number and the bodies that each carry one (以上三、四项工作由甲和乙分别负责)
ITEMS_EACH_ASSIGNED = _lazy(r"(?:以上|上述)(?:第)?(?P<items>[一二三四五六七八九十]{1,3}(?:[、和][一二三四五六七八九十]{1,3})+)项"
                            r"(?:工作|任务)?由(?P<units>[^，,。；;：:（）()\n]{4,60}?)分别(?:负责|落实|牵头)")
# the work, then 的是 + who does it (负责信息系统改造的是县医保局信息股)
INVERTED_RESPONSIBLE = _lazy(r"^\s*(?:具体)?(?P<verb>负责|牵头)[^，,。；;：:]{1,40}?的(?:是|为)"
                             r"(?P<units>[^，,。；;：:“”（）()\n]{2,40}?)\s*$")
# the grassroots actors a county notice tells who does what (村卫生室负责随访；家庭医生签约团队负责建档): named
GRASSROOTS_ACTOR = _lazy(r"^各?(?:村卫生室|(?:家庭医生)?签约(?:服务)?团队|家庭医生团队|家庭医生服务团队|"
                         r"村委会|村民委员会|村（居）委会|村（居）民委员会|村（社区）|村\(社区\)|村（社区）两委|村两委|"
                         r"镇（街道）|乡镇（街道）)$")
# a town's own office or station a notice tells what to do (镇社保所负责参保登记, 各派出所负责户籍核查; the names
# units.json's institutions know): named, as a town's 卫生院
TOWN_STATION = _lazy(r"^各?(?:[\u4e00-\u9fff]{0,6}?(?:乡镇|镇|乡|街道)(?:（街道）)?)?"
                     r"(?:社会保障所|社保所|劳动保障所|劳动和社会保障所|人社所|人力资源和社会保障所|人力资源社会保障所|"
                     r"社保服务所|派出所)$")
# (a 乡镇 notice's villages: 各村委会负责提供用房, 各村（社区）具体落实; a county's 各镇（街道）负责… — named, as a
# county's 各镇卫生院)
# every township's (or subdistrict's) own health institution (各镇卫生院, 各乡镇卫生院, 各社区卫生服务中心): named
# bodies a county notice tells what to do, not a call to every level (各县区要…)
TOWNSHIP_INSTITUTION = _lazy(r"^各(?:乡镇|镇|乡|街道|社区|镇（街道）|乡镇（街道）)?(?:中心)?"
                             r"(?:卫生院|社区卫生服务中心|卫生服务中心)$")
# a clause whose subject is one named body told what to do (县医保局要做好资助参保；市民政局应当及时…): that
# body is printed as the one who acts; a placeholder (各县区要…) or a generic body (各有关部门要…) is not named
SUBJECT_BOUND = _lazy(
    r"^(?:同时|此外|另外|并)?(?P<units>[^，,。；;：:“”（）()\n要应须]{2,40}?)(?P<verb>要|应当|应|须|必须)"
    r"(?!当地|急|用|对|有|求)")
# a clause whose subject is named bodies doing the item with another verb (由县医保局、县民政局按职责落实……;
# 县医保局会同县民政局给予……; 县卫健局是……责任主体; 县医院每季度开展……; 县财政局配合开展……): only verbs no
# body's name holds (组织 not before 部: 县委组织部), never a finished act (开展了)
# SUBJECT_ACTING's common verbs, in its order: (as the pattern reads them, as the cheap test reads them where it differs)
_ACTING_VERBS = [("给予|建立|开展|落实|做好|加强|制定|推进|完善|督促", None), ("每(?:年|半年|季度|月|周)", "每"),
                 ("定期", None), ("对(?!口)", "对"), ("联合|共同|统筹|抓好|健全|强化", None), ("组织(?!部)", "组织"),
                 ("派出|核实|推送", None)]
SUBJECT_ACTING = _lazy(
    r"^(?:同时|此外|另外|并)?(?:(?:以上|上述|此项|该项|各项|本项)(?:工作|任务)?由|由)?"
    r"(?P<units>(?:[^，,。；;：:“”（）()\n要应须]|（[市区县州旗、]{1,7}）){2,60}?)"  # 各县（市、区）卫生健康局
    r"(?P<verb>(?P<explicit>按照职责分工落实|按职责分工落实|按照职责落实|按职责落实|按照职责|按职责|(?P<support>配合|协助)|"
    r"是[^，,。；;]{0,30}?(?P<owner>责任主体))|" + "|".join(read for read, _ in _ACTING_VERBS) + ")(?!了)")
# (an explicit role, 按职责落实 / 配合 / 是……责任主体, may name any body; a common verb only a body named by place)
# the verbs of SUBJECT_ACTING and SUBJECT_BOUND (a cheap test before an item's clauses are read)
SUBJECT_ACTING_WORD = _lazy(r"要|应|须|按照?职责|配合|协助|责任主体|" + "|".join(word or read for read, word in _ACTING_VERBS))
# an institution named by its kind, not by its place (乡镇卫生院, 社区卫生服务中心, 定点医疗机构): a clause that
# makes it the subject of a common verb names who provides a service, not who is assigned the item
PROVIDER_BY_KIND = _lazy(r"^各?(?:乡镇|乡|镇|村|社区|基层|二级|三级|公立|民营|医疗)|定点|域内|辖区|[县市省区]级")
# what such a provider's name ends in (a township's government or party committee, 各镇党委, is no provider)
PROVIDER_END = _lazy(r"(?:医院|卫生院|中心|保健院|保健站|卫生室|卫生所|机构|诊所)$")
# words no body's name holds: a clause's subject glued to what comes before it (资金由县财政会同县医保局)
SUBJECT_NOT_BODY = _lazy(r"由|的|会同|配合|积极|做好|加强|对|向|将|把|为|是|要")
# an institution a clause may make its subject when its name starts with its place (县医院, 各镇卫生院, 县疾控中心)
SUBJECT_PLACED_INSTITUTION = _lazy(r"(?:医院|卫生院|服务中心|保健院|保健站|进修学校)$")
SUBJECT_BODY_END = _lazy(r"(?:局|委|厅|(?<![全内外局东西中南北干])部|办|处|(?<![专本学])科|股|政府|部门|办公室|委员会|办事处|"
                         r"中心|管委会|街道)$")
# a bracket of words that is no bare list of units (examples, a gloss, a scope, a note): 含/包括/如/即/简称 …
BARE_BRACKET_NOT_UNITS = _lazy(r"^\s*(?:含|包含|包括|不含|如|例如|即|指|简称|以下简称|下称|其中|除|主要|重点|特别是|尤其是)|"
                               r"[：:“”\"《》\d]|以下|简称|等(?:地|县|市|区)")
UNIT_SEPARATORS = "、，,；;"
# words that join two bodies in a list, longest first: 甲部、乙委等和各省级人民政府; 甲部会同乙委
UNIT_JOINERS = _lazy(r"等和|以及|会同|及|和|与")
# the trailing 等 of an open list, and the shared suffix it may carry (农业农村、生态环境等部门)
OPEN_LIST_END = _lazy(r"等(?:有关|相关|其他)?(?P<suffix>部门|单位|机构|方面|主管部门)?$")
# the endings of a body's name (a unit is only what the text names as a body)
BODY_END = _lazy(
    r"(?:(?<![格布结大])局|委|厅|(?<![全内外局东西中南北干])部|办|院|中心|政府|部门|单位|处|(?<![专本学])科|(?<![控入配参])股|室|"
    r"委员会|协会|学会|总会|商会|工会|联合会|基金会|红十字会|理事会|公司|站|(?<!场)所|队|组|联|机构|集团|银行|"
    r"党校|学校|医院|大学|办事处|管委会|街道|镇|乡|合作社|署|馆|团|团委|监狱|指挥部|领导小组|医共体|总院|分局|办公室|"
    r"卫生院|基地|企业)$")
# placeholder bodies not ending as a body does (各有关部门, 各省级人民政府 do): 各地, 各县区, 各市, 各乡镇
PLACEHOLDER_BODY = _lazy(
    r"^各(?:地|地区|市|县|区|县区|县市区|乡镇|镇|镇街|街道|省|省份|地市|市州|州市|市（州）|县（市、区）|县（区）|"
    r"省（自治区、直辖市）|省（区、市）)$")
# a ministry's or a commission's department (国家卫生健康委乡村振兴司, 国家医保局待遇保障司): a body
MINISTRY_DIVISION = _lazy(r"(?:委|部|局|署)[^，,。；;、\s]{1,10}司$")
# a bare department after one named with its ministry (国家卫生健康委医政司、乡村振兴司): the ministry's too
BARE_DIVISION = _lazy(r"^[^，,。；;、\s部委局厅署]{2,10}(?:司|处)$")
DIVISION_PARENT = _lazy(r"^(?P<parent>.{2,}?(?:委|部|局|厅|署))[^，,。；;、\s部委局厅署]{2,10}(?:司|处)$")
# every township with the subdistricts beside it (各镇（街道）, 各乡镇（街道办事处）): the township governments, a body
TOWNSHIP_BRACKET_BODY = _lazy(r"^各(?:乡镇|镇|乡)[（(](?:街道|街道办事处|街办|社区)[）)](?:人民政府)?$")
# bodies a duty clause may name that divide nothing: 各有关部门要密切配合, 其他相关单位
GENERIC_BODY = _lazy(r"^(?:各|其他|其它)?(?:有关|相关|成员)?(?:部门|单位)$|^各(?:级|地)?各?(?:有关|相关)(?:部门|单位)$")
# a level word a list may print bare before the body it shares (省、市、县卫生健康部门; 各市、县（市、区）人民政府)
LEADING_LEVEL = _lazy(r"^各?(?:省（自治区、直辖市）|省（区、市）|自治区|省|市（州）|市（地、州）|县（市、区）|县（市区）|"
                      r"县（区）|县（市）|县市区|县区|市州|州市|地市|市|州|盟|县|区|旗|乡镇|乡|镇|街道|村)")
# generic suffixes a list's last part may share with the bare function names before it
SHARED_SUFFIX = _lazy(r"(?P<suffix>主管部门|行政部门|部门|单位|机构)$")
UNIT_TRAILING_PHRASES = _lazy(r"(?:按照职责分工分别负责|按照职责分工负责|按职责分工负责|分工负责|分别负责|共同负责|负责)$")
# the verb that follows a unit at the head of a duty clause (甲部门负责……；乙部门要……); longest first
DUTY_VERBS = _lazy(r"牵头负责|按照职责分工|按职责分工|按照职责|按职责|分别负责|共同负责|负责|应当|要|应|牵头|配合|承担")
# the unit an article's clause makes its subject (rules in article form name who acts, not a marker):
# 市卫生健康委负责…, 由县级财政部门负责保障, 县财政局应当…, 审计部门按照职责…, 县卫生健康局每年…
_ARTICLE_UNIT = r"[^，,。；;：:]{2,30}?(?:局|委员会|委|厅|部门|办公室|中心|卫生院|医院|院|所|办|政府|站)"
ARTICLE_SUBJECT = _lazy(
    rf"^(?:由(?P<by>{_ARTICLE_UNIT})(?=负责|组织|约谈|统一|会同|按照|审核|核定|拨付|考核|监督|发放|[\u4e00-\u9fff]{{2}})"
    rf"|(?P<unit>{_ARTICLE_UNIT})(?=负责|应当|应|须|要|按照职责|按职责|每年|每季度|每月|定期|会同|对|将|向))")

# ---------------------------------------------------------------- targets
# a number: digits (not after a digit) or Chinese numerals. Written to start with the one set of the
# characters a number starts with, then a branch on which it was: a pattern whose first step is a set
# is scanned for that set, one that starts with a branch or a lookbehind is tried at every position
NUMBER = rf"(?:[\d{CN_DIGITS}](?:(?<=\d)(?<!\d\d)\d*(?:\.\d+)?|(?<=[{CN_DIGITS}])[{CN_DIGITS}]{{0,4}}))"
TARGET_UNITS = [
    "个百分点", "百分点", "个病种", "个工作日", "个月", "万人", "周岁", "%", "％", "‰",
    "/10万", "/万", "元/人", "张/千人", "人/千人", "人/万人", "张/万人",
    "种", "人", "年", "周", "天", "日", "月", "所", "个", "次", "家", "名", "张", "项", "倍", "份", "件",
    "元", "万元", "亿元", "公里", "小时", "学时", "分钟", "分", "岁", "台",
    "万名", "万户", "户", "人次", "万人次", "例", "万例",
]
# counted only in digits: 一户一策, 新发现一例救治一例 are slogans
DIGIT_ONLY_UNITS = ("万", "户", "万户", "例", "万例", "人次", "万人次", "万名")
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in TARGET_UNITS), key=len, reverse=True))
# a value with no unit (指数达85, 控制在0.012以内) is read only right after a comparator
_BARE_END = r"(?<=\d)(?=(?:以内|以上|以下|左右)?(?:[，,。；;、）)\n]|$))"
# a bare 万 ends a value only where the clause ends (体检人数达1000万以上，): 3万余人 is not read
_TEN_THOUSAND_END = r"万(?=(?:以上|以下|以内|左右)?(?:[，,。；;）)\n]|$))"
QUANTITY = _lazy(rf"(?P<value>{NUMBER})\s*(?P<unit>{_UNIT_ALT}|{_TEN_THOUSAND_END}|{_BARE_END})")
# a percentage in Chinese numerals (百分之九十五, 百分之三十点五): the unit is before the value
CN_PERCENT = _lazy(rf"百分之(?P<value>[{CN_DIGITS}]{{1,5}}(?:点[{CN_SMALL}〇零]{{1,3}})?)(?P<unit>)(?![{CN_DIGITS}])")
# a change (诊疗人次增长4.1%) reaches no level: "=", but its subject ends at the verb
CHANGE_VERBS_ALT = r"增长了|增加了|提高了|提升了|上升了|下降了|降低了|减少了|增长|增加|提高|提升|上升|下降|降低|减少"
# the words that print a bound on a figure (不低于38%, 38%以上): a status figure keeps its comparator only where they
# stand beside its value; a level reached (达到38%, 提高到90%) is that level, not a floor (targets --status)
# the bound words of COMPARATOR_BEFORE (not its verbs of reaching a level: 达到, 提高到, 控制在)
_AT_LEAST, _AT_MOST = r"不少于|不低于|不得少于|不得低于|至少", r"不得超过|不超过|不高于|不得高于"
_ABOVE, _BELOW = r"超过|高于|多于|大于", r"低于|少于|小于"
_STATUS_BOUND_WORD = rf"(?:{_AT_LEAST}|{_AT_MOST}|{_ABOVE}|{_BELOW}|[≥≤><])"
STATUS_BOUND = _lazy(_STATUS_BOUND_WORD)
STATUS_BOUND_BEFORE = _lazy(_STATUS_BOUND_WORD + r"\s*$")
STATUS_BOUND_AFTER = _lazy(r"^\s*(?:及)?(?:以上|以下|以内)")
COMPARATOR_BEFORE = [
    (">=", _AT_LEAST + r"|达到|达|≥|满|提高到|提升到|增加到|增长到|上升到|扩大到|扩大至|"
                       r"提高至|提升至|增加至|增长至|上升至"),
    ("<=", _AT_MOST + r"|控制在|≤|下降到|降低到|降至|减少到|减至|压缩到|缩短到|缩短至"),
    (">", _ABOVE),
    ("<", _BELOW),
    ("=", r"维持在|稳定在|保持在|分别为|分别是|(?<=[率例数])为"),
    ("change", CHANGE_VERBS_ALT + "|高出"),
    # 住院救助比例向低保对象倾斜10个百分点: a rise over what the others get (+10个百分点), never a level
    ("change", r"倾斜"),
    # 补助标准每年递增5%: a yearly rise (+5%), never a level
    ("change", r"递增|递减"),
]
# a change (起付线降低50%, 支付比例提高5个百分点, 较2022年提高5个百分点以上) is never a level: its comparator is its
# direction, "+" (raised by) or "-" (lowered by), followed by the bound a change may carry (+>=: by at least)
CHANGE_DOWN = _lazy(r"下降|降低|减少|递减")
CHANGE_COMPARATORS = ("+", "-", "+>=", "->=", "+<=", "-<=", "×")
# 翻一番 / 翻两番: doubled (comparator "×", value 2, unit 倍), quadrupled (×4)
DOUBLING = _lazy(r"翻(?P<times>一|两|二|三)番")
DOUBLING_TIMES = {"一": 2, "两": 4, "二": 4, "三": 8}
COMPARATOR_AFTER = [
    (">=", r"^(?:及)?以上"),
    ("<=", r"^(?:以内|之内|内|以下)"),
]
APPROXIMATE_BEFORE = _lazy(r"(?:约|大约|大概)$")
APPROXIMATE_AFTER = _lazy(r"^(?:以内|以上|以下)?左右")
# 由76.5岁提高到77.1岁: the first value is where it starts
BASELINE_BEFORE = _lazy(r"(?:从|由)(?:(?:19|20)\d{2}\s*年(?:底|末)?的?)?$")
# what may stand between a comparator and its value besides words: 提高到2025年的78.3岁
YEAR_FILLER = _lazy(r"(?:19|20)\d{2}\s*年(?:底|末)?的?")
# a unitless value needs one of these right before it
BARE_COMPARATOR = _lazy(r"(?:达到|达|为|控制在|不低于|不超过|低于|高于|小于|大于|提高到|下降到|降至|≥|≤)\s*$")
# numbers in these contexts are not targets
NOT_TARGET_BEFORE = _lazy(r"(?:第|前|十|“|\")$")
# a document's or an agreement's period of validity (本通知有效期2年, 签约协议有效期为1年): how long it holds, no target
VALIDITY_BEFORE = _lazy(r"有效期(?:为|是|均为)?$")
# one person put in charge (明确一名专人负责, 安排1名专人): who handles the work, no amount to reach
IN_CHARGE_AFTER = _lazy(r"^专人")
# a motto of one thing each (一人一档, 一户一策, 一村一医): no amount to reach
ONE_EACH = _lazy(r"一[人户村乡镇院县病科校家]一[档策案医室院品码卡册表证账单]")
# the notice's own items named by their numbers (以上三、四项工作, 上述第二、三条): no amount
ITEM_REFERENCE = _lazy(r"(?:以上|上述|前述|第)(?:[一二三四五六七八九十\d]+[、和至到—-])*$")
ITEM_REFERENCE_UNITS = ("项", "条", "款", "点")
MEETING_AFTER = _lazy(r"^(?:全会|全体会议|会议|党代会|代表大会|中全会)")  # 市委三届四次全会
AGE_BAND = _lazy(r"(?<!\d)\d+\s*[-—–~至]\s*$")
# a range of amounts, one entry with both bounds: 1至2家, 5-10个, 一至两家, 1到2名 (not 第一至三批)
# the low bound may repeat the unit's head (3万至5万人, 85%—90%): low_unit
RANGE = _lazy(rf"(?P<low>[\d{CN_SMALL}两](?:(?<=\d)(?<!\d\d)\d*(?:\.\d+)?"  # (started by its first character: NUMBER)
              rf"|(?<=[{CN_SMALL}两])(?<![第\d{CN_DIGITS}].)[{CN_SMALL}两]{{0,2}}))(?P<low_unit>万|%|％)?"
              rf"\s*(?:[-—–~～至]|到(?=\s*[\d{CN_SMALL}两]))\s*(?P<value>\d+(?:\.\d+)?|[{CN_SMALL}两]{{1,3}})\s*(?P<unit>{_UNIT_ALT})")
# a population or area condition on a target, not a target (常住人口超过10万人的, 65岁以上老年人, 年满60周岁的)
QUALIFIER_UNITS = ("岁", "周岁", "万人", "人", "万")
QUALIFIER_TAIL = _lazy(rf"^(?:口)?(?:及以上|以上|以下|以内)?(?:的)?(?P<noun>[{CJK}]{{0,6}}?"
                            r"(?:老年人|儿童|婴幼儿|孕产妇|妇女|人群|患者|乡村医生|医生|居民|人口|脱贫县|县|地区|家庭|群众|学生))?")
# 岁 then a group, not an end of clause nor a change (由76.6岁提高到…)
GROUP_AFTER = _lazy(r"^(?:以上|以下|及以上)?(?:的)?(?!提高|提升|增加|增长|上升|下降|降低|到|至)[\u4e00-\u9fff]")
# ---------------------------------------------------------------- number roles (issue 27)
# Every number the target extractor reads gets one role: ``target`` (a level to reach), ``parameter`` (a rate,
# cap, threshold, amount or eligibility condition the policy sets), ``status`` (a figure already reached or a
# change already seen), ``period`` (a duration or time window), ``count`` (of the notice's own parts or of things
# it names). Only targets and parameters are compared. Each cue is one row: (role, what it says, pattern); the
# first row whose pattern matches decides, in the order count, period, status, parameter (target otherwise).
NUMBER_ROLES = ("target", "parameter", "status", "period", "count")
COMPARED_ROLES = ("target", "parameter")
# where the pattern is searched: "after" the value (its unit and what follows), "before" it (its clause up to the
# value), "headcount_before" (the same, only when the unit counts people, cases or households: HEADCOUNT_UNIT),
# "sentence_before" (its sentence up to the value), "indicator" (the noun phrase it measures)
HEADCOUNT_UNIT = _lazy(r"^(?:例|人|人次|户|名|万人|万人次|万户)$")
ROLE_CUES = [
    ("count", "a part of the notice (4个方面, 26个指标, 九个确保)", "after", _lazy(
        r"^(?:个|项|大|条|类|部分)(?:方面|指标|确保|到位|任务|重点任务|行动|工程|措施|环节|机制|领域|原则|目标|要求|"
        r"举措|专项|计划|规划|协同|提升|不准|严禁|坚持|内容|板块|章|部分|清单|体系)")),
    ("count", "a list it names before the number (高血压、糖尿病…四种)", "before", _lazy(
        r"(?<![\d.%])[^、，,；;。：:\d]{2,16}(?:、[^、，,；;。：:\d为是达到在于]{2,16})+(?:等|共)?"
        r"(?<!建|设|备|训|聘|施|展|实|供|有|到|好|托|为|增|办|成|置|立|达|新|派|配|组|患|括|含|各|别|均|需|要|应)$")),
    # the work's own staffing (明确1名分管领导和1名联络员, 派出3个督导组): how it is organised, not a level to reach
    ("count", "the work's own staffing (1名分管领导, 1名联络员, 3个督导组)", "after", _lazy(
        r"^(?:名|个|位)(?:分管(?:领导|负责人)|主要负责人|负责人|联络员|信息员|专职联络员|督导组|督查组|检查组|工作组|"
        r"工作专班|专班|领导小组|指导组|考核组|暗访组)")),
    ("count", "a set named before (上述4类, 以下3个)", "before", _lazy(r"(?:上述|以上|以下|这|该|共计|共)$")),
    ("count", "how many places each get the target after it (11个县区各有1所)", "after", _lazy(
        r"^(?:个|所|家)?[^，,；;。\d]{1,8}?(?:各|均)(?:有|建|设|配|达|要|至少|不少于|办)")),
    ("parameter", "the scope of a programme (30种大病, 34个病种)", "after", _lazy(
        r"^(?:个病种$|(?:种|个|类)?(?:大病|病种|慢病|重点慢病|主要慢病|传染病|重点传染病|地方病|重点疾病|疾病|癌症|职业病))")),
    ("period", "a duration or time window (在5年过渡期内, 连续工作满10年, 3年内)", "unit", _lazy(
        r"^(?:年|个月|月|周|天|日|小时|分钟|个工作日)$")),
    ("status", "a figure up to a date (截至2020年底)", "sentence_before", _lazy(
        r"(?:截至|截止)(?:到)?\s*(?:19|20)\d{2}\s*年")),
    ("status", "a change already seen since a past time (党的十八大以来, 近年来)", "sentence_before", _lazy(
        r"^[^，,；;。]{0,16}?(?:以来|近年来|近几年|过去五年|脱贫攻坚期间)[，,]")),
    ("status", "already reached (已达到, 累计救治)", "before", _lazy(
        r"已(?:经)?(?:达到|达|建成|完成|实现|覆盖|累计|有|为)|累计(?:救治|投入|完成|培训|签约|建成|救助|资助|减免|"
        r"下达|支付|帮扶|派驻|选派)|共(?:救治|投入|完成|培训|签约|建成|救助|资助)")),
    # a monitoring report's count of cases or people found (新增监测对象有5例, 共纳入监测对象126人, 共有…2.3万人);
    # not a standard (每个村有1名村医, 每年新增培训100名) nor, like every "report" cue, a figure still to come
    ("status", "a count a report gives (监测对象有5例, 共有2.3万人)", "headcount_before", _lazy(
        r"^(?![^。]*(?:每|至少|不少于|不低于|计划|力争|确保|争取|预计|达到))[^。]*?"
        r"(?:(?:共有|现有|尚有|仍有|还有|另有|累计有|新增|新发现|发现|报告|上报|纳入|识别|确诊|排查出)"
        r"[^，,；;。\d]{0,16}?(?:有|共|共计|合计)?|(?:对象|患者|病例|病人|人员|人口|户|家庭)(?:有|共|共计|合计))$")),
    ("status", "what a report's data show (监测数据显示, 统计结果显示)", "sentence_before", _lazy(
        r"(?:数据|监测|统计|调查|评估)(?:结果)?(?:显示|表明)")),
    ("status", "work already done (46项任务全部完成, 建议提案办理完毕)", "after", _lazy(
        r"(?:全部|均已|已经|已)(?:完成|办结|落实到位)|办理完毕")),
    ("status", "a baseline printed beside a goal (目前8.1‰, 上年为7.2‰)", "before", _lazy(
        r"(?:目前|当前|现为|现状|上年|去年|上一年|基期|基线)(?:为|是|值为|水平为)?$")),
    ("status", "a change already seen (较2015年增长, 比上年提高, 同比下降)", "before", _lazy(
        r"(?:较|同比|与|(?<!占)比(?!例|重|率))[^，,；;。]{0,14}?(?:相比|比较)?[^，,；;。\d]{0,6}?"
        r"(?:分别)?(?:增长|增加|提高|提升|上升|下降|降低|减少|缩短)了?$")),
    ("status", "a change already seen (增长了, 下降了)", "before", _lazy(
        r"(?:增长|增加|提高|提升|上升|下降|降低|减少)了$")),
    ("parameter", "a rate, cap or amount the policy sets (报销比例, 起付线, 补助标准)", "before", _lazy(
        r"报销|补偿|起付|封顶|自付|支付|补助|补贴|救助|限额|待遇|工资|薪酬|收费|价格|资金|经费|费用|倾斜|"
        r"每批|每次|每人|每(?:\d+|[一二三两半])?(?:年|季度|季|月|周|天|日)|每户|每名|半径|(?:承担|分担)$")),
    ("parameter", "an amount of money", "unit", _lazy(r"^(?:元|万元|亿元|元/人)$")),
    ("parameter", "an age condition (年满18周岁)", "before", _lazy(r"(?:年满|未满|满|年龄(?:在|达到|超过)?)$")),
    # probe 3a: a subsidy's share the policy sets (按照不低于70%给予定额资助, 按不低于70%的比例救助)
    ("parameter", "a share of a subsidy or relief (不低于70%给予资助)", "after", _lazy(
        r"^[%％]?(?:的比例)?(?:给予|予以|进行)?(?:定额|全额|分类|医疗)?(?:资助|补助|补贴|救助|补偿)")),
    # probe 3a: a share of a standard or an income the policy sets (按照不超过2022年标准的50%给予资助)
    ("parameter", "a share of a standard or an income (标准的50%, 收入的50%)", "before", _lazy(
        r"(?:标准|收入|费用|金额|额度|基数)的$")),
    # probe 3a: a subsidy's level (低保对象定额资助不低于50%) — a rate to reach (资助参保率) stays a target
    ("parameter", "a subsidy's level (定额资助不低于50%)", "before", _lazy(r"资助")),
]
# a requirement word before the level in its clause (要达到, 应不低于, 力争达到, 确保…不低于): a level still to reach, even after
# 截至2021年10月31日 or beside 较上年提高
REQUIRED_BEFORE = _lazy(r"(?:(?<![主重纲摘概提扼只])要(?!求)|应当?|需要?|须|必须|力争|确保|争取|务必)[^，,；;。\d]{0,20}?"
                        r"(?:达到|达|不低于|不少于|不超过|"
                        r"提高|提升|增长|增加|下降|降低|减少|保持|控制|实现|稳定)[^，,；;。\d]{0,4}$")
# an item that sets requirements: a change against the year before in it (较上年提高N个百分点) is asked for
REQUIREMENT_HEADINGS = _lazy(r"考核|目标|要求|指标|任务")
# a rate printed without its unit (签约服务率要达到70以上): % read from the 率, and said so
BARE_RATE_INDICATOR = _lazy(r"(?:率|比例|比重|占比)$")
UNIT_NOT_PRINTED = "unit not printed: % read from the rate it measures (率/比例)"
# a rate to reach (参保率, 覆盖率) is a target even where a cost word stands before it (医疗救助资助参保率)
RATE_TO_REACH = _lazy(r"(?:(?<!报销|补偿|自付)率|比重|占比)$")  # 个人卫生支出占卫生总费用的比重: a share to reach
# a duration that is itself the measure (平均住院日控制在8天, 急救反应时间15分钟): a target, not a period
TIMED_INDICATOR = _lazy(r"(?:住院日|反应时间|响应时间|等候时间|等待时间|候诊时间|时限|时长|周期|寿命)$")
# a figure from a section that reports the past: every number in it is status (a period or a count aside)
STATUS_HEADINGS = _lazy(r"^(?:“?十[二三四]五”?(?:时期|期间)?|过去五年|近年来|(?:19|20)\d{2}年(?:度)?|上年度?|去年)?"
                             r"(?:工作|发展)?(?:的)?"
                             r"(?:发展现状|发展基础|工作基础|取得成效|主要成效|工作成效|发展成就|主要成就|取得的成绩|现状与形势|现状和形势|基本情况|工作回顾|"
                             r"成效与问题|面临形势|规划背景|发展环境|发展背景|现实基础|工作进展|进展情况|"
                             r"主要做法(?:和|与|及)(?:工作)?成效|开展情况|完成情况|情况(?=$|和|及|与))")
# an indicator table's target cell that is a change (较2020年提高10个百分点) or a count kept at zero (动态清零)
TABLE_CHANGE_VALUE = _lazy(r"^\s*(?:较|比)?(?:(?:19|20)\d{2}\s*年|上年|基期)?(?P<verb>提高|提升|增加|增长|上升|下降|降低|减少)"
                           r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>个百分点|%|％)?(?P<after>以上|以内)?\s*$")
TABLE_FULL_VALUE = _lazy(r"^\s*(?:实现|基本)?全覆盖\s*$")  # a % row's 全覆盖: 100%
TABLE_ZERO_VALUE = _lazy(r"^\s*(?:动态)?(?:清零|归零|消除)\s*$")
# one deadline per value of a paired list: 到2023年底和2030年，…分别不低于24%和30%
PAIRED_DEADLINES = _lazy(r"(?:19|20)\d{2}\s*年(?:底|末)?(?:(?:和|、|及|与)(?:19|20)\d{2}\s*年(?:底|末)?)+")
# paired lists (分别为/分别达到…): the separators of items and of values, and the levels a list may name
LIST_SEPARATORS = _lazy(r"、|和|与|及|以及")
VALUE_JOINERS = ("、", "和", "与", "及", "以及", "，", ",", "")
TIER_WORDS = _lazy(r"^(?:基层|一级|二级|三级|乡镇|乡级|村级|县级|县域|市级|省级|省内|省外|城市|农村|城镇|城乡|"
                        r"省|市|县|乡|村|门诊|住院)")
# where the head shared by a list's items begins in its last item (高血压、糖尿病、严重精神障碍[患者规范管理率];
# 健康村、健康家庭[创建比例]): a population word or an action the indicator measures
LIST_SHARED_HEAD = _lazy(r"(?:患者|人群)?(?:创建|规范|健康管理|管理|签约|覆盖|筛查|达标|参保|接种|发现|治疗|治愈|救治|"
                         r"报销|知晓|控制|随访|检出|服务|建设)")
# the noun a list item ends in when items are whole indicators (产前筛查率、新生儿疾病筛查率分别达到…)
INDICATOR_HEAD = _lazy(r"(?:率|比例|比重|占比|指数|水平|寿命|人数|数量|床位数|人次|费用|标准|病种|幅度)$")
# a measured noun in an indicator name: two values compare only when their heads agree (管理率 is not 报销比例)
MEASURE_HEAD = _lazy(r"[\u4e00-\u9fff]{2}(?:率|比例|比重|占比|指数|寿命|幅度|床位数|人数)")
# a plan's indicator table (主要指标: 指标 | 单位 | 2020年 | 2025年 | 属性), one tab-separated row a line: what each
# header cell says its column holds; a year column before the notice's own year (or a 现状/基期 column) holds status
# figures, a later one (or a 目标 column) the targets
TABLE_COLUMNS = [
    ("binding", _lazy(r"^(?:指标)?(?:属性|性质|类型)$")),
    ("unit", _lazy(r"^(?:计量)?单位$")),
    ("status", _lazy(r"现状|基期|基数|基线|基准")),
    ("target", _lazy(r"目标|预期值|规划值")),
    ("year", _lazy(r"^(?P<year>(?:19|20)\d{2})\s*年?(?:底|末)?$")),
    ("indicator", _lazy(r"指标|名称|项目")),
]
# a header cell naming bodies (牵头单位, 责任部门, 配合), not the measure's 单位: no indicator table's header
INDICATOR_HEADER_UNIT_ROLE = _lazy(r"牵头|配合|协办|责任|主责|承办|实施|落实|部门|^(?!(?:计量)?单位$).*单位")
# a table's header row: a line holding a tab (the callers read only those) that names 指标 — the tab on either side of it
# (the old 指标.*\t|\t.*指标 scanned on from every tab: a line of 150,000 tabs took ten seconds)
TABLE_HEADER_ROW = _lazy(r"指标")
TABLE_VALUE = _lazy(r"^\s*(?P<cmp>≥|≤|>=|<=|＞|＜|>|<)?\s*(?P<value>\d+(?:\.\d+)?)\s*"
                         r"(?P<unit>%|％|‰|/10万|/万|岁|张|人|个|种|所|万人)?\s*(?P<after>以上|以下|以内|左右)?\s*$")
TABLE_UNIT_IN_NAME = _lazy(r"[（(](?P<unit>%|％|‰|/10万|/万|岁|张|人|个|种|所|万人|[^（）()]{1,6}/[^（）()]{1,6})[）)]\s*$")

# a value this many times another notice's value for the same indicator is implausible (a damaged "9、15种" → 915)
IMPLAUSIBLE_RATIO = 10

DEADLINE = _lazy(r"(?:到|至|截至|截止|于|展望)\s*(?P<year>(?:19|20)\d{2})\s*年")
DEADLINE_BEFORE = _lazy(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?:底|末|年底)?\s*(?:前|之前)")
# a clause that opens on its own year (…转化，2025年转化比例不低于50%): the year its values are for
CLAUSE_YEAR = _lazy(r"\s*(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?:前)?(?=[\u4e00-\u9fff])(?![上下]半年|度|以来|月|初)")
DEADLINE_LEAD = _lazy(r"^(?P<year>(?:19|20)\d{2})\s*年[，,]")
# a year right after an aim word (力争2025年达到85%) or a month's end before 前 (2023年6月底前完成): by when
DEADLINE_AIMED = _lazy(r"(?:力争|确保|争取|计划|预计)\s*(?:在|到|于)?\s*(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?:前)?"
                       r"(?=[\u4e00-\u9fff])(?!度|以来|[上下]半年)")
DEADLINE_MONTH_BEFORE = _lazy(r"(?P<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:底|末|份|\d{1,2}日)?\s*(?:前|之前)")
# an item's own time-limit label (完成时限：2023年10月底前; 完成时间：“十四五”期间): the year its figures are due
TIME_LIMIT_LABEL = _lazy(r"(?:完成时限|完成时间|时间节点|时限要求)[：:]\s*(?P<limit>[^；;。\n）)]{1,30})")
# a bare 时限 label (（…；时限：全年）) and a limit within the notice's own year (全年, 年内, 年底前)
TIME_LIMIT_BARE = _lazy(r"(?<![完成])时限[：:]\s*(?P<limit>[^；;。\n）)]{1,30})")
WITHIN_THE_YEAR = _lazy(r"^\s*(?:全年|年内|本年度?内?|当年|年底前?|年末前?)\s*$")
FIVE_YEAR_PLANS = {"十三五": 2020, "十四五": 2025, "十五五": 2030}
FIVE_YEAR_PLAN = _lazy(r"[“\"]?(?P<plan>十[三四五]五)[”\"]?\s*(?:期末|期间|时期|末)")

# ---------------------------------------------------------------- citations
TITLE_QUOTED = _lazy(r"《(?P<title>[^《》]{2,200})》")
TITLE_UNQUOTED = _lazy(
    rf"(?:组织实施|实施|贯彻落实|落实|按照|依据|根据)(?P<title>[{CJK}“”]{{4,40}}?"
    r"(?:行动计划|规划|实施方案|工作方案|行动方案))（(?P<years>\d{4}\s*[—\-–－]\s*\d{4}年?)）"
)
CITING_VERBS = _lazy(r"(?:贯彻落实|贯彻|落实|按照|根据|依据|依照|参照|执行|遵照)")
# years a text gives for its own period, kept as a bound where the notice prints no date:
# 2017—2020年, 从2017年起 / 自2017年开始, 到2020年
YEAR_PERIOD = _lazy(r"(?P<first>(?:19|20)\d{2})\s*年?\s*[—\-–－~～至到]\s*(?P<last>(?:19|20)\d{2})\s*年")
YEAR_FROM = _lazy(r"[从自](?P<first>(?:19|20)\d{2})\s*年(?:起|开始|以来)")
YEAR_BY = _lazy(r"(?:到|至|截至)(?P<last>(?:19|20)\d{2})\s*年(?:底|末)?")
# short and full forms of one body's name (国家医保局 / 国家医疗保障局): the short form, for comparing names
NAME_SHORT_FORMS = [("委员会", "委"), ("委員會", "委"), ("医疗保障", "医保"), ("醫療保障", "醫保"), ("人民政府", "政府"),
                    ("卫生健康", "卫健"), ("衛生健康", "衛健"), ("人力资源和社会保障", "人社"), ("人力资源社会保障", "人社")]
# a notice's own parts named in 《》: its annex (《…》（见附件）), its enclosed plan by a bare genre word (《方案》)
OWN_ANNEX_AFTER = _lazy(r"\s*[（(]\s*(?:见|详见)?\s*附\s*件\s*\d*\s*[）)]")
OWN_PRINTING_AFTER = _lazy(r"(?:予以)?印发(?:给)?(?:你们|你单位|各)")
BARE_GENRE_TITLE = _lazy(r"^(?:实施|工作|行动|管理|考核)?(?P<genre>方案|办法|细则|规划|计划|要点|意见|规定|规范)$")
# a cited document's issuer as the sentence names it: bodies (市委、市政府), perhaps closed by 等N部门
BODIES_TAIL = _lazy(r"等(?:[\d一二三四五六七八九十]{1,3}个?)?(?:部门|单位|厅局|部委|委局|机构)$")
CITED_BODY_END = _lazy(rf"(?:{ORG_SUFFIX.pattern[:-1]}|中央|部门)$")
NOT_A_BODY = _lazy("[要将应请已把对在]")  # a phrase of the sentence (各地要完成), not a body
ISSUER_TRAILING = _lazy(r"(?:联合制定|联合印发|制定|印发|发布|出台|的)+$")

# ---------------------------------------------------------------- web-page furniture and information boxes
# Lines of a saved or copied government page that are not the notice: navigation, site tools,
# font-size and share widgets, download and footer lines, news-repost bylines.
PAGE_FURNITURE = _lazy(
    r"^(?=(?P<lead>[•·\s]*))(?P=lead)(?:"  # the lead taken whole (atomic): no retry per shorter lead
    r"(?:当前位置|當前位置|您的位置|你的位置|您现在所在的位置|您现在的位置|所在位置|您當前的位置)"
    r"|[>»›]|(?:网站)?首[页頁]\s*[>»/›]|首[页頁]$"
    r"|视力保护色|背景色|文字大小|设为首页|加入收藏|长辈版|關懷版|关怀版|无障碍|無障礙|适老版|适老化|返回顶部|今天是|个人中心|手[机機]版|[网網]站[导導][航]"
    r"|热门站点|打印本[页頁]|关闭窗口|關閉窗口|【?打印】?\s*【?关闭】?$|【?\s*字[体号體號]\s*[：:]"
    r"|字[体號号體]\s*[：:]?\s*[\[【]?\s*(?:大\s*中\s*小)?\s*[\]】]?\s*$|放大字[体體]|[缩縮]小字[体體]"
    r"|分享(?:到)?\s*[：:]?\s*$|分享到|[扫掃][描]二[维維][码碼]|下载地址|点击此处下载|上传人|文档编号|点击查看更多"
    r"|第\s*\d+\s*页\s*/\s*共\s*\d+\s*页|资源描述|下载\s*相关\s*举报|技术支持|版权所有|ICP备|郑重声明|相关文章|THE END"
    r"|[（(]?\s*资料图\s*[）)]?$|[（(]?\s*[责責][编編]\s*[：:]|编辑\s*[：:]|[（(]\s*记者|核心提示"
    r"|[|.\s]+$|(?<=[|.\s])$"  # (the second: a line of bullets and blanks, whose blanks the lead took)
    # a gazette's masthead: 某某公报, 公报2019年第3号, （总号：…）, its name in pinyin capitals
    r"|.{0,16}公[报報]$|.{0,16}公[报報]\s*\d{4}\s*年?\s*第\s*\d+\s*[号號期]|[（(]?\s*[总總][号號]\s*[：:]|[A-Z ]{12,}$"
    r")"
)
# a line that only names a web site (中国政府网, 某省人民政府网, 法律资料网)
SITE_NAME = _lazy(r"^[•·\s]*[^\s，。；：:,]{0,20}(?:政府网|政府網|政务网|门户网站?|門戶網站?|资料网|新闻网|新聞網|资讯网|"
                       r"資訊網|信息网|健康网|网站|網站)\s*\|?$")
# a news byline: a timestamp, 来源/作者/浏览 with values, in any order
BYLINE = _lazy(
    r"(?:(?:发布)?时间|時間|发布日期)\s*[：:]\s*\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}.*(?:来源|來源|作者|浏览|瀏覽|阅读|閱讀|点击|點擊|字体)"
    r"|(?:来源|來源|作者)\s*[：:].*(?:时间|時間|浏览|瀏覽|阅读|閱讀|点击|點擊)\s*[：:]"
    r"|^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源|來源)\s*[：:]"
    r"|^(?:浏览量|浏览次数|瀏覽次數|点击数|点击量|阅读量)\s*[：:]"
)
# labels of a page's information box → the normalised key they fill (None: a label to skip)
META_LABELS = {
    "title": ["标题", "標題", "名称", "名稱", "文件名称", "文件名稱"],
    "doc_number": ["发文字号", "發文字號", "发布文号", "發布文號", "文号", "文號", "文件编号"],
    "issuer": ["发布机构", "發布機構", "发文机关", "發文機關", "发文机构", "發文機構", "发布单位", "發布單位",
               "发布部门", "發布部門", "发布机关", "發布機關", "制定机关", "制定機關", "公开主体", "发文单位"],
    "written_date": ["成文日期", "成文時間", "成文时间", "发文日期", "發文日期", "印发日期",
                     "颁布时间", "頒布時間", "颁布日期", "頒布日期"],  # 颁布: promulgated (law databases, encyclopedia copies)
    # 生成日期: when a portal's entry was made, not when the notice was signed (it only fills an undated notice)
    "generated_date": ["生成日期"],
    "published_date": ["发布日期", "發布日期", "发布时间", "發布時間", "公开日期", "公開日期", "公布日期"],
    "effective_date": ["生效日期", "施行日期", "实施日期", "實施日期", "生效时间", "生效時間"],
    "index_no": ["索引号", "索引號"],
    "topic": ["主题分类", "主題分類", "组配分类", "組配分類", "信息分类", "信息分類", "主题词", "主題詞", "体裁分类"],
    "validity": ["文件有效性", "有效性狀態", "有效性状态", "有效性", "是否有效", "时效性", "時效性"],
    "source": ["发布来源", "發布來源", "信息来源", "信息來源", "来源", "來源"],
    None: ["效力级别", "效力級別", "公开属性", "公開屬性", "公开方式", "公開方式", "内容概述", "政策解读", "中央/地方",
           "专业属性", "專業屬性", "屬性", "属性", "备注", "備注", "废止日期", "廢止日期", "浏览次数", "瀏覽次數",
           "公开形式", "统一编号", "登记号", "关键词", "關鍵詞", "作者", "字体", "字號", "字号", "浏览量", "阅读",
           "废止时间", "廢止時間", "归档时间", "歸檔時間"],
}
_LABEL_ALT = "|".join(sorted(
    (f"[ {UNICODE_SPACES}]*".join(re.escape(ch) for ch in label) for labels in META_LABELS.values() for label in labels),
    key=len, reverse=True))
# a label as printed: 【文　　号】, 文 号 :, 發文機關 (glued to its value)
META_LABEL = _lazy(rf"(?:【|(?<!\s))\s*(?P<label>{_LABEL_ALT})\s*】?\s*[：:]?")
META_LINE_START = _lazy(rf"^[•·|\s]*(?:【\s*(?:{_LABEL_ALT})\s*】|(?:{_LABEL_ALT})\s*(?:[：:|]|\s|$|(?:{_LABEL_ALT})))")
META_LINE_GLUED = _lazy(r"^[•·\s]*(?:發文機關|发文机关|發文字號|发文字号|發文日期|发文日期|時效性|时效性|施行日期|"
                             r"效力級別|效力级别|發布單位|发布单位|發布文號|发布文号|索引号|成文日期|发布机构|名称|名稱|标题|標題|文号(?=\S))")
# ---------------------------------------------------------------- damaged text
# a 文号 that lost its closing bracket (〔201827号), its opening one (国办发2020〕8号), the closing
# bracket and 号 (皖卫发〔2019215), or every bracket (某政辦字2019188號)
_CODE = rf"(?P<code>[{CJK}]{{1,12}}?)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_SERIAL = r"(?P<serial>\d{1,4})"
DAMAGED_DOC_NUMBERS = [
    ("missing_close_bracket", _lazy(rf"{_CODE}[〔\[［【﹝〖]\s*{_YEAR}{_SERIAL}\s*[号號]")),
    ("missing_open_bracket", _lazy(rf"{_CODE}{_YEAR}\s*[〕\]］】﹞〗]\s*{_SERIAL}\s*[号號]")),
    ("missing_close_bracket_and_hao", _lazy(rf"{_CODE}[〔\[［【﹝〖]\s*{_YEAR}{_SERIAL}(?![\d号號〕\]］】﹞〗])")),
    ("missing_brackets", _lazy(rf"(?P<code>[{CJK}]{{1,10}}?[发函字办通规辦發])\s*{_YEAR}\s*第?\s*{_SERIAL}\s*[号號]")),
    # [ ] 【 】, and angle brackets 〈 〉 ＜ ＞ (a repost's 陕卫发〈2021〉6号): read as 〔 〕, the repair said
    ("brackets", _lazy(rf"{_CODE}\s*[\[［【﹝〖〈＜]\s*{_YEAR}\s*[\]］】﹞〗〉＞]\s*{_SERIAL}\s*[号號]")),
]
# what OCR does to a 文号 (〔2021】64, [2021]64号): brackets read wrongly, 号 dropped; used by read.ocr
OCR_DOC_NUMBER = _lazy(
    r"(?P<code>[\u4e00-\u9fff]{1,10})\s*[〔［\[【（(﹝〖]\s*(?P<year>(?:19|20)\d{2})\s*[〕］\]】）)﹞〗]\s*(?P<serial>\d{1,4})\s*(?P<hao>号?)")
# a line that is only a 文号, maybe damaged or in parentheses (checked before the repair runs)
LOOSE_DOC_NUMBER_LINE = _lazy(
    rf"^[（(]?[{CJK}]{{1,12}}\s*[〔\[［【(（﹝〖]?\s*(?:19|20)\d{{2}}\s*[〕\]］】)）﹞〗]?\s*第?\s*\d{{1,4}}\s*[号號]?[）)]?$")
# a line that ends in a date (a signature glued to its date, a date with a place after it)
DATE_AT_END = _lazy(rf"{DATE.pattern}\s*(?:印发|印)?\s*(?:于\S{{1,10}})?\s*$")
# where a damaged 文号 may be: a year run into its serial, a closing bracket without an opening one,
# a square bracket, or a code's last character right before a year (checked before the patterns)
DAMAGE_ANCHOR = _lazy(
    r"(?<![〔\d])(?:19|20)\d{2}\s*[〕\]］】﹞〗]|[〔\[［【﹝〖]\s*(?:19|20)\d{2}\d|[\[［【﹝〖〈＜]\s*(?:19|20)\d{2}"
    r"|[发函字办通规辦發]\s*(?:19|20)\d{2}\s*第?\s*\d{1,4}\s*[号號]")
# a date line that lost 年月日: 20211102, 2019815, 2021126
BARE_DATE_LINE = _lazy(r"^\s*(?P<digits>(?:19|20)\d{4,6})\s*$")


def _any_of(*patterns: re.Pattern[str] | str) -> str:
    """One pattern that matches where any of ``patterns`` matches (each one's group names prefixed
    with its place, so that they stay apart; none of them numbers its groups): a line is tried
    against one pattern instead of each in turn. For ``match`` and ``search``, not for spans."""
    alternatives = []
    for i, pattern in enumerate(patterns):
        source = pattern if isinstance(pattern, str) else pattern.pattern
        alternatives.append("(?:" + re.sub(r"\(\?P([<=])(\w+)", rf"(?P\1a{i}_\2", source) + ")")
    return "|".join(alternatives)


# a saved page's line that is no part of the notice (normalise.is_page_line): the patterns read from its start
PAGE_LINE_START = _lazy(_any_of(PAGE_FURNITURE, META_LINE_START, META_LINE_GLUED))
# a line that stands alone (normalise._is_standalone), the patterns read from its start that need no
# character of their own looked for first: the page's lines, a date that lost 年月日, a binding cell
STANDALONE_START = _lazy(_any_of(PAGE_FURNITURE, META_LINE_START, META_LINE_GLUED, BARE_DATE_LINE, BINDING_CELL))

# the verbs before a cited document that make it the one a notice carries out (its parent, ``adoption``);
# the first three say so outright and are preferred
PARENT_VERBS = _lazy(r"贯彻落实|贯彻|落实|根据|按照|依据|转发")
IMPLEMENTING_VERBS = ("贯彻落实", "贯彻", "落实", "转发")  # a notice forwarding a document carries it out
# a cited document handed on to the addressees (现将《X》转发给你们 / 转发你们 / 转发至各单位)
FORWARDED_AFTER = _lazy(r"\s*(?:等?文件)?\s*(?:一并)?转发(?:给|至|到)?(?:你们|你单位|你局|你委|各)")
# what a notice does to a document it names, printed after it: repeals it (《X》（某发〔2019〕3号）同时废止, 原《X》不再执行),
# amends it (现对《X》部分条款修订如下), answers it (你局《关于…的请示》收悉). The verb as printed is the citation's; such a
# document is no parent (PARENT_VERBS): a repealed notice is what this one replaces, a 请示 what it answers
CITED_AFTER_VERB = _lazy(
    r"\s*(?:等?文件)?\s*(?:同时|即行|随之|一并|相应)?(?:予以)?(?P<verb>废止|停止执行|不再执行|失效)"
    r"|\s*的?(?:部分|有关|相关)?(?:条款|内容|规定|条文)\s*(?:作出?如下|进行|予以)?(?P<amend>修订|修改)"
    r"|\s*(?:作出?如下|进行|予以)(?P<amend2>修订|修改)"
    r"|\s*(?P<amend3>修订|修改)(?=如下|[：:])"
    r"|\s*(?:已)?(?P<reply>收悉)")
# the citation graph's edge kind of each such verb (every other verb: cites)
CITATION_RELATIONS = {"废止": "repeals", "停止执行": "repeals", "不再执行": "repeals", "失效": "repeals",
                      "修订": "amends", "修改": "amends", "收悉": "replies_to"}
# a pronoun before a cited title (你局《…的请示》, 我委《…》): no body's name, no issuer hint
PRONOUN_BODY = _lazy(r"^(?:你|贵|我|本)(?:局|委|厅|部|办|院|中心|单位|县|市|区|镇|乡|省|司|处|科|股)$")
# a piece of text that is only an outline label (（十一）, 3.): not a sentence `who` searches
LABEL_ONLY = _lazy(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]?$")

# ---------------------------------------------------------------- signatures (probe 3)
# a seal's place printed beside or under a signing body's name in a repost: （印章）, （盖章）, [公章], （代章）
SEAL_PLACEHOLDER = _lazy(r"[（(【\[［]\s*(?:代\s*章|印\s*章|盖\s*章|公\s*章|签\s*章|章)\s*[）)】\]］]")
# a signature's other bodies left out by the reposting site: （其他部门略）, （联合发文单位略）, (共同发文单位略)
OMITTED_SIGNERS = _lazy(r"^[（(][^（）()]{0,16}略[）)]$")

# ---------------------------------------------------------------- citations (probe 3)
# full-width digits as a repost prints them (国卫扶贫发〔２０２１〕６号): read as ASCII, one character for one
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# words a bare 文号's code took in from the sentence before it (市政府办印发的常办发〔2023〕8号): the code starts after them
CODE_RUN_IN = _lazy(r"^.*(?:的|印发|转发|下发|出台|制定|联合|和|与|及|对照|参考|结合|遵照|遵循|依照|按照|根据|依据|贯彻|落实)")
# a short name given to a document just cited (…（某卫发〔2021〕52号，以下简称《方案》）): no citation of its own
SHORT_NAME_BEFORE = _lazy(r"(?:以下|下文)?简称为?\s*[“\"]?$|下称\s*$")
# a national or upper-level title cited without 《》 after its verb and issuer (依据中共中央办公厅 国务院办公厅关于…的意见，)
TITLE_UNQUOTED_GUANYU = _lazy(  # (probe 4b) also after the previous citation's 文号 and 和/及 (…6号）和X关于…的通知（文号）)
    r"(?:贯彻落实|落实|按照|依据|根据|依照|[）)]\s*(?:和|及|以及|、))(?P<issuer>[\u4e00-\u9fff、\s]{2,40}?)\s*"
    r"(?P<title>关于[^，。；：《》“”\n]{4,80}?的(?:实施意见|指导意见|若干意见|意见|通知|决定|实施方案|工作方案|方案|办法))"
    r"(?=[，。；、和及]|精神|要求|部署|规定|\s*[（(][^（）()]{2,30}[号號]\s*[）)]|$)")
# ---------------------------------------------------------------- titles (probe 3)
# a news or portal site's column tag before a reposted title (【政策文件】, 【通知公告】, [政策解读]); never a 文号's label
COLUMN_TAG = _lazy(r"^\s*[【\[［](?!\s*(?:发\s*文\s*字\s*号|文\s*号|标\s*题|名\s*称)\s*[】\]］])"
                   r"[^【】\[\]［］\d]{2,8}[】\]］]\s*(?=\S)")
# a byline's bare 日期：/时间： before a date (来源：某局　日期：2022-03-08, 时间：2022-03-08): when the page was published
BYLINE_BARE_DATE = _lazy(r"(?:日期|时间|時間)\s*[：:]\s*(?=(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
# ---------------------------------------------------------------- a town's notice (canonical units)
# the suffixes of a town's or subdistrict's name
TOWN_SUFFIXES = ("镇", "乡", "街道", "苏木")
# what a town has none of: a bureau or commission (局, 委员会) is its county's (a town has 办, 站, 所, 中心); a village's
# or a neighbourhood's committee (村民委员会, 居民委员会) is no commission: it stays below the town
TOWN_HAS_NO = _lazy(r"(?:局|(?<!村民)(?<!居民)委员会|卫健委|卫生健康委|发改委)$")
# a town's notice naming its own bodies (镇卫生院, 街道社区卫生服务中心; not 乡村振兴局, 镇村两级)
TOWN_PREFIX = _lazy(r"^(?:街道|镇(?!村)|乡(?![村镇])|苏木)")
# the towns' word before a unit a county's (or a higher) notice names (镇社保所, 乡镇卫生院, 街道社区卫生服务中心): each town's
TOWNS_OWN = _lazy(r"^(?:乡镇（街道）|镇（街道）|乡镇|街道|镇(?!村)|乡(?![村镇])|苏木)")
# ---------------------------------------------------------------- effective date and validity
# when the notice itself takes effect and for how long (本通知自2023年1月1日起施行，有效期5年; 本方案自印发之日起实施;
# 有效期至2027年12月31日): the notice's own — a clause right after a cited 《X》 is X's; a verb with more after it
# (自2023年1月1日起执行新的报销比例) is a measure's start, not the notice's
_DATE_UNNAMED = re.sub(r"\(\?P<\w+>", "(?:", DATE.pattern)
OWN_DOCUMENT = (r"本(?:通知|实施方案|工作方案|方案|实施意见|意见|办法|细则|规定|制度|措施|计划|规划|决定|通告|公告|文件|要点|"
                r"指南|规则|修订|修改决定)")
EFFECTIVE_FROM = _lazy(rf"(?:(?P<own>{OWN_DOCUMENT})\s*)?(?:自|从|于)\s*(?P<when>{_DATE_UNNAMED}|(?P<on_issue>"
                       r"(?:印发|发布|公布|下发|签发|发文|颁布|公开发布)之日))\s*起\s*"
                       # a delay after the issue date, as printed (自印发之日起30日后施行): no date is computed from it
                       r"(?:(?P<after>满?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:日|天|个月)\s*后)\s*)?"
                       r"(?:正式)?(?:施行|实施|执行|生效|试行)"
                       r"(?=\s*(?:[。；;，,]|$))")
VALID_FOR = _lazy(rf"(?:有效|试行|执行)期\s*(?:为|限为?)?\s*(?:(?P<years>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*年"
                  rf"|(?:至|到|截至)\s*(?P<until>{_DATE_UNNAMED})\s*止?)")
OWN_VALIDITY = _lazy(rf"{OWN_DOCUMENT}[^。；;\n]{{0,10}}?(?={VALID_FOR.pattern})")
# a 文号 whose serial carries 第 (国卫扶贫发〔2021〕第6号), as some county offices print it
DOC_NUMBER_WITH_DI = _lazy(rf"(?P<code>[{CJK}]{{1,12}}?)\s*[〔\[［（(【﹝〖]\s*(?P<year>(?:19|20)\d{{2}})\s*[〕\]］）)】﹞〗]"
                           r"\s*第\s*(?P<serial>\d{1,4})\s*[号號]")
DOC_NUMBER_WITH_DI_LINE = _lazy(rf"^\s*[（(]?\s*{DOC_NUMBER_WITH_DI.pattern}\s*[）)]?\s*$")  # alone on its line
# what stands before a 文号's year where a body's name takes the code's place (省卫生健康委〔2021〕15号, 县政府〔2022〕3号):
# a body word at its end; a code ends in 发/函/字/办/… (陕卫发, 市政办, 府办)
BODY_NAME_CODE = _lazy(r"(?:委员会|卫生健康委|卫健委|人民政府|政府|办公室|办公厅|局|厅|中心|医院|卫生院)$")
DI_AFTER_BRACKET = _lazy(r"[〕\]］）)】﹞〗]\s*第\s*\d")
# a red header and its 文号 on one line (某县卫生健康局文件　某卫发〔2022〕5号, the space between them lost)
FILE_HEADER_NUMBER = _lazy(rf"^(?P<issuer>.{{2,40}}?)\s*文件\s*(?P<number>{DOC_NUMBER.pattern})\s*$")
# the heading of an interpretation (解读) printed on the page below the notice it explains (政策解读：, 《X》政策解读,
# 关于《X》的解读, 图解：X): what follows explains the notice and prescribes nothing; its items are no outline items
INTERPRETATION_BLOCK = _lazy(r"^[【\[]?(?:政策解读|文件解读|解读|图解|一图读懂|政策问答)[】\]]?[:：]?$"
                             r"|^(?:关于)?[《“].{2,80}[》”]的?(?:政策解读|文件解读|解读|图解)$"
                             r"|^(?:政策解读|文件解读|图解|一图读懂)\s*[:：｜|丨]\s*.{2,80}$")
# the body a 解读 page names as the one explaining the notice (解读机关：某县卫生健康局。联系电话：…)
INTERPRETER_LINE = _lazy(r"(?:^|\n)\s*(?:解读机关|解读单位|解读部门|解读人)\s*[：:]\s*(?P<name>[^\s。，；：:\n]{2,40}?)"
                         r"[。；\s]*(?=\n|$|联系)")
# a page of the signature with no text on it (（此页无正文）, printed where a page break splits the signers)
NO_TEXT_PAGE = _lazy(r"^[（(]\s*此\s*页\s*无\s*正\s*文\s*[）)]$")
