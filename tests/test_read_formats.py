"""Files by what they are (probe 4b, #7): a web page saved as .shtml, a .docx package or a web page under a .doc
name, and formats no reader takes — each refused in one line that says what the file is and how to convert it."""

import io

import docx
import pytest

from policydiff import errors
from policydiff.read import SUPPORTED_SUFFIXES, read

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
PAGE = ("<html><body><div id='zoom'><p>梅林县卫生健康局关于做好签约服务的通知</p><p>各镇卫生院：</p>"
        "<p>一、做实家庭医生签约服务，每季度随访一次。</p><p>梅林县卫生健康局</p><p>2022年6月8日</p></div></body></html>")


def _docx_bytes() -> bytes:
    document = docx.Document()
    for line in ("梅林县卫生健康局关于做好签约服务的通知", "各镇卫生院：", "一、做实家庭医生签约服务。", "梅林县卫生健康局", "2022年6月8日"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# (file name, its bytes, the first line of the text read, a word of the warning that says how it was read)
READ_BY_CONTENT = [
    # a portal page saved with its server's suffix: a web page
    ("n.shtml", PAGE.encode("utf-8"), "梅林县卫生健康局关于做好签约服务的通知", None),
    ("n.shtm", PAGE.encode("utf-8"), "梅林县卫生健康局关于做好签约服务的通知", None),
    # a .docx package saved under the old .doc name (WPS does this): read as Word, said
    ("n.doc", _docx_bytes(), "梅林县卫生健康局关于做好签约服务的通知", "a Word .docx package"),
    ("n.wps", _docx_bytes(), "梅林县卫生健康局关于做好签约服务的通知", "a Word .docx package"),
    # a web page Word saved as .doc (另存为网页, served as .doc): read as a web page, said
    ("n.doc", ('<html xmlns:o="urn:schemas-microsoft-com:office:office">' + PAGE[6:]).encode("utf-8"),
     "梅林县卫生健康局关于做好签约服务的通知", "a web page"),
]


@pytest.mark.parametrize("name, data, first_line, said", READ_BY_CONTENT,
                         ids=[f"content{i}" for i in range(len(READ_BY_CONTENT))])
def test_a_file_is_read_by_what_it_is(tmp_path, name, data, first_line, said):
    path = tmp_path / name
    path.write_bytes(data)
    source = read(path)
    assert source.text.splitlines()[0] == first_line
    assert (said is None and not source.warnings) or any(said in w for w in source.warnings)


# (file name, its bytes, words the one-line reason must hold)
REFUSED = [
    # the old binary formats: how to convert them
    ("old.doc", OLE, "a Word 97–2003 .doc file: save it as .docx"),
    ("old.wps", OLE, "a WPS Writer file: save it as .docx"),
    # the old binary format under a .docx name: says so (it was "cannot open Word file (not a zip archive…)")
    ("old.docx", OLE, "a Word 97–2003 .doc file under a .docx name"),
    # a .doc that is none of the formats read
    ("odd.doc", b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "neither a Word 97–2003 file"),
    # spreadsheets, OFD, web archives, archives: what they are and what to do
    ("sheet.et", OLE, "a WPS spreadsheet"),
    ("sheet.xlsx", b"PK\x03\x04", "a spreadsheet"),
    ("notice.ofd", b"PK\x03\x04", "an OFD file"),
    ("page.mht", b"MIME-Version: 1.0", "a web archive"),
    ("files.zip", b"PK\x03\x04", "unpack it"),
]


@pytest.mark.parametrize("name, data, says", REFUSED, ids=[f"refused{i}" for i in range(len(REFUSED))])
def test_a_file_no_reader_takes_says_what_it_is(tmp_path, name, data, says):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(errors.UnsupportedFormatError) as raised:
        read(path)
    assert says in raised.value.detail and "\n" not in raised.value.detail


def test_the_page_suffixes_are_supported():
    assert {".shtml", ".shtm", ".doc", ".wps"} <= SUPPORTED_SUFFIXES
