"""Prints the tokens CPython's tokenizer makes of Python files, as the parser sees them, one JSON line per token.

Usage: python3.13 tools/cpython_tokens.py FILE...

For each file, first a line {"file": PATH} (or {"file": PATH, "error": MESSAGE} when tokenize fails), then one line
per token: [TYPE, LINE, COLUMN, END_LINE, END_COLUMN]. TYPE is the exact token name of Lib/token.py (LPAR, NAME,
FSTRING_MIDDLE, ...). Columns are UTF-8 byte offsets, as the ast module counts them (tokenize itself counts
characters). Left out, because the parser never sees them: ENCODING, COMMENT, NL.

Skillprint's lexer tests compare their tokens with this output (tests/Skillprint.Python.Tests/Lexing).
Needs Python 3.12 or later (f-strings as PEP 701 tokenizes them).
"""

import json
import re
import sys
import tokenize

SKIPPED = {tokenize.ENCODING, tokenize.COMMENT, tokenize.NL}
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def physical_lines(source: str) -> list[str]:
    """Splits on the line ends Python source knows (\\n, \\r\\n, \\r) and nothing else, keeping them."""
    lines = LINE.findall(source)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def byte_column(lines: list[str], line: int, column: int) -> int:
    if line < 1 or line > len(lines):
        return column
    return len(lines[line - 1][:column].encode("utf-8", "surrogatepass"))


def dump(path: str, out) -> None:
    with open(path, "rb") as f:
        raw = f.read()
    try:
        encoding, _ = tokenize.detect_encoding(iter(raw.splitlines(keepends=True)).__next__)
        source = raw.decode(encoding)
        if source.startswith("\ufeff"):
            source = source[1:]
        lines = physical_lines(source)
        tokens = list(tokenize.generate_tokens(iter(lines).__next__))
    except (SyntaxError, UnicodeDecodeError, tokenize.TokenError, LookupError) as e:
        out.write(json.dumps({"file": path, "error": str(e)}) + "\n")
        return
    out.write(json.dumps({"file": path}) + "\n")
    for tok in tokens:
        if tok.type in SKIPPED:
            continue
        (line, col), (end_line, end_col) = tok.start, tok.end
        row = [
            tokenize.tok_name[tok.exact_type],
            line,
            byte_column(lines, line, col),
            end_line,
            byte_column(lines, end_line, end_col),
        ]
        out.write(json.dumps(row) + "\n")


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 12):
        sys.stderr.write("cpython_tokens.py needs Python 3.12 or later (PEP 701 f-string tokens)\n")
        return 2
    for path in argv[1:]:
        dump(path, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
