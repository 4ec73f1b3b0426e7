"""A vendor's CV screener for the final audit (module m08): a black box with flaws.

"Selectomaat" is a fictional product. It reads only the CV text, as a real
screener reads documents, and returns a score from 0 to 100. It is rebuilt
from code with a fixed seed every time (no pickled model ships): trained on a
synthetic client history of past invitations, which carries the recruiters'
bias. What it gets wrong is documented for trainers in
solutions/m08/TRAINER_vendor_flaws.md; learners find it by auditing.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd

from ..memo import shared
from .generator import DEFAULT_SEED, REFERENCE_DATE, make_applicants

VENDOR_NAME = "Selectomaat"
VENDOR_SEED = DEFAULT_SEED + 100
VENDOR_TRAINING_SIZE = 8000
# The vendor recommends inviting everyone scoring at or above this.
VENDOR_THRESHOLD = 40.0

_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_POSTCODE = re.compile(r"\b(\d{4}) [A-Z]{2}\b")
_DATE_SHORT = re.compile(r"\b\d{2}-\d{2}-(\d{4})\b")
_DATE_LONG = re.compile(r"\b\d{1,2} (?:" + "|".join(_MONTHS) + r") (\d{4})\b")


def _read_cvs(texts: list[str]) -> pd.DataFrame:
    """What the screener extracts from each CV: the words, a postcode and an age band."""
    postcodes, bands = [], []
    for text in texts:
        m = _POSTCODE.search(text)
        postcodes.append(m.group(1) if m else "onbekend")
        d = _DATE_SHORT.search(text) or _DATE_LONG.search(text)
        if d:
            age = REFERENCE_DATE.year - int(d.group(1))
            bands.append(
                "<30" if age < 30 else "30-39" if age < 40 else "40-49" if age < 50 else "50+"
            )
        else:
            bands.append("onbekend")
    return pd.DataFrame({"text": texts, "postcode": postcodes, "age_band": bands})


def _texts(cvs) -> list[str]:
    if isinstance(cvs, pd.DataFrame):
        if "cv_text" not in cvs.columns:
            raise ValueError(
                "cvs must have a 'cv_text' column. (De tabel heeft geen kolom "
                "'cv_text'; de screener leest alleen cv-teksten.)"
            )
        cvs = cvs["cv_text"]
    if isinstance(cvs, str):
        raise ValueError(
            "cvs must be a list of CV texts or a frame with 'cv_text', not one string. "
            "(Geef een lijst met cv-teksten of een tabel met de kolom 'cv_text'.)"
        )
    try:
        texts = list(cvs)
    except TypeError:
        texts = None
    if texts is None or not all(isinstance(t, str) for t in texts):
        raise ValueError("every CV must be a text (str). (Elke cv moet tekst zijn.)")
    return texts


class VendorScreener:
    """The vendor's screener: ``score`` gives 0-100 per CV, ``select`` applies the cut-off.

    Parameters
    ----------
    random_state : int, default VENDOR_SEED
        Seed of the client history it is trained on.
    threshold : float, default VENDOR_THRESHOLD
        Score at or above which ``select`` recommends an invitation.

    Examples
    --------
    >>> from fairhire.world import load_vendor_audit, vendor_screener
    >>> screener = vendor_screener()
    >>> scores = screener.score(load_vendor_audit())  # doctest: +SKIP
    """

    name = VENDOR_NAME

    def __init__(
        self, random_state: int = VENDOR_SEED, threshold: float = VENDOR_THRESHOLD
    ) -> None:
        from sklearn.compose import ColumnTransformer
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import OneHotEncoder

        self.threshold = float(threshold)
        history = make_applicants(VENDOR_TRAINING_SIZE, random_state=random_state)
        features = ColumnTransformer(
            [
                # words of three letters or more; no numbers
                (
                    "words",
                    CountVectorizer(min_df=10, binary=True, token_pattern=r"(?u)\b[^\W\d_]{3,}\b"),
                    "text",
                ),
                ("postcode", OneHotEncoder(handle_unknown="ignore"), ["postcode"]),
                ("age", OneHotEncoder(handle_unknown="ignore"), ["age_band"]),
            ]
        )
        self._model = Pipeline(
            [
                ("features", features),
                ("model", LogisticRegression(C=0.3, solver="liblinear")),
            ]
        )
        self._model.fit(_read_cvs(history["cv_text"].tolist()), history["invited"].to_numpy())

    def score(self, cvs) -> np.ndarray:
        """Score from 0 to 100 per CV (a frame with ``cv_text`` or a list of texts)."""
        texts = _texts(cvs)
        if not texts:
            return np.zeros(0)
        return np.round(100.0 * self._model.predict_proba(_read_cvs(texts))[:, 1], 1)

    def select(self, cvs) -> np.ndarray:
        """True where the vendor recommends inviting (score >= threshold)."""
        return self.score(cvs) >= self.threshold

    def __repr__(self) -> str:
        return f"<{self.name}: cv-screener, drempel {self.threshold:g}>"


@shared  # fairhire grade: the judge's kernels take it from the zygote (see fairhire.memo)
@cache
def vendor_screener() -> VendorScreener:
    """The vendor's screener with the default seed (built once per session, about a second)."""
    return VendorScreener()
