"""The ``policydiff`` command line: thin commands over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from . import store
from .errors import PolicydiffError

console = Console()
err_console = Console(stderr=True)

db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False),
                         default=str(store.DEFAULT_DB), show_default=True,
                         help="The project database.")


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
    """Parse notices (text, PDF, Word) and store them.

    Example: policydiff ingest corpus/
    """
    from .ingest import collect_files, ingest as run_ingest

    paths = paths or ("corpus",)
    total = len(collect_files(paths)[0])
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.description}"), console=err_console,
                  disable=quiet or not err_console.is_terminal) as bar:
        task = bar.add_task("", total=total)
        report = run_ingest(paths, db_path, workers=workers, force=force,
                            progress=lambda f: bar.update(task, advance=1, description=Path(f).name))
    _print_ingest_summary(report, db_path)
    sys.exit(0 if report.ok else 1)


def _print_ingest_summary(report, db_path) -> None:
    # one unwrapped line per problem, so that they can be grepped
    for failure in report.failures:
        click.echo(f"Error: {failure.line()}", err=True)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for path, twin in report.duplicates:
        click.echo(f"Skipped: {path}: same content as {twin}", err=True)
    click.echo(f"added {len(report.added)}, updated {len(report.updated)}, unchanged "
               f"{len(report.unchanged)}, failed {len(report.failures)}, duplicates "
               f"{len(report.duplicates)} → {db_path}")
    db = store.open_db(db_path)
    changed = set(report.added) | set(report.updated)
    rows = [r for r in store.list_documents(db) if r["id"] in changed]
    if rows:
        console.print(_documents_table(rows))


def _documents_table(rows) -> Table:
    table = Table(show_lines=False)
    for column in ("id", "文号", "locality", "level", "date", "measures", "targets", "citations",
                   "title"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(r["id"], r["doc_number"] or "—", r["locality"] or "—", r["admin_level"] or "—",
                      r["issue_date"] or "—", str(r["n_measures"]), str(r["n_targets"]),
                      str(r["n_citations"]), (r["title"] or "")[:40] + ("[OCR]" if r["ocr"] else ""))
    return table


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


def main():  # pragma: no cover
    cli()
