"""The simulated world of the course: applicants, their CVs and a biased history.

Everything here is synthetic and biased on purpose; datasets/README.md is the
datasheet. The public API:

- :func:`make_applicants` generates applicants (seeded, vectorised);
- :func:`swap_names` gives the same CVs under names from another group;
- :func:`load_history`, :func:`load_applicants`, :func:`load_vendor_audit`
  read the shipped CSVs (or regenerate the same bytes);
- :func:`write_datasets`, :func:`check_datasets` keep datasets/ in step;
- :func:`vendor_screener` builds the vendor's black-box screener for m08.
"""

from .datasets import (
    DATASETS,
    QUALIFIED_THRESHOLD,
    check_datasets,
    load_applicants,
    load_history,
    load_vendor_audit,
    read_csv_bytes,
    to_csv_bytes,
    write_datasets,
)
from .generator import (
    AGE_50_PLUS_RATIO,
    COLUMNS,
    DEFAULT_FEMALE_SHARE,
    DEFAULT_GROUP_SHARES,
    DEFAULT_SEED,
    GAP_RATIO_PER_YEAR,
    ORIGIN_INVITE_RATIOS,
    OUTCOME_COLUMNS,
    PARTTIME_RATIO_20_TO_34,
    PARTTIME_RATIO_UNDER_20,
    make_applicants,
)
from .names import EMAIL_DOMAINS, GENDERS, ORIGINS
from .swap import swap_names
from .vacancies import EDUCATION_LEVELS, VACANCY_LABELS
from .vendor import VENDOR_NAME, VendorScreener, vendor_screener

__all__ = [
    "AGE_50_PLUS_RATIO",
    "COLUMNS",
    "DATASETS",
    "DEFAULT_FEMALE_SHARE",
    "DEFAULT_GROUP_SHARES",
    "DEFAULT_SEED",
    "EDUCATION_LEVELS",
    "EMAIL_DOMAINS",
    "GAP_RATIO_PER_YEAR",
    "GENDERS",
    "ORIGINS",
    "ORIGIN_INVITE_RATIOS",
    "OUTCOME_COLUMNS",
    "PARTTIME_RATIO_20_TO_34",
    "PARTTIME_RATIO_UNDER_20",
    "QUALIFIED_THRESHOLD",
    "VACANCY_LABELS",
    "VENDOR_NAME",
    "VendorScreener",
    "check_datasets",
    "load_applicants",
    "load_history",
    "load_vendor_audit",
    "make_applicants",
    "read_csv_bytes",
    "swap_names",
    "to_csv_bytes",
    "vendor_screener",
    "write_datasets",
]
