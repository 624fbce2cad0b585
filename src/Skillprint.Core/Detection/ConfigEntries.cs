using Skillprint.Core.Detection.Toml;
using Skillprint.Python;

namespace Skillprint.Core.Detection;

/// <summary>One table or key of a configuration file: its dotted path and the line it is written on.</summary>
internal readonly record struct ConfigEntry(string Path, int Line);

/// <summary>
/// The tables and keys of a configuration file as <c>config</c> rules read them. A TOML file
/// (<c>*.toml</c>) gives every header and key with its full dotted path. Any other file is read as
/// INI (setup.cfg, tox.ini): a section <c>[options.entry_points]</c> is the path
/// <c>options.entry_points</c> and each key in it one more part (<c>...console_scripts</c>).
/// Tools that read setup.cfg name their sections after themselves, so a section <c>[mypy]</c> also
/// counts as <c>tool.mypy</c>, <c>[coverage:run]</c> as <c>tool.coverage.run</c> and
/// <c>[tool:pytest]</c> as <c>tool.pytest</c> (setuptools' own <c>metadata</c> and <c>options</c>
/// sections excepted).
/// </summary>
internal static class ConfigEntries
{
    public static List<ConfigEntry> Read(string path, string text, out IReadOnlyList<Diagnostic> problems)
    {
        if (path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
        {
            var document = TomlReader.Read(text);
            problems = document.Errors.Select(error => new Diagnostic(error.Line, ByteColumn(text, error), error.Message)).ToList();
            return document.Definitions.Select(definition => new ConfigEntry(definition.DottedPath, definition.Line)).ToList();
        }

        problems = [];
        return ReadIni(text);
    }

    /// <summary>
    /// A TOML error's 1-based character column as a <see cref="Diagnostic"/> column: 0-based and
    /// counted in UTF-8 bytes, as CPython's offsets of Python diagnostics are.
    /// </summary>
    private static int ByteColumn(string text, TomlError error)
    {
        var start = 0;
        for (var line = 1; line < error.Line && start >= 0; line++)
        {
            start = text.IndexOf('\n', start) is var newline and >= 0 ? newline + 1 : -1;
        }

        if (start < 0)
        {
            return error.Column - 1;
        }

        var end = text.IndexOf('\n', start) is var next and >= 0 ? next : text.Length;
        var before = text.AsSpan(start, Math.Min(error.Column - 1, end - start));
        return System.Text.Encoding.UTF8.GetByteCount(before) + Math.Max(0, error.Column - 1 - before.Length);
    }

    /// <summary>Sections and keys of an INI file: comments start with '#' or ';', indented lines continue a value.</summary>
    public static List<ConfigEntry> ReadIni(string text)
    {
        var entries = new List<ConfigEntry>();
        string[] sections = [];
        var lineNumber = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = lineNumber == 1 ? rawLine.TrimStart('\uFEFF') : rawLine;
            var trimmed = line.Trim();
            if (trimmed.IsEmpty || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (trimmed[0] == '[')
            {
                var close = trimmed.IndexOf(']');
                if (close > 1)
                {
                    sections = SectionPaths(trimmed[1..close].Trim().ToString());
                    foreach (var section in sections)
                    {
                        entries.Add(new ConfigEntry(section, lineNumber));
                    }
                }

                continue;
            }

            if (line[0] is ' ' or '\t' || sections.Length == 0)
            {
                continue;
            }

            var delimiter = trimmed.IndexOfAny('=', ':');
            if (delimiter > 0)
            {
                var key = trimmed[..delimiter].Trim().ToString();
                foreach (var section in sections)
                {
                    entries.Add(new ConfigEntry(section + "." + key, lineNumber));
                }
            }
        }

        return entries;
    }

    private static string[] SectionPaths(string name)
    {
        if (name.StartsWith("tool:", StringComparison.Ordinal))
        {
            return [name, "tool." + name["tool:".Length..]];
        }

        if (string.Equals(name, "metadata", StringComparison.Ordinal)
            || string.Equals(name, "options", StringComparison.Ordinal)
            || name.StartsWith("options.", StringComparison.Ordinal))
        {
            return [name];
        }

        return [name, "tool." + name.Replace(':', '.')];
    }
}
