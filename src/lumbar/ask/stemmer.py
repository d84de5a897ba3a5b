"""Word stems shared by the index and the questions: the Porter stemmer of the Snowball project.

The same function stems the passages when they are indexed and the words of a question, so
"cramping", "cramps" and "cramp" meet at "cramp". ``STEMMER`` names the algorithm and the library
version: the index records it, and an index built with another stemmer is rebuilt.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version

import snowballstemmer

ALGORITHM = "porter"
#: the stemmer's identity, recorded by the index (stems change when it does)
STEMMER = f"snowballstemmer-{version('snowballstemmer')}-{ALGORITHM}-min3"

_STEMMER = snowballstemmer.stemmer(ALGORITHM)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter stem of a lower-case ``word`` (a corpus repeats the same few thousand words).

    Words of one or two letters are left as they are, as in Porter's reference implementation: the
    Snowball version would make "as" and "is" into "a" and "i".
    """
    return word if len(word) <= 2 else str(_STEMMER.stemWord(word))
