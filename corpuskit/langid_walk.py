"""py3langid's feature count, vectorized: the same counts as its byte-by-byte walk.

py3langid finds its byte n-gram features with an Aho-Corasick automaton walked one byte
at a time in Python, most of the cost of identifying a language. In such an automaton the
state after a byte is the longest suffix of the input that is a prefix of some n-gram, so
it depends only on the last `depth` bytes (the deepest state's distance from the start).
Walking the automaton from the start over the `depth` bytes ending at every position
gives every state of the sequential walk at once, `depth` array lookups in all; one more
lookup checks that every state follows from the one before (else the byte-by-byte walk
runs, as for an automaton deeper than assumed). The
features are then counted in a `Counter` as the walk counts them, and scored by
py3langid's own code, so the scores come out bit for bit the same.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from py3langid.langid import LanguageIdentifier, visit_counts

DEPTH = 6  # steps from the start to the deepest state of py3langid's model (checked on use)


class FeatureWalk:
    """Feature counts of byte strings for one automaton (py3langid's `tk_nextmove`,
    its row offsets and `tk_output`)."""

    def __init__(self, nextmove, rowbase, output, depth: int = DEPTH):
        self.nextmove = np.asarray(nextmove)
        self.rowbase = np.asarray(rowbase, dtype=np.int64)
        self.output = np.asarray(output, dtype=np.int64)
        self.depth = depth
        self._tables = (nextmove, rowbase, output)  # as given, for the byte-by-byte walk

    def states(self, data: bytes) -> np.ndarray | None:
        """The state after each byte, as the sequential walk from the start reaches it;
        None when the automaton is deeper than `depth` for this text."""
        codes = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
        n = len(codes)
        state = np.zeros(n, dtype=np.int64)
        for back in range(min(self.depth, n) - 1, -1, -1):  # the byte `back` places earlier
            state[back:] = self.nextmove[self.rowbase[state[back:]] + codes[: n - back]]
        # Proof that these are the walk's states: each follows from the one before.
        before = np.concatenate(([0], state[:-1]))
        if (state != self.nextmove[self.rowbase[before] + codes]).any():
            return None
        return state

    def counts(self, data: bytes) -> Counter | None:
        """Occurrences of each feature, in the order they first occur (as py3langid's
        walk counts them); None when there is none.

        >>> from corpuskit.metadata import _identifier
        >>> from py3langid.langid import visit_counts
        >>> ident = _identifier()
        >>> walk = FeatureWalk(ident.tk_nextmove, ident._rowbase, ident.tk_output)
        >>> data = "Der Rat tagte am Dienstag; la séance a duré.".encode()
        >>> seen = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data)
        >>> list(walk.counts(data).items()) == list(seen.items())
        True
        """
        states = self.states(data)
        if states is None:  # not the automaton this was written for: walk byte by byte
            return visit_counts(*self._tables, data)
        found = self.output[states]
        found = found[found >= 0]
        return Counter(found.tolist()) if len(found) else None


class WalkingIdentifier(LanguageIdentifier):
    """py3langid's `LanguageIdentifier`, counting features with a `FeatureWalk`: the same
    scores, without a Python loop over the bytes."""

    __slots__ = ("_walk",)

    def _raw_score(self, text):
        try:
            walk = self._walk
        except AttributeError:
            walk = self._walk = FeatureWalk(self.tk_nextmove, self._rowbase, self.tk_output)
        visits = walk.counts(text)
        if visits is None:
            return super()._raw_score(b"")  # no features: py3langid's own answer
        return self._sparse_score(visits, self.nb_ptc)
