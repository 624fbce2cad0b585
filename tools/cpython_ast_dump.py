#!/usr/bin/env python3
"""Ask CPython for the tree of Python files, as the reference for Skillprint's parser.

Usage: cpython_ast_dump.py [--skip-dir NAME]... [--workers N] [--attributes] PATH...

A PATH that is a folder stands for every .py file under it (sorted; folders named by
--skip-dir are left out, e.g. site-packages). Prints one JSON object a line, in the order of the
files:
  {"path": ..., "ok": true, "dump": ast.dump(ast.parse(source_bytes))}
  {"path": ..., "ok": false, "line": N or null, "column": N or null, "message": ...}
With --attributes, the dump is ast.dump(tree, include_attributes=True), which adds each node's
lineno, col_offset, end_lineno and end_col_offset. The second form is for files CPython rejects (SyntaxError, and ValueError, RecursionError or
MemoryError from ast.parse); "column" is SyntaxError.offset - 1, which CPython counts in characters.

Run it with Python 3.13 (PYENV_VERSION=3.13.0 python3 ...). Under an older Python the dump is
still written in 3.13's format (empty lists and None fields left out), so that the fields and the
grammar are the only differences.
"""

import argparse
import ast
import json
import multiprocessing
import os
import sys
import warnings


def dump_as_313(node, include_attributes=False):
    """ast.dump as Python 3.13 writes it, for Pythons whose dump still prints empty fields."""
    if isinstance(node, ast.AST):
        parts = []
        keep_empty = isinstance(node, (ast.Constant, ast.MatchSingleton))
        for name in node._fields:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(type(node), name, ...) is None:
                continue
            if not keep_empty and (value is None or value == []):
                continue
            parts.append('%s=%s' % (name, dump_as_313(value, include_attributes)))
        if include_attributes:
            for name in node._attributes:
                value = getattr(node, name, None)
                if value is not None:
                    parts.append('%s=%r' % (name, value))
        return '%s(%s)' % (type(node).__name__, ', '.join(parts))
    if isinstance(node, list):
        return '[%s]' % ', '.join(dump_as_313(item, include_attributes) for item in node)
    return repr(node)


DUMP = ast.dump if sys.version_info >= (3, 13) else dump_as_313


INCLUDE_ATTRIBUTES = False


def examine(path):
    try:
        with open(path, 'rb') as handle:
            source = handle.read()
    except OSError as error:
        return {'path': path, 'ok': False, 'line': None, 'column': None, 'message': str(error)}
    with warnings.catch_warnings():
        # Invalid escape sequences and the like only warn; they do not change the tree.
        warnings.simplefilter('ignore')
        try:
            tree = ast.parse(source, filename=path)
            return {'path': path, 'ok': True, 'dump': DUMP(tree, include_attributes=INCLUDE_ATTRIBUTES)}
        except SyntaxError as error:
            column = error.offset - 1 if error.offset is not None else None
            return {'path': path, 'ok': False, 'line': error.lineno, 'column': column, 'message': error.msg}
        except (ValueError, RecursionError, MemoryError) as error:
            return {'path': path, 'ok': False, 'line': None, 'column': None, 'message': '%s: %s' % (type(error).__name__, error)}


def set_attributes(value):
    global INCLUDE_ATTRIBUTES
    INCLUDE_ATTRIBUTES = value


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
    parser.add_argument('--skip-dir', action='append', default=[], help='folder name to leave out')
    parser.add_argument('--workers', type=int, default=2)
    parser.add_argument('--attributes', action='store_true', help='dump positions too')
    args = parser.parse_args()
    global INCLUDE_ATTRIBUTES
    INCLUDE_ATTRIBUTES = args.attributes
    sys.setrecursionlimit(10000)
    files = list(python_files(args.paths, set(args.skip_dir)))
    out = sys.stdout
    if args.workers <= 1 or len(files) < 8:
        results = map(examine, files)
        for result in results:
            out.write(json.dumps(result, ensure_ascii=False) + '\n')
        return 0
    with multiprocessing.Pool(args.workers, initializer=set_attributes, initargs=(args.attributes,)) as pool:
        for result in pool.imap(examine, files, chunksize=8):
            out.write(json.dumps(result, ensure_ascii=False) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
