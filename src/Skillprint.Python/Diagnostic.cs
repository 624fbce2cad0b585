namespace Skillprint.Python;

/// <summary>
/// A problem found in Python source: where (1-based line, 0-based UTF-8 byte column, as CPython's
/// SyntaxError reports offset - 1) and what, in CPython's words where it has them.
/// </summary>
public readonly record struct Diagnostic(int Line, int Column, string Message);
