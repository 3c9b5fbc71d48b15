"""Pictures and the page of ``policydiff adoption``: adopters over time, one line per level, the
reference's date marked; a ladder of one measure down the levels with lags on the edges; a
self-contained HTML page with the tables and both pictures (inline SVG).

The frame is derived from implementing notices, and every picture says so in its caption.
"""

from __future__ import annotations

import csv
import html
import io
import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..compare.adoption import (
    ADOPTION_COLUMNS,
    AFTER,
    DATE_UNKNOWN,
    EVENT_COLUMNS,
    PREDATES,
    Ladder,
    Tally,
    adoption_row,
    adoption_table,
    event_row,
    events_table,
    keep_row,
    parent_adoption,
    public_row,
    result_of,
    summary_table,
    terminal_table,
)
from ..errors import PolicydiffError
from ..textutils import level_rank
from .export import FORMULA_STARTS, comment_cell, md_text, text_cell, to_markdown
from .pictures import LEVEL_COLORS, _font, _pyplot

MAX_LADDER_NODES = 60  # a ladder picture of more boxes is unreadable; the table holds them all

WORDS = {
    "en": {"national": "national", "provincial": "provincial", "prefecture": "prefecture", "county": "county",
           "township": "township (below county)", "": "level unknown", "curve": "Notices adopting",
           "date": "issue date", "count": "notices (cumulative)",
           "ref": "reference", "ladder": "Down the ladder", "days": "d", "undated": "undated, not drawn",
           "frame": "frame derived from implementing notices", "not_adopting": "cites it, does not adopt",
           "more": "more adopters in the table", "predates": "predates reference",
           "cited": "implements (not in the corpus):", "undated_box": "date unknown", "after_ref": "after reference"},
    "zh": {"national": "国家", "provincial": "省级", "prefecture": "地市级", "county": "县级", "township": "乡镇级",
           "": "级别不明", "curve": "采纳该措施的文件数", "date": "印发日期", "count": "文件数（累计）", "ref": "参照文件",
           "ladder": "逐级落实", "days": "天", "undated": "无日期，未画出", "frame": "框架由各地实施文件归纳",
           "not_adopting": "被引用、未采纳", "more": "其余见表格", "predates": "早于参照文件",
           "cited": "所落实文件（语料外）：", "undated_box": "日期不明", "after_ref": "晚于参照文件"},
}
ZH_COLUMNS = {"entry": "措施", "locality": "地区", "level": "级别", "date": "日期", "timing": "时间关系",
              "lag_days": "滞后天数", "where": "位置", "quote": "引文", "matched": "匹配词", "targets": "指标",
              "units": "责任单位", "units_quote": "单位出处", "other_clause_units": "其他分句的单位",
              "parent": "上级文件", "from_parent": "来源", "notices": "文件数",
              "adopting": "采纳数", "share": "采纳比例", "median_lag_days": "滞后天数中位数"}
ZH_VALUES = {AFTER: "晚于参照文件", PREDATES: "早于参照文件", DATE_UNKNOWN: "日期不明", "own item": "单列条目",
             "inside another item": "并入其他条目", "goals only": "仅见于目标", "duties only": "仅见于职责",
             "annex only": "仅见于附件", "forwarded, not restated": "转发、未重述",
             "from parent": "承自上级文件", "added (parent does not cover it)": "新增（上级未列）",
             "provincial": "省级", "prefecture": "地市级", "county": "县级", "township": "乡镇级", "national": "国家"}


def words(lang: str) -> dict:
    return WORDS["zh" if lang == "zh" else "en"]


def level_word(w: dict, level: str) -> str:
    """A level's word; a level no word is written for is printed as it is stored, never a KeyError."""
    return w.get(level) or level


def in_chinese(rows: list[dict], columns: list[str]) -> tuple[list[dict], list[str]]:
    """Column names and fixed values (timing, where, level, from parent) in Chinese; quotes untouched."""
    named = [ZH_COLUMNS.get(c, c) for c in columns]
    return ([{ZH_COLUMNS.get(c, c): ZH_VALUES.get(v, v) if isinstance(v, str) else v for c, v in r.items()}
             for r in rows], named)


def table(result: dict, fmt: str, lang: str = "en", events: bool = False, summary: bool = False
          ) -> tuple[list[dict], list[str]]:
    """The rows of one output: the events, the summary, the terminal's narrower view or the full table;
    column names and fixed values in Chinese with ``lang="zh"`` (the events stay as diffusion tools read them)."""
    view = events_table if events else summary_table if summary else terminal_table if fmt == "table" \
        else adoption_table
    rows, columns = view(result)
    return in_chinese(rows, columns) if lang == "zh" and not events else (rows, columns)


def write_file(result: dict, rows: list[dict], columns: list[str], path: Path, fmt: str, lang: str,
               about: list[str]) -> None:
    """``.parquet`` (every column text, empty cells null) or ``.xlsx`` (the about lines, the adoptions
    and the summary, a sheet each)."""
    if fmt == "parquet":
        from .tables import write_parquet

        write_parquet(path, {c: str for c in columns},
                      [tuple(None if r.get(c) in (None, "") else str(r.get(c)) for c in columns) for r in rows])
        return
    from .export import write_xlsx

    totals, total_columns = table(result, "xlsx", lang, summary=True)
    write_xlsx({"adoptions": rows, "summary": totals}, path, {"adoptions": columns, "summary": total_columns}, about)


# ------------------------------------------------------------------ adopters over time


def draw_curve(result: dict, path, lang: str = "en", fmt: str | None = None) -> None:
    """Cumulative adopting notices by issue date, one line per level (and per entry when several),
    the reference's date marked; undated adopters counted in the caption."""
    plt = _pyplot()
    w = words(lang)
    rows = result["adoptions"]
    if not rows:
        raise PolicydiffError(f"{path}: no notice adopts the chosen entries; nothing to draw")
    entries = list(dict.fromkeys(r["frame_id"] for r in rows))
    styles = ["-", "--", ":", "-."]
    fig, ax = plt.subplots(figsize=(8, 4.6))
    for k, frame_id in enumerate(entries[:4]):
        mine = [r for r in rows if r["frame_id"] == frame_id and r["issue_date"]]
        for level in sorted({r["level"] or "" for r in mine}, key=level_rank):
            days = sorted(date.fromisoformat(r["issue_date"][:10]) for r in mine if (r["level"] or "") == level)
            label = level_word(w, level) + (f" · {frame_id} {mine[0]['label']}" if len(entries) > 1 else "")
            ax.step(days, range(1, len(days) + 1), where="post", color=LEVEL_COLORS.get(level, "#7f7f7f"),
                    linestyle=styles[k], marker="o", markersize=3, label=label)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ref = date.fromisoformat(result["reference"]["day"])
    ax.axvline(ref, color="#d62728", lw=1, linestyle="--")
    ax.text(ref, ax.get_ylim()[1], f" {w['ref']} {result['reference']['doc_number']} ({reference_label(result, lang)})",
            color="#d62728", fontproperties=_font(8), va="top")
    ax.set_xlabel(w["date"], fontproperties=_font(9))
    ax.set_ylabel(w["count"], fontproperties=_font(9))
    ax.legend(prop=_font(8), loc="upper left", bbox_to_anchor=(0, 0.92), frameon=False)
    undated = sum(r["timing"] == DATE_UNKNOWN for r in rows)
    title = " / ".join(f"{e['id']} {e['label']}" for e in result["entries"] if e["id"] in entries[:4])
    fig.suptitle(f"{w['curve']}: {title}", fontproperties=_font(12), x=0.01, ha="left")
    caption = f"{w['frame']}; {result['reference']['how']}" + (f"; {undated} {w['undated']}" if undated else "")
    fig.text(0.01, 0.01, caption, fontproperties=_font(7), color="#555555", wrap=True)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.savefig(path, dpi=100, format=fmt)
    plt.close(fig)


# ------------------------------------------------------------------ one measure down the ladder


def reference_label(result: dict, lang: str = "en") -> str:
    """The reference's date as known: ``2021-02 (month only)`` where only its month is."""
    ref = result["reference"]
    month_only = "（仅知月份）" if lang == "zh" else " (month only)"
    return f"{ref['day'][:7]}{month_only}" if "only its month" in ref["how"] else ref["day"]


def ladder_nodes(result: dict, frame_id: str) -> tuple[list[dict], list[tuple[str, str, int | None]]]:
    """Boxes (adopters of ``frame_id`` and the parents they cite) and edges parent → child with
    the child's lag after its parent in days (None where a date is missing)."""
    rows = [r for r in result["adoptions"] if r["frame_id"] == frame_id][:MAX_LADDER_NODES]
    boxes = {r["doc_id"]: {"id": r["doc_id"], "name": r["adopter"], "level": r["level"] or "",
                           "date": r["issue_date"], "lag": r["lag_days"], "timing": r["timing"], "adopts": True,
                           "cited": None if r["parent"].get("in_corpus") else r["parent"].get("doc_number")}
             for r in rows}
    edges = []
    for r in rows:
        parent = r["parent"]
        if not parent.get("id"):
            continue
        if parent["id"] not in boxes:
            known = result["notices"].get(parent["id"], {})
            boxes[parent["id"]] = {"id": parent["id"], "name": r["parent_name"], "level": parent.get("level") or "",
                                   "date": parent.get("issue_date"), "lag": None, "timing": "", "adopts": False,
                                   "cited": None,
                                   **({"name": known["name"]} if known else {})}
        edges.append((parent["id"], r["doc_id"], _days_between(parent.get("issue_date"), r["issue_date"])))
    return list(boxes.values()), edges


def _days_between(earlier: str | None, later: str | None) -> int | None:
    if not earlier or not later:
        return None
    return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days


def draw_ladder(result: dict, frame_id: str, path, lang: str = "en", fmt: str | None = None) -> None:
    """One box per adopter on its level's row (the reference on top), edges parent → child
    labelled with the days between them; from the reference, the lag after its date."""
    plt = _pyplot()
    w = words(lang)
    boxes, edges = ladder_nodes(result, frame_id)
    if not boxes:
        raise PolicydiffError(f"{path}: no notice adopts {frame_id}; nothing to draw")
    levels = ["national"] + sorted({b["level"] for b in boxes} - {"national"}, key=level_rank)
    rows = {lv: [b for b in boxes if b["level"] == lv] for lv in levels}
    width = max(4, max(len(v) for v in rows.values()))
    parent_of = {child: source for source, child, _ in edges}
    at: dict[str, tuple[float, int]] = {}
    for y, lv in enumerate(levels):  # top down: each row ordered under its parents (fewer crossings), then by date
        row = sorted(rows[lv], key=lambda b: (at.get(parent_of.get(b["id"], ""), (width, 0))[0],
                                              b["date"] or "9999", b["name"]))
        for x, b in enumerate(row):
            at[b["id"]] = ((x + 0.5) * width / max(1, len(row)), y)
    ref = result["reference"]
    at["__reference__"] = (width / 2, 0)
    fig, ax = plt.subplots(figsize=(min(3.4 * width, 60), 1.6 * len(levels) + 1))
    ax.set_xlim(-0.9, width)
    ax.set_ylim(len(levels) - 0.4, -0.6)
    ax.axis("off")
    parented = {child for _, child, _ in edges}
    for b in boxes:  # an adopter with no parent in the corpus hangs from the reference
        if b["level"] == levels[1] and b["id"] not in parented and b["adopts"]:
            edges.append(("__reference__", b["id"], b["lag"]))
    for source, target, days in edges:
        (x0, y0), (x1, y1) = at[source], at[target]
        ax.annotate("", (x1, y1 - 0.18), (x0, y0 + 0.18), arrowprops={"arrowstyle": "-|>", "color": "#555555"})
        if days is not None:
            ax.text((x0 + x1) / 2, (y0 + y1) / 2, f"+{days}{w['days']}", fontproperties=_font(8), ha="center",
                    va="center", bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.text(*at["__reference__"], f"{ref['doc_number']}\n{reference_label(result, lang)}", fontproperties=_font(8), ha="center",
            va="center", bbox={"facecolor": "white", "edgecolor": LEVEL_COLORS["national"], "linestyle": "--"})
    for b in boxes:
        color = LEVEL_COLORS.get(b["level"], "#7f7f7f")
        when = b["date"] or w["undated_box"]
        when += f" (+{b['lag']}{w['days']} {w['after_ref']})" if b["lag"] is not None else ""
        label = f"{b['name']}\n{when}" + (f"\n{w['predates']}" if b["timing"] == PREDATES else "") \
            + (f"\n{w['cited']} {b['cited']}" if b["cited"] else "")
        ax.text(*at[b["id"]], label, fontproperties=_font(7.5), ha="center", va="center",
                color="white" if b["adopts"] else color,
                bbox={"facecolor": color if b["adopts"] else "white", "edgecolor": color,
                      "linestyle": "-" if b["adopts"] else "--", "boxstyle": "round"})
    for y, lv in enumerate(levels):
        ax.text(-0.85, y, level_word(w, lv), fontproperties=_font(9), color=LEVEL_COLORS.get(lv, "#7f7f7f"), va="center")
    label = next(e["label"] for e in result["entries"] if e["id"] == frame_id)
    fig.suptitle(f"{w['ladder']}: {frame_id} {label}", fontproperties=_font(12), x=0.01, ha="left")
    more = sum(r["frame_id"] == frame_id for r in result["adoptions"]) - MAX_LADDER_NODES
    caption = f"{w['frame']}; {ref['how']}; dashed: {w['not_adopting']}" + (f"; +{more} {w['more']}" if more > 0 else "")
    fig.text(0.01, 0.01, caption, fontproperties=_font(7), color="#555555", wrap=True)
    fig.savefig(path, dpi=100, format=fmt)
    plt.close(fig)


def write_picture(result: dict, path, lang: str = "en") -> Path:
    """``x.png`` / ``x.svg``: the curve; ``x-ladder.png`` beside it for the first entry."""
    path = Path(path)
    draw_curve(result, path, lang)
    if result["adoptions"]:
        draw_ladder(result, result["adoptions"][0]["frame_id"], path.with_name(f"{path.stem}-ladder{path.suffix}"),
                    lang)
    return path


# ------------------------------------------------------------------ the page


def _svg(picture: str, result: dict, lang: str, frame_id: str = "") -> str:
    buffer = io.StringIO()
    if picture == "curve":
        draw_curve(result, buffer, lang, fmt="svg")
    else:
        draw_ladder(result, frame_id, buffer, lang, fmt="svg")
    text = buffer.getvalue()
    return text[text.find("<svg"):]


def page(result: dict, about: list[str], lang: str = "en") -> str:
    """A self-contained page: what is compared, the pictures (inline SVG), the summary and the table."""
    from .export import to_html

    pictures = []
    if result["adoptions"]:
        pictures.append(_svg("curve", result, lang))
        for e in dict.fromkeys(r["frame_id"] for r in result["adoptions"]):
            pictures.append(_svg("ladder", result, lang, e))
    summary, s_columns = summary_table(result)
    table, columns = adoption_table(result)
    if lang == "zh":
        summary, s_columns = in_chinese(summary, s_columns)
        table, columns = in_chinese(table, columns)
    title = "adoption of the national measures" if lang != "zh" else "国家措施的逐级采纳"
    head = to_html(summary, s_columns, title, about=about)
    body = to_html(table, columns, "")
    start = body.find("<table>")
    pictures_html = "".join(f"<figure>{svg}</figure>" for svg in pictures)
    return head.replace("</body>", f"{pictures_html}<h2>{html.escape('采纳明细' if lang == 'zh' else 'adoptions')}</h2>"
                                   f"{body[start:body.rfind('</body>')]}</body>")


# ------------------------------------------------------------------ written as the scan goes


def holds_rows(fmt: str, events: bool, summary: bool) -> bool:
    """Whether an output needs every row at once (the terminal's table, the page, the pictures,
    the workbook); CSV, Markdown, JSON and Parquet are written a chunk at a time, and a summary
    keeps only its counts."""
    if summary and not events and fmt != "json":
        return fmt in ("html", "png", "svg")
    return fmt not in ("csv", "md", "json", "parquet")


def emitter(fmt: str, lang: str = "en", events: bool = False, summary: bool = False):
    """What each completed row becomes in a streamed output (``scan_ladder``'s ``emit``): a CSV
    or Markdown line, the row's JSON, a Parquet tuple; None where only the summary is written; the
    row itself where the output holds them all."""
    if holds_rows(fmt, events, summary):
        return keep_row
    if summary and not events and fmt != "json":
        return None
    return RowWriter(fmt, lang, events)


class RowWriter:
    """One row of the streamed output, exactly as the whole-table writers write it (picklable:
    it travels to the workers)."""

    def __init__(self, fmt: str, lang: str, events: bool):
        self.fmt, self.lang, self.events = fmt, lang, events
        self.columns = EVENT_COLUMNS if events else ADOPTION_COLUMNS
        if lang == "zh" and not events:
            self.columns = in_chinese([], self.columns)[1]

    def __call__(self, row: dict, ladder: Ladder):
        """The row's text as UTF-8 bytes (a Parquet tuple): encoded once, in the worker, the main
        process only passes it on to the file (a str would be encoded to pickle it, decoded to
        unpickle it, twice, and encoded again to write it: 330 MB of them at 30,000 notices)."""
        cells = event_row(row, parent_adoption(row, ladder)) if self.events else None
        if self.events and cells is None:
            return None  # no time: no event
        if self.fmt == "json":  # the row (the event) as JSON, at the depth of "adoptions" ("events")
            shown = cells if self.events else public_row(row)
            return ("    " + json.dumps(shown, ensure_ascii=False, indent=2).replace("\n", "\n    ")).encode("utf-8")
        if cells is None:
            cells = adoption_row(row)
        if self.lang == "zh" and not self.events:
            cells = in_chinese([cells], [])[0][0]
        if self.fmt == "parquet":
            return tuple(None if cells.get(c) in (None, "") else str(cells.get(c)) for c in self.columns)
        if self.fmt == "md":
            return md_line(cells, self.columns).encode("utf-8")
        return csv_line(cells, self.columns).encode("utf-8")


class Spill:
    """Each entry's items in a temporary file as the chunks come, read back entry by entry: the
    table's order (entry, then level, date, id) without holding the table."""

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="policydiff-adoption-")
        self.files: dict[str, io.BufferedWriter] = {}

    def add(self, items: dict[str, list]) -> None:
        for frame_id, part in items.items():
            if frame_id not in self.files:
                self.files[frame_id] = open(Path(self.folder.name) / f"{len(self.files)}.pickle", "wb")  # noqa: SIM115
            pickle.dump(part, self.files[frame_id], protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator:
        for frame_id in sorted(self.files):
            self.files[frame_id].close()
            with open(self.files[frame_id].name, "rb") as fh:
                while True:
                    try:
                        yield from pickle.load(fh)
                    except EOFError:
                        break

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()
        self.folder.cleanup()


def streamed(chunks: Iterable, ladder: Ladder, entries: list[dict]) -> tuple[dict, Tally, Spill]:
    """Run the scan: items spilled, counts kept. The result holds no rows (``adoptions`` empty)."""
    spill, tally = Spill(), Tally()
    try:
        for chunk in chunks:
            spill.add(chunk.items)
            tally.merge(chunk.tally)
    except BaseException:
        spill.close()
        raise
    return result_of(ladder, entries, [], tally), tally, spill


def write_streamed(result: dict, items: Iterable, fmt: str, write, about: list[str], title: str, events: bool,
                   lang: str = "en", path: Path | None = None) -> None:
    """The output of :func:`streamed`, byte for byte what the whole-table writers write: ``write``
    takes each piece of text (CSV, Markdown, JSON: the rows as :class:`RowWriter`'s UTF-8 bytes, the
    rest as str, :func:`text_or_bytes`); Parquet goes to ``path``."""
    columns = RowWriter(fmt, lang, events).columns
    if fmt == "parquet":
        from ..distributed import write_parquet_batches

        assert path is not None, "Parquet is written to a file"
        return write_parquet_batches(path, {c: str for c in columns}, _batches(items))
    if fmt == "csv":
        write("".join(f"# {comment_cell(line)}\r\n" for line in about) + csv_line({c: c for c in columns}, columns))
        for item in items:
            write(item)
    elif fmt == "md":
        write(to_markdown([], columns, title, about))
        for item in items:
            write(item)
    elif events:
        _write_events_json(about, items, write)
    else:
        _write_json(result, items, write)


def events_json(about: list[str], events: list[dict]) -> str:
    """The events as JSON: the header lines and one object per dated adoption (``--events -o x.json``)."""
    return json.dumps({"about": about, "events": events}, ensure_ascii=False, indent=2) + "\n"


def _write_events_json(about: list[str], items: Iterable, write) -> None:
    """:func:`events_json` with its events streamed in."""
    write('{\n  "about": ' + json.dumps(about, ensure_ascii=False, indent=2).replace("\n", "\n  ") + ',\n  "events": ')
    first = True
    for item in items:
        write("[\n" if first else ",\n")
        write(item)
        first = False
    write(("[]" if first else "\n  ]") + "\n}\n")


def _write_json(result: dict, items: Iterable, write) -> None:
    """``json.dumps(public(result), ensure_ascii=False, indent=2)`` with its rows streamed in."""
    def member(key: str) -> str:
        return f"  {json.dumps(key)}: " + json.dumps(result[key], ensure_ascii=False, indent=2).replace("\n", "\n  ")

    write("{\n" + ",\n".join(member(k) for k in ("reference", "entries")) + ',\n  "adoptions": ')
    first = True
    for item in items:
        write("[\n" if first else ",\n")
        write(item)
        first = False
    write(("[]" if first else "\n  ]") + ",\n" + ",\n".join(member(k) for k in ("summary", "parents", "notices",
                                                                                   "interpretations_left_out"))
          + "\n}\n")


def text_or_bytes(write_text=None, write_bytes=None, newline: str = "\n"):
    """A ``write`` for :func:`write_streamed`: every piece to ``write_bytes`` as UTF-8 (each
    "\n" as ``newline``, as a file opened in text mode writes it), or to ``write_text`` as str."""
    if write_bytes is not None:
        eol = newline.encode("utf-8")

        def to_bytes(piece: str | bytes) -> None:
            data = piece if isinstance(piece, bytes) else piece.encode("utf-8")
            write_bytes(data if eol == b"\n" else data.replace(b"\n", eol))
        return to_bytes

    def to_text(piece: str | bytes) -> None:
        write_text(piece.decode("utf-8") if isinstance(piece, bytes) else piece)
    return to_text


def _batches(items: Iterable, size: int = 20_000) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    yield batch


def csv_line(cells: dict, columns: list[str]) -> str:
    """One CSV row as ``export.write_csv`` writes it (every cell as text a spreadsheet shows as it is)."""
    values = [cells.get(c) for c in columns]  # text_cell, inlined: ~1,000,000 cells at 30,000 notices
    values = [("'" + v if v.startswith(FORMULA_STARTS) else v) if v.__class__ is str else text_cell(v)
              for v in values]
    if len(values) > 1 and all(v.__class__ is str or v.__class__ is int for v in values):  # most: no quotes
        line = ",".join([v if v.__class__ is str else str(v) for v in values])
        if line.count(",") == len(values) - 1 and '"' not in line and "\n" not in line and "\r" not in line:
            return line + "\r\n"  # as the csv module writes a row none of whose cells needs quotes
    _line.seek(0)
    _line.truncate()
    _line_writer.writerow(values)
    return _line.getvalue()


_line = io.StringIO()
_line_writer = csv.writer(_line)


def md_line(cells: dict, columns: list[str]) -> str:
    return "| " + " | ".join(md_text(cells.get(c)) for c in columns) + " |\n"
