"""Turn input bytes into text without rejecting legacy encodings.

News archives from the post-Soviet space are full of cp1251 and KOI8-R pages next to latin-1 and
UTF-16 exports, and the coding stage is useless on mojibake. The order is: byte-order marks (they
are unambiguous), strict UTF-8 (invalid UTF-8 is rare in other encodings), a charset the container
declares (HTTP header, ``<meta charset>``), UTF-8 with a few stray bytes, then a small plausibility
scorer over the single-byte code pages we actually meet. charset-normalizer is the last resort only:
on short texts it confuses cp1250/cp1252 and sometimes misreads cp1251, which the scorer does not.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import unicodedata

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Single-byte code pages tried by the scorer, in order of preference when they score the same.
CANDIDATES = ("cp1251", "cp1252", "cp1250", "koi8_r", "cp866", "iso8859_15", "latin-1")

_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> str:
    """Replace lone UTF-16 surrogates (JSON's ``"\\ud83d"`` without its pair) with U+FFFD: they are
    not encodable, so hashing, Arrow and every writer downstream would fail on them."""
    return _SURROGATE.sub("\ufffd", text) if text and _SURROGATE.search(text) else text


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]{2,40})["']""", re.I)
_WORD = re.compile(r"\w+")
_UNUSUAL = re.compile(r"[^\x20-\x7e\t\n\r]")
#: Non-ASCII punctuation that is normal in news text in any script.
_OK_SYMBOLS = set("«»„“”‘’‚—–…•№€£°§·\u00a0\u2009\u202f")
_SAMPLE = 16 * 1024  # enough words to tell code pages apart; keeps guessing ~10 ms


def bom_encoding(data: bytes) -> str | None:
    """The encoding named by a leading byte-order mark, if any."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration claims in the first few KiB, if Python knows it."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return normalise_charset(m.group(1).decode("ascii", "replace")) if m else None


def normalise_charset(name: str | None) -> str | None:
    """A Python codec name for ``name``, or None if unknown (a bogus header must not crash decoding)."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None, markup: bool = False) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; never raises on odd bytes.

    ``declared`` is a charset from the container (HTTP Content-Type); with ``markup`` the document's
    own ``<meta charset>`` / XML declaration is consulted too. Declarations are only trusted when the
    bytes decode cleanly with them, since mislabelled pages are common.
    """
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace"), bom.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in (normalise_charset(declared), declared_charset(data) if markup else None):
        if name and name not in ("utf-8", "utf-16", "utf-32"):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8"
    name = guess_single_byte(data)
    return data.decode(name, errors="replace"), name


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a handful of corrupt bytes (a bad splice) should stay UTF-8, not become cp1252."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    good = non_ascii - bad
    if good >= 3 and bad <= max(1, good // 50):
        return text
    return None


def guess_single_byte(data: bytes) -> str:
    """Pick the single-byte code page under which ``data`` reads most like real words."""
    sample = data[:_SAMPLE]
    best_name, best_score, best_bad = "latin-1", float("-inf"), 1.0
    for name in CANDIDATES:
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        score, bad_ratio = _plausibility(text)
        if score > best_score:
            best_name, best_score, best_bad = name, score, bad_ratio
    if best_bad > 0.5:
        other = _charset_normalizer_guess(sample)
        if other:
            return other
    return best_name


def _charset_normalizer_guess(sample: bytes) -> str | None:
    """Ask charset-normalizer about scripts the scorer does not know (Greek, Arabic, Turkish …)."""
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return normalise_charset(best.encoding) if best is not None else None


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    if ch.isascii():
        return "ascii"
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "other"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def _plausibility(text: str) -> tuple[float, float]:
    """Score how word-like the non-ASCII characters are; return (score, share of implausible chars).

    A misread code page shows up as symbols inside words (``spotka³``), words made only of accented
    Latin letters (cp1251 read as cp1252: ``Ìèíèñòð``), mixed scripts within a word, or inverted case
    (cp1251 read as KOI8-R: ``лИНИСТР``). Genuine text has none of these.
    """
    good = bad = 0
    for word in _WORD.findall(text):
        non_ascii = [ch for ch in word if not ch.isascii()]
        if not non_ascii:
            continue
        n = len(non_ascii)
        if not all(ch.isalpha() for ch in non_ascii):
            bad += n
            continue
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        if "other" in scripts or {"cyrillic", "latin"} <= scripts or {"cyrillic", "ascii"} <= scripts:
            bad += n
            continue
        if "latin" in scripts and (len(word) > 2 and n / len(word) > 0.5):
            bad += n
            continue
        if _case_anomalies(word):
            bad += n
            continue
        good += n
    for ch in _UNUSUAL.findall(text):
        odd_symbol = not ch.isascii() and not ch.isalnum() and not ch.isspace() and ch not in _OK_SYMBOLS
        if odd_symbol or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"):
            bad += 1
    total = good + bad
    return float(good - 2 * bad), (bad / total if total else 0.0)


def _case_anomalies(word: str) -> bool:
    """True when a word switches to upper case after a lower-case letter (``лИНИСТР``, ``нХМХЯ``)."""
    if word.isupper() or word.islower() or (word[0].isupper() and word[1:].islower()):
        return False
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
