namespace Skillprint.Core.Frameworks;

/// <summary>A problem found in a YAML text: 1-based line and column within that text, and the message.</summary>
internal readonly record struct YamlProblem(int Line, int Column, string Message);

/// <summary>
/// Finds the first flow collection (<c>[...]</c> or <c>{...}</c>) that is never closed, or that goes on
/// at a line not indented past the block collection holding it (YAML 1.2: 7.4 flow collections, 6.1
/// indentation spaces). YamlDotNet fails on both, sometimes with no position at all, so the loader runs
/// this light scan after a failure to say where the problem is and which bracket opened it. It knows
/// quotes, comments, block scalars and where a node may start; it is not a YAML parser.
/// </summary>
internal static class YamlFlowCheck
{
    /// <summary>
    /// The first problem, or null. Lines are counted within <paramref name="text"/>; the messages name
    /// lines of the file, <paramref name="lineOffset"/> lines further on.
    /// </summary>
    public static YamlProblem? Find(string text, int lineOffset) => new Scan(text, lineOffset).Run();

    /// <summary>An opening bracket, 0-based.</summary>
    private readonly record struct Open(char Bracket, int Line, int Column);

    private sealed class Scan(string text, int lineOffset)
    {
        private readonly string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        /// <summary>The brackets open at this point, outermost first.</summary>
        private readonly List<Open> open = [];

        /// <summary>Indentation of the block lines above, innermost last (to find a node's parent).</summary>
        private readonly List<int> blockIndents = [];

        /// <summary>Lines of the open flow collection must be indented more than this.</summary>
        private int threshold;

        /// <summary>The quote of a quoted scalar that goes on to the next line, else '\0'.</summary>
        private char quote;

        /// <summary>Lines indented more than this belong to a block scalar (| or >); -1 when none.</summary>
        private int blockScalarParent = -1;

        /// <summary>Set once a flow line was found at too small an indentation: the problems it may be.</summary>
        private (YamlProblem Dedented, YamlProblem NotClosed)? pending;

        private bool closedAfterPending;

        public YamlProblem? Run()
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var indent = line.Length - line.TrimStart(' ').Length;
                var blank = indent == line.Length || line[indent] == '#';
                if (blockScalarParent >= 0)
                {
                    if (blank || indent > blockScalarParent)
                    {
                        continue;
                    }

                    blockScalarParent = -1;
                }

                if (quote == '\0' && (blank || (open.Count == 0 && line.TrimEnd() is "---" or "...")))
                {
                    continue;
                }

                if (open.Count > 0 && quote == '\0' && indent <= threshold && pending is null)
                {
                    var at = (Line: i + 1, Column: indent + 1);
                    var spaces = threshold + 1 == 1 ? "1 space" : $"{threshold + 1} spaces";
                    pending = (
                        new YamlProblem(at.Line, at.Column, $"{Describe(open[0])} goes on here, so this line must be indented by at least {spaces}"),
                        new YamlProblem(at.Line, at.Column, $"{Describe(open[^1])} is not closed"));
                }

                ScanLine(i, line, indent);
                if (pending is { } found && closedAfterPending)
                {
                    // The brackets close further on: the lines in between are only badly indented.
                    return found.Dedented;
                }
            }

            if (pending is { } notClosed)
            {
                return notClosed.NotClosed;
            }

            // The end of the text: the line after the last one, as the YAML reader counts it.
            var end = text.EndsWith('\n') ? lines.Length : lines.Length + 1;
            return open.Count > 0 && quote == '\0' ? new YamlProblem(end, 1, $"{Describe(open[^1])} is not closed") : null;
        }

        private string Describe(Open bracket) =>
            $"the flow {(bracket.Bracket == '[' ? "sequence" : "mapping")} opened at {bracket.Line + 1 + lineOffset}:{bracket.Column + 1}";

        private void ScanLine(int i, string line, int indent)
        {
            var j = indent;
            if (quote != '\0')
            {
                j = SkipQuote(line, 0);
                if (quote != '\0')
                {
                    return;
                }
            }
            else if (open.Count == 0)
            {
                blockIndents.RemoveAll(previous => previous >= indent);
                blockIndents.Add(indent);
            }

            // In the block context: whether a node may start here, the column of the block collection
            // this line's nodes are in, and where the current scalar began (a key, if ': ' follows).
            var nodeStart = open.Count == 0 && j == indent;
            var parent = blockIndents.Count > 1 ? blockIndents[^2] : -1;
            var scalarStart = indent;
            while (j < line.Length)
            {
                var c = line[j];
                if (c is ' ' or '\t')
                {
                    j++;
                    continue;
                }

                if (c == '#' && (j == 0 || line[j - 1] is ' ' or '\t'))
                {
                    return;
                }

                if (open.Count > 0)
                {
                    j = FlowCharacter(i, line, j);
                    continue;
                }

                if (!nodeStart)
                {
                    if (c == ':' && (j + 1 == line.Length || line[j + 1] is ' ' or '\t'))
                    {
                        parent = scalarStart;
                        nodeStart = true;
                    }

                    j++;
                    continue;
                }

                switch (c)
                {
                    case '-' or '?' when j + 1 == line.Length || line[j + 1] is ' ' or '\t':
                        parent = j;
                        j++;
                        break;
                    case '[' or '{':
                        threshold = parent;
                        open.Add(new Open(c, i, j));
                        j++;
                        break;
                    case '"' or '\'':
                        (scalarStart, nodeStart, quote) = (j, false, c);
                        j = SkipQuote(line, j + 1);
                        if (quote != '\0')
                        {
                            return;
                        }

                        break;
                    case '|' or '>':
                        blockScalarParent = indent;
                        return;
                    case '&' or '!':
                        // An anchor or a tag before the node.
                        j = line.IndexOf(' ', j) is var space and >= 0 ? space : line.Length;
                        break;
                    default:
                        (scalarStart, nodeStart) = (j, false);
                        j++;
                        break;
                }
            }
        }

        /// <summary>One character inside a flow collection; returns where to go on.</summary>
        private int FlowCharacter(int i, string line, int j)
        {
            var c = line[j];
            if (c is '[' or '{')
            {
                open.Add(new Open(c, i, j));
            }
            else if (c is ']' or '}')
            {
                open.RemoveAt(open.Count - 1);
                closedAfterPending |= open.Count == 0 && pending is not null;
            }
            else if (c is '"' or '\'' && QuoteMayStart(line, j))
            {
                quote = c;
                return SkipQuote(line, j + 1);
            }

            return j + 1;
        }

        /// <summary>A quote starts a scalar only where a node may start, not inside a word (it's).</summary>
        private static bool QuoteMayStart(string line, int j)
        {
            var before = line[..j].TrimEnd();
            return before.Length == 0 || before[^1] is '[' or '{' or ',' or ':' or '?' or '-';
        }

        /// <summary>Skips to after the closing quote and clears <see cref="quote"/>; the line's end when it goes on.</summary>
        private int SkipQuote(string line, int j)
        {
            while (j < line.Length)
            {
                var c = line[j];
                if (quote == '"' && c == '\\')
                {
                    j += 2;
                }
                else if (c == quote && quote == '\'' && j + 1 < line.Length && line[j + 1] == '\'')
                {
                    j += 2;
                }
                else if (c == quote)
                {
                    quote = '\0';
                    return j + 1;
                }
                else
                {
                    j++;
                }
            }

            return line.Length;
        }
    }
}
