using System.Text;
using Skillprint.Python.Syntax;

namespace Skillprint.Python.Tests.Conformance;

/// <summary>How our parser's answer for one file stands to CPython's.</summary>
internal enum Agreement
{
    /// <summary>Both accept with the same dump, or both reject and we name CPython's line.</summary>
    Agree,

    /// <summary>Both accept, and the dumps differ.</summary>
    DumpDiffers,

    /// <summary>CPython accepts; we report a diagnostic.</summary>
    WeReject,

    /// <summary>CPython rejects; we report nothing.</summary>
    WeAccept,

    /// <summary>Both reject, but none of our diagnostics is on CPython's line.</summary>
    WrongLine,

    /// <summary>Our parser threw (which it must never do).</summary>
    Threw,
}

/// <summary>Our parser's answer for one file beside CPython's.</summary>
internal sealed record FileComparison(CPythonResult Expected, Agreement Agreement, string? OurDump, ParseResult? Ours, string? Error)
{
    /// <summary>
    /// Compares what we make of <paramref name="bytes"/> with CPython's answer. A dump is compared
    /// character for character. A rejection must come with a diagnostic on CPython's line; when
    /// CPython names no line (line 0 or none: a bad coding declaration, null bytes), any
    /// diagnostic will do.
    /// </summary>
    public static FileComparison Compare(CPythonResult expected, byte[] bytes, bool attributes = false)
    {
        ParseResult result;
        string? dump;
        try
        {
            result = PythonParser.Parse(bytes);
            dump = result.Success ? AstDump.Dump(result.Module, attributes) : null;
        }
        catch (Exception e)
        {
            return new FileComparison(expected, Agreement.Threw, null, null, e.ToString());
        }

        Agreement agreement;
        if (expected.Ok)
        {
            agreement = !result.Success ? Agreement.WeReject
                : string.Equals(dump, expected.Dump, StringComparison.Ordinal) ? Agreement.Agree
                : Agreement.DumpDiffers;
        }
        else if (result.Success)
        {
            agreement = Agreement.WeAccept;
        }
        else
        {
            var anyLine = expected.Line is null or 0;
            agreement = anyLine || result.Diagnostics.Any(d => d.Line == expected.Line) ? Agreement.Agree : Agreement.WrongLine;
        }

        return new FileComparison(expected, agreement, dump, result, null);
    }

    /// <summary>Several lines saying what differs, with the two dumps around their first difference.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Expected.Path).Append(": ").Append(Agreement).Append('\n');
        switch (Agreement)
        {
            case Agreement.DumpDiffers:
                var at = FirstDifference(Expected.Dump!, OurDump!);
                text.Append("    first difference at character ").Append(at).Append(", in ").Append(Category()).Append('\n');
                text.Append("    CPython: ").Append(Window(Expected.Dump!, at)).Append('\n');
                text.Append("    ours:    ").Append(Window(OurDump!, at)).Append('\n');
                break;
            case Agreement.WeReject:
                foreach (var d in Ours!.Diagnostics.Take(3))
                {
                    text.Append("    ours: line ").Append(d.Line).Append(", column ").Append(d.Column).Append(": ").Append(d.Message).Append('\n');
                }

                break;
            case Agreement.WeAccept:
                text.Append("    CPython: line ").Append(Expected.Line).Append(", column ").Append(Expected.Column).Append(": ").Append(Expected.Message).Append('\n');
                break;
            case Agreement.WrongLine:
                text.Append("    CPython: line ").Append(Expected.Line).Append(", column ").Append(Expected.Column).Append(": ").Append(Expected.Message).Append('\n');
                foreach (var d in Ours!.Diagnostics.Take(3))
                {
                    text.Append("    ours:    line ").Append(d.Line).Append(", column ").Append(d.Column).Append(": ").Append(d.Message).Append('\n');
                }

                break;
            case Agreement.Threw:
                text.Append("    ").Append(Error!.Split('\n').Take(6).Aggregate((a, b) => a + "\n    " + b)).Append('\n');
                break;
        }

        return text.ToString();
    }

    /// <summary>
    /// A short name for where a difference is, to group files by likely cause: for a dump, the node
    /// and field CPython's dump is in at the first difference (as "JoinedStr.values"); for a
    /// rejection, the message.
    /// </summary>
    public string Category() => Agreement switch
    {
        Agreement.DumpDiffers => "dump differs in " + EnclosingField(Expected.Dump!, FirstDifference(Expected.Dump!, OurDump!)),
        Agreement.WeReject => "we reject: " + WithoutQuoted(Ours!.Diagnostics[0].Message),
        Agreement.WeAccept => "we accept: " + WithoutQuoted(Expected.Message!),
        Agreement.WrongLine => "wrong line for: " + WithoutQuoted(Expected.Message!),
        Agreement.Threw => "threw " + Error!.Split(':', 2)[0],
        _ => "agree",
    };

    // Messages that quote the source ("The input string '0o777' ...") group better without the quote.
    private static string WithoutQuoted(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, "'[^']*'", "'…'");

    private static int FirstDifference(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return length;
    }

    private static string Window(string text, int at)
    {
        var start = Math.Max(0, at - 100);
        var end = Math.Min(text.Length, at + 60);
        return (start > 0 ? "..." : "") + text[start..at] + " >>>" + text[at..end] + (end < text.Length ? "..." : "");
    }

    // Scans a dump up to a position, keeping the open nodes and the field last named in each.
    private static string EnclosingField(string dump, int at)
    {
        var nodes = new Stack<(string Node, string Field)>();
        var i = 0;
        while (i < at && i < dump.Length)
        {
            var c = dump[i];
            if (c is '\'' or '"')
            {
                i++;
                while (i < dump.Length && dump[i] != c)
                {
                    i += dump[i] == '\\' ? 2 : 1;
                }

                i++;
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < dump.Length && (char.IsLetterOrDigit(dump[i]) || dump[i] == '_'))
                {
                    i++;
                }

                var word = dump[start..i];
                if (i < dump.Length && dump[i] == '(')
                {
                    nodes.Push((word, ""));
                    i++;
                }
                else if (i < dump.Length && dump[i] == '=' && nodes.Count > 0)
                {
                    nodes.Push((nodes.Pop().Node, word));
                    i++;
                }

                continue;
            }

            if (c == ')' && nodes.Count > 0)
            {
                nodes.Pop();
            }

            i++;
        }

        return nodes.Count == 0 ? "(top)" : nodes.Peek().Node + "." + nodes.Peek().Field;
    }
}

/// <summary>The comparisons of a whole corpus, with a summary a person can act on.</summary>
internal sealed class CorpusComparison(string title, IReadOnlyList<FileComparison> files)
{
    public int Agreeing => files.Count(f => f.Agreement == Agreement.Agree);

    public int Total => files.Count;

    public bool AllAgree => Agreeing == Total;

    public static CorpusComparison Run(string title, IReadOnlyList<CPythonResult> expected, bool attributes = false)
    {
        var results = new FileComparison[expected.Count];
        Parallel.For(0, expected.Count, i =>
        {
            var bytes = File.ReadAllBytes(expected[i].Path);
            results[i] = FileComparison.Compare(expected[i], bytes, attributes);
        });
        return new CorpusComparison(title, results);
    }

    public string Summary(int examples = 10)
    {
        var text = new StringBuilder();
        text.Append(title).Append(": ").Append(Agreeing).Append(" of ").Append(Total).Append(" files agree with CPython.\n");
        foreach (var group in files.GroupBy(f => f.Agreement).OrderBy(g => g.Key))
        {
            text.Append("  ").Append(group.Key).Append(": ").Append(group.Count()).Append('\n');
        }

        var differing = files.Where(f => f.Agreement != Agreement.Agree).ToList();
        if (differing.Count == 0)
        {
            return text.ToString();
        }

        text.Append("Most common differences (files):\n");
        foreach (var group in differing.GroupBy(f => f.Category()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(15))
        {
            var category = group.Key.Length > 110 ? group.Key[..110] + "..." : group.Key;
            text.Append("  ").Append(group.Count()).Append("  ").Append(category).Append('\n');
        }

        text.Append("First ").Append(Math.Min(examples, differing.Count)).Append(" differing files:\n");
        foreach (var file in differing.Take(examples))
        {
            text.Append(file.Describe());
        }

        return text.ToString();
    }
}
