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

# ---------------------------------------------------------------- the ladder
# administrative levels, top down: the one order for grouping, sorting and drawing
ADMIN_LEVELS = ("national", "provincial", "prefecture", "county", "township")

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
# zeros as printed in Chinese-numeral years: 〇, ○ (U+25CB), Latin O, full-width Ｏ
ZERO_LOOKALIKES = "○OＯ"
DATE = re.compile(
    rf"(?P<year>\d{{4}}|[{CN_DIGITS}{ZERO_LOOKALIKES}]{{4}})\s*年\s*(?P<month>\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月"
    rf"\s*(?P<day>\d{{1,2}}|[{CN_DIGITS}{ZERO_LOOKALIKES}]{{1,3}})\s*日"
)
DATE_LINE = re.compile(rf"^\s*{DATE.pattern}\s*(?P<printed>印发|印)?\s*$")
# a signing date that lost its 日 at the end of its line (某县人民政府督查室  2022年8月19)
DATE_WITHOUT_DAY_MARK = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*$")
DOC_NUMBER = re.compile(
    rf"(?P<code>[{CJK}]{{1,12}}?)\s*[〔\[［（(【]\s*(?P<year>(?:19|20)\d{{2}})\s*[〕\]］）)】]"
    r"\s*(?P<serial>\d{1,4})\s*[号號]"
)
DOC_NUMBER_LINE = re.compile(rf"^\s*{DOC_NUMBER.pattern}\s*$")
_DOC_NUMBER_TAIL = re.compile(r"[〔\[［（(【]\s*(?:19|20)\d{2}\s*[〕\]］）)】]\s*\d{1,4}\s*[号號]")


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
ORG_SUFFIX = re.compile(  # 司: a ministry's department (国务院扶贫办综合司, 国家卫生健康委规划司)
    r"(?:委员会|办公室|人民政府|政府|委|局|厅|部|办|院|中心|所|站|处|科|室|会|组|司|党委|市委|委員會|辦公室|政府|廳|辦|會|處)$"
)
# a title's last word, perhaps followed by its years: …三年行动计划（2023—2025年）
TITLE_SUFFIX = re.compile(r"(?:通知|方案|意见|要点|办法|规定|指标|计划|规划|分工)(?:[（(][^（）()]{1,20}[）)])?$")
# the genres a notice's title ends in, longest first (复函 before 函)
GENRES = ["通知", "意见", "决定", "批复", "复函", "函", "答复", "通报", "通告", "公告", "规定", "办法", "细则",
          "方案", "规划", "要点", "纪要", "计划", "条例", "规则", "决议", "报告", "请示", "公示", "令",
          "意見", "決定", "批覆", "答覆", "通報", "規定", "辦法", "細則", "規劃", "要點", "紀要", "計劃", "條例"]
GENRE_AT_END = re.compile("(?P<genre>" + "|".join(GENRES) + r")(?:\s*[（(][^（）()]{1,20}[）)])?$")
NOTICE_TITLE = re.compile(
    r"(?:(?:关于|關於).*(?:通知|意见|意見|决定|決定|批复|批覆|复函|覆函|函|答复|答覆|通报|通報|通告|公告|规定|規定|办法|辦法|细则|細則"
    r"|方案|规划|規劃|要点|要點|纪要|紀要|计划|計劃|报告|報告|请示|請示|公示)"
    r"|的(?:通知|意见|决定|批复|通报|通告|公告))(?:\s*[（(][^（）()]{1,20}[）)])?$")
# a title with no 关于: 某某实施方案, 通告 alone (spaced 通 告 is joined by the normaliser), 某某令
STANDALONE_TITLE = re.compile(
    r"^(?:[^，。；：:,]{2,80}(?:方案|规划|要点|办法|规定|细则|计划|条例|规则|纪要)|(?:.{0,40})?(?:通告|公告))"
    r"(?:[（(][^（）()]{1,20}[）)])?$")
# the document an 印发 / 转发 notice encloses: 关于印发《X》的通知, 关于印发X的通知
ENCLOSED_TITLE = re.compile(
    r"(?:印发|转发|印發|轉發)《?(?P<title>[^《》]{4,120}?)》?的?通知(?:（[^（）]+）)?$")
DECREE_HEADING = re.compile(r"^(?P<issuer>.{0,30}?)令$")
DECREE_NUMBER = re.compile(r"^[（(]?\s*第\s*(?P<serial>\d{1,4}|[零〇一二三四五六七八九十百]{1,6})\s*[号號]\s*[）)]?$")
# 公告 / 通告 numbering: （2021年第6号）, 2021年第6號, （县疫情防控指挥部第3号）
NOTICE_NUMBER = re.compile(r"[（(]\s*(?P<number>(?:(?:19|20)\d{2}\s*年\s*)?[^（）()，。]{0,16}?"
                           r"第\s*[\d一二三四五六七八九十]{1,4}\s*[号號])\s*[）)]$")
# markers of how the notice is published, glued to a title or a date
PUBLIC_MARKER = re.compile(
    r"[（(]\s*(?:此件[^（）()]{0,8}公开(?:发布)?|此件主动公开|此件不公开|公开方式[：:][^（）()]{0,12})\s*[）)]")
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
# the verb form of a marker, the role after its units: （区医保局牵头，区财政局、区卫健局配合）
ROLE_VERBS = [
    ("lead", r"牵头负责|牵头"),
    ("support", r"配合|协助|参与"),
    ("responsible", r"按照职责分工负责|按职责分工负责|按职责负责|分别负责|共同负责|负责落实|负责"),
]
ROLE_VERB_SEGMENT = re.compile(
    r"^(?:由)?(?P<units>[^，,；;。（）()]{2,200}?)(?P<verb>" + "|".join(p for _, p in ROLE_VERBS) + r")$"
)
# a clause of a verb-form marker that only lists units, its verb in the next clause (…等部门，…配合)
UNIT_LIST_CLAUSE = re.compile(r"^[^，,；;。（）()]{2,200}?(?:等部门|等单位|局|委|办|厅|中心|公司|政府|办事处|管委会|部门|单位)$")
ROLE_LABEL = re.compile(
    "(?P<kw>" + "|".join(p for _, p in ROLE_KEYWORDS) + r")\s*[：:]"
)
MARKER_OPEN = "（(【[［"
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

# ---------------------------------------------------------------- web-page furniture and information boxes
# Lines of a saved or copied government page that are not the notice: navigation, site tools,
# font-size and share widgets, download and footer lines, news-repost bylines.
PAGE_FURNITURE = re.compile(
    r"^[•·\s]*(?:"
    r"(?:当前位置|當前位置|您的位置|你的位置|您现在所在的位置|您现在的位置|所在位置|您當前的位置)"
    r"|[>»›]|(?:网站)?首[页頁]\s*[>»/›]|首[页頁]$"
    r"|视力保护色|背景色|文字大小|设为首页|加入收藏|长辈版|關懷版|关怀版|无障碍|無障礙|适老版|适老化|返回顶部|今天是|个人中心|手[机機]版|[网網]站[导導][航]"
    r"|热门站点|打印本[页頁]|关闭窗口|關閉窗口|【?打印】?\s*【?关闭】?$|【?\s*字[体号體號]\s*[：:]"
    r"|字[体號号體]\s*[：:]?\s*[\[【]?\s*(?:大\s*中\s*小)?\s*[\]】]?\s*$|放大字[体體]|[缩縮]小字[体體]"
    r"|分享(?:到)?\s*[：:]?\s*$|分享到|[扫掃][描]二[维維][码碼]|下载地址|点击此处下载|上传人|文档编号|点击查看更多"
    r"|第\s*\d+\s*页\s*/\s*共\s*\d+\s*页|资源描述|下载\s*相关\s*举报|技术支持|版权所有|ICP备|郑重声明|相关文章|THE END"
    r"|[（(]?\s*资料图\s*[）)]?$|[（(]?\s*[责責][编編]\s*[：:]|编辑\s*[：:]|[（(]\s*记者|核心提示"
    r"|[|.\s]+$"
    # a gazette's masthead: 某某公报, 公报2019年第3号, （总号：…）, its name in pinyin capitals
    r"|.{0,16}公[报報]$|.{0,16}公[报報]\s*\d{4}\s*年?\s*第\s*\d+\s*[号號期]|[（(]?\s*[总總][号號]\s*[：:]|[A-Z ]{12,}$"
    r")"
)
# a line that only names a web site (中国政府网, 某省人民政府网, 法律资料网)
SITE_NAME = re.compile(r"^[•·\s]*[^\s，。；：:,]{0,20}(?:政府网|政府網|政务网|门户网站?|門戶網站?|资料网|新闻网|新聞網|资讯网|"
                       r"資訊網|信息网|健康网|网站|網站)\s*\|?$")
# a news byline: a timestamp, 来源/作者/浏览 with values, in any order
BYLINE = re.compile(
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
    "written_date": ["成文日期", "成文時間", "成文时间", "发文日期", "發文日期", "生成日期", "印发日期",
                     "颁布时间", "頒布時間", "颁布日期", "頒布日期"],  # 颁布: promulgated (law databases, encyclopedia copies)
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
    ("[ \u3000\u00a0]*".join(re.escape(ch) for ch in label) for labels in META_LABELS.values() for label in labels),
    key=len, reverse=True))
# a label as printed: 【文　　号】, 文 号 :, 發文機關 (glued to its value)
META_LABEL = re.compile(rf"【?\s*(?P<label>{_LABEL_ALT})\s*】?\s*[：:]?")
META_LINE_START = re.compile(rf"^[•·|\s]*(?:【\s*(?:{_LABEL_ALT})\s*】|(?:{_LABEL_ALT})\s*(?:[：:|]|\s|$|(?:{_LABEL_ALT})))")
META_LINE_GLUED = re.compile(r"^[•·\s]*(?:發文機關|发文机关|發文字號|发文字号|發文日期|发文日期|時效性|时效性|施行日期|"
                             r"效力級別|效力级别|發布單位|发布单位|發布文號|发布文号|索引号|成文日期|发布机构|名称|名稱|标题|標題|文号(?=\S))")
# ---------------------------------------------------------------- damaged text
# a 文号 that lost its closing bracket (〔201827号), its opening one (国办发2020〕8号), the closing
# bracket and 号 (皖卫发〔2019215), or every bracket (某政辦字2019188號)
_CODE = rf"(?P<code>[{CJK}]{{1,12}}?)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_SERIAL = r"(?P<serial>\d{1,4})"
DAMAGED_DOC_NUMBERS = [
    ("missing_close_bracket", re.compile(rf"{_CODE}[〔\[［【]\s*{_YEAR}{_SERIAL}\s*[号號]")),
    ("missing_open_bracket", re.compile(rf"{_CODE}{_YEAR}\s*[〕\]］】]\s*{_SERIAL}\s*[号號]")),
    ("missing_close_bracket_and_hao", re.compile(rf"{_CODE}[〔\[［【]\s*{_YEAR}{_SERIAL}(?![\d号號〕\]］】])")),
    ("missing_brackets", re.compile(rf"(?P<code>[{CJK}]{{1,10}}?[发函字办通规辦發])\s*{_YEAR}\s*第?\s*{_SERIAL}\s*[号號]")),
    ("brackets", re.compile(rf"{_CODE}\s*[\[［【]\s*{_YEAR}\s*[\]］】]\s*{_SERIAL}\s*[号號]")),
]
# what OCR does to a 文号 (〔2021】64, [2021]64号): brackets read wrongly, 号 dropped; used by read.ocr
OCR_DOC_NUMBER = re.compile(
    r"(?P<code>[\u4e00-\u9fff]{1,10})\s*[〔［\[【（(]\s*(?P<year>(?:19|20)\d{2})\s*[〕］\]】）)]\s*(?P<serial>\d{1,4})\s*(?P<hao>号?)")
# a line that is only a 文号, maybe damaged or in parentheses (checked before the repair runs)
LOOSE_DOC_NUMBER_LINE = re.compile(
    rf"^[（(]?[{CJK}]{{1,12}}\s*[〔\[［【(（]?\s*(?:19|20)\d{{2}}\s*[〕\]］】)）]?\s*第?\s*\d{{1,4}}\s*[号號]?[）)]?$")
# a line that ends in a date (a signature glued to its date, a date with a place after it)
DATE_AT_END = re.compile(rf"{DATE.pattern}\s*(?:印发|印)?\s*(?:于\S{{1,10}})?\s*$")
# where a damaged 文号 may be: a year run into its serial, a closing bracket without an opening one,
# a square bracket, or a code's last character right before a year (checked before the patterns)
DAMAGE_ANCHOR = re.compile(
    r"(?<![〔\d])(?:19|20)\d{2}\s*[〕\]］】]|[〔\[［【]\s*(?:19|20)\d{2}\d|[\[［【]\s*(?:19|20)\d{2}"
    r"|[发函字办通规辦發]\s*(?:19|20)\d{2}\s*第?\s*\d{1,4}\s*[号號]")
# a date line that lost 年月日: 20211102, 2019815, 2021126
BARE_DATE_LINE = re.compile(r"^\s*(?P<digits>(?:19|20)\d{4,6})\s*$")
# a piece of text that is only an outline label (（十一）, 3.): not a sentence `who` searches
LABEL_ONLY = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]?$")
