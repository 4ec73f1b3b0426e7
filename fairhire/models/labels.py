"""The truth of the simulated world, and fresh applicants to judge a model on.

Every applicant has a latent ``suitability`` score (0 to 100) built from
job-relevant attributes only. Real recruiters never see it; the course uses it
to judge decisions against the truth instead of against the biased history.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..memo import shared
from ..world.datasets import QUALIFIED_THRESHOLD

# Suitability at or above this counts as 'suitable' (the world's own definition,
# about the top 30%, the same as 'qualified' in the vendor audit data of m08).
SUITABLE_CUTOFF = QUALIFIED_THRESHOLD

# Seed of the fresh applicants; differs from the seeds of the shipped files.
NEW_ROUND_SEED = 31


def truly_suitable(data: pd.DataFrame, *, cutoff: float = SUITABLE_CUTOFF) -> np.ndarray:
    """1 for applicants whose true suitability is at least ``cutoff``, else 0.

    A frame without ``suitability`` but with the world's ``qualified`` column
    (the vendor audit data) uses that column.
    """
    if "suitability" in data.columns:
        return (data["suitability"].to_numpy() >= cutoff).astype(int)
    if "qualified" in data.columns:
        return data["qualified"].to_numpy().astype(int)
    raise KeyError("De tabel heeft geen kolom 'suitability' (echte geschiktheid).")


@shared
def new_round(
    n_samples: int = 10_000, *, with_cv_text: bool = False, random_state: int = NEW_ROUND_SEED
) -> pd.DataFrame:
    """A large fresh group of applicants from the same simulated world.

    With their true suitability, and with ``invited`` as the biased recruiters of
    the history would have decided. Large groups make the audit numbers steady:
    in the 30% test part of the history a small origin group has about 150 people.
    """
    from ..world import make_applicants

    return make_applicants(n_samples, with_cv_text=with_cv_text, random_state=random_state)
