#!/usr/bin/env python3
"""Time one SQLite PRAGMA with CPython's sqlite3 module, for the open-check benchmark.

Usage: bench_sqlite_check.py --runs N DATABASE PRAGMA

Each run opens the database read-only on a fresh connection, runs the pragma, reads every row and
closes; only that is timed (the interpreter's start is not). Prints one JSON object: the SQLite
library version, the first row of the last run, every run's milliseconds and the median.
"""

import argparse
import json
import sqlite3
import statistics
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("database")
    parser.add_argument("pragma")
    args = parser.parse_args()

    times = []
    first = None
    for _ in range(args.runs):
        start = time.perf_counter()
        connection = sqlite3.connect(f"file:{args.database}?mode=ro", uri=True)
        rows = connection.execute(args.pragma).fetchall()
        connection.close()
        times.append((time.perf_counter() - start) * 1000)
        first = rows[0][0] if rows else None

    print(json.dumps({
        "sqlite": sqlite3.sqlite_version,
        "first": first,
        "ms": times,
        "median": statistics.median(times),
    }))


if __name__ == "__main__":
    main()
