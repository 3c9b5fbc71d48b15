"""Shared fixtures: the bundled corpus, its parsed records, and PDF renderings."""

import json
import shutil
from pathlib import Path

import pytest

from policydiff.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# the hand-made record of the Shenmu notice (the annotator's, with its notes): the project's own copy
EXAMPLE = ROOT / "tests" / "data" / "examples" / "000_43efd9dc9d6528e3.expected.json"

SHENMU = "000_43efd9dc9d6528e3"
GUANGXI = "001_7f3f97b4d3f872f5"
KAIFENG = "002_d42e0784fee43d55"
HUAINAN = "003_fb69567a2ff9a5b2"
LIANYUNGANG = "004_9587a739f0f37529"
ALL_IDS = [SHENMU, GUANGXI, KAIFENG, HUAINAN, LIANYUNGANG]


@pytest.fixture(scope="session")
def records():
    """Records of the five bundled notices, parsed from their text files."""
    return {doc_id: parse_file(CORPUS / f"{doc_id}.txt", CORPUS) for doc_id in ALL_IDS}


@pytest.fixture(scope="session")
def ingested_corpus(tmp_path_factory) -> Path:
    """A folder holding the bundled corpus ingested once (policydiff.db and its JSON records).
    Tests never use it directly: :func:`corpus_db` gives each one its own copy."""
    from click.testing import CliRunner

    from policydiff.cli import cli

    folder = tmp_path_factory.mktemp("ingested")
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", str(folder / "policydiff.db"),
                                      "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert not (folder / "policydiff.db-wal").exists() or (folder / "policydiff.db-wal").stat().st_size == 0
    return folder


@pytest.fixture(scope="session")
def corpus_db(ingested_corpus, tmp_path_factory):
    """``corpus_db(name)`` → the path of a fresh copy of the ingested corpus's database, its
    JSON records beside it, in a folder of its own (so a test may write to it)."""
    def copy(name: str = "policydiff.db") -> Path:
        folder = tmp_path_factory.mktemp(Path(name).stem)
        for item in ingested_corpus.iterdir():
            target = folder / (name if item.name == "policydiff.db" else item.name)
            (shutil.copytree if item.is_dir() else shutil.copy2)(item, target)
        return folder / name
    return copy


@pytest.fixture(scope="session")
def example():
    """The hand-made record of the Shenmu notice (tests/data/examples)."""
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory):
    """Official-layout PDF renderings of the five notices."""
    from renderings.official_pdf import render_notice

    folder = tmp_path_factory.mktemp("pdf")
    for doc_id in ALL_IDS:
        render_notice((CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8"), folder / f"{doc_id}.pdf")
    return folder


@pytest.fixture(scope="session")
def pdf_records(pdf_dir):
    return {doc_id: parse_file(pdf_dir / f"{doc_id}.pdf", pdf_dir) for doc_id in ALL_IDS}


def without_spans(value):
    """``value`` with every span-like key removed (for text-vs-PDF comparison)."""
    if isinstance(value, dict):
        return {k: without_spans(v) for k, v in value.items() if "span" not in k}
    if isinstance(value, list):
        return [without_spans(v) for v in value]
    return value


def ingested_texts(folder: Path, texts: dict[str, str], db_name: str = "t.db") -> Path:
    """``texts`` (name -> notice text) written as ``<name>.txt`` into ``folder`` and ingested into a
    database there (the notices a test writes for itself); the database's path."""
    from click.testing import CliRunner

    from policydiff.cli import cli

    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = folder / db_name
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db
