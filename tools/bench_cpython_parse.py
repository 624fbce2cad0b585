#!/usr/bin/env python3
"""Time CPython's ast.parse over a corpus, for the side-by-side parser benchmark.

Usage: bench_cpython_parse.py [--runs N] [--skip-dir NAME]... PATH...

Reads every .py file under the PATHs into memory first (folders named by --skip-dir left out),
then parses all of them with ast.parse(bytes) N times on one thread, timing only the parsing.
Files CPython rejects are parsed (and fail) in every run too, as our parser parses every file.
Prints one JSON object: the Python version, the corpus size, every run's seconds and the median.
"""

import argparse
import ast
import json
import os
import statistics
import sys
import time
import warnings


def python_files(paths, skip_dirs):
    for path in paths:
        if os.path.isdir(path):
            found = []
            for folder, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if d not in skip_dirs]
                found.extend(os.path.join(folder, name) for name in files if name.endswith('.py'))
            yield from sorted(found)
        else:
            yield path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('paths', nargs='+')
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--skip-dir', action='append', default=[])
    args = parser.parse_args()
    sys.setrecursionlimit(10000)
    sources = []
    for path in python_files(args.paths, set(args.skip_dir)):
        with open(path, 'rb') as handle:
            sources.append(handle.read())
    warnings.simplefilter('ignore')
    rejected = 0
    seconds = []
    for _ in range(args.runs):
        rejected = 0
        start = time.perf_counter()
        for source in sources:
            try:
                ast.parse(source)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                rejected += 1
        seconds.append(time.perf_counter() - start)
    print(json.dumps({
        'version': '%d.%d.%d' % sys.version_info[:3],
        'files': len(sources),
        'bytes': sum(len(s) for s in sources),
        'lines': sum(s.count(b'\n') for s in sources),
        'rejected': rejected,
        'seconds': seconds,
        'median': statistics.median(seconds),
    }))
    return 0


if __name__ == '__main__':
    sys.exit(main())
