namespace Skillprint.Core.Detection;

/// <summary>
/// Gathers the hits of one file, at most one per (skill, line), and turns them into
/// <see cref="Hit"/> records ordered by line and skill id, with their snippets.
/// </summary>
internal sealed class HitCollector
{
    public const int SnippetLength = 120;

    private readonly HashSet<long> _seen = [];
    private readonly List<(int Skill, int Line, int EndLine)> _hits = [];

    public int Count => _hits.Count;

    public void Add(int skillIndex, int line, int endLine)
    {
        if (line < 1)
        {
            line = 1;
        }

        if (_seen.Add(((long)skillIndex << 32) | (uint)line))
        {
            _hits.Add((skillIndex, line, Math.Max(line, endLine)));
        }
    }

    public List<Hit> ToHits(string path, IReadOnlyList<string> skillIds, string? text)
    {
        var ordered = _hits
            .OrderBy(hit => hit.Line)
            .ThenBy(hit => skillIds[hit.Skill], StringComparer.Ordinal)
            .ToList();
        var result = new List<Hit>(ordered.Count);
        var lines = new LineReader(text);
        foreach (var (skill, line, endLine) in ordered)
        {
            result.Add(new Hit(skillIds[skill], path, line, endLine, lines.Snippet(line)));
        }

        return result;
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
