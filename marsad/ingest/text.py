"""Bytes to text: find the encoding of a plain-text article, refuse what is not text.

Offsets everywhere in marsad point into the decoded text, so decoding keeps the
text exactly (newlines, no-break spaces, trailing blanks); only a byte order
mark is dropped, because it is an encoding artefact and not part of the text.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from marsad.errors import InputError
from marsad.model import Document, DocumentMeta

# Longest marks first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of formats that people drop into an article folder by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg audio"),
    (b"ID3", "MP3 audio"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# C0 controls other than tab, newline, vertical tab, form feed, carriage return; and DEL.
_CONTROL = bytes([*range(0, 9), *range(14, 32), 0x7F])
_SAMPLE = 1 << 16
# In UTF-16 text one byte of each pair is the code point's high byte, and for Latin
# and Arabic text that is almost always 0x00 (ASCII, no-break space), 0x06 (Arabic),
# 0x20 (punctuation, directional marks) or 0xFB..0xFE (presentation forms).
_TEXT_HIGH_BYTES = frozenset({0x00, 0x06, 0x20, 0xFB, 0xFC, 0xFD, 0xFE})


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode an article's bytes, or raise InputError saying why they are not text.

    `declared` is an encoding the container names (an HTML meta charset); it is
    trusted only when the bytes really decode with it.
    """
    if not data:
        raise InputError(source, "empty file")
    text = _decode(data, source, declared)
    if not text.strip():
        raise InputError(source, "empty file (only white space)")
    return text


def _decode(data: bytes, source: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(source, f"starts with a {encoding} byte order mark but is not valid "
                                         f"{encoding} (byte {e.start + len(bom)})") from None
    kind = _binary_kind(data)
    if kind:
        raise InputError(source, f"looks like binary data ({kind}), not text")
    if declared:
        text = _try(data, declared)
        if text is not None and _looks_textual(text):
            return text
    text = _utf16_without_bom(data)
    if text is not None:
        return text
    if b"\x00" in data[:_SAMPLE]:
        raise InputError(source, "looks like binary data (NUL bytes), not text")
    if _control_share(data) > 0.1:
        raise InputError(source, "looks like binary data (mostly control bytes), not text")
    text = _try(data, "utf-8")
    if text is not None:
        return text
    # Arabic sites and Windows editors of the 2000s wrote windows-1256; every byte
    # decodes in it, so accept it only when the result reads as Arabic.
    text = data.decode("cp1256")
    if _arabic_share(text) >= 0.6:
        return text
    text = _detected(data)
    if text is not None:
        return text
    raise InputError(source, "cannot tell the text encoding (not UTF-8, UTF-16/32 or windows-1256 "
                             "Arabic); save the file as UTF-8")


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    return None


def _control_share(data: bytes) -> float:
    sample = data[:_SAMPLE]
    return (len(sample) - len(sample.translate(None, _CONTROL))) / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte order mark, told by the pattern of its high bytes."""
    sample = data[:_SAMPLE - (_SAMPLE % 2)]
    if len(data) % 2 or len(sample) < 2:
        return None
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        low = sample[0::2] if encoding == "utf-16-le" else sample[1::2]
        if b"\x00" not in data[:_SAMPLE] and 0x06 not in high:
            continue  # neither ASCII nor Arabic in UTF-16: leave it to the other checks
        share = sum(b in _TEXT_HIGH_BYTES for b in high) / len(high)
        # the low bytes carry the letters, so they must not look like high bytes too
        low_share = sum(b in _TEXT_HIGH_BYTES for b in low) / len(low)
        if share >= 0.9 and low_share < 0.5:
            text = _try(data, encoding)
            if text is not None and _looks_textual(text):
                return text
    return None


def _looks_textual(text: str) -> bool:
    """Few control characters: a wrong guess at an encoding yields many."""
    sample = text[:_SAMPLE]
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f\v") or c == "\x7f")
    return bad <= len(sample) * 0.01


def _arabic_share(text: str) -> float:
    """Share of Arabic among the letters of the text (0 when it has no letters)."""
    letters = arabic = 0
    for c in text[:_SAMPLE]:
        if c.isalpha():
            letters += 1
            arabic += "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff"
    return arabic / letters if letters else 0.0


def _detected(data: bytes) -> str | None:
    """charset-normalizer's best guess, kept only when it decodes cleanly to text."""
    from charset_normalizer import from_bytes  # imported on demand: rarely needed

    best = from_bytes(data[:_SAMPLE * 4]).best()
    if best is None:
        return None
    text = _try(data, best.encoding)
    return text if text is not None and _looks_textual(text) else None


def read_text_file(path: Path, source: str) -> Document:
    """A plain-text article: its id is the file name without extension."""
    text = decode_bytes(path.read_bytes(), source)
    return Document(doc_id=path.stem, text=text, meta=DocumentMeta(source_path=str(path)))
