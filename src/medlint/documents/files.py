"""Reading article files as text.

Reading is defensive: a file that cannot be checked raises :class:`InputError` with a
one-line message, never anything else. Decoding tries, in order: a byte-order mark
(UTF-8, UTF-16, UTF-32), strict UTF-8, then strict GB18030 (which covers GBK and
GB2312) kept only when the result reads as Chinese text.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm")
DEFAULT_MAX_FILE_SIZE = 1024 * 1024  # bytes; an article is rarely above 100 KB

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The most frequent characters of modern Chinese: text decoded with the wrong
# codec hardly ever contains them, genuine articles always do.
_COMMON = set(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
    "着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进"
    "好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性"
    "知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制"
    "身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真"
    "论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务"
    "做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白"
    "却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉"
    "术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议"
    "往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价"
    "花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "药医疗患症状效副疾康健孕妇禁忌慎注射皮肤"
)
_MIN_CJK_FOR_FREQUENCY = 20


class InputError(Exception):
    """A file that cannot be checked; the message is one line, without the path."""


@dataclass(frozen=True)
class Decoded:
    """An article's text and how to write it back byte for byte."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    data: bytes = b""

    def encode(self, text: str) -> bytes:
        """``text`` in the file's own encoding, with its byte-order mark."""
        return self.bom + text.encode(self.encoding)


def os_message(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower().rstrip(".")


def _plausible_chinese(text: str) -> bool:
    """True when GB18030-decoded ``text`` looks like real text, not mis-decoded bytes."""
    if any(c < " " and c not in "\t\n\r\f" for c in text):
        return False
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    unusual = sum(1 for c in text if c > "\u007f" and not _usual(c))
    if unusual > max(2, len(text) // 50):
        return False
    if len(cjk) < _MIN_CJK_FOR_FREQUENCY:
        return bool(cjk) or unusual == 0
    from ..analysis.normalize import normalise

    common = sum(1 for c in normalise("".join(cjk)) if c in _COMMON)
    return common * 10 >= len(cjk)


def _usual(char: str) -> bool:
    return (
        "\u4e00" <= char <= "\u9fff"
        or "\u3000" <= char <= "\u303f"
        or "\uff00" <= char <= "\uffef"
        or "\u2010" <= char <= "\u206f"
        or "\u00a0" <= char <= "\u00ff"
        or "\u2460" <= char <= "\u24ff"
        or "\u0391" <= char <= "\u03c9"
        or "\u2100" <= char <= "\u22ff"
        or "\u25a0" <= char <= "\u25ff"
    )


def decode_bytes(data: bytes) -> Decoded:
    """Decode an article's bytes; raise :class:`InputError` for binary or unknown text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, bom, data)
            except UnicodeDecodeError as error:
                name = encoding.upper().replace("-LE", "").replace("-BE", "")
                raise InputError(
                    f"invalid {name} after a byte-order mark (byte {error.start + len(bom)})"
                ) from None
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", b"", data)
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        return Decoded(text, "gb18030", b"", data)
    raise InputError(
        f"unsupported encoding: not UTF-8 (invalid byte at {utf8_error.start}), "
        "UTF-16/32 with a byte-order mark, or GB18030/GBK"
    )


def decode(data: bytes) -> str:
    """Decode an article's bytes to text (see :func:`decode_bytes`)."""
    return decode_bytes(data).text


def read_decoded(path: str, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> Decoded:
    """Read and decode one regular file of at most ``max_size`` bytes (None: no limit)."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file")
        if max_size and info.st_size > max_size:
            raise InputError(
                f"file too large ({info.st_size} bytes; the limit is {max_size}, "
                "see --max-file-size)"
            )
        with open(path, "rb") as handle:
            data = handle.read(max_size + 1) if max_size else handle.read()
    except OSError as error:
        raise InputError(os_message(error)) from None
    if max_size and len(data) > max_size:
        raise InputError(f"file too large (over {max_size} bytes, see --max-file-size)")
    return decode_bytes(data)


def read_source(path: str, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> str:
    """The decoded text of one article file."""
    return read_decoded(path, max_size).text
