using Skillprint.Python.Parsing;
using Skillprint.Python.Syntax;

namespace Skillprint.Python;

/// <summary>
/// The result of parsing one file: the module (every statement that parsed, also when the file has
/// errors) and the diagnostics, in source order. <see cref="Success"/> is true when CPython would
/// accept the file.
/// </summary>
public sealed record ParseResult(Module Module, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Diagnostics.Count == 0;
}

/// <summary>Parses Python 3 source into CPython's syntax tree. Never throws on any input.</summary>
public static class PythonParser
{
    /// <summary>Parses already decoded source text.</summary>
    public static ParseResult Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Parser.ParseModule(source, null);
    }

    /// <summary>
    /// Parses the bytes of a file: UTF-8 (with or without BOM) or the encoding its PEP 263 coding
    /// declaration names.
    /// </summary>
    public static ParseResult Parse(byte[] utf8OrDeclaredEncodingBytes)
    {
        ArgumentNullException.ThrowIfNull(utf8OrDeclaredEncodingBytes);
        return Parser.ParseBytes(utf8OrDeclaredEncodingBytes);
    }
}
