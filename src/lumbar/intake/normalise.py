"""Text as pasted from phones and chat apps, made plain before it is read.

Invisible format characters (zero-width spaces and joiners, soft hyphens, direction marks, byte-order
marks) are removed, so "can\u200bt" reads as "can't"; compatibility forms (full-width letters,
ligatures, non-breaking spaces) become their plain forms (Unicode NFKC); curly quotes and dashes
become ASCII ones. Nothing else changes, so the words quoted as evidence are the person's own.
"""

from __future__ import annotations

import re
import unicodedata

#: curly quotes, primes and dashes -> their ASCII forms.
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": " - ",
        "\u2015": " - ",
        "\u2212": "-",
    }
)
_SPACES = re.compile(r"[^\S\n]+")


def normalise(text: str) -> str:
    """``text`` without invisible characters, in NFKC form, with plain quotes, dashes and spaces."""
    # the masculine ordinal "º" is typed for a degree sign; NFKC would make it a letter "o"
    text = unicodedata.normalize("NFKC", text.replace("\u00ba", "\u00b0"))
    if not text.isascii():  # no ASCII character is a format character
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.translate(_PLAIN).replace("\r\n", "\n").replace("\r", "\n")
    return _SPACES.sub(" ", text)
