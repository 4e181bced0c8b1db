"""jieba segmentation without loading jieba's whole dictionary into memory.

jieba stays the segmenter: its own ``Tokenizer`` code cuts every sentence. Only its
word-frequency table is replaced by :class:`LazyFreq`, which looks words up in a SQLite
copy of the dictionary (built once from jieba's ``dict.txt`` and kept in the user's
cache folder, see ``userdata.py``) and in the rule phrases added with
:func:`register_words`, with exactly the frequencies and total that ``jieba.add_word``
would give. jieba only ever asks for substrings of the sentence it cuts, so the tokens are
identical to a fully initialised jieba, at a start-up cost of milliseconds instead of
most of a second. Long runs load the whole table into a dict (:func:`prepare`), and each
block jieba cuts on its own is cut once per process. ``MEDLINT_REFERENCE=1`` switches to
plain jieba (see ``reference.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import sys
import tempfile
import threading
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..reference import REFERENCE

ADDED_FREQ = 2000  # the least frequency a rule phrase gets, so jieba keeps it whole

MEMO_LIMIT = 500_000  # looked-up words kept per process
BLOCK_CACHE = 30_000  # segmented blocks kept per process

_lock = threading.Lock()
_init_lock = threading.Lock()
_words: set[str] = set()
_reference = REFERENCE


@lru_cache(maxsize=1)
def _jieba() -> Any:
    # jieba imports pkg_resources (a third of a second) only to find its own data files,
    # and falls back to plain paths when it is missing: keep it out while jieba loads.
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _dictionary_path() -> str:
    folder = os.path.dirname(_jieba().__file__)
    return os.path.join(str(folder), str(_jieba().DEFAULT_DICT_NAME))


def _database_path(dictionary: str) -> str | None:
    """Where the SQLite copy of ``dictionary`` lives; ``None`` without a safe cache folder."""
    from ..userdata import user_cache_dir

    folder = user_cache_dir()
    if folder is None:
        return None
    stat = os.stat(dictionary)
    key = f"{dictionary}|{stat.st_size}|{stat.st_mtime_ns}|1"
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    return str(folder / f"jieba-{digest}.sqlite")


def _prefix_dictionary(dictionary: str) -> tuple[dict[str, int], int]:
    with open(dictionary, "rb") as handle:
        freq: dict[str, int]
        total: int
        freq, total = _jieba().Tokenizer.gen_pfdict(handle)
    return freq, total


def _build_database(dictionary: str, target: str) -> None:
    """Write jieba's prefix dictionary (words and their prefixes) to a SQLite file.

    Built once per jieba version (a few seconds); a terminal is told why it waits.
    """
    if sys.stderr is not None and sys.stderr.isatty():
        print("medlint: building the word dictionary cache (once, a few seconds)…",
              file=sys.stderr, flush=True)
    freq, total = _prefix_dictionary(dictionary)
    handle, partial = tempfile.mkstemp(prefix=".jieba-", suffix=".tmp",
                                       dir=os.path.dirname(target))
    os.close(handle)
    try:
        connection = sqlite3.connect(partial)
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        with connection:
            connection.execute(
                "CREATE TABLE freq (word TEXT PRIMARY KEY, freq INT) WITHOUT ROWID"
            )
            connection.executemany("INSERT INTO freq VALUES (?, ?)", sorted(freq.items()))
            connection.execute("CREATE TABLE meta (total INT)")
            connection.execute("INSERT INTO meta VALUES (?)", (total,))
        connection.close()
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


class LazyFreq:
    """jieba's ``FREQ`` mapping, read from SQLite on demand, plus the added words.

    Each thread of each process has its own read-only connection: a SQLite connection
    must cross neither a fork nor a thread.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.local = threading.local()
        self.added: dict[str, int] = {}
        # rule words taken at once (:meth:`take`), sorted: each word and prefix gets its
        # added frequency when jieba first asks for it
        self.taken: frozenset[str] = frozenset()
        self.taken_sorted: list[str] = []
        self.memo: dict[str, int | None] = {}
        row = self._query("SELECT total FROM meta", ())
        if row is None or not isinstance(row[0], int):
            raise sqlite3.DatabaseError("no total in the dictionary cache")
        self.total: int = row[0]

    @property
    def connection(self) -> sqlite3.Connection:
        local = self.local
        if getattr(local, "pid", None) != os.getpid():  # not across a fork or a thread
            local.connection = sqlite3.connect(
                f"{Path(self.path).as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            local.pid = os.getpid()
        connection: sqlite3.Connection = local.connection
        return connection

    def _query(self, sql: str, args: tuple[str, ...]) -> Any:
        return self.connection.execute(sql, args).fetchone()

    def _load(self, word: str) -> int | None:
        if len(self.memo) > MEMO_LIMIT:
            self.memo.clear()
            self.memo.update(self.added)
        row = self._query("SELECT freq FROM freq WHERE word = ?", (word,))
        value = self.memo[word] = self._taken(word, None if row is None else row[0])
        return value

    def _taken(self, word: str, value: int | None) -> int | None:
        """``value`` (the dictionary's frequency of ``word``) as adding the taken words
        one by one, in order, leaves it: a taken word gets at least ``ADDED_FREQ``, a
        prefix of one that the dictionary lacks gets 0."""
        if not self.taken:
            return value
        if word in self.taken:
            return max(value or 0, ADDED_FREQ)
        if value is None:
            words = self.taken_sorted
            at = bisect_left(words, word)
            if at < len(words) and words[at].startswith(word):
                return 0
        return value

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up ``words`` not yet known in a few queries instead of one each."""
        wanted = sorted({w for w in words if w not in self.memo})
        if len(self.memo) + len(wanted) > MEMO_LIMIT:
            return
        found = self._stored(wanted)
        for word in wanted:
            self.memo[word] = self._taken(word, found.get(word))

    def take(self, words: list[str]) -> None:
        """Add the rule words ``words`` (sorted) to a table that has none added yet: the
        same frequencies and total as :meth:`add_word` on each in order, but each word and
        prefix is worked out when jieba first asks for it (a sentence's substrings), and
        the total is the one an earlier start stored for the same words
        (:meth:`_store_total`), else summed from their frequencies."""
        assert not self.added and not self.taken
        if not words:
            return
        base = self.total
        self.taken, self.taken_sorted = frozenset(words), words
        self.memo.clear()  # a word looked up before may be taken now
        total = self._stored_total(words, base)
        if total is None:
            self.prefetch(words)
            total = base + sum(map(self.__getitem__, words))
            self._store_total(words, base, total)
        self.total = total

    def _stored_total(self, words: list[str], base: int) -> int | None:
        """The total :meth:`_store_total` kept for adding ``words`` to a table whose total
        was ``base``, or ``None``."""
        from ..userdata import read_own_file

        data = read_own_file(self._added_path(words))
        if data is None:
            return None
        try:
            stored = json.loads(data)
            stored_base, total = stored["base"], stored["total"]
        except (ValueError, KeyError, TypeError):
            return None
        if stored_base != base or type(total) is not int or total < base:
            return None  # another table, or not what _store_total writes
        return total

    def _store_total(self, words: list[str], base: int, total: int) -> None:
        """Keep the total of adding ``words`` (sorted) to a table whose total was ``base``,
        for the next start (JSON beside the SQLite file; best effort)."""
        target = self._added_path(words)
        from ..userdata import write_atomic

        body = json.dumps({"base": base, "total": total})
        write_atomic(Path(target).parent, Path(target), body.encode("utf-8"))

    def _added_path(self, words: list[str]) -> str:
        from ..version import __version__  # the adding code is this release's

        digest = hashlib.sha256(f"{__version__}\0{self.path}\0{ADDED_FREQ}\0".encode())
        with contextlib.suppress(OSError):
            digest.update(Path(__file__).read_bytes())
        digest.update("\n".join(words).encode("utf-8", "surrogatepass"))
        name = f"words-{digest.hexdigest()[:32]}.json"  # removed with the packs (clean)
        return os.path.join(os.path.dirname(self.path), name)

    def added_words(self) -> dict[str, int]:
        """Every word and prefix whose frequency adding words set, with that frequency
        (the taken ones worked out now): what ``jieba.add_word`` on each would have put
        in the table."""
        return self._added_over(self._stored(self._taken_parts()))

    def _taken_parts(self) -> set[str]:
        """The taken words and all their prefixes."""
        return {w[:end] for w in self.taken_sorted for end in range(1, len(w) + 1)}

    def _added_over(self, stored: Mapping[str, int]) -> dict[str, int]:
        """The entries adding the taken words (then the ones added one by one) sets in a
        table that holds ``stored``: a taken word at least ``ADDED_FREQ``, a prefix the
        table lacks 0."""
        table = {}
        for part in sorted(self._taken_parts()):
            if part in self.taken:
                table[part] = max(stored.get(part) or 0, ADDED_FREQ)
            elif part not in stored:
                table[part] = 0
        table.update(self.added)
        return table

    def _stored(self, words: Iterable[str]) -> dict[str, int]:
        """The dictionary's own frequencies of those of ``words`` it holds."""
        wanted = sorted(words)
        found: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.connection.execute(
                f"SELECT word, freq FROM freq WHERE word IN ({marks})", chunk
            ).fetchall())
        return found

    def whole(self) -> dict[str, int]:
        """The complete table as a plain dict (what jieba itself would hold)."""
        table = dict(self.connection.execute("SELECT word, freq FROM freq"))
        table.update(self._added_over(table))
        return table

    def add_word(self, word: str) -> None:
        """What ``jieba.add_word(word, max(get_FREQ(word) or 0, ADDED_FREQ))`` does."""
        freq = max(self.get(word) or 0, ADDED_FREQ)
        self.added[word] = self.memo[word] = freq
        self.total += freq
        for end in range(1, len(word) + 1):
            if self.get(word[:end]) is None:
                self.added[word[:end]] = self.memo[word[:end]] = 0

    def get(self, word: str, default: int | None = None) -> int | None:
        try:
            value = self.memo[word]
        except KeyError:
            value = self._load(word)
        return default if value is None else value

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value


def _frequencies(dictionary: str) -> LazyFreq | dict[str, int]:
    """The SQLite-backed table; rebuilt once if damaged; in memory without a cache folder."""
    path = _database_path(dictionary)
    if path is not None:
        for _ in range(2):
            try:
                if not os.path.isfile(path):
                    _build_database(dictionary, path)
                return LazyFreq(path)
            except (OSError, sqlite3.Error):  # damaged or unwritable: rebuild, else go on
                try:
                    os.unlink(path)
                except OSError:
                    break
    freq, _ = _prefix_dictionary(dictionary)
    return freq


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """A jieba ``Tokenizer`` whose frequency table is a :class:`LazyFreq`."""
    with _init_lock:
        return _new_tokenizer()


def _new_tokenizer() -> Any:
    jieba = _jieba()
    tokenizer = jieba.Tokenizer()
    freq = _frequencies(_dictionary_path())
    tokenizer.FREQ = freq
    tokenizer.total = freq.total if isinstance(freq, LazyFreq) else sum(freq.values())
    tokenizer.initialized = True
    cut = lru_cache(maxsize=BLOCK_CACHE)(lambda block: tuple(tokenizer.cut(block)))
    tokenizer.medlint_cut = cut
    return tokenizer


@lru_cache(maxsize=1)
def _reference_tokenizer() -> Any:
    jieba = _jieba()
    jieba.initialize()
    return jieba.dt


def register_words(words: Iterable[str]) -> None:
    """Rule phrases jieba must keep whole; added when segmentation is first needed."""
    with _lock:
        _words.update(words)
        _words.discard("")


def _flush(tokenizer: Any) -> None:
    """Add the registered words this tokenizer does not have yet (the first words of a
    table backed by SQLite are taken at once and worked out when first asked for:
    :meth:`LazyFreq.take`)."""
    with _lock:
        added = tokenizer.__dict__.setdefault("medlint_added", set())
        new = sorted(_words - added)
        table = tokenizer.FREQ
        if isinstance(table, LazyFreq) and not added and not table.added and not table.taken:
            table.take(new)  # each word worked out when jieba first asks for it
            tokenizer.total = table.total
            added.update(new)
            new = []
        if isinstance(table, LazyFreq) and new:  # every word and prefix in a few queries
            table.prefetch(w[:end] for w in new for end in range(1, len(w) + 1))
        for word in new:
            if isinstance(tokenizer.FREQ, LazyFreq):
                tokenizer.FREQ.add_word(word)
                tokenizer.total = tokenizer.FREQ.total
            else:
                freq = max(tokenizer.FREQ.get(word) or 0, ADDED_FREQ)
                tokenizer.add_word(word, freq=freq)
            added.add(word)
        if hasattr(tokenizer, "medlint_cut"):
            tokenizer.medlint_cut.cache_clear()


def prepare(complete: bool = False) -> None:
    """Load the segmenter and add the registered words now (e.g. before forking workers).

    ``complete`` reads the whole dictionary into memory: slower to start, faster per
    sentence, worth it for long runs. The frequencies, and so the tokens, are the same.
    """
    tokenize("测试")
    tokenizer = _reference_tokenizer() if _reference else _tokenizer()
    freq = tokenizer.FREQ
    if complete and isinstance(freq, LazyFreq):
        tokenizer.FREQ = freq.whole()


def known(word: str) -> bool:
    """``word`` is in jieba's dictionary (or a registered rule word), not a token its
    HMM made up from characters it could not place (药能, 奶比)."""
    tokenizer = _reference_tokenizer() if _reference else _tokenizer()
    return bool(tokenizer.FREQ.get(word))


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every jieba token of ``text``."""
    tokenizer = _reference_tokenizer() if _reference else _tokenizer()
    if len(_words) != len(tokenizer.__dict__.get("medlint_added", ())):
        _flush(tokenizer)
    if _reference:
        return list(tokenizer.tokenize(text))
    # jieba cuts each block (a run of word characters, or what lies between) on its own,
    # so a block's words are the same wherever it occurs: they are cut once and kept.
    tokens, start = [], 0
    for block in _jieba().re_han_default.split(text):
        if block:
            for word in tokenizer.medlint_cut(block):
                tokens.append((word, start, start + len(word)))
                start += len(word)
    return tokens
