namespace Skillprint.Core.Detection;

/// <summary>
/// Gathers the hits of one file, at most one per (skill, line), and turns them into
/// <see cref="Hit"/> records ordered by line and skill id, with their snippets.
/// </summary>
internal sealed class HitCollector
{
    public const int SnippetLength = 120;

    private readonly Dictionary<long, int> _seen = [];
    private readonly List<(int Skill, int Line, int EndLine, int NodeEndLine)> _hits = [];

    public int Count => _hits.Count;

    /// <summary>True when some hit is about a whole function or class.</summary>
    public bool HasNodeHits { get; private set; }

    /// <summary>Adds a hit; <paramref name="nodeEndLine"/> is the last line of the function or
    /// class a hit about a whole one names (0 for a hit about its own line). When a skill is hit
    /// twice on one line, once about the line and once about the whole node, the node wins.</summary>
    public void Add(int skillIndex, int line, int endLine, int nodeEndLine = 0)
    {
        if (line < 1)
        {
            line = 1;
        }

        nodeEndLine = nodeEndLine > 0 ? Math.Max(line, nodeEndLine) : 0;
        HasNodeHits |= nodeEndLine > 0;
        var key = ((long)skillIndex << 32) | (uint)line;
        if (_seen.TryGetValue(key, out var at))
        {
            if (nodeEndLine > _hits[at].NodeEndLine)
            {
                _hits[at] = _hits[at] with { NodeEndLine = nodeEndLine };
            }

            return;
        }

        _seen[key] = _hits.Count;
        _hits.Add((skillIndex, line, Math.Max(line, endLine), nodeEndLine));
    }

    public List<Hit> ToHits(string path, IReadOnlyList<string> skillIds, string? text)
    {
        var ordered = _hits
            .OrderBy(hit => hit.Line)
            .ThenBy(hit => skillIds[hit.Skill], StringComparer.Ordinal)
            .ToList();
        var result = new List<Hit>(ordered.Count);
        var lines = new LineReader(text);
        foreach (var (skill, line, endLine, nodeEndLine) in ordered)
        {
            result.Add(new Hit(skillIds[skill], path, line, endLine, lines.Snippet(line)) { NodeEndLine = nodeEndLine });
        }

        return result;
    }

    /// <summary>The numbers of the blank lines (empty or only spaces, tabs and form feeds) of a
    /// text, in order; lines end at \n, \r\n or \r, as in Python source.</summary>
    public static int[] BlankLines(string? text)
    {
        var blank = new List<int>();
        if (text is null)
        {
            return [];
        }

        var line = 1;
        var offset = 0;
        while (offset <= text.Length)
        {
            var rest = text.AsSpan(offset);
            var end = rest.IndexOfAny('\n', '\r');
            var content = end < 0 ? rest : rest[..end];
            if (content.TrimStart(" \t\f").IsEmpty && (end >= 0 || content.Length > 0 || offset < text.Length))
            {
                blank.Add(line);
            }

            if (end < 0)
            {
                break;
            }

            offset += end;
            offset += text[offset] == '\r' && offset + 1 < text.Length && text[offset + 1] == '\n' ? 2 : 1;
            line++;
        }

        return [.. blank];
    }

    /// <summary>The first line of the text at <paramref name="line"/>, trimmed and cut to <see cref="SnippetLength"/> characters.</summary>
    public static string Snippet(string? text, int line) => new LineReader(text).Snippet(line);

    /// <summary>Reads lines forward through a text (\n, \r\n and \r end a line, as in Python source).</summary>
    private struct LineReader(string? text)
    {
        private int _line = 1;
        private int _offset;

        public string Snippet(int line)
        {
            if (text is null)
            {
                return string.Empty;
            }

            if (line < _line)
            {
                _line = 1;
                _offset = 0;
            }

            while (_line < line)
            {
                var end = text.AsSpan(_offset).IndexOfAny('\n', '\r');
                if (end < 0)
                {
                    return string.Empty;
                }

                _offset += end;
                _offset += text[_offset] == '\r' && _offset + 1 < text.Length && text[_offset + 1] == '\n' ? 2 : 1;
                _line++;
            }

            var rest = text.AsSpan(_offset);
            var stop = rest.IndexOfAny('\n', '\r');
            var content = (stop < 0 ? rest : rest[..stop]).Trim();
            if (content.Length > SnippetLength)
            {
                return string.Concat(content[..(SnippetLength - 1)], "…");
            }

            return content.ToString();
        }
    }
}
