"""Exceptions for bad arguments and bad files; every message names the file."""


class PolicydiffError(Exception):
    """Base class of every error policydiff raises on purpose."""


class BadFileError(PolicydiffError):
    """A file that cannot be read as a notice."""

    reason = "unreadable"

    def __init__(self, path, detail: str | None = None):
        self.path = str(path)
        self.detail = detail or self.reason
        super().__init__(f"{self.path}: {self.detail}")


class EmptyFileError(BadFileError):
    reason = "empty file"


class BinaryFileError(BadFileError):
    reason = "binary content, not text"


class EncodingError(BadFileError):
    reason = "cannot detect the text encoding"


class TooLargeError(BadFileError):
    reason = "too large for a notice"


class UnsupportedFormatError(BadFileError):
    reason = "unsupported file type"


class BrokenPdfError(BadFileError):
    reason = "truncated or damaged PDF"


class EncryptedPdfError(BadFileError):
    reason = "encrypted PDF"


class NoTextLayerError(BadFileError):
    reason = "no text layer (scanned?)"


class DocumentNotFound(PolicydiffError):
    """A DOC argument that matches no stored document."""
