"""Turning bytes into text: UTF-8 (with or without BOM), UTF-16 (BOM or not), Windows-1256.

Arabic news arrives in all three.  Windows-1256 maps nearly every byte to something, so a decode that
"succeeds" is not proof: the result must also look like text (letters, not control characters)."""

from __future__ import annotations

import codecs
import re

from workbench.errors import InputError

# C0 controls other than white space, DEL and the C1 range: rare in text, common in mis-decoded bytes.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_like_text(text: str) -> bool:
    return not text or len(_CONTROL.findall(text)) / len(text) < 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM shows up as NUL bytes in every other position for ASCII and Arabic alike
    (Arabic is U+06xx: the high byte is 0x06)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for encoding, high in (("utf-16-le", odd), ("utf-16-be", even)):
        if sum(1 for b in high if b in (0, 6)) / len(high) > 0.8:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """The decoded text and the encoding used; InputError naming the file when it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        guessed = _utf16_without_bom(data) if b"\x00" in data else None
        if guessed is not None and _looks_like_text(guessed):
            return guessed, "utf-16"
        if b"\x00" in data:
            raise InputError(f"{path}: binary file (NUL bytes), not a text document")
        encodings = ["utf-8", "cp1256"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, "windows-1256" if encoding == "cp1256" else encoding.removesuffix("-sig")
    raise InputError(f"{path}: cannot decode as UTF-8, UTF-16 or Windows-1256")
