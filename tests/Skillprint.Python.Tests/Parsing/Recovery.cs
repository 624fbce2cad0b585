namespace Skillprint.Python.Tests.Parsing;

/// <summary>What a recovery from broken input is: a tree, and diagnostics about the input. The parser
/// also turns a bug of its own into a diagnostic (so that a scan goes on), an "internal parser
/// error", which is never a recovery.</summary>
internal static class Recovery
{
    /// <summary>How the parser's message about a bug of its own begins (Parser.ParseFileSafely).</summary>
    public const string InternalErrorPrefix = "internal parser error";

    /// <summary>A parse of <paramref name="source"/> that recovered: a tree, diagnostics for source
    /// that is not blank, and none of them an internal parser error.</summary>
    public static void ShouldHaveRecovered(ParseResult result, string source)
    {
        result.Module.ShouldNotBeNull();
        ShouldHaveNoInternalError(result);
        if (source.Trim().Length > 0)
        {
            result.Diagnostics.ShouldNotBeEmpty();
        }
    }

    /// <summary>Fails with the parser's own message when the parse ended in an internal error.</summary>
    public static void ShouldHaveNoInternalError(ParseResult result)
    {
        var internalErrors = result.Diagnostics
            .Where(d => d.Message.StartsWith(InternalErrorPrefix, StringComparison.Ordinal))
            .Select(d => $"{d.Line}:{d.Column}: {d.Message}")
            .ToList();
        internalErrors.ShouldBeEmpty("the parser failed instead of recovering");
    }
}
