"""How fast is the simulated world? ``python benchmarks/bench_world.py``

Prints rows per second for 1,000,000 applicants without CV text, 100,000 with
CV text, and Faker('nl_NL') making the same name, address and contact fields
row by row (timed on 20,000 rows), and the ratio ours / Faker.
Targets: 1,000,000 tabular rows in at most 5 s, at least 100x Faker's row rate.

It also times the output step alone: the same 1,000,000-row frame rebuilt from
ready-made codes, as if every random draw were free. Strings are looked up in
tables and e-mail and phone are concatenated from two parts, as the generator
does. That time is the floor for any generator that returns this frame (pandas
"str" columns, the dtypes ``pd.read_csv`` gives), so it bounds the ratio.

Each number is the best of a few runs, in wall-clock time and in CPU time of this
process; on a busy machine the CPU time is the fairer comparison, so the ratio is
given for both. The load average is printed so a reader can judge the conditions.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np
import pandas as pd

from fairhire.world import make_applicants


def best_of(repeats: int, fn) -> tuple[float, float]:
    """Fastest of ``repeats`` runs: (wall seconds, CPU seconds of this process)."""
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return min(wall), min(cpu)


FAKER_FIELDS = 8


def faker_rows(n: int) -> None:
    from faker import Faker

    fake = Faker("nl_NL")
    Faker.seed(0)
    for _ in range(n):
        # the fields our generator also makes per applicant
        fake.first_name(), fake.last_name(), fake.street_address(), fake.postcode(), fake.city()
        fake.email(), fake.phone_number(), fake.date_of_birth(minimum_age=18, maximum_age=67)


def output_step(df: pd.DataFrame):
    """A function that rebuilds ``df`` from integer codes the way the generator's last step does."""
    numbers, lookups, joined = {}, {}, {}
    for name in df.columns:
        values = df[name].to_numpy()
        if values.dtype != object:
            numbers[name] = values
        elif name in ("email", "phone"):
            # new strings from two looked-up halves, as the generator makes them
            cut = df[name].str.find("@") if name == "email" else df[name].str.len() - 3
            pairs = list(zip(values, cut, strict=True))
            joined[name] = (_codes([v[:c] for v, c in pairs]), _codes([v[c:] for v, c in pairs]))
        else:
            lookups[name] = _codes(values)

    def rebuild() -> pd.DataFrame:
        columns = {}
        for name in df.columns:
            if name in numbers:
                columns[name] = numbers[name].copy()
            elif name in lookups:
                table, codes = lookups[name]
                columns[name] = pd.array(table.take(codes), dtype="str", copy=False)
            else:
                (t1, c1), (t2, c2) = joined[name]
                columns[name] = pd.array(t1.take(c1) + t2.take(c2), dtype="str", copy=False)
        return pd.DataFrame(columns, copy=False)

    return rebuild


def _codes(values) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    return np.asarray(uniques, dtype=object), codes.astype(np.int32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    make_applicants(1000, random_state=0)  # warm up: imports and lookup tables
    n_tab, n_text, n_faker = 1_000_000, 100_000, 20_000
    t_tab = best_of(
        args.repeats, lambda: make_applicants(n_tab, with_cv_text=False, random_state=1)
    )
    t_text = best_of(args.repeats, lambda: make_applicants(n_text, random_state=1))
    t_faker = best_of(args.repeats, lambda: faker_rows(n_faker))
    rebuild = output_step(make_applicants(n_tab, with_cv_text=False, random_state=1))
    t_out = best_of(args.repeats, rebuild)

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}, best of {args.repeats}"
    )
    print(f"{'':44s}{'wall s':>8s}{'rows/s':>12s}{'cpu s':>8s}{'rows/s':>12s}")
    rows = [
        (f"make_applicants {n_tab:,} rows, no CV text", n_tab, t_tab),
        (f"make_applicants {n_text:,} rows, CV text", n_text, t_text),
        (f"Faker('nl_NL') {n_faker:,} rows, 8 fields", n_faker, t_faker),
        (f"output step only, {n_tab:,} rows", n_tab, t_out),
    ]
    for label, n, (wall, cpu) in rows:
        print(f"{label:44s}{wall:8.2f}{n / wall:12,.0f}{cpu:8.2f}{n / cpu:12,.0f}")
    for i, clock in enumerate(("wall", "cpu")):
        ratio = (n_tab / t_tab[i]) / (n_faker / t_faker[i])
        ratio_text = (n_text / t_text[i]) / (n_faker / t_faker[i])
        print(
            f"ratio ours / Faker ({clock}): {ratio:,.0f}x without CV text, {ratio_text:,.0f}x with"
        )
    print(
        f"ceiling (cpu): with every draw free the output step alone is "
        f"{(n_tab / t_out[1]) / (n_faker / t_faker[1]):,.0f}x Faker"
    )
    # a row of ours has 28 columns (29 with text), a Faker row the 8 fields above
    fields = (28 * n_tab / t_tab[1]) / (FAKER_FIELDS * n_faker / t_faker[1])
    print(
        f"per field (cpu): ours {28 * n_tab / t_tab[1]:,.0f} fields/s, "
        f"Faker {FAKER_FIELDS * n_faker / t_faker[1]:,.0f} fields/s, ratio {fields:,.0f}x"
    )
    ok_time = t_tab[0] <= 5
    ok_ratio = (n_tab / t_tab[1]) / (n_faker / t_faker[1]) >= 100
    print(
        f"targets: 1,000,000 rows <= 5 s (wall): {'ok' if ok_time else 'MISSED'}; "
        f">= 100x Faker (cpu): {'ok' if ok_ratio else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
