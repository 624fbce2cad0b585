namespace Skillprint.Python.Lexing;

/// <summary>
/// The tokens of one source text and the problems found while making them.
/// </summary>
/// <param name="Source">
/// The text the tokens' <see cref="Token.Start"/> and <see cref="Token.End"/> offsets point into: the very
/// string given to <see cref="Lexer.Tokenize(string)"/>, unchanged (line ends are not rewritten, so a token's
/// text may hold <c>\r\n</c> or <c>\r</c>; <see cref="Syntax.Literals"/> turns those into <c>\n</c> as CPython does).
/// </param>
/// <param name="Tokens">
/// Every token in order, always ending with exactly one <see cref="TokenKind.EndOfFile"/>. Comments and blank
/// lines make no token. Each <see cref="TokenKind.Error"/> token has a diagnostic at its start.
/// </param>
/// <param name="Diagnostics">Lexical errors in source order, in CPython's words (empty when there are none).</param>
public sealed record LexResult(string Source, Token[] Tokens, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The source text of one token.</summary>
    public ReadOnlySpan<char> Text(in Token token) => Source.AsSpan(token.Start, token.Length);
}
