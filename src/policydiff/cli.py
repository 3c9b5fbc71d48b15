"""The ``policydiff`` command line: thin commands over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from . import store
from .errors import PolicydiffError

console = Console()
err_console = Console(stderr=True)

# Options shared by several commands, defined once (as sqlite-utils does).
db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False),
                         default=str(store.DEFAULT_DB), show_default=True,
                         help="The project database.")
frame_option = click.option("--frame", "frame_path", type=click.Path(dir_okay=False), default=None,
                            help="The measure frame (default: the shipped national frame, "
                                 "derived from implementing notices).")
LEVELS = ["national", "provincial", "prefecture", "county"]
level_option = click.option("--level", type=click.Choice(LEVELS), help="Only documents of this level.")
role_option = click.option("--role", type=click.Choice(["lead", "support", "responsible"]))
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
csv_option = click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")


def output_options(formats: list[str]):
    """``--format`` (one of ``formats``; default from ``-o``'s suffix, else a table) and ``-o``."""
    def decorate(command):
        command = click.option("-o", "--output", "out", type=click.Path(dir_okay=False),
                               help="Write to this file.")(command)
        return click.option("--format", "fmt", type=click.Choice(formats),
                            help="Default: from -o's suffix, else a table.")(command)
    return decorate


class Fail(click.ClickException):
    """A user-fixable error: printed as one 'Error: …' line, exit status 1."""

    exit_code = 1


class UsageFail(Fail):
    """A bad argument (a DOC that matches nothing): exit status 2."""

    exit_code = 2


def _open(db_path):
    if not Path(db_path).exists():
        raise Fail(f"{db_path}: no database yet; run 'policydiff ingest' first")
    return store.open_db(db_path)


def _resolve(db, ref: str) -> str:
    try:
        return store.resolve_document(db, ref)
    except PolicydiffError as exc:
        raise UsageFail(str(exc)) from exc


@click.group()
@click.version_option(package_name="policydiff")
def cli():
    """policydiff: structured, queryable evidence from Chinese policy notices."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@click.option("--workers", type=int, default=None, help="Parallel parser processes (default: cores).")
@click.option("--force", is_flag=True, help="Re-parse files whose hash is already stored.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(paths, db_path, workers, force, quiet):
    """Parse notices (text, PDF, Word, HTML) and store them.

    Example: policydiff ingest corpus/
    """
    import logging

    from .ingest import collect_files
    from .ingest import ingest as run_ingest

    if not quiet:  # per-page progress of long scans (OCR), from the workers
        logging.basicConfig(level=logging.INFO, format="%(message)s")
    paths = paths or ("corpus",)
    total = len(collect_files(paths)[0])
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), console=err_console,
                  disable=quiet or not err_console.is_terminal) as bar:
        task = bar.add_task("", total=total)
        report = run_ingest(paths, db_path, workers=workers, force=force,
                            progress=lambda f: bar.update(task, advance=1, description=Path(f).name),
                            on_problem=lambda line: click.echo(line, err=True))
    _print_ingest_summary(report, db_path)
    sys.exit(0 if report.ok else 1)


def _print_ingest_summary(report, db_path) -> None:
    # problems were printed as they happened, one unwrapped line each (grep-able); here the
    # totals and, for a run that changed few documents, their table (past that, the totals only)
    click.echo(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
               f"failed {report.failed}, duplicates {report.duplicated} → {db_path}")
    changed = report.added + report.updated
    if not changed:
        return
    if changed > SUMMARY_ROWS:
        click.echo(f"{changed} documents stored; policydiff docs lists them", err=True)
        return
    console.print(_documents_table(store.list_documents(store.open_db(db_path), ids=report.changed_ids)))


SUMMARY_ROWS = 20


def _documents_table(rows, width: int | None = None) -> Table:
    """One line per document. Below 120 columns the id and title are left out (a
    文号 or a locality names a document as well as its id); nothing wraps."""
    wide = (width or console.width) >= 120
    lines = []
    for r in rows:
        cells = ([r["id"]] if wide else []) + [
            r["doc_number"] or "—", r["locality"] or "—", r["admin_level"] or "—", r["issue_date"] or "—",
            f"{r['n_measures']}/{r['n_targets']}/{r['n_citations']}"]
        if wide:
            cells.append((r["title"] or "") + (" [OCR]" if r["ocr"] else ""))
        elif r["ocr"]:
            cells[0] += " [OCR]"
        lines.append(cells)
    headers = (["id"] if wide else []) + ["文号", "locality", "level", "date", "m/t/c"]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, caption="m/t/c: measures/targets/citations",
                  caption_justify="left")
    widths = [max(cell_len(header), *(cell_len(cells[i]) for cells in lines)) for i, header in enumerate(headers)]
    for header, column_width in zip(headers, widths):  # fixed columns keep their full width
        table.add_column(header, no_wrap=True, min_width=column_width)
    if wide:
        room = max(10, (width or console.width) - sum(widths) - 3 * len(widths) - 3)  # gaps: space, rule, space
        table.add_column("title", no_wrap=True, max_width=room)
        for cells in lines:
            cells[-1] = _clip(cells[-1], room)
    for cells in lines:
        table.add_row(*cells)
    return table


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells (CJK characters take two), with an ellipsis."""
    if cell_len(text) <= width:
        return text
    while cell_len(text) > width - 1:
        text = text[:-1]
    return text + "…"


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def docs(db_path, as_json):
    """List stored documents: id, 文号, locality, level, date, title.

    Example: policydiff docs
    """
    rows = store.list_documents(_open(db_path))
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    else:
        console.print(_documents_table(rows))


@cli.command()
@click.argument("doc")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The public JSON record.")
@click.option("--text", "as_text", is_flag=True, help="The normalised text spans point into.")
@click.option("--source", "as_source", is_flag=True, help="The source text as read from the file.")
def show(doc, db_path, as_json, as_text, as_source):
    """Show one document. DOC is an id, a 文号, a locality name or a path.

    Example: policydiff show 神木市 --json
    """
    db = _open(db_path)
    doc_id = _resolve(db, doc)
    if as_text or as_source:
        click.echo(store.document_text(db, doc_id, source=as_source))
        return
    record = store.load_record(db, doc_id)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    _print_record(record)


def _print_record(record: dict) -> None:
    console.print(f"[bold]{record['title']}[/bold]")
    for key in ("id", "doc_number", "locality", "admin_level", "issue_date", "print_date",
                "body_title"):
        console.print(f"  {key}: {record.get(key)}")
    console.print(f"  issuers ({len(record['issuers'])}): {'、'.join(record['issuers'])}")
    console.print(f"  addressees: {'、'.join(record['addressees'])}")
    table = Table(title="measures")
    for column in ("path", "title", "lead", "support", "responsible"):
        table.add_column(column, overflow="fold")
    for m in record["measures"]:
        table.add_row(m["path"], m["title"], "、".join(m["lead_units"]),
                      "、".join(m["support_units"]), "、".join(m["responsible_units"]))
    console.print(table)
    console.print(f"  targets: {len(record['targets'])}, citations: {len(record['citations'])}, "
                  f"duties: {len(record['division_of_duties'])}")


def _answer_rows(answers, role_key="units"):
    """Flatten answers into CSV/table rows: one row per (item, unit)."""
    rows = []
    for a in answers:
        units = a.get(role_key) if role_key else None
        for u in units or [a]:
            rows.append({"doc_id": a["doc_id"], "locality": a["locality"], "level": a["level"],
                         "kind": a["kind"], "path": a["path"], "title": a["title"],
                         "role": u.get("role"), "unit": u.get("raw"), "canonical": u.get("canonical"),
                         "function": u.get("function"), "evidence": a.get("evidence", ""),
                         "span": f"{a['span'][0]}-{a['span'][1]}"})
    return rows


def _emit(rows, as_json, as_csv, answers):
    from .report.export import write_csv

    if as_json:
        click.echo(json.dumps(answers, ensure_ascii=False, indent=2))
    elif as_csv:
        write_csv(rows, sys.stdout, bom=False)
    return as_json or as_csv


@cli.command()
@click.argument("topic")
@db_option
@click.option("--doc", "doc_ref", help="Only this document (id, 文号, locality or path).")
@level_option
@role_option
@json_option
@csv_option
@click.option("--limit", default=50, show_default=True)
@frame_option
def who(topic, db_path, doc_ref, level, role, as_json, as_csv, limit, frame_path):
    """Who is responsible for TOPIC, across the corpus, grouped by document.

    Example: policydiff who 先诊疗后付费
    """
    from .compare.frame import frame_terms
    from .query import QueryError, group_by_document
    from .query import who as find

    db = _open(db_path)
    doc_id = _resolve(db, doc_ref) if doc_ref else None
    try:
        answers = find(db, topic, doc_id, level, role, extra_terms=frame_terms(_frame_path(frame_path)),
                       limit=limit)
    except QueryError as exc:
        raise UsageFail(str(exc)) from exc
    if _emit(_answer_rows(answers), as_json, as_csv, answers):
        return
    if not answers:
        click.echo(f"nothing about '{topic}' in {db_path}")
        return
    for doc_id, items in group_by_document(answers).items():
        first = items[0]
        table = Table(title=f"{first['locality']} ({first['level']}) {first['doc_number'] or doc_id}",
                      title_justify="left", show_lines=True)
        for column in ("path", "title", "units (role: raw → canonical)", "evidence"):
            table.add_column(column, overflow="fold")
        for a in items:
            units = "\n".join(f"{u['role']}: {u['raw']}" + (f" → {u['canonical']}" if u["canonical"]
                              and u["canonical"] != u["raw"] else "") for u in a["units"]) or "—"
            table.add_row(a["path"], a["title"], units, f"{a['evidence']} [{a['span'][0]}:{a['span'][1]}]")
        console.print(table)


def _frame_path(frame_path):
    from .compare.frame import FRAME_PATH

    return frame_path or FRAME_PATH


@cli.command("duties")
@click.argument("unit")
@db_option
@level_option
@role_option
@json_option
@csv_option
def duties_command(unit, db_path, level, role, as_json, as_csv):
    """What UNIT is responsible for, across documents and levels (through canonical units).

    Example: policydiff duties 民政局
    """
    from .query import QueryError, duties

    db = _open(db_path)
    try:
        answers = duties(db, unit, level, role)
    except QueryError as exc:
        raise UsageFail(str(exc)) from exc
    rows = [{k: a[k] for k in ("doc_id", "locality", "level", "kind", "path", "title", "role", "raw",
                               "canonical", "function")} for a in answers]
    if _emit(rows, as_json, as_csv, answers):
        return
    if not answers:
        click.echo(f"no unit matches '{unit}' in {db_path} (try policydiff units)")
        return
    table = Table(show_lines=False)
    for column in ("locality", "level", "path", "title", "role", "raw", "canonical"):
        table.add_column(column, overflow="fold")
    for a in answers:
        table.add_row(a["locality"], a["level"], a["path"], a["title"][:40], a["role"], a["raw"], a["canonical"])
    console.print(table)


@cli.command("units")
@db_option
@click.option("--unresolved", is_flag=True, help="Only raw strings that map to no canonical unit.")
@json_option
def units_command(db_path, unresolved, as_json):
    """List raw unit strings and the canonical unit each maps to.

    Example: policydiff units --unresolved
    """
    if as_json:  # streamed, row by row: the same text as json.dumps(rows, indent=2)
        _echo_json_array(store.iter_unit_aliases(_open(db_path), unresolved))
        return
    rows = store.unit_aliases(_open(db_path), unresolved)
    table = Table()
    for column in ("doc_id", "raw", "canonical", "function", "kind", "level", "reason"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(*[str(r[k] or "") for k in r])
    console.print(table)
    click.echo(f"{len(rows)} raw unit strings" + (" unresolved" if unresolved else ""))


def _echo_json_array(items) -> None:
    """Print ``items`` as json.dumps(list(items), indent=2) would, one item at a time."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        click.echo(("[\n  " if first else ",\n  ") + text, nl=False)
        first = False
    click.echo("[]" if first else "\n]")


FORMATS = ["table", "csv", "xlsx", "md", "html", "json"]


def _write_table(rows, columns, fmt, out, title, sheets=None, titles=None):
    """Write rows in ``fmt`` to ``out`` (a path) or the terminal."""
    from .report import export

    fmt = fmt or (Path(out).suffix.lstrip(".") if out else "table")
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt == "xlsx":
        if not out:
            raise UsageFail("--format xlsx needs -o PATH")
        export.write_xlsx(sheets or {title: rows}, out, {name: columns for name in (sheets or {title: 0})})
    elif fmt == "csv":
        export.write_csv(rows, out, columns=columns) if out else export.write_csv(rows, sys.stdout, False, columns)
    elif fmt in ("md", "html", "json"):
        text = (export.to_markdown(rows, columns) if fmt == "md" else
                export.to_html(rows, columns, title, titles) if fmt == "html" else
                json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        Path(out).write_text(text, encoding="utf-8") if out else click.echo(text, nl=False)
    else:
        table = Table(title=title, show_lines=True)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*[str(row.get(c) if row.get(c) is not None else "") for c in columns])
        console.print(table)
        return
    if out:
        click.echo(f"wrote {out}", err=True)


@cli.command()
@click.argument("docs", nargs=-1)
@db_option
@click.option("--across", is_flag=True, help="Frame entry × locality instead of task × unit.")
@output_options(FORMATS)
@frame_option
def matrix(docs, db_path, across, fmt, out, frame_path):
    """Responsibility matrix: task × unit (牵头/配合/责任) for each DOC, or --across.

    Example: policydiff matrix 连云港 -o lianyungang.xlsx
    """
    from .report.matrix import across_table, document_matrix

    db = _open(db_path)
    if across:
        # one record at a time: each is aligned and only its cells are kept
        records = (store.iter_records(db) if not docs else
                   (store.load_record(db, doc_id) for doc_id in dict.fromkeys(_resolve(db, d) for d in docs)))
        rows, columns, raw_rows = across_table(records, _load_frame(frame_path)["entries"])
        titles = {f"{r['frame_id']}|{c}": raw[c] for r, raw in zip(rows, raw_rows) for c in columns[2:]}
        _write_table(rows, columns, fmt, out, "frame × locality (frame derived from implementing notices)",
                     sheets={"lead functions": rows, "as printed": raw_rows}, titles=titles)
        return
    if not docs:
        raise UsageFail("give a DOC (id, 文号, locality or path), or --across")
    sheets, columns_of = {}, {}
    for ref in docs:
        record = store.load_record(db, _resolve(db, ref))
        rows, columns = document_matrix(record)
        sheets[record["locality"] or record["id"]] = rows
        columns_of[record["locality"] or record["id"]] = columns
    if len(sheets) > 1 and (fmt or Path(out or "").suffix.lstrip(".")) == "xlsx":
        from .report.export import write_xlsx

        write_xlsx(sheets, out, columns_of)
        click.echo(f"wrote {out}", err=True)
        return
    for name, rows in sheets.items():
        _write_table(rows, columns_of[name], fmt, out, f"{name} responsibility matrix")


@cli.group()
def baseline():
    """The national baseline: a measure frame derived from implementing notices."""


@baseline.command("build")
@db_option
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), default=None,
              help="Where to write it (default: the shipped frame, for review in the checkout).")
def baseline_build(db_path, out):
    """Build the measure frame from the stored notices and write it for review.

    Example: policydiff baseline build
    """
    from .compare.frame import build_frame, write_frame

    db = _open(db_path)
    frame = build_frame(lambda: store.iter_records(db, order=store.DATE_ORDER))  # read in passes, a record at a time
    path = write_frame(frame, _frame_path(out))
    click.echo(f"wrote {path}: {len(frame['entries'])} entries, {len(frame['indicators'])} indicators "
               f"({frame['provenance']}; primary evidence: {', '.join(frame['primary_documents']) or 'none'})")


@baseline.command("show")
@frame_option
def baseline_show(frame_path):
    """Print the frame: entries with their evidence, and the indicator values.

    Example: policydiff baseline show
    """
    frame = _load_frame(frame_path)
    national = frame["national"]
    click.echo(f"{national['doc_number']} {national['titles'][0]} — {frame['provenance']}")
    click.echo(f"issuers ({len(national['issuers'])}): {'、'.join(national['issuers'])}")
    click.echo(f"issued: {national.get('issue_date') or national.get('issue_month')} "
               f"({national.get('issue_month_source', national.get('source'))})")
    table = Table(title=f"measure frame ({frame['provenance']})", show_lines=True)
    for column in ("id", "label", "localities", "evidence (path heading)"):
        table.add_column(column, overflow="fold")
    for e in frame["entries"]:
        table.add_row(e["id"], e["label"] + (" [boilerplate]" if e["boilerplate"] else ""), str(e["strength"]),
                      "\n".join(f"{x['locality']} {x['path']} {x['heading']}" for x in e["evidence"]))
    console.print(table)
    for row in frame["indicators"]:
        carried = "; ".join(f"{c['locality']}: " + ", ".join(f"{v['comparator']}{v['value']}{v['unit']}"
                                                              for v in c["values"]) for c in row["carried_by"])
        click.echo(f"indicator {row['no']} {row['indicator']} [{row['binding']}] — {carried}")


def _load_frame(path):
    from .compare.frame import load_frame

    try:
        return load_frame(_frame_path(path))
    except PolicydiffError as exc:
        raise Fail(str(exc)) from exc


def _reference(db, against, frame_path):
    from .compare.diff import choose_reference

    return choose_reference(db, _resolve(db, against) if against else None, _load_frame(frame_path))


DIFF_FORMATS = ["table", "md", "json", "csv", "html"]


@cli.command()
@click.argument("doc")
@click.option("--against", help="Reference document (default: the national frame).")
@db_option
@frame_option
@output_options(DIFF_FORMATS)
def diff(doc, against, db_path, frame_path, fmt, out):
    """How DOC carried the reference down: adopted, omitted, merged, added; targets; units.

    Example: policydiff diff 淮南
    """
    from .compare.diff import diff_document

    db = _open(db_path)
    result = diff_document(store.load_record(db, _resolve(db, doc)), _reference(db, against, frame_path))
    fmt = fmt or (Path(out).suffix.lstrip(".") if out else "table")
    if fmt == "html":
        from .report.export import diff_html

        return _write_text(diff_html(result), out)
    if fmt == "json":
        result.pop("alignment")
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
        Path(out).write_text(text, encoding="utf-8") if out else click.echo(text, nl=False)
        return
    for note in result["notes"]:
        click.echo(f"Note: {note}")
    from .compare.diff import diff_table

    _write_table(*diff_table(result), fmt, out, f"{result['document']['locality']} vs {result['reference']['name']}")


def _write_text(text: str, out) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option
@frame_option
@output_options(DIFF_FORMATS)
def compare(a, b, db_path, frame_path, fmt, out):
    """Two localities side by side, aligned through the frame, with target deltas.

    Example: policydiff compare 神木 淮南
    """
    from .compare.diff import compare as run_compare

    db = _open(db_path)
    ra, rb = (store.load_record(db, _resolve(db, ref)) for ref in (a, b))
    result = run_compare(ra, rb, _reference(db, None, frame_path))
    fmt = fmt or (Path(out).suffix.lstrip(".") if out else "table")
    if fmt == "html":
        from .report.export import compare_html

        return _write_text(compare_html(result), out)
    if fmt == "json":
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
        Path(out).write_text(text, encoding="utf-8") if out else click.echo(text, nl=False)
        return
    for note in result["notes"]:
        click.echo(f"Note: {note}")
    from .compare.diff import compare_table

    rows, columns = compare_table(result)
    _write_table(rows, columns, fmt, out, f"{columns[2]} vs {columns[4]} (through the {result['reference']['name']})")


@cli.command("graph")
@db_option
@click.option("--kind", type=click.Choice(["citation", "responsibility"]), help="Default: both.")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "png", "svg"]),
              help="Default: all formats.")
@click.option("-o", "--output", "out", type=click.Path(), help="File (one kind and format) or folder.")
@frame_option
def graph_command(db_path, kind, fmt, out, frame_path):
    """Export the citation graph and the responsibility graph (Gephi-ready).

    Example: policydiff graph --kind citation --format graphml -o graphs/citations.graphml
    """
    from . import graph as g
    from .compare.frame import load_frame

    db = _open(db_path)
    try:
        frame = load_frame(_frame_path(frame_path))
    except PolicydiffError:
        frame = None
    graphs = {}  # both built from the database one document at a time
    if kind in (None, "citation"):
        graphs["citation"] = g.citation_graph(store.iter_document_rows(db), frame["national"] if frame else None,
                                              citing=store.iter_citing(db))
    formats = [fmt] if fmt else ["graphml", "gexf", "json", "png", "svg"]
    single = out and kind and fmt and Path(out).suffix
    folder = Path(out) if out and not single else Path("graphs")
    streamed = kind in (None, "responsibility") and formats == ["graphml"]  # written as the records pass
    if kind in (None, "responsibility") and not streamed:
        graphs["responsibility"] = g.responsibility_graph(store.iter_records(db),
                                                          frame_entries=frame["entries"] if frame else None)
    for name, graph in graphs.items():
        for f in formats:
            path = Path(out) if single else folder / f"{name}.{f}"
            g.export(graph, path, f)
            click.echo(f"wrote {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")
        if name == "responsibility" and (not fmt or fmt in ("png", "svg")) and not single:
            for r in store.iter_document_rows(db):
                sub = graph.subgraph(g.document_component(graph, f"doc:{r['id']}")).copy()
                sub.graph["name"] = f"responsibility: {r['locality']} {r['doc_number'] or r['id']}"
                path = folder / f"responsibility-{r['id']}.png"
                g.export(sub, path, "png")
                click.echo(f"wrote {path}")
    if streamed:
        path = Path(out) if single else folder / "responsibility.graphml"
        nodes, edges = g.write_responsibility_graphml(store.iter_records(db), path,
                                                      frame_entries=frame["entries"] if frame else None)
        click.echo(f"wrote {path} ({nodes} nodes, {edges} edges)")


@cli.command()
@click.argument("doc")
@db_option
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), required=True)
def render(doc, db_path, out):
    """Write a notice as HTML with every extracted span highlighted by kind.

    Example: policydiff render 神木 -o shenmu.html
    """
    from .report.web import render_html

    db = _open(db_path)
    Path(out).write_text(render_html(store.load_record(db, _resolve(db, doc))), encoding="utf-8")
    click.echo(f"wrote {out}")


@cli.command()
@db_option
@click.option("--port", default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(db_path, port, host):
    """Browse the database in Datasette, with canned queries who / duties / matrix.

    Example: policydiff serve --port 8001  (then open http://127.0.0.1:8001/policydiff/who?topic=医保)
    """
    import importlib.util
    import os
    import tempfile

    from .report.web import datasette_metadata

    if importlib.util.find_spec("datasette") is None:
        raise Fail("Datasette is not installed: pip install -e '.[web]'")
    _open(db_path).close()
    name = Path(db_path).stem
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(datasette_metadata(name), fh, ensure_ascii=False)
    command = [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", fh.name,
               "--host", host, "--port", str(port), "--setting", "default_page_size", "50"]
    click.echo(f"serving {db_path} at http://{host}:{port}/{name}", err=True)
    sys.stderr.flush()
    os.execv(sys.executable, command)  # become Datasette: a signal to this process reaches the server


def main():  # pragma: no cover
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
