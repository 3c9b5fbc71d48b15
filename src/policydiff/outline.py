"""The hierarchical outline of a notice, with the document's own labels.

Levels are not fixed by label kind: the first kind met is the top level, a new
kind nests under the current item, and a kind already open closes everything
below it (the way a reader follows 一、/（一）/1./（1）/一是). Rules in article
form are the exception: 第一章 ⊃ 第一节 ⊃ 第一条 have fixed ranks, and the 项
（一）… of an article nest under it (款, its unnumbered paragraphs, stay in its
body). Annex blocks (附件) start a new top-level branch. Malformed input still
yields a tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P
from .models import OutlineNode
from .textutils import bare_title, chinese_number, is_org_line, is_org_names


@dataclass(frozen=True)  # shared by the callers of one text's paragraphs()
class Paragraph:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def paragraphs(text: str) -> list[Paragraph]:
    """Split normalised text (one paragraph per line) into paragraphs with offsets."""
    global _last_split
    if _last_split[0] is text:  # the outline, metadata and tables each ask for the same text's
        return list(_last_split[1])
    result, pos = [], 0
    for line in text.split("\n"):
        if line:
            result.append(Paragraph(line, pos))
        pos += len(line) + 1
    _last_split = (text, result)
    return list(result)


_last_split: tuple[str | None, list[Paragraph]] = (None, [])


def match_label(text: str) -> tuple[str, str, int] | None:
    """Return (kind, label, length of the label) if ``text`` starts with a label.

    >>> match_label("（一）指导思想。以…")
    ('（一）', '（一）', 3)
    >>> match_label("4.6个") is None
    True
    """
    if not P.OUTLINE_LABEL_START.match(text):
        return None
    for kind, pattern in P.OUTLINE_LABELS:
        m = pattern.match(text)
        if m:
            label = m.group("label")
            if "\u2474" <= label <= "\u2487":  # ⑴: one character, the label as printed
                return kind, label, m.end()
            if kind in ("（一）", "（1）"):
                label = f"（{label}）"
            elif kind in ("1）", "一）"):
                label = f"{label}）"
            return kind, label, m.end()
    return None


_NEXT_CLAUSE = re.compile(f"(?<=[。；;）)])[{P.CN_SMALL}]{{1,2}}是")


def _clause_items(para: Paragraph) -> list[Paragraph]:
    """A paragraph that runs 一是…二是… with each clause closing in its own unit bracket, cut into one
    paragraph a clause (each then its own 一是 item, with its own units); a run whose brackets are not
    each clause's own (one bracket after the last clause: meant for all, or some clauses without one)
    stays one paragraph.

    >>> [p.text for p in _clause_items(Paragraph("一是建台账。（责任股室：医政股）二是做随访。（责任股室：基层股）", 0))]
    ['一是建台账。（责任股室：医政股）', '二是做随访。（责任股室：基层股）']
    >>> len(_clause_items(Paragraph("一是建台账。二是做随访。（责任股室：基层股）", 0)))
    1
    """
    text = para.text
    if not text.startswith("一是") or ("）" not in text and ")" not in text):
        return [para]
    cuts = [0]
    for m in _NEXT_CLAUSE.finditer(text):
        if chinese_number(m.group()[:-1]) == len(cuts) + 1:
            cuts.append(m.start())
    if len(cuts) < 2:
        return [para]
    pieces = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)])]
    if not all(P.CLAUSE_UNIT_BRACKET.search(piece.rstrip()) for piece in pieces):
        return [para]
    return [Paragraph(piece, para.start + at) for piece, at in zip(pieces, cuts)]


def _label_number(kind: str, label: str) -> tuple[float, float] | None:
    """A sequence label's place: (major, minor) for 1.1, (0, n) for the others."""
    if kind == "1.1":
        major, minor = re.split("[.．]", label)
        return float(major), float(minor)
    value = chinese_number(label.strip("第）"))
    return None if value is None else (0.0, float(value))


def _in_sequence(labels: list[tuple[str, str, int] | None]) -> list[tuple[str, str, int] | None]:
    """The paragraphs' labels, a rarer marker's (1）, 一）, 第一，, 1.1) kept only where another paragraph's
    label of its kind is next to it in number (1）⏎2）; 1.1⏎1.2): alone, it is no item.

    >>> [x and x[1] for x in _in_sequence([("1）", "1）", 2), None, ("1）", "2）", 2), ("第一，", "第一", 3)])]
    ['1）', None, '2）', None]
    """
    places: dict[str, set[tuple[float, float]]] = {}
    for found in labels:
        if found and found[0] in P.SEQUENCE_KINDS:
            place = _label_number(found[0], found[1])
            if place:
                places.setdefault(found[0], set()).add(place)
    if not places:
        return labels
    kept = []
    for found in labels:
        if found and found[0] in P.SEQUENCE_KINDS:
            place, seen = _label_number(found[0], found[1]), places.get(found[0], set())
            if not place or not ((place[0], place[1] - 1) in seen or (place[0], place[1] + 1) in seen):
                found = None
        kept.append(found)
    return kept


def is_closing(text: str) -> bool:
    """Paragraphs that end the body: annex reference, signature, dates, footers."""
    if "\t" in text:
        return False
    return bool(
        P.ANNEX_REFERENCE.match(text)
        or P.DATE_LINE.match(text)
        or text.startswith("信息公开形式")
        or text.startswith("抄送")
        or is_org_line(text)
        or is_org_names(text)  # a signature's row of names run together (longer than one name)
    )


def _commencement_only(text: str) -> bool:
    """Whether every sentence of an item's own line says when the notice applies, how long, or what it repeals.

    >>> _commencement_only("本修订自2022年10月1日起施行。")
    True
    >>> _commencement_only("施行时间")
    False
    """
    if "自" not in text and "有效期" not in text:
        return False
    sentences = [s.strip() for s in _SENTENCE.findall(text)]
    return any(sentences) and all(not s or P.COMMENCEMENT_CLAUSE.fullmatch(s) for s in sentences)


_SENTENCE = re.compile("[^。；;]+")
_HEADING_PHRASE = re.compile(r"^([^。！？]{1,60}?)[。！？]")


def heading_of(body: str) -> str | None:
    """The heading phrase at the start of an item's content, if it has one.

    >>> heading_of("指导思想。以习近平新时代中国特色社会主义思想为指导")
    '指导思想'
    >>> heading_of("保持政策稳定，巩固基本医疗有保障成果")
    '保持政策稳定，巩固基本医疗有保障成果'
    """
    first_line = body.split("\n", 1)[0]
    m = _HEADING_PHRASE.match(first_line)
    if m:
        return m.group(1)
    if "\n" in body or len(first_line) <= 60:
        return first_line.rstrip("：:") or None
    return None


def build_outline(text: str, body_start: int = 0) -> list[OutlineNode]:
    """Build the outline of normalised ``text``; labels before ``body_start`` are ignored.

    >>> [n.path for n in build_outline("一、总体要求\\n（一）指导思想。以…\\n二、措施\\n一是做好。")]
    ['一', '一/（一）', '二', '二/一是']
    """
    nodes: list[OutlineNode] = []
    stack: list[tuple[str, OutlineNode]] = []
    seen_paths: dict[str, int] = {}  # every path given → the next #n to try for it
    annex_prefix = ""
    open_node_end = True
    after_label = False  # the paragraph before was a task card's label cell (责任单位): this one is its value
    annex_item = 0  # the number the next line of an annex list (附件：1.… ⏎ 2.…) would carry; 0: none open
    paras = [q for p in paragraphs(text) if p.start >= body_start for q in _clause_items(p)]
    # table rows are outline items only in an annex, when they carry a label (1. 辖区…\t约束性): told in the loop
    labels = _in_sequence([match_label(p.text) for p in paras])
    issued = _issued_titles(paras)
    for i, (para, label) in enumerate(zip(paras, labels)):
        value_cell, after_label = after_label, bool(P.CELL_LABEL_LINE.fullmatch(para.text))
        annex_item = _next_annex_item(para.text, annex_item)
        if annex_item and not P.ANNEX_REFERENCE.match(para.text):
            open_node_end = False  # 2.任务分工表 under 附件：1.主要指标 names an annex: no item, and it ends the body
            continue
        annex = P.ANNEX_START.match(para.text) or _annex_headed(paras, i)
        if annex and _issues_plan(paras, i, annex, issued):
            annex_prefix, stack, open_node_end = "", [], False  # 附件1 ⏎ 某县健康帮扶方案: the plan the notice issues
            continue
        if annex:
            annex_prefix = "附件" + annex.group("no")
            node = _new_node(annex_prefix, annex_prefix, "附件", 0, para, len(para.text), None, seen_paths)
            nodes.append(node)
            stack = [("附件", node)]
            open_node_end = True
            continue
        if "\t" in para.text and not annex_prefix:
            label = None
        if nodes and label is None and not open_node_end and P.INTERPRETATION_BLOCK.match(para.text):
            break  # the notice signed, then its 解读 (政策解读：⏎一、出台背景…): the explanation's items are no items
        if label is None:
            if is_closing(para.text) and not value_cell:  # 责任单位 / 县卫健局 is no signature
                open_node_end = False
            elif open_node_end:
                _extend(stack, para.end)
            continue
        kind, label_text, label_len = label
        if kind in P.ARTICLE_RANKS:
            _close_below_article(stack, P.ARTICLE_RANKS[kind])
        if kind == P.PART_KIND:
            del stack[1 if stack and stack[0][0] == "附件" else 0:]  # 第二部分 closes 第一部分's items
        while stack and kind in [k for k, _ in stack] and stack[-1][0] != kind:
            stack.pop()
        if stack and stack[-1][0] == kind:
            stack.pop()
        parent = stack[-1][1] if stack else None
        path = f"{parent.path}/{label_text}" if parent else label_text
        node = _new_node(path, label_text, kind, len(stack), para, label_len, parent, seen_paths)
        nodes.append(node)
        stack.append((kind, node))
        # an item that only says when the notice applies (三、本修订自2022年10月1日起施行。): the unnumbered
        # paragraph after it (修订后的《X》由县医疗保障局重新公布。) is the notice's closing text, not the item's
        open_node_end = not _commencement_only(para.text[label_len:])
        _extend(stack, para.end)
    for node in nodes:
        body = text[node.body_span[0]:node.body_span[1]]
        node.heading = heading_of(body) if node.kind != "附件" else None
    return _cover_letter_apart(nodes, text)


def _cover_letter_apart(nodes: list[OutlineNode], text: str) -> list[OutlineNode]:
    """A 通知 that numbers its own requests (一、提高思想认识 … 三、按时报送), signs off, and then prints the
    plan it issues under the plan's title, its numbering starting again at 一: the letter's items are the
    letter's (通知/一, 通知/二), the plan's keep the plan's own paths (一, 二/（一）) instead of 一#2, 二#2/（一）.

    >>> text = "一、提高认识\\n各地要重视。\\n某县卫生健康局\\n2022年3月1日\\n某县健康帮扶方案\\n一、重点任务\\n（一）开展义诊。"
    >>> [n.path for n in build_outline(text)]
    ['通知/一', '一', '一/（一）']
    """
    tops = [n for n in nodes if n.parent is None and n.kind != "附件"]
    if len(tops) < 2:
        return nodes
    restart = next((n for n in tops[1:] if n.label == tops[0].label and n.kind == tops[0].kind), None)
    if restart is None or any(n.kind == "附件" and n.span[0] < restart.span[0] for n in nodes):
        return nodes
    letter = [n for n in nodes if n.span[0] < restart.span[0]]
    between = [p for p in paragraphs(text) if letter[-1].span[1] <= p.start < restart.span[0]]
    # the letter's sign-off (a date line), then the plan's title alone on the line above its first item
    if not between or match_label(between[-1].text) or not any(P.DATE_LINE.match(p.text) for p in between[:-1]):
        return nodes
    renamed: dict[str, str] = {}
    seen: dict[str, int] = {}
    for node in nodes:
        parent = renamed.get(node.parent) if node.parent else None
        base = f"{parent}/{node.label}" if parent else node.label
        if node.span[0] < restart.span[0] and node.parent is None:
            base = f"{P.COVER_LETTER_PREFIX}/{node.label}"
        unique, n = base, seen.get(base, 2)
        while unique in seen:
            unique = f"{base}#{n}"
            n += 1
        seen[base] = n
        seen.setdefault(unique, 2)
        renamed[node.path] = unique
    for node in nodes:
        node.path = renamed[node.path]
        node.parent = renamed[node.parent] if node.parent else None
        node.children = [renamed[c] for c in node.children]
    return nodes


def _issued_titles(paras: list[Paragraph]) -> set[str]:
    """The titles (bare: no 《》, no spaces) of the plans the notice issues, as its title or cover letter names them
    before any annex: 关于印发《X》的通知, 关于印发X的通知, 现将《X》印发给你们. A forwarded (转发) document is the
    sender's, and a draft sent for comments (征求…意见) is not issued: neither is named here.

    >>> sorted(_issued_titles([Paragraph("某县卫生健康局关于印发《某县健康帮扶方案》的通知", 0),
    ...                        Paragraph("现将《某县考核办法》印发给你们。", 30)]))
    ['某县健康帮扶方案', '某县考核办法']
    """
    found: set[str] = set()
    for i, para in enumerate(paras):
        if P.ANNEX_START.match(para.text):
            break
        text = para.text
        if "关于印发" in text and not P.ISSUING_TITLE.match(text) and i + 1 < len(paras):
            text += paras[i + 1].text  # a title wrapped over two lines (…关于印发某县健康 ⏎ 帮扶方案的通知)
        issuing = P.ISSUING_TITLE.match(text)  # 关于印发《A》和《B》的通知: both issued
        for m in P.TITLE_QUOTED.finditer(text):
            before = text[max(0, m.start() - 4):m.start()]
            if issuing or before.endswith("印发") or P.OWN_PRINTING_AFTER.match(text, m.end()):
                found.add(bare_title(m.group("title")))
        if issuing and "《" not in text:
            found.add(bare_title(issuing.group("title")))
    found.discard("")
    return found


def _annex_headed(paras: list[Paragraph], i: int) -> re.Match | None:
    """附件1：重点任务分解表 (number, colon and the annex's title on one line, as a web repost prints an annex's
    heading) where a table row or a plan's first item follows: the annex itself, not the cover letter's reference
    to it (附件：重点任务分解表 above the signature); 附件2主要指标表 (no colon) only where a table follows."""
    m = P.ANNEX_HEADED.match(paras[i].text)
    bare = None if m else P.ANNEX_HEADED_BARE.match(paras[i].text)  # 附件2主要指标表: over a table only
    if not (m or bare) or i + 1 >= len(paras):
        return None
    following = [p.text for p in paras[i + 1:i + 3]]
    if len(following) > 1 and len(following[0]) <= 40 and not re.search("[。；;]", following[0]):
        following = following[1:]  # 附件1：任务分解表 ⏎ 梅林县2022年重点任务分解表 ⏎ 序号⇥…: the table's title between
    if bare:
        return bare if "\t" in following[0] else None
    return m if "\t" in following[0] or match_label(following[0]) else None


def _issues_plan(paras: list[Paragraph], i: int, annex: re.Match, issued: set[str]) -> bool:
    """Whether the annex opened at paragraph ``i`` is the plan the notice issues: its title (on the 附件1： line, or on
    the line below 附件1, perhaps wrapped over two lines) is one the title or cover letter hands over (关于印发《X》的
    通知). The plan is then the body: its items are the notice's measures, not an annex's.

    >>> ps = [Paragraph("关于印发《某县健康帮扶方案》的通知", 0), Paragraph("附件1", 20), Paragraph("某县健康", 24),
    ...       Paragraph("帮扶方案", 29), Paragraph("一、工作目标", 34)]
    >>> _issues_plan(ps, 1, P.ANNEX_START.match("附件1"), {"某县健康帮扶方案"})
    True
    """
    if not issued:
        return False
    first = next((found for p in paras[i + 1:i + 5] if (found := match_label(p.text))), None)
    if first and first[0] in P.ARTICLE_RANKS:
        return False  # rules in article form (第一章/第一条) under 附件 are read as rules already: their paths kept
    named = annex.groupdict().get("title")
    candidates = [named] if named else []
    lines = [p.text for p in paras[i + 1:i + 3]]
    if not named and lines and not match_label(lines[0]):
        candidates.append(lines[0])
        if len(lines) > 1 and not match_label(lines[1]):
            candidates.append(lines[0] + lines[1])  # a title wrapped over two lines
    return any(_same_title(bare_title(c), t) for c in candidates for t in issued)


def _same_title(annex: str, issued: str) -> bool:
    """The annex's title is the issued one, or one names the other with a place or year more (关于印发健康帮扶工作方案的
    通知 over 某县健康帮扶工作方案; six characters at least in common, so that a bare genre word never matches).

    >>> _same_title("某县健康帮扶工作方案", "健康帮扶工作方案"), _same_title("某县工作方案", "方案")
    (True, False)
    """
    if annex == issued:
        return True
    short, long = sorted((annex, issued), key=len)
    return len(short) >= 6 and long.endswith(short)


def _next_annex_item(text: str, expected: int) -> int:
    """The number the next line of an annex list would carry after ``text`` (0 where ``text``
    neither starts nor continues one): 附件：1.主要指标 → 2, then 2.任务分工表 → 3.

    >>> _next_annex_item("附件：1.主要指标", 0), _next_annex_item("2.任务分工表", 2), _next_annex_item("2.做好签约。", 2)
    (2, 3, 0)
    """
    first = P.ANNEX_LIST_FIRST.match(text)
    if first:
        return int(first.group("no")) + 1
    reference = P.ANNEX_REFERENCE.match(text)
    if reference and reference.end() == len(text.rstrip()):
        return 1  # 附件： alone, its list on the lines below
    item = P.ANNEX_LIST_ITEM.match(text) if expected else None
    return expected + 1 if item and int(item.group("no")) == expected else 0


def _close_below_article(stack, rank: int) -> None:
    """An article label (第三章 / 第一节 / 第十一条) closes the items under the previous article
    and any article level of its rank or below; it never nests under a 一、 or （一） item,
    so a 细则 after a cover letter starts at its own top (or under its 附件)."""
    while stack and stack[-1][0] != "附件" and P.ARTICLE_RANKS.get(stack[-1][0], 99) >= rank:
        stack.pop()


def _new_node(path, label, kind, depth, para, label_len, parent, seen_paths) -> OutlineNode:
    unique = path
    n = seen_paths.get(path, 2)  # resume after the last twin: thousands of identical headings
    while unique in seen_paths:  # cost linear time, not quadratic
        unique = f"{path}#{n}"
        n += 1
    seen_paths[path] = n
    seen_paths.setdefault(unique, 2)
    body_start = para.start + label_len
    node = OutlineNode(
        path=unique, label=label, kind=kind, depth=depth, heading=None,
        span=(para.start, para.end), body_span=(body_start, para.end),
        parent=parent.path if parent else None,
    )
    if parent:
        parent.children.append(unique)
    return node


def _extend(stack, end: int) -> None:
    for _, node in stack:
        node.span = (node.span[0], max(node.span[1], end))
        node.body_span = (node.body_span[0], max(node.body_span[1], end))
