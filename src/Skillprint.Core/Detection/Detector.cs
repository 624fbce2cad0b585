using System.Text;
using Skillprint.Python;
using Skillprint.Python.Lexing;

namespace Skillprint.Core.Detection;

/// <summary>
/// Evaluates compiled rules against one file's content: the whole of detection for a file, as the
/// scan and the tests use it. Python files (<c>.py</c>, <c>.pyi</c>, <c>.pyw</c>) are decoded
/// (UTF-8 or their PEP 263 encoding), parsed, and walked; files some <c>config</c> rule reads are
/// read as TOML or INI; every file is matched against the <c>files</c> globs. Never throws on any
/// content: what cannot be read is a diagnostic, and the valid parts still count.
/// </summary>
public static class Detector
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True for the file names detection parses as Python.</summary>
    public static bool IsPythonFile(string relativePath) =>
        relativePath.EndsWith(".py", StringComparison.Ordinal)
        || relativePath.EndsWith(".pyi", StringComparison.Ordinal)
        || relativePath.EndsWith(".pyw", StringComparison.Ordinal);

    public static FileDetection Detect(CompiledRules rules, string relativePath, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(content);
        var path = CompiledRules.NormalizePath(relativePath);
        var collector = new HitCollector();
        var diagnostics = new List<Diagnostic>();
        string? text = null;

        if (IsPythonFile(path))
        {
            var decoded = SourceDecoder.Decode(content);
            text = decoded.Text;
            var parsed = PythonParser.Parse(text);
            diagnostics.AddRange(decoded.Diagnostics);
            diagnostics.AddRange(parsed.Diagnostics);
            rules.DetectPython(path, parsed.Module, collector);
        }
        else if (rules.IsConfigFile(path))
        {
            text = DecodeText(content, diagnostics);
            rules.DetectConfig(path, text, collector, out var problems);
            diagnostics.AddRange(problems);
        }

        rules.DetectFile(path, Glob.Segments(path), collector);
        if (text is null && collector.Count > 0)
        {
            // A file matched by name only: its first line makes the snippet when it is text.
            text = TryDecodeText(content);
        }

        return new FileDetection(collector.ToHits(path, rules.SkillIds, text), diagnostics)
        {
            BlankLines = collector.HasNodeHits ? HitCollector.BlankLines(text) : [],
        };
    }

    /// <summary>Evaluates the rules against a text (tests, and callers that already decoded a file).</summary>
    public static FileDetection Detect(CompiledRules rules, string relativePath, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Detect(rules, relativePath, Encoding.UTF8.GetBytes(text));
    }

    private static string DecodeText(byte[] content, List<Diagnostic> diagnostics)
    {
        try
        {
            return StripBom(StrictUtf8.GetString(content));
        }
        catch (DecoderFallbackException e)
        {
            diagnostics.Add(new Diagnostic(1, 1, $"not valid UTF-8 (at byte {e.Index}); read with replacement characters"));
            return StripBom(Encoding.UTF8.GetString(content));
        }
    }

    private static string? TryDecodeText(byte[] content)
    {
        if (content.AsSpan().Contains((byte)0))
        {
            return null;
        }

        try
        {
            return StripBom(StrictUtf8.GetString(content));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
}
