#!/usr/bin/env python3
"""CPython's tomllib on the TOML benchmark's inputs, as the peer of Skillprint's TOML reader.

Usage: bench_tomllib.py --suite DIR --corpus DIR [--runs N]

1. For each list of the toml-test copy in --suite (files-toml-1.0.0, files-toml-1.1.0): how many of
   its valid cases tomllib.loads accepts, and how many of its invalid ones it refuses. Files that are
   not UTF-8 are left out, as the benchmark leaves them out for every reader.
2. Reads every .toml file of --corpus into memory, then times tomllib.loads over all of them, N
   passes on one thread after two to warm up, timing only the reading.
Prints one JSON object: the Python version, the counts per list, the corpus size and the median
seconds of a pass.
"""

import argparse
import json
import os
import statistics
import sys
import time
import tomllib


def text_of(path):
    with open(path, 'rb') as f:
        data = f.read()
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return None


def accepts(text):
    try:
        tomllib.loads(text)
        return True
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return False


def conformance(suite, version):
    with open(os.path.join(suite, 'files-toml-' + version), encoding='utf-8') as f:
        names = [line.strip() for line in f if line.strip().endswith('.toml')]
    counts = {'valid': 0, 'valid_accepted': 0, 'invalid': 0, 'invalid_refused': 0}
    for name in names:
        text = text_of(os.path.join(suite, name))
        if text is None:
            continue
        if name.startswith('valid/'):
            counts['valid'] += 1
            counts['valid_accepted'] += accepts(text)
        elif name.startswith('invalid/'):
            counts['invalid'] += 1
            counts['invalid_refused'] += not accepts(text)
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--suite', required=True)
    parser.add_argument('--corpus', required=True)
    parser.add_argument('--runs', type=int, default=5)
    args = parser.parse_args()

    lists = {version: conformance(args.suite, version) for version in ('1.0.0', '1.1.0')}
    texts = []
    for name in sorted(os.listdir(args.corpus)):
        if name.endswith('.toml'):
            with open(os.path.join(args.corpus, name), encoding='utf-8') as f:
                texts.append(f.read())
    size = sum(len(text.encode('utf-8')) for text in texts)
    seconds = []
    for run in range(args.runs + 2):
        start = time.perf_counter()
        for text in texts:
            tomllib.loads(text)
        if run >= 2:
            seconds.append(time.perf_counter() - start)
    print(json.dumps({
        'version': sys.version.split()[0],
        'lists': lists,
        'files': len(texts),
        'bytes': size,
        'median': statistics.median(seconds),
    }))


if __name__ == '__main__':
    main()
