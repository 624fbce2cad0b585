namespace Skillprint.Core.Detection;

/// <summary>
/// A path glob of the framework format, matched against a path relative to the scanned root with
/// '/' separators, from its start: <c>**</c> as a whole segment is any number of folders (none
/// too), <c>*</c> any characters within one name, <c>?</c> one character. Everything else matches
/// itself, case-sensitively. A glob with a folder names a path from the root
/// (<c>src/*/__init__.py</c>); a bare file name matches that name in any folder, as if written
/// <c>**/name</c> (python-skills.md: a monorepo's <c>backend/pyproject.toml</c> counts).
/// </summary>
public sealed class Glob
{
    private readonly string[] _segments;

    private Glob(string pattern, string[] segments)
    {
        Pattern = pattern;
        _segments = segments;
    }

    public string Pattern { get; }

    /// <summary>The glob's last segment when that is a plain name and every earlier one is <c>**</c> (<c>**/conftest.py</c>).</summary>
    internal string? AnyFolderLiteralName =>
        _segments.Length >= 1 && !HasWildcard(_segments[^1]) && _segments[..^1].All(segment => segment == "**") && _segments.Length > 1
            ? _segments[^1]
            : null;

    /// <summary>The whole path when the glob has no wildcard at all.</summary>
    internal string? LiteralPath => _segments.Any(HasWildcard) ? null : string.Join('/', _segments);

    public static Glob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = pattern.Trim().Replace('\\', '/');
        while (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 1 && segments[0] != "**")
        {
            segments = ["**", segments[0]];
        }

        return new Glob(pattern, segments);
    }

    /// <summary>Splits a relative path into the segments <see cref="IsMatch(string[])"/> takes.</summary>
    public static string[] Segments(string relativePath) =>
        relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    public bool IsMatch(string relativePath) => IsMatch(Segments(relativePath));

    public bool IsMatch(string[] pathSegments) => MatchFrom(0, pathSegments, 0);

    public override string ToString() => Pattern;

    private static bool HasWildcard(string segment) => segment.AsSpan().IndexOfAny('*', '?') >= 0;

    private bool MatchFrom(int glob, string[] path, int index)
    {
        while (glob < _segments.Length)
        {
            var segment = _segments[glob];
            if (segment == "**")
            {
                // Any number of folders: try every split point (globs are short, so this stays cheap).
                for (var skip = index; skip <= path.Length; skip++)
                {
                    if (MatchFrom(glob + 1, path, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (index >= path.Length || !MatchName(segment, path[index]))
            {
                return false;
            }

            glob++;
            index++;
        }

        return index == path.Length;
    }

    /// <summary>Matches one name against one segment with <c>*</c> and <c>?</c> (iterative, with backtracking to the last star).</summary>
    private static bool MatchName(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]) && pattern[p] != '*')
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}

/// <summary>Several globs; a path matches the set when it matches any of them.</summary>
public sealed class GlobSet
{
    private readonly Glob[] _globs;

    public GlobSet(IEnumerable<string> patterns)
    {
        _globs = patterns.Select(Glob.Parse).ToArray();
    }

    public bool IsEmpty => _globs.Length == 0;

    public bool IsMatch(string[] pathSegments)
    {
        foreach (var glob in _globs)
        {
            if (glob.IsMatch(pathSegments))
            {
                return true;
            }
        }

        return false;
    }
}
