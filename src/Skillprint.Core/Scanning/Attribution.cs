using System.Globalization;

namespace Skillprint.Core.Scanning;

/// <summary>Who wrote the lines asked for in one file, and what got in the way.</summary>
/// <param name="Authors">By line number; a line git could not attribute is absent.</param>
/// <param name="BoundaryLines">Lines credited to the boundary commit of a shallow clone.</param>
/// <param name="Problem">Why blame failed for the file, or null.</param>
public sealed record FileAuthors(IReadOnlyDictionary<int, LineAuthor> Authors, int BoundaryLines, string? Problem);

/// <summary>What attributing a repository's files gave: the authors per file (by path), how many
/// files the replay of the history answered (the others were asked of git blame), and notes for
/// the person (a .git-blame-ignore-revs that could not be read).</summary>
public sealed record RepositoryAuthors(IReadOnlyDictionary<string, FileAuthors> Files, int Replayed, IReadOnlyList<string> Notes);

/// <summary>
/// Finds the author of lines as <c>git blame -w</c> does at the work tree's content (whitespace-only
/// changes do not count, commits listed in the repository's .git-blame-ignore-revs are passed over,
/// the .mailmap applies): lines changed but not committed yet belong to the default person, dated
/// now; a line past the end of the file git knows (a hit in an empty <c>__init__.py</c>) belongs to
/// the author of the commit that added the file. A repository's files are attributed together from
/// one replay of its history (<see cref="HistoryBlame"/>); a file the replay cannot vouch for is
/// asked of <c>git blame --porcelain</c>, for only the lines that hold hits. Emails are kept in
/// lower case.
/// </summary>
public sealed class Attribution(GitRunner git, string defaultPerson, TimeProvider time)
{
    /// <summary>How many <c>-L</c> ranges one git run is given.</summary>
    public const int RangesPerRun = 400;

    /// <summary>How many renames of the log the replay asks git to confirm at most (one small git
    /// run each); past that, the files that depend on them go to git blame.</summary>
    public const int MaxQuestions = 200;

    /// <summary>The file git's own tools read the commits to pass over from (blame.ignoreRevsFile's usual value).</summary>
    public const string IgnoreRevsFile = ".git-blame-ignore-revs";

    private const string NotCommitted = "0000000000000000000000000000000000000000";

    public string DefaultPerson { get; } = defaultPerson.Trim().ToLowerInvariant();

    /// <summary>Up to this many files, <see cref="BlameAll"/> asks git blame for each rather than
    /// replaying the whole history (0, the default: always replay). The scan sets
    /// <see cref="ScanOptions.BlameFilesAtMost"/>.</summary>
    public int BlameFilesAtMost { get; init; }

    /// <summary>
    /// The authors of the given lines (1-based) of each file (paths relative to the work tree
    /// <paramref name="root"/>, '/' separated), from one replay of the history; files the replay
    /// cannot vouch for, or every file when there are at most <see cref="BlameFilesAtMost"/>, go
    /// to <see cref="Blame"/>, <paramref name="parallelism"/> at a time.
    /// </summary>
    public RepositoryAuthors BlameAll(string root, IReadOnlyDictionary<string, IReadOnlyCollection<int>> wanted, int parallelism = 2, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var notes = new List<string>();
        var ignore = ReadIgnoreRevs(root, notes);
        var files = new System.Collections.Concurrent.ConcurrentDictionary<string, FileAuthors>(StringComparer.Ordinal);
        var rest = new List<string>();
        if (wanted.Count <= BlameFilesAtMost)
        {
            rest = [.. wanted.Keys];
        }
        else
        {
            ReplayAll(root, wanted, ignore, files, rest, parallelism, cancellation);
        }

        Parallel.ForEach(rest, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation }, path =>
            files[path] = Blame(root, path, wanted[path], ignore?.Path));
        return new RepositoryAuthors(files, wanted.Count - rest.Count, notes);
    }

    private void ReplayAll(
        string root,
        IReadOnlyDictionary<string, IReadOnlyCollection<int>> wanted,
        (string Path, HashSet<string> Revs)? ignore,
        System.Collections.Concurrent.ConcurrentDictionary<string, FileAuthors> files,
        List<string> rest,
        int parallelism,
        CancellationToken cancellation)
    {
        try
        {
            var history = HistoryBlame.Replay(git, root, ignore?.Revs ?? new HashSet<string>(), cancellation);
            var workTree = git.Run(root, HistoryBlame.WorkTreeDiff());
            var diff = workTree.Ok ? PatchStream.ReadDiff(workTree.Output) : null;
            var states = wanted.Keys.ToDictionary(path => path, path => diff is null ? null : history.AtWorkTree(path, diff), StringComparer.Ordinal);
            var questions = states.Values.Where(f => f is { Doubtful: false }).SelectMany(f => f!.Questions).Distinct().ToList();
            var confirmed = questions.Count is > 0 and <= MaxQuestions
                ? history.Confirm(git, root, questions, parallelism)
                : new HashSet<RenameQuestion>();
            foreach (var (path, lines) in wanted)
            {
                var file = states[path];
                if (file is null || file.Doubtful || file.Lines is null || !file.Questions.IsSubsetOf(confirmed))
                {
                    rest.Add(path);
                    continue;
                }

                files[path] = FromHistory(history, file, lines);
            }
        }
        catch (GitException)
        {
            files.Clear();
            rest.Clear();
            rest.AddRange(wanted.Keys);
        }
    }

    private FileAuthors FromHistory(HistoryBlame history, FileLines file, IReadOnlyCollection<int> lines)
    {
        var authors = new Dictionary<int, LineAuthor>();
        var boundary = 0;
        foreach (var line in lines)
        {
            if (line <= 0)
            {
                continue;
            }

            var commit = line <= file.Lines!.Length ? file.Lines[line - 1] : file.Added;
            if (commit == HistoryBlame.NotCommitted || commit < 0)
            {
                authors[line] = new LineAuthor(DefaultPerson, null, time.GetUtcNow());
                continue;
            }

            var info = history.Commits[commit];
            if (info.Parents.Length == 0)
            {
                boundary++;
            }

            authors[line] = new LineAuthor(string.IsNullOrEmpty(info.Email) ? DefaultPerson : info.Email, info.Sha, info.At);
        }

        return new FileAuthors(authors, boundary, null);
    }

    /// <summary>
    /// The lines whose authors decide who <paramref name="hit"/> is credited to: its own line, and
    /// for a hit about a whole function or class (<see cref="Detection.Hit.NodeEndLine"/>) every
    /// line of it up to its end that is not blank (<paramref name="blankLines"/>, in order).
    /// </summary>
    public static IEnumerable<int> CreditLines(Detection.Hit hit, IReadOnlyList<int> blankLines)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentNullException.ThrowIfNull(blankLines);
        yield return hit.Line;
        for (var line = hit.Line + 1; line <= hit.NodeEndLine; line++)
        {
            if (!IsBlank(blankLines, line))
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// Who a hit is credited to, given the authors of its file's lines: for a hit about its own
    /// line, that line's author (as git blame has it); for a hit about a whole function or class,
    /// the author of most of its non-blank lines (a tie goes to the author of the hit's own line
    /// when tied, else to the one who wrote there last), dated by the newest of that author's
    /// lines in it. Null when no line of it has an author.
    /// </summary>
    public static LineAuthor? Credit(Detection.Hit hit, IReadOnlyList<int> blankLines, IReadOnlyDictionary<int, LineAuthor> authors)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var own = authors.GetValueOrDefault(hit.Line);
        if (hit.NodeEndLine <= hit.Line)
        {
            return own;
        }

        var tally = new Dictionary<string, (int Lines, LineAuthor Newest)>(StringComparer.Ordinal);
        foreach (var line in CreditLines(hit, blankLines))
        {
            if (authors.GetValueOrDefault(line) is not { } author)
            {
                continue;
            }

            tally[author.Email] = tally.TryGetValue(author.Email, out var seen)
                ? (seen.Lines + 1, author.At > seen.Newest.At ? author : seen.Newest)
                : (1, author);
        }

        if (tally.Count == 0)
        {
            return own;
        }

        var most = tally.Values.Max(t => t.Lines);
        var tied = tally.Where(t => t.Value.Lines == most).ToList();
        if (own is not null && tied.Any(t => string.Equals(t.Key, own.Email, StringComparison.Ordinal)))
        {
            return tally[own.Email].Newest;
        }

        return tied
            .Select(t => t.Value.Newest)
            .OrderByDescending(a => a.At)
            .ThenBy(a => a.Email, StringComparer.Ordinal)
            .First();
    }

    private static bool IsBlank(IReadOnlyList<int> blankLines, int line)
    {
        int low = 0, high = blankLines.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var value = blankLines[middle];
            if (value == line)
            {
                return true;
            }

            if (value < line)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    /// <summary>The commits of the repository's .git-blame-ignore-revs (one full object name a
    /// line, '#' starts a comment), or null when there is none or it cannot be read (then a note
    /// names the line, and no commit is passed over, as a broken file would stop git blame).</summary>
    public static (string Path, HashSet<string> Revs)? ReadIgnoreRevs(string root, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var path = Path.Join(root, IgnoreRevsFile);
        if (!File.Exists(path))
        {
            return null;
        }

        var revs = new HashSet<string>(StringComparer.Ordinal);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            notes.Add($"{IgnoreRevsFile}: cannot be read ({error.Message}); no commit is passed over");
            return null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            text = (hash < 0 ? text : text[..hash]).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text.Length is not (40 or 64) || !text.All(char.IsAsciiHexDigit))
            {
                notes.Add($"{IgnoreRevsFile}:{i + 1}:1: '{text}' is not a full commit id; no commit is passed over");
                return null;
            }

            revs.Add(text.ToLowerInvariant());
        }

        return (path, revs);
    }

    /// <summary>The authors of <paramref name="lines"/> (1-based) of the file at
    /// <paramref name="path"/> (relative to <paramref name="root"/>, '/' separated), from
    /// <c>git blame -w</c>, passing over the commits of <paramref name="ignoreRevsFile"/> when given.</summary>
    public FileAuthors Blame(string root, string path, IEnumerable<int> lines, string? ignoreRevsFile = null)
    {
        var ranges = Ranges(lines);
        var authors = new Dictionary<int, LineAuthor>();
        var boundary = 0;

        // More ranges than one run takes (the lines of many whole functions): one run over the
        // whole file costs one walk of its history, where several runs would walk it several times.
        var wholeFile = ranges.Count > RangesPerRun;
        for (var start = 0; start < ranges.Count; start += wholeFile ? ranges.Count : RangesPerRun)
        {
            var args = new List<string> { "blame", "--porcelain", "-w", "--no-ignore-revs-file" };
            if (ignoreRevsFile is not null)
            {
                args.Add("--ignore-revs-file");
                args.Add(ignoreRevsFile);
            }

            foreach (var (from, to) in wholeFile ? [] : ranges.Skip(start).Take(RangesPerRun))
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

            if (!result.Ok && FileLength(result.FirstErrorLine) is { } length)
            {
                // Lines past the end (a hit in an empty __init__.py): the commit that added the file.
                var inside = lines.Where(l => l > 0 && l <= length).ToList();
                var inner = inside.Count > 0 ? Blame(root, path, inside, ignoreRevsFile) : new FileAuthors(new Dictionary<int, LineAuthor>(), 0, null);
                var all = new Dictionary<int, LineAuthor>(inner.Authors);
                var added = AddedBy(root, path);
                foreach (var line in lines.Where(l => l > length))
                {
                    all[line] = added;
                }

                return inner with { Authors = all };
            }

            if (!result.Ok)
            {
                return new FileAuthors(authors, boundary, $"git blame failed: {result.FirstErrorLine}");
            }

            boundary += ReadPorcelain(result.Output, authors);
        }

        return new FileAuthors(authors, boundary, null);
    }

    /// <summary>The length git blame names when asked for lines past the end of a file
    /// ("fatal: file x has only 0 lines"), or null for another error.</summary>
    private static int? FileLength(string error)
    {
        var at = error.LastIndexOf(" has only ", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var number = error[(at + 10)..].Split(' ')[0];
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;
    }

    /// <summary>Who added the file at its path (a rename adds it too): the last commit that added
    /// it, or the default person for a file not committed yet.</summary>
    private LineAuthor AddedBy(string root, string path)
    {
        try
        {
            var result = git.Run(root, "log", "-1", "-M", "--diff-filter=AR", "--no-show-signature", "--format=%H%x00%aE%x00%at", "HEAD", "--", path);
            var last = result.Ok ? result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null;
            var fields = last?.Split('\0');
            if (fields is { Length: >= 3 } && long.TryParse(fields[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            {
                var email = fields[1].Trim().ToLowerInvariant();
                return new LineAuthor(email.Length == 0 ? DefaultPerson : email, fields[0], DateTimeOffset.FromUnixTimeSeconds(seconds));
            }
        }
        catch (GitException)
        {
            // Not committed, or git failed: the default person, as for a line not committed yet.
        }

        return new LineAuthor(DefaultPerson, null, time.GetUtcNow());
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
