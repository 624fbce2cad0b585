namespace Skillprint.Python.Lexing;

/// <summary>
/// One token. <see cref="Start"/> and <see cref="End"/> are char offsets into the decoded source text.
/// Lines are 1-based. Columns are 0-based UTF-8 byte offsets within the line, as CPython's
/// col_offset and end_col_offset count them.
/// </summary>
public readonly record struct Token(
    TokenKind Kind,
    int Start,
    int End,
    int Line,
    int Column,
    int EndLine,
    int EndColumn)
{
    public int Length => End - Start;
}
