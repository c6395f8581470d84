"""End-to-end indexing from files: ``terracube dataset add DIR`` of one eo3 YAML file per dataset.

Usage::

    python bench/bench_cli_add.py -n 100000                       # SQLite
    python bench/bench_cli_add.py -n 100000 --driver postgis
    python bench/bench_cli_add.py -n 100000 --workers 0 --repeat 1   # one process, for comparison

Writes ``n`` documents of ``bench/_eo3_docs.py`` as ``*.odc-metadata.yaml`` files laid out as
eo-datasets writes them (one folder per tile; kept in ``--dir`` and reused), then per run: a
fresh index with the product, and the command line run as a user runs it (a new process,
``--no-progress``), timed from start to exit. Peak memory is the largest sum of the resident
sizes of the command and its worker processes, sampled every 50 ms; CPU time is the command's and its workers' (user and system), a
figure less disturbed than the rate when other work shares the machine. The API rate is the same
documents, already parsed, through ``datasets.add_batch(from_doc(...))`` in this process. Every
run's index is checked to hold ``n`` datasets, and a sample of them the same documents as the
API's. Prints one JSON object, with the load average before each run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _eo3_docs import docs, eo3_yaml, product_doc

SRC = str(Path(__file__).resolve().parent.parent / "src")
PG = "postgresql://postgres@127.0.0.1:5432"


def write_files(folder: Path, n: int) -> float:
    """Write the ``n`` documents (unless already there); seconds it took."""
    marker = folder / f".complete-{n}"
    if marker.exists():
        return 0.0
    t = time.perf_counter()
    made: set[int] = set()
    for i, d in enumerate(docs(n)):
        tile = i % 1000
        sub = folder / f"{tile:04d}"
        if tile not in made:
            sub.mkdir(parents=True, exist_ok=True)
            made.add(tile)
        fd = os.open(sub / f"{d['label']}.odc-metadata.yaml", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, eo3_yaml(d).encode())
        os.close(fd)
    marker.touch()
    return time.perf_counter() - t


def _rss_tree(pid: int) -> int:
    """Resident bytes of a process and its children (from /proc)."""
    total = 0
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            pids += [int(p) for p in f.read().split()]
    except OSError:
        return 0
    for p in pids:
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def _index(driver: str, where: str):
    if driver == "sqlite":
        from terracube.index.sqlite import SQLiteIndex

        return SQLiteIndex(where)
    from terracube.index.postgis import PostgisIndex

    return PostgisIndex(where)


def _fresh(driver: str, tmp: Path, tag: str) -> str:
    """A new empty index with the product; its URL."""
    if driver == "sqlite":
        url = f"sqlite:///{tmp / f'{tag}.db'}"
        idx = _index(driver, str(tmp / f"{tag}.db"))
    else:
        import psycopg

        name = f"tc_bench_cli_{tag}"
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {name}")
            c.execute(f"CREATE DATABASE {name}")
        url = f"{PG}/{name}"
        idx = _index(driver, url)
    idx.init_db()
    idx.products.add_document(product_doc())
    idx.close()
    return url


def _drop(driver: str, url: str) -> None:
    if driver == "postgis":
        import psycopg

        with psycopg.connect(f"{PG}/postgres", autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]}")


def cli_add(url: str, folder: Path, workers: int | None) -> dict[str, object]:
    """Run ``terracube dataset add`` in a new process; seconds, peak memory, its output."""
    cmd = [
        sys.executable,
        "-c",
        "import sys; from terracube.cli import main; main(sys.argv[1:])",
        "dataset",
        "add",
        str(folder),
        "--no-progress",
    ]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": SRC, "TERRACUBE_DB_URL": url}
    peak = [0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _rss_tree(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    secs = time.perf_counter() - t
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"dataset add failed ({proc.returncode}): {err[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime  # with its workers
    return {
        "seconds": secs,
        "cpu_seconds": round(cpu, 1),
        "peak_rss_mib": round(peak[0] / 2**20, 1),
        "output": out.strip(),
    }


def api_add(driver: str, url: str, n: int) -> tuple[float, float]:
    """Datasets per second through ``add_batch(from_doc(doc))`` of the parsed documents; CPU ms each."""
    idx = _index(driver, url.removeprefix("sqlite:///") if driver == "sqlite" else url)
    parsed = list(docs(n))
    t, c = time.perf_counter(), time.process_time()
    idx.datasets.add_batch((idx.datasets.from_doc(d) for d in parsed), batch_size=1000)
    rate = n / (time.perf_counter() - t)
    cpu = (time.process_time() - c) / n * 1000
    idx.close()
    return rate, cpu


def check(driver: str, url: str, n: int) -> None:
    """The index holds ``n`` datasets; a sample holds the documents written."""
    idx = _index(driver, url.removeprefix("sqlite:///") if driver == "sqlite" else url)
    have = idx.datasets.count(archived=None)
    if have != n:
        raise SystemExit(f"{url}: {have} datasets, expected {n}")
    for i, d in enumerate(docs(n)):
        if i % max(1, n // 200) == 0:
            got = idx.datasets.get_unsafe(uuid.UUID(d["id"]))
            if got.metadata_doc != d:
                raise SystemExit(f"dataset {d['id']}: document differs from the one written")
    idx.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--driver", choices=["sqlite", "postgis"], default="sqlite")
    ap.add_argument("--dir", default=None, help="where the files are written (default /tmp/tc-bench-cli-N)")
    ap.add_argument("--workers", type=int, default=None, help="passed to --workers (default: terracube's)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-api", action="store_true", help="skip the API rate")
    args = ap.parse_args()
    sys.path.insert(0, SRC)

    folder = Path(args.dir or f"/tmp/tc-bench-cli-{args.n}")
    result: dict[str, object] = {
        "driver": args.driver,
        "files": args.n,
        "cpus": os.cpu_count(),
        "workers": args.workers,
        "write_files_s": round(write_files(folder, args.n), 1),
        "file_bytes_mean": round(
            statistics.mean(
                p.stat().st_size for p, _ in zip(folder.rglob("*.yaml"), range(1000), strict=False)
            )
        ),
    }
    runs = []
    with tempfile.TemporaryDirectory(prefix="tc-bench-cli-") as tmp:
        for r in range(args.repeat):
            url = _fresh(args.driver, Path(tmp), f"cli{r}")
            load = os.getloadavg()[0]
            run = cli_add(url, folder, args.workers)
            check(args.driver, url, args.n)
            _drop(args.driver, url)
            run |= {
                "per_s": round(args.n / run["seconds"]),
                "cpu_ms_per_dataset": round(run["cpu_seconds"] / args.n * 1000, 3),
                "load_before": round(load, 2),
                "load_after": round(os.getloadavg()[0], 2),
            }
            runs.append(run)
            print(json.dumps(run), file=sys.stderr)
        result["cli_runs"] = runs
        result["cli_per_s_median"] = round(statistics.median(r["per_s"] for r in runs))
        result["cli_peak_rss_mib_max"] = max(r["peak_rss_mib"] for r in runs)
        if not args.no_api:
            url = _fresh(args.driver, Path(tmp), "api")
            load = os.getloadavg()[0]
            rate, cpu = api_add(args.driver, url, args.n)
            result["api_per_s"] = round(rate)
            result["api_cpu_ms_per_dataset"] = round(cpu, 3)
            result["api_load_before"] = round(load, 2)
            _drop(args.driver, url)
            result["cli_over_api"] = round(result["cli_per_s_median"] / result["api_per_s"], 2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
