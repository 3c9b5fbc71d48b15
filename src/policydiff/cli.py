"""The ``policydiff`` command line: thin commands over the library."""

from __future__ import annotations

import codecs
import json
import os
import re
import sqlite3
import sys
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from . import __version__
from . import patterns as P
from .errors import PolicydiffError
from .paths import DEFAULT_DB, inside


class _Lazy:
    """``module.attribute`` (called with ``kwargs`` when given), imported on first use. A
    command's start imports only click: rich (~60 ms) and the database layer (sqlite-utils)
    load when a command first prints a table or opens the database, not for --help or --version."""

    def __init__(self, module: str, attribute: str | None = None, kwargs: dict | None = None):
        self._where = (module, attribute, kwargs)
        self._target: Any = None

    def _load(self) -> Any:
        if self._target is None:
            module, attribute, kwargs = self._where
            target: Any = import_module(module)
            target = getattr(target, attribute) if attribute else target
            self._target = target(**kwargs) if kwargs is not None else target
        return self._target

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._load(), name)

    def __call__(self, *args, **kwargs) -> Any:
        return self._load()(*args, **kwargs)


if TYPE_CHECKING:
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table

    from . import store
    from .models import Record
else:
    box, cell_len, Table = _Lazy("rich.box"), _Lazy("rich.cells", "cell_len"), _Lazy("rich.table", "Table")
    store = _Lazy("policydiff.store")
# text from notices is data: DataConsole shows markup, emoji codes and control characters as they are
console = cast("Console", _Lazy("policydiff.report.terminal", "DataConsole", {}))
err_console = cast("Console", _Lazy("policydiff.report.terminal", "DataConsole", {"stderr": True}))

# Options shared by several commands, defined once (as sqlite-utils does).
db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False),
                         default=str(DEFAULT_DB), show_default=True,
                         help="The project database. ingest writes each notice's JSON record in the "
                              "database's folder: --db /data/x.db → /data/<id>.json.")
frame_option = click.option("--frame", "frame_path", type=click.Path(dir_okay=False), default=None,
                            help="The measure frame (default: the shipped national frame, "
                                 "derived from implementing notices).")
LEVELS = list(P.ADMIN_LEVELS)  # a town or subdistrict notice is township
level_option = click.option("--level", type=click.Choice(LEVELS), help="Only documents of this level.")
role_option = click.option("--role", type=click.Choice(["lead", "support", "responsible", "office"]),
                            help="Only units in this role (office: a task table's internal-office column).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
csv_option = click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
lang_option = click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True,
                           help="Labels of statuses and columns (zh: 采纳, 合并, 未提及, 新增, 强化, 弱化 …).")


force_output_option = click.option("--force", "force_output", is_flag=True,
                                   help="Let -o replace a file that is not an output of this kind.")


def output_options(formats: list[str]):
    """``--format`` (one of ``formats``; default from ``-o``'s suffix, else a table), ``-o`` and ``--force``."""
    def decorate(command):
        command = force_output_option(command)
        command = click.option("-o", "--output", "out", type=click.Path(dir_okay=False),
                               help="Write to this file.")(command)
        return click.option("--format", "fmt", type=click.Choice(formats),
                            help="Default: from -o's suffix, else a table.")(command)
    return decorate


class Fail(click.ClickException):
    """A user-fixable error: printed as one 'Error: …' line, exit status 1."""

    exit_code = 1

    def format_message(self) -> str:
        return printable(self.message)


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")


def printable(text: object) -> str:
    """``text`` on one line: control characters and line breaks (a file named
    ``a\nError: b``) shown escaped, so that no message can forge another line."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(text))


class UsageFail(Fail):
    """A bad argument (a DOC that matches nothing): exit status 2."""

    exit_code = 2


OUTPUT_SUFFIXES = {".csv", ".xlsx", ".parquet", ".md", ".markdown", ".html", ".htm", ".json", ".graphml", ".gexf", ".png", ".svg"}


def _check_output(out, force: bool = False, db_path=None) -> None:
    """``-o`` never replaces the database, nor (without --force) an existing file that is
    not an output type; a missing folder is created."""
    if not out:
        return
    path = Path(out)
    if path.exists():
        if path.is_dir():
            raise Fail(f"{out}: is a folder; give a file name")
        if db_path and Path(db_path).exists() and path.samefile(db_path):
            raise Fail(f"{out}: is the database; choose another output file")
        with open(path, "rb") as fh:
            is_database = fh.read(16) == b"SQLite format 3\x00"
        if (is_database or path.suffix.lower() not in OUTPUT_SUFFIXES) and not force:
            kind = "a database" if is_database else f"not an output file ({path.suffix or 'no suffix'})"
            raise Fail(f"{out}: exists and is {kind}; --force replaces it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Fail(f"{out}: cannot create its folder ({exc.strerror or exc})") from exc
    try:
        info = path.stat()
        _pending_output.append((path, (info.st_size, info.st_mtime_ns)))
    except OSError:
        _pending_output.append((path, None))


def _open(db_path):
    if not Path(db_path).exists():
        raise Fail(f"{db_path}: no database yet; run 'policydiff ingest' first")
    if not os.access(Path(db_path).resolve().parent, os.W_OK):  # WAL needs its -shm file beside the database
        return store.open_read_only(db_path)
    return store.open_db(db_path)


def _resolve(db, ref: str) -> str:
    """The id ``ref`` names. A DOC that names no stored document is a fact about the data, not
    a misused command: exit status 1 (2 is for usage errors), with a pointer to the
    reference's frame where ``ref`` is the reference's own 文号."""
    try:
        return store.resolve_document(db, ref)
    except PolicydiffError as exc:
        raise Fail(str(exc) + _reference_hint(ref)) from exc


def _reference_hint(ref: str) -> str:
    from .compare.frame import FRAME_PATH, load_frame
    from .textutils import normalise_doc_number

    try:
        national = load_frame(FRAME_PATH)["national"]
    except (PolicydiffError, OSError, KeyError):
        return ""
    if (normalise_doc_number(ref) or ref.strip()) != national.get("doc_number"):
        return ""
    return ("; it is the national reference, whose text is not in the corpus: 'policydiff baseline show' "
            "prints the frame derived from the notices implementing it, which diff compares with")


def install_hint(extra: str) -> str:
    """How to add an extra, the README's way (scripts/run.sh made .venv)."""
    return f".venv/bin/pip install -e '.[{extra}]'"


class Commands(click.Group):
    """Every command's failure is one ``Error:`` line: a NUL in an argument is refused,
    and policydiff's own errors, file-system and database errors become :class:`Fail`;
    an ``-o`` file the failed command began writing (a full disk) is removed."""

    def invoke(self, ctx):
        if any("\x00" in arg for arg in [*getattr(ctx, "_protected_args", []), *ctx.args]):
            raise UsageFail("an argument contains a NUL character")
        _pending_output.clear()
        try:
            return self._invoke(ctx)
        except (click.exceptions.Exit, SystemExit):
            raise
        except BaseException:
            _drop_partial_output()
            raise
        finally:
            _pending_output.clear()

    def _invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # the reader went away (| head): click leaves quietly, no Error line
            raise
        except PolicydiffError as exc:
            raise Fail(str(exc)) from exc
        except OSError as exc:
            raise Fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from exc
        except sqlite3.DatabaseError as exc:
            raise Fail(f"database error: {exc}") from exc


_pending_output: list[tuple[Path, tuple[int, int] | None]] = []  # (-o path, its size and time before)


def _drop_partial_output() -> None:
    """Remove the ``-o`` file a failed command began writing (one it created or changed)."""
    for path, before in _pending_output:
        try:
            info = path.stat()
        except OSError:
            continue
        if before is None or (info.st_size, info.st_mtime_ns) != before:
            path.unlink(missing_ok=True)


@click.group(cls=Commands)
@click.version_option(__version__, package_name="policydiff")
def cli():
    """policydiff: structured, queryable evidence from Chinese policy notices."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@click.option("--workers", type=int, default=None, help="Parallel parser processes (default: cores).")
@click.option("--force", is_flag=True, help="Re-parse files whose hash is already stored.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--table/--no-table", "show_table", default=True, show_default=True,
              help="List the documents a run stored (up to 20) after its totals.")
@click.option("--max-size", type=click.IntRange(min=1), default=None,
              help="Largest file (and Word file unpacked) to read, in MB (default 20; "
                   "$POLICYDIFF_MAX_BYTES); paragraph, tag, page and character limits scale with it.")
@click.option("--follow-links", is_flag=True, help="Read files that links lead to outside the given folders.")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=None, metavar="SECONDS",
              help="Longest one file may take to parse (default 60; $POLICYDIFF_MAX_SECONDS); "
                   "a file that takes longer fails, the run goes on.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Parse on a Dask cluster (tcp://host:8786, or 'local' for one on this machine) into "
                   "Parquet partitions, then load them.")
@click.option("--parts", "parts_dir", type=click.Path(file_okay=False),
              help="With --dask: where the workers write partitions (default: parts/ beside the database).")
def ingest(paths, db_path, workers, force, quiet, show_table, max_size, follow_links, time_limit, dask_address,
           parts_dir):
    """Parse notices (text, PDF, Word, HTML) and store them: rows in the database, and one
    JSON record a notice in the database's folder (extracted/<id>.json; with --db
    /data/x.db, /data/<id>.json).

    Example: policydiff ingest corpus/   (or: policydiff ingest corpus/ --dask local)
    """
    import logging
    import os

    from .ingest import collect_files
    from .ingest import ingest as run_ingest

    if max_size:  # the workers inherit it
        from .read.limits import ENV  # (the readers load only where a file has changed)

        os.environ[ENV] = str(max_size * 2**20)
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, format="%(message)s")
    paths = paths or ("corpus",)
    total = len(collect_files(paths, follow_links)[0])
    with _progress_bar(total, shown=not quiet and sys.stderr.isatty()) as advance:
        if dask_address:
            report = _dask_ingest(paths, db_path, dask_address, parts_dir, workers, force, advance, time_limit)
        else:
            report = run_ingest(paths, db_path, workers=workers, force=force, follow_links=follow_links,
                                time_limit=time_limit, progress=advance,
                                on_problem=lambda line: click.echo(printable(line), err=True))
    if report.interrupted:
        click.echo(f"Interrupted: stored {report.added} added and {report.updated} updated notices "
                   f"in {db_path} (records and JSON agree); the other files were not stored — run ingest "
                   "again to do the rest", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        # the database is closed and every record has its JSON; leave now, without the exit
        # handlers of concurrent.futures, which can wait on a pool interrupted mid-call
        os._exit(130)
    _print_ingest_summary(report, db_path, show_table)
    sys.exit(0 if report.ok else 1)


@contextmanager
def _progress_bar(total: int, shown: bool):
    """A function to call with each file done: it moves a bar on the terminal, or (piped,
    --quiet) does nothing, without importing rich's progress module (~0.1 s)."""
    if not shown:
        yield lambda _file: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .report.terminal import DataConsole

    with Progress(TextColumn("ingest", style="bold"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}", markup=False), console=DataConsole(stderr=True)) as bar:
        task = bar.add_task("", total=total)
        yield lambda file: bar.update(task, advance=1, description=printable(Path(file).name))


def _needs_scale_extra(what: str) -> None:
    from .distributed import missing_packages

    if missing_packages():
        raise Fail(f"{what} needs the scale extra ({', '.join(missing_packages())} missing): {install_hint('scale')}")


def _dask_ingest(paths, db_path, address, parts_dir, workers, force, progress, time_limit=None):
    from .distributed import ingest_dask

    _needs_scale_extra("--dask")
    try:
        return ingest_dask(paths, db_path, address, parts_dir, force=force, workers=workers, progress=progress,
                           time_limit=time_limit)
    except (OSError, TimeoutError) as exc:
        raise Fail(f"{address}: cannot reach the Dask scheduler ({exc})") from exc


@cli.command()
@click.argument("parts_dir", metavar="DIR", type=click.Path(file_okay=False, exists=True))
@db_option
@click.option("--force", is_flag=True, help="Replace notices stored with the same hash too.")
def load(parts_dir, db_path, force):
    """Store the Parquet partitions of an ingest --dask run (one transaction a notice).

    Example: policydiff load extracted/parts
    """
    from .distributed import load_partitions

    _needs_scale_extra("load")
    if not (Path(parts_dir) / "_parts").is_dir():
        raise Fail(f"{parts_dir}: no partitions here (no _parts/ folder of manifests)")
    report = load_partitions(parts_dir, db_path, force=force)
    _print_ingest_summary(report, db_path)
    sys.exit(0 if report.ok else 1)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), required=True,
              help="Folder for the files (one a table).")
@frame_option
def export(db_path, fmt, out, frame_path):
    """Write every table as a Parquet or CSV file, for pandas, R or DuckDB.

    Example: policydiff export --format parquet -o tables/  (then in DuckDB:
    select indicator, value from 'tables/targets.parquet')
    """
    from .report.tables import export_tables

    db = _open(db_path)
    if fmt == "parquet":
        _needs_scale_extra("--format parquet")
    counts = export_tables(db, out, fmt, _load_frame(frame_path)["entries"])
    for table, count in counts.items():
        click.echo(f"wrote {Path(out) / f'{table}.{fmt}'} ({count} rows)")


def _print_ingest_summary(report, db_path, show_table: bool = True) -> None:
    # problems were printed as they happened, one unwrapped line each (grep-able); a run
    # without that callback (the Dask path) prints the first ones it kept
    if report.on_problem is None:
        for failure in report.failures:
            click.echo(f"Error: {printable(failure.line())}", err=True)
        for warning in report.warnings:
            click.echo(f"Warning: {printable(warning)}", err=True)
        for path, twin in report.duplicates:
            click.echo(f"Skipped: {printable(path)}: same content as {twin}", err=True)
    for link, target in report.skipped_links:
        click.echo(f"Skipped: {printable(link)}: a link out of the folder (to {printable(target)}); "
                   "--follow-links reads it", err=True)
    if report.restored:
        click.echo(f"Restored: {report.restored} JSON record(s) from the database (missing or stale)", err=True)
    # the totals and, for a run that changed few documents, their table (past that, the totals only)
    click.echo(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
               f"failed {report.failed}, duplicates {report.duplicated} → {db_path}")
    changed = report.added + report.updated
    if not changed or not show_table:
        return
    if changed > SUMMARY_ROWS:
        click.echo(f"{changed} documents stored; policydiff docs lists them", err=True)
        return
    _print_documents(store.list_documents(store.open_db(db_path), ids=report.changed_ids))


SUMMARY_ROWS = 20


def _documents_table(rows, width: int | None = None) -> Table:
    """One line per document. Below 120 columns the id and title are left out (a
    文号 or a locality names a document as well as its id); nothing wraps."""
    wide = (width or console.width) >= 120
    lines = []
    for r in rows:
        cells = ([r["id"]] if wide else []) + [
            r["doc_number"] or "—", r["locality"] or "—", r["admin_level"] or "—", _date_shown(r),
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
        table.add_row(*(printable(cell) for cell in cells))  # an id with a line break forges no line
    return table


def _date_shown(row: dict) -> str:
    """The date, or the month of a notice printed to the month only (said so), or —."""
    if row["issue_date"]:
        return row["issue_date"]
    return f"{row['issue_month']} (month only)" if row.get("issue_month") else "—"


DOCUMENT_FIELDS = "id, 文号, locality, level, date, measures/targets/citations, title"


def _print_documents(rows) -> None:
    """The documents table on a terminal; piped or redirected, one line per document, its
    fields separated by tabs, id first and nothing cut (``policydiff docs | cut -f1``)."""
    if console.is_terminal:
        console.print(_documents_table(rows))
        return
    for r in rows:
        title = (r["title"] or "") + (" [OCR]" if r["ocr"] else "")
        fields = [r["id"], r["doc_number"], r["locality"], r["admin_level"], r["issue_date"] or r.get("issue_month"),
                  f"{r['n_measures']}/{r['n_targets']}/{r['n_citations']}", title]
        click.echo("\t".join(printable(str(f or "")).replace("\t", " ") for f in fields))


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells (CJK characters take two), with an ellipsis."""
    if cell_len(text) <= width:
        return text
    while cell_len(text) > width - 1:
        text = text[:-1]
    return text + "…"


@cli.command("schema")
def schema_command():
    """Print the JSON Schema of the record (extracted/<id>.json, show DOC --json), generated
    from policydiff.models.Record; docs/record.md explains each key with an example.

    Example: policydiff schema > record.schema.json
    """
    from .schema import schema_text

    click.echo(schema_text(), nl=False)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def docs(db_path, as_json):
    """List stored documents: id, 文号, locality, level, date, measures/targets/citations, title.
    On a terminal, a table (below 120 columns without id and title); piped or redirected, one
    line per document with every field, tab-separated, id first.

    Example: policydiff docs   (ids only: policydiff docs | cut -f1)
    """
    rows = store.list_documents(_open(db_path))
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif not rows:
        click.echo(f"no documents in {db_path} (run policydiff ingest)")
    else:
        _print_documents(rows)


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


def _print_record(record: Record) -> None:
    console.print(printable(record["title"] or ""), style="bold")
    if _not_from_the_text(record, "title"):  # a page's headline: the article prints no title
        console.print(printable(f"  title{_how_known(record, 'title')}"), markup=False)
    for key in ("id", "doc_number", "genre", "locality", "admin_level", "issue_date", "print_date",
                "body_title"):
        console.print(printable(f"  {key}: {record.get(key)}{_how_known(record, key)}"), markup=False)
        if key == "doc_number" and record.get("other_doc_numbers"):  # a joint notice numbered by each issuer
            console.print(printable(f"  other_doc_numbers: {'、'.join(record['other_doc_numbers'])} (the other "
                                    f"issuers' numbers of this notice){_how_known(record, 'other_doc_numbers')}"),
                          markup=False)
    validity = record.get("validity")
    if validity:  # 本通知自…起施行，有效期5年: as the notice says it, quoted
        from .metadata import describe_validity

        console.print(printable(f"  validity: {describe_validity(validity)}"), markup=False)
    # each name apart by ' | ': an addressee may itself be a series (各市、县（市、区）卫生健康委（局）)
    console.print(printable(f"  issuers ({len(record['issuers'])}): {' | '.join(record['issuers'])}"
                            f"{_how_known(record, 'issuers')}"), markup=False)
    console.print(printable(f"  addressees ({len(record['addressees'])}): {' | '.join(record['addressees'])}"),
                  markup=False)
    from .report.matrix import marked

    table = Table(title="measures (a unit not printed beside the item says so: inferred / implied)")
    for column in ("path", "title", "lead", "support", "responsible"):
        table.add_column(column, overflow="fold")
    for m in record["measures"]:
        by_role: dict[str, list[str]] = {}
        for u in m["unit_mentions"]:
            names = by_role.setdefault("responsible" if u["role"] == "office" else u["role"], [])
            name = marked(u["unit"], u["source"], shared_terms=u.get("shared_terms")) + \
                ("（科室）" if u["role"] == "office" else "")
            if name not in names:
                names.append(name)
        table.add_row(m["path"], m["title"], *("、".join(by_role.get(r, [])) for r in ("lead", "support", "responsible")))
    console.print(table)
    console.print(f"  targets: {len(record['targets'])}, citations: {len(record['citations'])}, "
                  f"duties: {len(record['division_of_duties'])}")


def _how_known(record: Record, key: str) -> str:
    """Where a shown value is inferred rather than printed: a place guessed from the text, the
    years an undated notice gives itself."""
    evidence = record.get("locality_evidence") or {}
    if key == "locality" and evidence.get("guessed"):
        return f" (guessed from the text: {evidence.get('claim') or evidence['text']} at {evidence['span']})"
    bound = record.get("date_bound")
    if key == "issue_date" and not record.get("issue_date") and bound and bound.get("month"):
        return f" (printed to the month only: {bound['text']} at {bound['span']}; no day)"
    if key == "issue_date" and not record.get("issue_date") and bound:
        return f" (date unknown; the text names {bound['text']} at {bound['span']}, {bound['flag']})"
    told = _not_from_the_text(record, key)
    return f" ({told})" if told else ""


# how a warning of a record stored before ``value_sources`` says a value was not read from the notice's own lines
_NOT_FROM_TEXT = ("taken from", "read from", "is the 印发")


def _not_from_the_text(record: Record, key: str) -> str | None:
    """Where ``key``'s value came from when the notice's own header does not print it (an information box, a 解读
    page's publication date or 来源, a Word file's page header, the 印发 line): the record's ``value_sources``,
    which names it whatever the warnings say; for a record stored before that key, the warning saying so.

    >>> _not_from_the_text({"value_sources": {"doc_number": "the page header of the Word file"}}, "doc_number")
    'from the page header of the Word file'
    """
    sources = record.get("value_sources")
    if isinstance(sources, dict) and sources.get(key):
        return f"from {sources[key]}"
    if sources is not None:  # the record names every value's source: a warning is no second one
        return None
    return next((w for w in record.get("warnings") or []
                 if w.startswith(f"{key} ") and any(cue in w for cue in _NOT_FROM_TEXT)), None)


def _emit(as_json, as_csv, answers):
    from .query import ANSWER_COLUMNS, answer_rows
    from .report.export import write_csv

    if as_json:
        click.echo(json.dumps(answers, ensure_ascii=False, indent=2))
    elif as_csv:  # a BOM: Excel in a Chinese office reads the file as UTF-8
        sys.stdout.write("\ufeff")
        write_csv(answer_rows(answers), sys.stdout, bom=False, columns=ANSWER_COLUMNS)
    return as_json or as_csv


# columns whose every line is a name or a code: shown whole, never broken or cut
WHOLE_COLUMNS = ("path", "kind", "role", "match", "level", "units (role: raw, provenance)", "raw", "canonical",
                 "provenance")


def _answer_table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    """A table that never breaks a name: paths, roles and units (one a line) keep their
    full width; the prose columns (title, evidence) wrap in the room that is left."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for i, column in enumerate(columns):
        if column in WHOLE_COLUMNS:
            width = max(cell_len(line) for r in [[column], *rows] for line in str(r[0 if r == [column] else i]).split("\n"))
            table.add_column(column, no_wrap=True, min_width=width)
        else:
            table.add_column(column, overflow="fold", ratio=1)
    for r in rows:
        table.add_row(*r)
    return table


def _print_answers(title: str, columns: list[str], rows: list[list[str]]) -> None:
    """The answers of one group as a table where the terminal is wide enough for its names
    and some prose; below that, one block per answer (names on lines of their own), so
    that a narrow terminal never cuts a unit's name."""
    whole = [max(cell_len(line) for r in [[c], *rows] for line in str(r[0] if r == [c] else r[i]).split("\n"))
             for i, c in enumerate(columns) if c in WHOLE_COLUMNS]
    prose = sum(1 for c in columns if c not in WHOLE_COLUMNS)
    if sum(whole) + 3 * len(columns) + 16 * prose <= console.width:
        console.print(_answer_table(title, columns, rows))
        return
    click.echo(title)
    for r in rows:
        click.echo(printable("  ".join(str(v) for c, v in zip(columns, r) if c in WHOLE_COLUMNS and "\n" not in str(v))))
        for c, v in zip(columns, r):
            if c not in WHOLE_COLUMNS and v != "":  # an empty cell (no unit quoted apart) says nothing
                click.echo(f"    {c}: {printable(v)}")
            elif "\n" in str(v):
                click.echo("\n".join(f"    {printable(line)}" for line in str(v).split("\n")))
    click.echo()


def _group_title(first: dict) -> str:
    from .compare.genre import marked

    return " ".join(str(x) for x in (first["locality"] or first["doc_id"], f"({first['level'] or 'level unknown'})",
                                       marked(first["doc_number"] or first["doc_id"], first.get("genre")),
                                       first["issue_date"] or "") if x)


@cli.command()
@click.argument("topic")
@db_option
@click.option("--doc", "doc_ref", help="Only this document (id, 文号, locality or path).")
@level_option
@role_option
@click.option("--exact", is_flag=True, help="Only places that print the topic, a synonym or a narrower word.")
@json_option
@csv_option
@click.option("--limit", default=50, show_default=True)
@frame_option
def who(topic, db_path, doc_ref, level, role, exact, as_json, as_csv, limit, frame_path):
    """Who is responsible for TOPIC, across the corpus, grouped by document down the
    ladder (national → county). Exact matches first; loose ones (a related word
    only) after them, marked, with their score.

    Example: policydiff who 两癌 --exact
    """
    from .compare.frame import frame_terms
    from .query import QueryError, group_by_document
    from .query import who as find

    db = _open(db_path)
    doc_id = _resolve(db, doc_ref) if doc_ref else None
    try:
        answers = find(db, topic, doc_id, level, role, extra_terms=frame_terms(_frame_path(frame_path)),
                       limit=limit, exact=exact)
    except QueryError as exc:
        raise UsageFail(str(exc)) from exc
    if _emit(as_json, as_csv, answers):
        return
    if not answers:
        click.echo(printable(f"nothing about '{topic}' in {db_path}"))
        return
    for (match, _), items in group_by_document(answers).items():
        rows = [[a["path"], a["kind"], f"{a['match']} {a['matched']} {a['score']}", a["title"],
                 ("\n".join(_unit_shown(u) for u in a["units"]) or "—") + _other_clauses_shown(a),
                 f"[{a['span'][0]}:{a['span'][1]}] {a['evidence']}", _units_quoted(a)] for a in items]
        columns = ["path", "kind", "match", "title", "units (role: raw, provenance)", "evidence", "units named at"]
        if not any(r[-1] for r in rows):  # every quote prints its units: no column for them
            rows, columns = [r[:-1] for r in rows], columns[:-1]
        _print_answers(_group_title(items[0]) + ("" if match == "exact" else "  — loose matches"), columns, rows)
    _echo_provenance_legend()


def _units_quoted(answer: dict) -> str:
    """Beside a `who` answer's quote, what prints its units where the quote does not (the heading sentence
    quoted, the 责任单位 bracket lines below): each place once (each prints the names it stands for)."""
    start, end = answer["span"]

    def quoted(u: dict) -> bool:  # the answer's quote prints the unit's name (or the whole of its place)
        at = u.get("start")
        return (at is not None and start <= at and at + len(u["raw"]) <= end) or \
            (start <= u["evidence_span"][0] and u["evidence_span"][1] <= end)
    places = {tuple(u["evidence_span"]): u["evidence"] for u in [*answer["units"], *answer.get("other_clause_units", [])]
              if u.get("evidence_span") and not quoted(u)}
    return "; ".join(f"[{a}:{b}] {quote}" for (a, b), quote in places.items())


def _where_named(answer: dict) -> str:
    """A duties answer's evidence: the sentence printing the unit (of a duty clause, the clause with its unit)."""
    if not answer.get("evidence"):
        return ""
    span = answer.get("evidence_span") or answer["span"]
    return f"[{span[0]}:{span[1]}] {answer['evidence']}"


def _other_clauses_shown(answer: dict) -> str:
    from .query import other_clause_units

    others = other_clause_units(answer)
    return f"\n(printed beside the item's other clauses, not the one quoted: {others})" if others else ""


def _unit_shown(unit: dict) -> str:
    """``responsible: 民政部门 (inferred: shares 低保 with the item)``: a unit with where it came from,
    and for an inferred one the words that attached it."""
    shared = unit.get("shared_terms")
    why = f"{unit['provenance']}: shares {'、'.join(shared)} with the item" if shared else unit["provenance"]
    return f"{unit['role']}: {unit['raw']} ({why})"


def _echo_provenance_legend() -> None:
    """What printed / inferred / implied mean, under every answer that shows a unit."""
    from .models import PROVENANCE_WHY

    click.echo("provenance: " + "; ".join(PROVENANCE_WHY.values()))


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
@click.option("--limit", default=50, show_default=True, help="At most this many answers, down the ladder (0: all).")
def duties_command(unit, db_path, level, role, as_json, as_csv, limit):
    """What UNIT is responsible for, across documents and levels. UNIT may be a name as
    printed, a canonical name, a division's short or long name or a function.

    Example: policydiff duties 公共卫生科
    """
    from .query import QueryError, duties

    db = _open(db_path)
    try:
        answers = duties(db, unit, level, role, limit=limit)
    except QueryError as exc:
        raise UsageFail(str(exc)) from exc
    if _emit(as_json, as_csv, answers):
        return
    if not answers:
        click.echo(printable(f"no unit matches '{unit}' in {db_path} (try policydiff units)"))
        return
    groups: dict[str, list[dict]] = {}
    for a in answers:
        groups.setdefault(a["doc_id"], []).append(a)
    for items in groups.values():
        rows = [[a["path"], a["kind"], a["role"], a["title"], a["raw"], a["provenance"], a["canonical"] or "",
                 _where_named(a)] for a in items]
        _print_answers(_group_title(items[0]), ["path", "kind", "role", "title", "raw", "provenance", "canonical",
                                                "evidence"], rows)
    _echo_provenance_legend()


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
    for column in ("doc_id", "raw", "canonical", "function", "kind", "level", "locality", "reason"):
        table.add_column(column, no_wrap=True, overflow="ellipsis", max_width=30)
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


def _write_table(rows, columns, fmt, out, title, sheets=None, titles=None, about=None):
    """Write rows in ``fmt`` to ``out`` (a path) or the terminal; ``about`` lines (what is
    compared, how) go into the file's header (CSV ``#`` rows, Markdown quote, an xlsx sheet)."""
    from .report import export

    fmt = fmt or (Path(out).suffix.lstrip(".") if out else "table")
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt == "xlsx":
        if not out:
            raise UsageFail("--format xlsx needs -o PATH")
        export.write_xlsx(sheets or {title: rows}, out, {name: columns for name in (sheets or {title: 0})}, about)
    elif fmt == "csv":
        export.write_csv(rows, out or sys.stdout, columns=columns, about=about)
    elif fmt in ("md", "html", "json"):
        text = (export.to_markdown(rows, columns, title if about else "", about) if fmt == "md" else
                export.to_html(rows, columns, title, titles, about) if fmt == "html" else
                json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        Path(out).write_text(text, encoding="utf-8") if out else click.echo(text, nl=False)
    else:
        _print_table_or_blocks(rows, columns, title)
        for line in about or []:
            click.echo(printable(line), err=True)
        return
    if out:
        click.echo(f"wrote {out}", err=True)


TABLE_COLUMN_WIDTH = 22  # terminal cells a column needs for its prose to stay readable in a table


def _print_table_or_blocks(rows, columns, title) -> None:
    """A table where the terminal gives each column room; narrower (80 columns, or piped),
    one block per row as ``who`` prints: its first two cells on a line, then one
    ``column: value`` line for each other cell that has a value."""
    cell = lambda row, c: "" if row.get(c) is None else str(row.get(c))  # noqa: E731
    if console.is_terminal and console.width >= TABLE_COLUMN_WIDTH * len(columns):
        table = Table(title=title, show_lines=True)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*[cell(row, c) for c in columns])
        console.print(table)
        return
    from .textutils import shown_escaped  # text from notices: never a control sequence

    click.echo(shown_escaped(title))
    for row in rows:
        click.echo()
        click.echo(shown_escaped("  ".join(cell(row, c) for c in columns[:2] if cell(row, c))))
        for column in columns[2:]:
            if cell(row, column):
                click.echo(shown_escaped(f"    {column}: " + cell(row, column).replace("\n", "\n      ")))


@cli.command()
@click.argument("docs", nargs=-1)
@db_option
@click.option("--across", is_flag=True, help="Frame entry × locality instead of task × unit.")
@output_options(FORMATS)
@frame_option
def matrix(docs, db_path, across, fmt, out, force_output, frame_path):
    """Responsibility matrix: task × unit (牵头/配合/责任) for each DOC, or --across.
    Several DOCs with -o: an .xlsx gets a sheet each; other formats a file each (m.csv → m-<id>.csv).

    Example: policydiff matrix 连云港 -o lianyungang.xlsx
    """
    _check_output(out, force_output, db_path)
    from .report.matrix import ACROSS_LEGEND, MATRIX_LEGEND, across_table, document_matrix

    db = _open(db_path)
    if across:
        # one record at a time: each is aligned and only its cells are kept
        records = (store.iter_records(db) if not docs else
                   (store.load_record(db, doc_id) for doc_id in dict.fromkeys(_resolve(db, d) for d in docs)))
        rows, columns, raw_rows = across_table(records, _load_frame(frame_path)["entries"])
        titles = {f"{r['frame_id']}|{c}": raw[c] for r, raw in zip(rows, raw_rows) for c in columns[2:]}
        _write_table(rows, columns, fmt, out, "frame × locality (frame derived from implementing notices)",
                     sheets={"lead functions": rows, "as printed": raw_rows}, titles=titles, about=ACROSS_LEGEND)
        return
    if not docs:
        raise UsageFail("give a DOC (id, 文号, locality or path), or --across")
    sheets, columns_of, ids = {}, {}, {}
    for ref in docs:
        record = store.load_record(db, _resolve(db, ref))
        rows, columns = document_matrix(record)
        sheets[record["locality"] or record["id"]] = rows
        columns_of[record["locality"] or record["id"]] = columns
        ids[record["locality"] or record["id"]] = record["id"]
    if len(sheets) > 1 and (fmt or Path(out or "").suffix.lstrip(".")) == "xlsx":
        from .report.export import write_xlsx

        write_xlsx(sheets, out, columns_of, about=MATRIX_LEGEND)
        click.echo(f"wrote {out}", err=True)
        return
    for name, rows in sheets.items():
        target = out
        if out and len(sheets) > 1:  # one file a notice (m.csv → m-<id>.csv): one file would hold only the last
            target = str(Path(out).with_name(f"{Path(out).stem}-{ids[name]}{Path(out).suffix}"))
            _check_output(target, force_output, db_path)
        _write_table(rows, columns_of[name], fmt, target, f"{name} responsibility matrix", about=MATRIX_LEGEND)


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

    _check_output(out, False, db_path)
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
    from .models import shown_value

    frame = _load_frame(frame_path)
    national = frame["national"]
    click.echo(printable(f"{national['doc_number']} {national['titles'][0]} — {frame['provenance']}"))
    click.echo(printable(f"issuers ({len(national['issuers'])}): {'、'.join(national['issuers'])}"))
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
        carried = "; ".join(f"{c['locality']}: " + ", ".join(shown_value(v) for v in c["values"])
                            for c in row["carried_by"])
        click.echo(printable(f"indicator {row['no']} {row['indicator']} [{row['binding']}] — {carried}"))


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
include_inferred_option = click.option(
    "--include-inferred", is_flag=True,
    help="Compare responsibility over inferred (duty paragraph) and implied (sole issuer) units too, labelled; "
         "by default only printed units are compared.")


@cli.command()
@click.argument("doc")
@click.option("--against", help="Reference document (default: the national frame); 'parent': the notice DOC "
                                "implements (its 贯彻落实/根据/按照 citation or the document it forwards, "
                                "resolved in the corpus).")
@db_option
@frame_option
@output_options(DIFF_FORMATS)
@lang_option
@include_inferred_option
def diff(doc, against, db_path, frame_path, fmt, out, force_output, lang, include_inferred):
    """How DOC carried the reference down: adopted, omitted, merged, added; targets; units.

    Example: policydiff diff 淮南
    """
    _check_output(out, force_output, db_path)
    from .compare.diff import diff_document

    db = _open(db_path)
    record = store.load_record(db, _resolve(db, doc))
    parent = _parent_of(db, record) if against == "parent" else None
    if parent is not None:
        if parent.get("in_corpus"):
            return _write_parent_diff(db, record, parent, frame_path, fmt, out)
        against = None  # no parent stored: the frame, with a note saying so
    result = diff_document(record, _reference(db, against, frame_path), include_inferred,
                           None if against else _forwarded_parent(db, record, parent))
    if parent is not None:
        result["notes"].insert(0, _no_parent_note(parent))
    fmt = fmt or (Path(out).suffix.lstrip(".") if out else "table")
    if fmt == "html":
        from .report.export import diff_html

        return _write_text(diff_html(result, lang), out)
    if fmt == "json":
        result.pop("alignment")
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
        Path(out).write_text(text, encoding="utf-8") if out else click.echo(text, nl=False)
        return
    from .compare.diff import diff_table
    from .compare.genre import marked

    document = result["document"]
    _write_result_table(*diff_table(result), result, fmt, out, lang,
                        f"{marked(document['locality'] or document['id'], document.get('genre'))} vs "
                        f"{result['reference']['name']}")


def _forwarded_parent(db, record, parent=None) -> dict | None:
    """The stored parent a notice forwards (现将《…》转发给你们), with its record; None for any other notice."""
    if not any(c.get("verb") == "转发" for c in record.get("citations") or []):
        return None
    parent = parent or _parent_of(db, record)
    if not parent.get("in_corpus") or parent.get("verb") != "转发":
        return None
    return {**parent, "record": store.load_record(db, parent["id"])}


def _parent_of(db, record) -> dict:
    from .compare.adoption import NoticeFacts, find_parent, upstream_citations

    explaining = store.interpretation_ids(db)  # a page explaining a notice (解读) is no notice's parent
    documents = {row["id"]: row for row in store.iter_document_rows(db) if row["id"] not in explaining}
    facts = NoticeFacts(record["id"], record.get("locality"), record.get("admin_level"), record.get("issue_date"),
                        record.get("doc_number"), upstream=upstream_citations(record))
    return find_parent(facts, _document_index(documents).resolve, documents)


def _document_index(documents: dict[str, dict]):
    """Stored documents by 文号 and title, to resolve citations (the graph's index)."""
    from typing import cast

    from . import graph

    return graph.DocumentIndex(cast("list[Record]", list(documents.values())))


def _no_parent_note(parent: dict) -> str:
    cited = f"it cites {parent['doc_number']} ({parent['verb']}: {parent['quote']}), which is not in the corpus" \
        if parent.get("quote") else "it cites no upstream document (贯彻落实/根据/按照/转发)"
    return f"--against parent: {cited}; compared with the national frame instead."


def _write_parent_diff(db, record, parent, frame_path, fmt, out):
    from .compare.adoption import PARENT_DIFF_COLUMNS, parent_diff

    forwarded = parent.get("verb") == "转发"
    rows = parent_diff(record, store.load_record(db, parent["id"]), _load_frame(frame_path)["entries"], forwarded)
    name = f"{record.get('locality')} {record.get('doc_number') or record['id']}"
    about = [f"notice: {name} ({record.get('issue_date') or 'date unknown'})",
             f"parent: {parent['locality']} {parent['doc_number']} ({parent['issue_date']}), "
             + (f"cited as {parent['cited_as']} (its other 文号), " if parent.get("cited_as") else "")
             + f"{parent['levels_up']} level(s) up; cited: {parent['verb']}: {parent['quote']}"
             + (f"; parent_check: {parent['parent_check']}" if parent.get("parent_check") else ""),
             "compared through the national measure frame (derived from implementing notices): kept / added "
             "(the notice only) / " + ("forwarded, not restated (the parent only: the notice forwards the parent's "
                                       "text and restates none of it)" if forwarded else "dropped (the parent only)")
             + "; targets by comparator; leads by unit function"]
    if (fmt or Path(out or "").suffix.lstrip(".")) == "json":
        return _write_text(json.dumps({"about": about, "parent": parent, "entries": rows}, ensure_ascii=False,
                                      indent=2) + "\n", out)
    _write_table(rows, PARENT_DIFF_COLUMNS, fmt, out, f"{name} vs its parent", about=about)


def _write_result_table(rows, columns, result, fmt, out, lang, title):
    """A diff/compare table with its header lines (documents, reference, method, version, legend)."""
    from .report.labels import about, legend_lines, translate_table

    if lang == "zh":
        rows, columns = translate_table(rows, columns)
    _write_table(rows, columns, fmt, out, title, about=about(result) + legend_lines())


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
@lang_option
@include_inferred_option
def compare(a, b, db_path, frame_path, fmt, out, force_output, lang, include_inferred):
    """Two localities side by side, aligned through the frame, with target deltas.

    Example: policydiff compare 神木 淮南
    """
    _check_output(out, force_output, db_path)
    from .compare.diff import compare as run_compare

    db = _open(db_path)
    ra, rb = (store.load_record(db, _resolve(db, ref)) for ref in (a, b))
    result = run_compare(ra, rb, _reference(db, None, frame_path), include_inferred,
                         (_forwarded_parent(db, ra), _forwarded_parent(db, rb)))
    fmt = fmt or (Path(out).suffix.lstrip(".") if out else "table")
    if fmt == "html":
        from .report.export import compare_html

        return _write_text(compare_html(result, lang), out)
    if fmt == "json":
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
        Path(out).write_text(text, encoding="utf-8") if out else click.echo(text, nl=False)
        return
    from .compare.diff import compare_table

    rows, columns = compare_table(result)
    _write_result_table(rows, columns, result, fmt, out, lang,
                        f"{columns[2]} vs {columns[4]} (through the {result['reference']['name']})")


@cli.command("targets")
@click.argument("docs", nargs=-1)
@click.option("--across", is_flag=True, help="Every indicator side by side over localities.")
@click.option("--status", is_flag=True,
              help="The status figures instead (levels already reached, changes already seen), with year and quote.")
@db_option
@frame_option
@output_options(DIFF_FORMATS)
@lang_option
def targets_command(docs, across, status, db_path, frame_path, fmt, out, force_output, lang):
    """Numeric targets side by side: comparator, value, deadline, 约束性/预期性 per locality;
    "not quantified" (named without a number) kept apart from "not stated". Only targets and parameters
    are compared; a value ten times away from every other is "implausible, not compared". --status lists
    the baselines instead: each status figure with its year, why it is status, and its sentence.

    Example: policydiff targets --across 广西 淮南 开封; policydiff targets --status 广西
    """
    if across == status:
        raise UsageFail("give --across (targets side by side) or --status (status figures)")
    _check_output(out, force_output, db_path)
    from .compare.across import STATUS_COLUMNS, across_table, status_figures, targets_across
    from .compare.diff import METHOD

    db = _open(db_path)
    ids = [_resolve(db, d) for d in docs] if docs else None
    chosen = store.iter_records(db) if ids is None else (store.load_record(db, doc_id) for doc_id in ids)
    if status:
        figures = status_figures(chosen)
        if not figures and not out and fmt in (None, "table"):
            return click.echo("no status figures (levels already reached, changes already seen) in these notices")
        return _write_table(figures, STATUS_COLUMNS, fmt, out, "status figures (never compared)")
    reference = _reference(db, None, frame_path)
    rows = targets_across(chosen, reference.indicators)  # the corpus read a record at a time
    if (fmt or Path(out or "").suffix.lstrip(".")) == "json":
        return _write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", out)
    result = {"a": None, "reference": reference.summary(), "method": METHOD, "notes": [],
              "documents": store.list_documents(db, ids)}
    from . import __version__
    from .report.labels import about

    result["tool_version"] = __version__
    table, columns = across_table(rows)
    if lang == "zh":
        from .report.labels import translate_table

        table, columns = translate_table(table, columns)
    _write_table(table, columns, fmt, out, "targets across localities", about=about(result))


ADOPTION_FORMATS = ["table", "csv", "xlsx", "parquet", "md", "html", "json", "png", "svg"]


@cli.command("adoption")
@click.argument("topics", nargs=-1)
@db_option
@frame_option
@click.option("--level", "levels", multiple=True, type=click.Choice(LEVELS), help="Only notices of this level (repeatable).")
@click.option("--events", is_flag=True, help="One row per dated adoption: node, cascade, time, level, parent (netinf/SPID).")
@click.option("--summary", is_flag=True, help="Only the share adopting and median lag per entry and level.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Processes scanning notices (default: cores).")
@output_options(ADOPTION_FORMATS)
@lang_option
def adoption_command(topics, db_path, frame_path, levels, events, summary, workers, fmt, out, force_output, lang):
    """Who adopted which measure of the national opinion, when (days after it), where, quoted;
    its targets and units; whether its parent (the notice it implements) has it too.

    Example: policydiff adoption 先诊疗后付费 -o adoption.png
    """
    _check_output(out, force_output, db_path)
    from .compare.adoption import choose_entries, collect, scan_ladder
    from .report import adoption as report

    db = _open(db_path)
    entries = _load_frame(frame_path)["entries"]
    try:
        chosen = choose_entries(entries, topics)
    except ValueError as exc:
        raise UsageFail(str(exc)) from exc
    fmt = fmt or (Path(out).suffix.lstrip(".") if out else "table")
    if fmt in ("png", "svg", "xlsx", "parquet") and not out:
        raise UsageFail(f"--format {fmt} needs -o PATH")
    # who each notice is first, its parent found as the scan reaches it: then each row is written as it comes
    ladder, find_parents = _adoption_ladder(db, levels, lazy=True)
    emit = report.emitter(fmt, lang, events, summary)
    chunks = scan_ladder(db_path, ladder, entries, {e["id"] for e in chosen}, emit, workers, find_parents)
    if report.holds_rows(fmt, events, summary):
        return _write_adoption(collect(chunks, ladder, chosen), fmt, out, lang, events, summary)
    result, tally, spill = report.streamed(chunks, ladder, chosen)
    try:
        _write_adoption(result, fmt, out, lang, events, summary, tally, spill)
    finally:
        spill.close()


def _adoption_ladder(db, levels, lazy=False):
    """Every selected notice's facts, parent and name, from the documents and citations tables;
    ``lazy``: (the ladder without parents, the :class:`ParentFinder` that finds them chunk by chunk)."""
    from .compare.adoption import ParentFinder, lazy_ladder_of, reference_date
    from .compare.frame import national_facts

    explaining = store.interpretation_ids(db)  # pages explaining a notice (解读): no rung of the ladder, no parent
    documents = {row["id"]: row for row in store.iter_document_rows(db) if row["id"] not in explaining}
    national = store.document_by_number(db, national_facts()["doc_number"])
    reference = reference_date(store.load_record(db, national) if national else None)
    selection = [d for d, row in documents.items() if not levels or row["admin_level"] in levels]
    traditional = store.traditional_ids(db)
    ladder = lazy_ladder_of(documents, selection, reference, traditional)
    ladder.interpretations = sorted(explaining)
    citations, outline = store.citation_sources(db, P.PARENT_VERBS.fullmatch)
    find_parents = ParentFinder(ladder, citations, outline, lambda ids: store.text_lengths(db, ids),
                                lambda wanted: store.text_windows(db, wanted),
                                _document_index(documents).resolve, documents, traditional)
    if lazy:
        return ladder, find_parents
    find_parents(list(ladder.facts))  # every parent at once
    find_parents.done()
    return ladder


def _write_adoption(result, fmt, out, lang, events, summary, tally=None, spill=None):
    from .compare.adoption import about_lines, public
    from .report import adoption as report

    about = about_lines(result, events, tally.undated_or_predating() if tally else None)
    if not (tally.adopting() if tally else result["adoptions"]):
        click.echo("no notice covers " + "、".join(f"{e['id']} {e['label']}" for e in result["entries"]), err=True)
    title = "events" if events else "adoption (frame derived from implementing notices)"
    if spill is not None and isinstance(report.emitter(fmt, lang, events, summary), report.RowWriter):  # spilled rows
        if fmt == "parquet":
            report.write_streamed(result, spill, fmt, None, about, title, events, lang, Path(out))
        elif out:  # in bytes: the rows come encoded; as a text file would write them (utf-8-sig, newline)
            with open(out, "wb") as fh:
                if fmt == "csv":
                    fh.write(codecs.BOM_UTF8)
                write = report.text_or_bytes(write_bytes=fh.write, newline="\n" if fmt == "csv" else os.linesep)
                report.write_streamed(result, spill, fmt, write, about, title, events, lang)
        else:  # the terminal, as the whole-table writers print: CSV straight to stdout, the others echoed
            if fmt == "csv":
                sys.stdout.write("\ufeff")
            write = report.text_or_bytes(sys.stdout.write if fmt == "csv" else (lambda text: click.echo(text, nl=False)))
            return report.write_streamed(result, spill, fmt, write, about, title, events, lang)
        return click.echo(f"wrote {out}", err=True)
    if fmt in ("png", "svg"):
        report.write_picture(result, out, lang)
        return click.echo(f"wrote {out} and {Path(out).stem}-ladder{Path(out).suffix}", err=True)
    if fmt == "json" and events:
        from .compare.adoption import events_table

        return _write_text(report.events_json(about, events_table(result)[0]), out)
    if fmt in ("html", "json"):
        text = report.page(result, about, lang) if fmt == "html" else json.dumps(public(result), ensure_ascii=False,
                                                                                 indent=2) + "\n"
        return _write_text(text, out)
    rows, columns = report.table(result, fmt, lang, events, summary)
    if fmt == "parquet" or (fmt == "xlsx" and not (events or summary)):  # xlsx: the summary on a sheet of its own
        report.write_file(result, rows, columns, Path(out), fmt, lang, about)
        return click.echo(f"wrote {out}", err=True)
    _write_table(rows, columns, fmt, out, title, about=about)


@cli.command("graph")
@db_option
@click.option("--kind", type=click.Choice(["citation", "responsibility"]), help="Default: both.")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "html", "png", "svg"]),
              help="Default: all formats.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True,
              help="Language of titles, legends and row names in pictures and pages.")
@click.option("-o", "--output", "out", type=click.Path(), help="File (one kind and format) or folder.")
@frame_option
def graph_command(db_path, kind, fmt, lang, out, frame_path):
    """Export the citation graph and the responsibility graph (Gephi-ready), with pictures
    (the citation ladder, function × frame-entry heat maps) and an interactive offline HTML page.

    Example: policydiff graph --kind citation --format html --lang zh -o graphs/citation.html
    """
    from . import graph as g
    from .compare.frame import load_frame

    db = _open(db_path)
    try:
        frame = load_frame(_frame_path(frame_path))
    except PolicydiffError:
        frame = None
    formats = [fmt] if fmt else ["graphml", "gexf", "json", "html"] + (["png", "svg"] if g.pictures_available() else [])
    if fmt in ("png", "svg") and not g.pictures_available():
        raise Fail(f"pictures need matplotlib: {install_hint('pictures')}")
    if not fmt and not g.pictures_available():
        click.echo(f"Note: no PNG/SVG pictures ({install_hint('pictures')} adds them)", err=True)
    single = out and kind and fmt and Path(out).suffix
    if single:
        _check_output(out, False, db_path)
    folder = Path(out) if out and not single else Path("graphs")
    entries = [e["label"] for e in frame["entries"]] if frame else None
    # pictures and pages quote the records; the graph files are built a document at a time
    records = list(store.iter_records(db)) if set(formats) & {"html", "png", "svg"} else []
    graphs = {}
    if kind in (None, "citation"):
        graphs["citation"] = g.citation_graph(store.iter_document_rows(db), frame["national"] if frame else None,
                                              citing=store.iter_citing(db))
    # the responsibility graph's files are written from the tables a chunk at a time; only its
    # pictures and page need it in memory
    streamed = [f for f in formats if f in g.GRAPH_FORMATS] if kind in (None, "responsibility") else []
    if kind in (None, "responsibility") and set(formats) - set(streamed):
        graphs["responsibility"] = g.responsibility_graph(store.iter_records(db),
                                                          frame_entries=frame["entries"] if frame else None)
    for name, graph in graphs.items():
        for f in formats:
            if name == "responsibility" and f in streamed:
                continue
            path = Path(out) if single else folder / f"{name}.{f}"
            _write_graph(graph, path, f, records, lang, db_path, entries)
            click.echo(f"wrote {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")
        if name == "responsibility" and "png" in formats and not single:
            for path in _heatmaps_per_document(graph, records, folder, lang, entries):
                click.echo(f"wrote {path}")
    for f in streamed:
        path = Path(out) if single else folder / f"responsibility.{f}"
        nodes, edges = g.write_responsibility_graphml_from_db(db_path, path, frame_entries=frame["entries"] if frame else None,
                                                              fmt=f)
        click.echo(f"wrote {path} ({nodes} nodes, {edges} edges)")


def _write_graph(graph, path, fmt, records, lang, db_path, entries):
    from . import graph as g

    if fmt not in ("html", "png", "svg"):
        return g.export(graph, path, fmt)
    from .report.pictures import corpus_title, write_picture

    subtitle = corpus_title(records, lang, Path(db_path).name)
    if fmt != "html":
        return write_picture(graph, path, subtitle, lang, entries=entries)
    from .report.graph_html import graph_page

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(graph_page(graph, records, subtitle, lang), encoding="utf-8")


def _heatmaps_per_document(graph, records, folder, lang, entries):
    """One heat map per notice (responsibility-<id>.png): functions × frame entries of its measures."""
    from .report.pictures import write_picture

    for r in records:
        if not any(u for m in r["measures"] for u in m["unit_mentions"]):
            continue
        subtitle = f"{r.get('locality') or ''} {r.get('doc_number') or r['id']} {r.get('issue_date') or ''}".strip()
        yield write_picture(graph, inside(folder, f"responsibility-{r['id']}", ".png"), subtitle, lang, {r["id"]}, entries)


@cli.command()
@click.argument("doc")
@db_option
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), required=True)
@force_output_option
def render(doc, db_path, out, force_output):
    """Write a notice as HTML with every extracted span highlighted by kind.

    Example: policydiff render 神木 -o shenmu.html
    """
    _check_output(out, force_output, db_path)
    from .report.web import render_html

    db = _open(db_path)
    Path(out).write_text(render_html(store.load_record(db, _resolve(db, doc))), encoding="utf-8")
    click.echo(f"wrote {out}")


@cli.command()
@db_option
@click.option("--port", default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--graphs", "graphs_dir", type=click.Path(file_okay=False), default="graphs", show_default=True,
              help="Folder of `policydiff graph --format html` pages, served under /graphs/ and linked.")
def serve(db_path, port, host, graphs_dir):
    """Browse the database in Datasette, with canned queries who / duties / matrix, and the
    interactive graph pages (``policydiff graph --format html``) under /graphs/.

    Example: policydiff serve --port 8001  (then open http://127.0.0.1:8001/policydiff/who?topic=医保)
    """
    import importlib.util
    import signal
    import subprocess
    import tempfile

    from .report.web import PLUGINS_DIR, datasette_metadata

    if importlib.util.find_spec("datasette") is None:
        raise Fail(f"Datasette is not installed: {install_hint('web')}")
    _open(db_path).close()
    name = Path(db_path).stem
    pages = sorted(p.name for p in Path(graphs_dir).glob("*.html"))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(datasette_metadata(name, pages), fh, ensure_ascii=False)
    command = [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", fh.name,
               "--host", host, "--port", str(port), "--plugins-dir", str(PLUGINS_DIR),
               "--setting", "default_page_size", "50"]
    if pages:
        command += ["--static", f"graphs:{Path(graphs_dir).resolve()}"]
    click.echo(f"serving {db_path} at http://{host}:{port}/{name}", err=True)
    try:  # a child, not execv: this process stays to remove the metadata file when the server ends
        server = subprocess.Popen(command)
        signal.signal(signal.SIGTERM, lambda *_: server.terminate())
        try:
            code = server.wait()
        except KeyboardInterrupt:  # Ctrl-C reached the server too (same process group)
            code = server.wait()
    finally:
        Path(fh.name).unlink(missing_ok=True)
    sys.exit(code if code >= 0 else 0)


def main():  # pragma: no cover
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
