using System.Globalization;

namespace Skillprint.Core.Scanning;

/// <summary>Who wrote the lines asked for in one file, and what got in the way.</summary>
/// <param name="Authors">By line number; a line git could not attribute is absent.</param>
/// <param name="BoundaryLines">Lines credited to the boundary commit of a shallow clone.</param>
/// <param name="Problem">Why blame failed for the file, or null.</param>
public sealed record FileAuthors(IReadOnlyDictionary<int, LineAuthor> Authors, int BoundaryLines, string? Problem);

/// <summary>
/// Finds the author of lines through <c>git blame --porcelain</c>, asking only for the lines that
/// hold hits (one <c>-L n,m</c> per run of adjacent lines, in batches), at the work tree's content:
/// lines changed but not committed yet belong to the default person, dated now. Git applies the
/// repository's .mailmap to the author it prints. Emails are kept in lower case.
/// </summary>
public sealed class Attribution(GitRunner git, string defaultPerson, TimeProvider time)
{
    /// <summary>How many <c>-L</c> ranges one git run is given.</summary>
    public const int RangesPerRun = 400;

    private const string NotCommitted = "0000000000000000000000000000000000000000";

    public string DefaultPerson { get; } = defaultPerson.Trim().ToLowerInvariant();

    /// <summary>The authors of <paramref name="lines"/> (1-based) of the file at
    /// <paramref name="path"/> (relative to <paramref name="root"/>, '/' separated).</summary>
    public FileAuthors Blame(string root, string path, IEnumerable<int> lines)
    {
        var ranges = Ranges(lines);
        var authors = new Dictionary<int, LineAuthor>();
        var boundary = 0;
        for (var start = 0; start < ranges.Count; start += RangesPerRun)
        {
            var args = new List<string> { "blame", "--porcelain" };
            foreach (var (from, to) in ranges.Skip(start).Take(RangesPerRun))
            {
                args.Add("-L");
                args.Add(string.Create(CultureInfo.InvariantCulture, $"{from},{to}"));
            }

            args.Add("--");
            args.Add(path);
            GitResult result;
            try
            {
                result = git.Run(root, args);
            }
            catch (GitException error)
            {
                return new FileAuthors(authors, boundary, error.Message);
            }

            if (!result.Ok)
            {
                return new FileAuthors(authors, boundary, $"git blame failed: {result.FirstErrorLine}");
            }

            boundary += ReadPorcelain(result.Output, authors);
        }

        return new FileAuthors(authors, boundary, null);
    }

    /// <summary>Sorted, merged ranges of line numbers: 3, 4, 5, 9 give (3,5) and (9,9).</summary>
    public static List<(int From, int To)> Ranges(IEnumerable<int> lines)
    {
        var ranges = new List<(int From, int To)>();
        foreach (var line in lines.Where(l => l > 0).Distinct().Order())
        {
            if (ranges.Count > 0 && ranges[^1].To + 1 >= line)
            {
                ranges[^1] = (ranges[^1].From, line);
            }
            else
            {
                ranges.Add((line, line));
            }
        }

        return ranges;
    }

    /// <summary>
    /// Reads git blame's porcelain format: each line of the file starts with a header
    /// "SHA ORIGINAL-LINE FINAL-LINE [COUNT]", the first header of a commit is followed by its
    /// details (author-mail, author-time, boundary...), and the line's text follows a TAB.
    /// Returns how many lines came from a boundary commit.
    /// </summary>
    private int ReadPorcelain(string output, Dictionary<int, LineAuthor> authors)
    {
        var commits = new Dictionary<string, CommitInfo>(StringComparer.Ordinal);
        CommitInfo? current = null;
        var pendingLines = new List<(int Line, CommitInfo Commit)>();
        foreach (var raw in output.Split('\n'))
        {
            if (raw.Length == 0 || raw[0] == '\t')
            {
                continue;
            }

            var space = raw.IndexOf(' ', StringComparison.Ordinal);
            var key = space < 0 ? raw : raw[..space];
            var value = space < 0 ? "" : raw[(space + 1)..];
            if (key.Length == 40 && IsHex(key))
            {
                var parts = value.Split(' ');
                if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var finalLine))
                {
                    if (!commits.TryGetValue(key, out current))
                    {
                        current = new CommitInfo(key);
                        commits[key] = current;
                    }

                    pendingLines.Add((finalLine, current));
                }

                continue;
            }

            if (current is null)
            {
                continue;
            }

            switch (key)
            {
                case "author-mail":
                    current.Email = value.Trim().TrimStart('<').TrimEnd('>').Trim().ToLowerInvariant();
                    break;
                case "author-time":
                    if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
                    {
                        current.Time = DateTimeOffset.FromUnixTimeSeconds(seconds);
                    }

                    break;
                case "boundary":
                    current.Boundary = true;
                    break;
            }
        }

        var boundary = 0;
        foreach (var (line, commit) in pendingLines)
        {
            if (string.Equals(commit.Sha, NotCommitted, StringComparison.Ordinal))
            {
                authors[line] = new LineAuthor(DefaultPerson, null, time.GetUtcNow());
                continue;
            }

            if (commit.Boundary)
            {
                boundary++;
            }

            var email = string.IsNullOrEmpty(commit.Email) ? DefaultPerson : commit.Email;
            authors[line] = new LineAuthor(email, commit.Sha, commit.Time ?? time.GetUtcNow());
        }

        return boundary;
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class CommitInfo(string sha)
    {
        public string Sha { get; } = sha;

        public string? Email { get; set; }

        public DateTimeOffset? Time { get; set; }

        public bool Boundary { get; set; }
    }
}
