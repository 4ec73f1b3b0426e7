"""Screening models: scikit-learn pipelines that learn past decisions from applicant data.

A screening model here is a ``Pipeline`` of a ``ColumnTransformer`` (numbers
standardised, categories one-hot encoded, lists such as skills split into
items) and a ``LogisticRegression``. The pipeline takes the applicant table as
it is and picks its own columns, so the learner can say in one line which
columns the model may see::

    model = make_screening_model()                     # every feature, incl. gender and origin
    model = make_screening_model(UNAWARE_FEATURES)     # without the protected columns
    model.fit(train, train["invited"])

:func:`make_text_model` learns from the CV text alone (a bag of words).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from ..memo import shared

# Protected characteristics: in the data for the audit only.
PROTECTED = ("gender", "origin", "age", "age_band")

NUMERIC = ("years_experience", "career_gap_months", "hours_per_week", "age")
CATEGORICAL = (
    "vacancy",
    "education",
    "education_field",
    "dutch_level",
    "postcode",
    "city",
    "age_band",
    "gender",
    "origin",
)
ITEM_LISTS = ("skills", "certificates", "hobbies", "memberships")  # "a; b; c" or "a, b"

# What the default model sees: the job-relevant columns plus the ones a recruiter also saw.
FEATURES = (
    "vacancy",
    "education",
    "education_field",
    "years_experience",
    "skills",
    "certificates",
    "dutch_level",
    "hours_per_week",
    "career_gap_months",
    "postcode",
    "age",
    "gender",
    "origin",
)
UNAWARE_FEATURES = tuple(f for f in FEATURES if f not in PROTECTED)
# Columns that carry (part of) a protected characteristic without naming it.
PROXIES = (
    "postcode",
    "city",
    "career_gap_months",
    "hours_per_week",
    "dutch_level",
    "languages",
    "hobbies",
    "memberships",
)
NO_PROXY_FEATURES = tuple(f for f in UNAWARE_FEATURES if f not in PROXIES)


def split_items(text: str) -> list[str]:
    """Split a list cell ("a; b" or "a, b") into its items; an empty cell has none."""
    sep = ";" if ";" in text else ","
    return [item.strip().lower() for item in text.split(sep) if item.strip()]


@lru_cache(maxsize=1 << 16)
def _items(cell: str) -> tuple[str, ...]:
    # the same cells come back in every fit and predict of a notebook
    return tuple(split_items(cell))


class ItemsEncoder(TransformerMixin, BaseEstimator):
    """One 0/1 column per item of a list column ("a; b; c"), like a multi-label one-hot.

    ``CountVectorizer`` with :func:`split_items` as tokenizer does the same, but calls
    Python once per row; list cells repeat a lot (the same skills), so this encoder
    splits each distinct cell once and copies rows, which is several times faster.
    """

    def fit(self, X, y=None):
        """Learn the items (the vocabulary) of the list column ``X``; ``y`` is ignored."""
        cells = np.unique(self._cells(X))
        self.vocabulary_ = sorted({item for cell in cells for item in _items(cell)})
        self._index = {item: i for i, item in enumerate(self.vocabulary_)}
        return self

    def transform(self, X):
        """One row of 0/1 per cell, one column per learned item; unseen items are ignored."""
        cells, inverse = np.unique(self._cells(X), return_inverse=True)
        distinct = np.zeros((len(cells), len(self.vocabulary_)))
        for row, cell in enumerate(cells):
            for item in _items(cell):
                col = self._index.get(item)
                if col is not None:  # items not seen in training are ignored
                    distinct[row, col] = 1.0
        return distinct[inverse.ravel()]

    def get_feature_names_out(self, input_features=None):
        """The learned items, in the order of the output columns."""
        return np.asarray(self.vocabulary_, dtype=object)

    @staticmethod
    def _cells(X) -> np.ndarray:
        values = np.asarray(X, dtype=object)
        if values.ndim == 2:
            values = values[:, 0]
        return np.array(["" if v is None else str(v) for v in values], dtype=object)


def _check_features(features: Sequence[str]) -> list[str]:
    if isinstance(features, str):
        features = [features]
    features = list(features)
    known = set(NUMERIC) | set(CATEGORICAL) | set(ITEM_LISTS)
    unknown = [f for f in features if f not in known]
    if unknown:
        raise ValueError(
            f"Deze kolommen kan het model niet gebruiken: {', '.join(map(str, unknown))}. "
            f"Kies uit: {', '.join(sorted(known))}."
        )
    if not features:
        raise ValueError("Geef het model minstens één kolom om naar te kijken.")
    return features


def make_preprocessor(features: Sequence[str] = FEATURES) -> ColumnTransformer:
    """Turn applicant columns into numbers a model can use.

    Numbers are standardised (mean 0, standard deviation 1), categories become one
    column per value (one-hot), and list columns (skills, certificates) one column
    per item. Output transformer names are the input column names, so that
    :func:`fairhire.models.contributions` can add the parts up per column.
    """
    features = _check_features(features)
    steps = []
    for col in features:
        if col in NUMERIC:
            steps.append((col, StandardScaler(), [col]))
        elif col in CATEGORICAL:
            steps.append((col, OneHotEncoder(handle_unknown="ignore"), [col]))
        else:  # a list column: one 0/1 column per item
            steps.append((col, ItemsEncoder(), col))
    return ColumnTransformer(steps, sparse_threshold=0)


def make_screening_model(features: Sequence[str] = FEATURES, *, C: float = 1.0) -> Pipeline:
    """A logistic-regression screening model on the given columns.

    Parameters
    ----------
    features : sequence of str
        The columns the model may look at (default :data:`FEATURES`).
    C : float
        Inverse regularisation strength of the logistic regression.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``"prepare"`` (ColumnTransformer) and ``"model"`` (LogisticRegression);
        fit it with ``model.fit(data, data["invited"])``.
    """
    return Pipeline(
        [
            ("prepare", make_preprocessor(features)),
            ("model", LogisticRegression(C=C, solver="liblinear", max_iter=1000, random_state=0)),
        ]
    )


# Words of three letters or more; numbers (years, house numbers) are left out.
WORD_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"


def make_text_model(*, min_df: int = 10, C: float = 0.1) -> Pipeline:
    """A bag-of-words model on the CV text alone (call it with the ``cv_text`` column).

    Every word that occurs in at least ``min_df`` CVs becomes a yes/no feature,
    names included: the model knows nothing about which words are relevant to
    the job, as with Amazon's tool (FACTS.md section 5). The strong
    regularisation (small ``C``) keeps it from learning rare street names.
    """
    return Pipeline(
        [
            ("words", CountVectorizer(min_df=min_df, binary=True, token_pattern=WORD_PATTERN)),
            ("model", LogisticRegression(C=C, solver="liblinear", max_iter=1000, random_state=0)),
        ]
    )


@shared  # fairhire grade: the hidden tests of m05 refit it for every learner (fairhire.memo)
def fit_text_model(texts, labels) -> Pipeline:
    """:func:`make_text_model` fitted on ``texts`` (CV texts) and ``labels`` (0/1).

    For reference results (hidden tests); a learner trains the model as the lesson shows.
    """
    return make_text_model().fit(texts, labels)


def word_weights(text_model: Pipeline) -> pd.Series:
    """The weight the text model gives each word, sorted from most negative to most positive.

    A positive weight pushes a CV towards 'invite', a negative one away from it.
    """
    words = text_model.named_steps["words"].get_feature_names_out()
    coefs = text_model.named_steps["model"].coef_[0]
    # stable: words with exactly the same weight keep their alphabetical order
    return pd.Series(coefs, index=words, name="weight").sort_values(kind="stable")


def split_history(
    data: pd.DataFrame, *, label: str = "invited", test_size: float = 0.3, random_state: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split applicants into a training and a test part, stratified on ``label``.

    Returns
    -------
    (train, test) : tuple of DataFrame
        Both keep every column, so the audit can use the protected ones afterwards.
    """
    if label not in data.columns:
        raise KeyError(f"De kolom {label!r} staat niet in de tabel.")
    train, test = train_test_split(
        data, test_size=test_size, random_state=random_state, stratify=data[label]
    )
    return train, test


def scores(model, data) -> np.ndarray:
    """The model's score per applicant: the predicted probability of 'invite' (0 to 1)."""
    return model.predict_proba(data)[:, 1]
