"""Benchmark: reading and validating a 10,000-row indicator upload (median of 5 runs)."""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib.data import load_dataset
from lib.datasets import with_origin
from lib.upload import read_upload, validate_upload


def ten_thousand_rows(dataset) -> bytes:
    communes = dataset.territories.loc[dataset.territories["level"] == "commune", "code"]
    lines = ["niveau;code_insee;indicateur;libelle;domaine;unite;higher_is_worse;annee;valeur"]
    lines += [f"commune;{code};x_bench;X;emploi;%;true;2024;{i % 100},5" for i, code in
              enumerate(communes[:10_000])]  # fmt: skip
    return ("\n".join(lines) + "\n").encode("utf-8")


def bench_validation(runs: int = 5) -> float:
    """Median seconds to read and validate a 10,000-row file; printed."""
    dataset = with_origin(load_dataset())
    data = ten_thousand_rows(dataset)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        report = validate_upload(read_upload("bench.csv", data), "indicators", dataset, "u", "b")
        times.append(time.perf_counter() - start)
    assert report.n_valid == 10_000, report.problems[:3]
    median = statistics.median(times)
    print(f"validation of 10,000 rows: median {median:.2f} s over {runs} runs")
    return median


if __name__ == "__main__":
    bench_validation()
