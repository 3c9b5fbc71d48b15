"""Readers: every encoding a Chinese office produces, and bad files refused with a reason."""

import pytest

from badfiles import NOTICE, make_bad_files
from policydiff import errors
from policydiff.read import read


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_in_any_office_encoding_reads_the_same(tmp_path, encoding):
    path = tmp_path / f"notice-{encoding}.txt"
    path.write_bytes(NOTICE.encode(encoding))
    source = read(path)
    assert source.text.replace("\r\n", "\n") == NOTICE
    assert source.encoding


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_a_text_read_as_it_declares_has_no_encoding_warning(tmp_path, encoding):
    path = tmp_path / "notice.txt"
    path.write_bytes(NOTICE.encode(encoding))  # utf-8-sig and utf-16 write a byte-order mark
    assert read(path).warnings == []


def test_a_byte_order_mark_overridden_by_detection_is_a_warning(tmp_path):
    # a UTF-8 byte-order mark before GB18030 bytes (an editor added it, the text was never re-encoded):
    # the bytes are not UTF-8, detection decides, and the record says so
    path = tmp_path / "notice.txt"
    path.write_bytes(b"\xef\xbb\xbf" + NOTICE.encode("gb18030"))
    source = read(path)
    assert source.encoding not in ("utf_8", "utf-8") and source.text == NOTICE
    assert source.warnings == [f"encoding overridden: the file's byte-order mark declares utf-8, "
                               f"the bytes were read as {source.encoding}"]


def test_gb18030_notice_parses_like_utf8(tmp_path, records):
    from policydiff.parse import parse_file

    path = tmp_path / "000_43efd9dc9d6528e3.txt"
    path.write_bytes(NOTICE.encode("gb18030"))
    record = parse_file(path, tmp_path)
    assert record["doc_number"] == "神卫健发〔2021〕64号"
    assert record["measures"] == records["000_43efd9dc9d6528e3"]["measures"]


def test_bad_files_are_refused_with_their_reason(tmp_path, pdf_dir):
    expected = make_bad_files(tmp_path, pdf_dir / "004_9587a739f0f37529.pdf")
    for name, reason in expected.items():
        with pytest.raises(errors.BadFileError) as info:
            read(tmp_path / name)
        assert str(tmp_path / name) in str(info.value)
        assert info.value.detail.startswith(reason.split(" (")[0])


def test_docx_reader(tmp_path):
    import docx

    document = docx.Document()
    for line in NOTICE.split("\n")[:40]:
        document.add_paragraph(line)
    path = tmp_path / "notice.docx"
    document.save(path)
    assert "神卫健发〔2021〕64号" in read(path).text
