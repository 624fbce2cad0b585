using System.Globalization;
using System.Text;

namespace Skillprint.Core.Scanning;

/// <summary>One changed range of a <c>-U0</c> patch ("@@ -OldStart,OldCount +NewStart,NewCount @@"),
/// as git prints it: with a count of 0 the start is the line after which the change sits.</summary>
public readonly record struct Hunk(int OldStart, int OldCount, int NewStart, int NewCount)
{
    /// <summary>0-based index of the first line the hunk takes away from the old side (or where it inserts).</summary>
    public int OldFirst => OldCount == 0 ? OldStart : OldStart - 1;

    /// <summary>0-based index of the first line the hunk brings on the new side (or where it deletes).</summary>
    public int NewFirst => NewCount == 0 ? NewStart : NewStart - 1;
}

/// <summary>
/// One file of a tree diff against one parent, as <c>git log --raw -p</c> prints it: the status
/// letter (A, D, M, T, R, C), the paths before and after, the blobs before and after, whether the
/// patch said "Binary files differ", and its hunks (none when only whitespace changed under -w).
/// </summary>
public sealed class DiffEntry(char status, string oldPath, string newPath, string oldBlob, string newBlob, int score = 0)
{
    public char Status { get; } = status;

    /// <summary>The similarity of a rename or copy, in percent ("R086": 86).</summary>
    public int Score { get; } = score;

    public string OldPath { get; } = oldPath;

    public string NewPath { get; } = newPath;

    public string OldBlob { get; } = oldBlob;

    public string NewBlob { get; } = newBlob;

    public bool Binary { get; set; }

    public List<Hunk> Hunks { get; } = [];

    /// <summary>Changes exactly the content (blob ids equal after a rename of the same content).</summary>
    public bool SameContent => string.Equals(OldBlob, NewBlob, StringComparison.Ordinal);
}

/// <summary>The diff of a commit against one of its parents: its files by path after the commit.</summary>
public sealed class ParentDiff
{
    private readonly Dictionary<string, DiffEntry> byNewPath = new(StringComparer.Ordinal);

    public List<DiffEntry> Entries { get; } = [];

    /// <summary>A patch of this diff named files that no raw line did (its hunks are lost): no
    /// file of it can be trusted.</summary>
    public bool Unmatched { get; set; }

    public DiffEntry? ForNewPath(string path) => byNewPath.GetValueOrDefault(path);

    public void Add(DiffEntry entry)
    {
        Entries.Add(entry);
        if (entry.Status != 'D')
        {
            byNewPath.TryAdd(entry.NewPath, entry);
        }
    }

    /// <summary>
    /// True when git's rename detection for this one path (as blame runs it: the path as the only
    /// destination, every deleted file a source) could pair it otherwise than this diff, which
    /// paired every destination at once: an added file in a diff that also deletes files, a copy,
    /// or an inexact rename among several destinations and several sources.
    /// </summary>
    public bool RenameAmbiguous(DiffEntry entry)
    {
        var sources = 0;
        var destinations = 0;
        foreach (var other in Entries)
        {
            switch (other.Status)
            {
                case 'D':
                    sources++;
                    break;
                case 'R':
                    sources++;
                    destinations++;
                    break;
                case 'A':
                case 'C':
                    destinations++;
                    break;
            }
        }

        return entry.Status switch
        {
            _ when Unmatched => true,
            'A' => sources > 0,
            'C' => true,
            'R' => !entry.SameContent && sources > 1 && destinations > 1 && !PairedByName(entry),
            _ => false,
        };
    }

    /// <summary>
    /// True for a rename git pairs by file name before it compares contents (diffcore-rename's
    /// basename step, from git 2.33): same name before and after, a name no other source and no
    /// other destination of the diff has, at least 75% alike, and no other source with exactly
    /// the new content. Git finds the same pair when it follows this path alone.
    /// </summary>
    private bool PairedByName(DiffEntry entry)
    {
        var name = Path.GetFileName(entry.NewPath);
        if (entry.Score < 75 || !string.Equals(Path.GetFileName(entry.OldPath), name, StringComparison.Ordinal))
        {
            return false;
        }

        var sources = 0;
        var destinations = 0;
        foreach (var other in Entries)
        {
            if (other.Status is 'D' or 'R')
            {
                sources += string.Equals(Path.GetFileName(other.OldPath), name, StringComparison.Ordinal) ? 1 : 0;
                if (!ReferenceEquals(other, entry) && string.Equals(other.OldBlob, entry.NewBlob, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            if (other.Status is 'A' or 'R' or 'C')
            {
                destinations += string.Equals(Path.GetFileName(other.NewPath), name, StringComparison.Ordinal) ? 1 : 0;
            }
        }

        return sources == 1 && destinations == 1;
    }
}

/// <summary>
/// Reads the output of <c>git log --raw -p -U0 --no-abbrev --pretty=oneline --parents</c> (with
/// <c>-m</c>: one block per parent, headed "SHA PARENTS (from PARENT) subject") or of <c>git diff
/// --raw -p -U0</c>, line by line as git writes it. Only the commit headers, the raw lines and the
/// hunk headers are decoded; the lines of the patches themselves are skipped unread.
/// </summary>
public sealed class PatchStream
{
    private readonly Func<string, int?> parentCount;
    private readonly Action<string, string?, ParentDiff> onDiff;
    private readonly Dictionary<string, DiffEntry> byHeader = new(StringComparer.Ordinal);
    private string? commit;
    private string? from;
    private ParentDiff? diff;
    private DiffEntry? patch;

    /// <param name="parentCount">How many parents a commit has (to find "(from P)" after them), or
    /// null for a commit the reader does not know, which is then taken for a line of the patch.</param>
    /// <param name="onDiff">Called with each commit, the parent its diff is against (null: its only
    /// parent, or none), and the diff, when the next block starts and at <see cref="Finish"/>.</param>
    public PatchStream(Func<string, int?> parentCount, Action<string, string?, ParentDiff> onDiff)
    {
        this.parentCount = parentCount;
        this.onDiff = onDiff;
    }

    /// <summary>For the output of <c>git diff</c>, which has no commit headers: one diff.</summary>
    public static ParentDiff ReadDiff(string output)
    {
        ParentDiff? result = null;
        var reader = new PatchStream(_ => null, (_, _, d) => result = d);
        reader.Begin("", null);
        foreach (var line in output.Split('\n'))
        {
            reader.Line(Encoding.UTF8.GetBytes(line));
        }

        reader.Finish();
        return result!;
    }

    public void Line(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return;
        }

        switch (line[0])
        {
            case (byte)'+' or (byte)'-' or (byte)'\\' or (byte)' ':
                return;
            case (byte)'@' when line.StartsWith("@@ "u8):
                if (patch is not null)
                {
                    patch.Hunks.Add(ParseHunk(line));
                }

                return;
            case (byte)':':
                Raw(Encoding.UTF8.GetString(line));
                return;
            case (byte)'d' when line.StartsWith("diff --git "u8):
                patch = byHeader.GetValueOrDefault(Encoding.UTF8.GetString(line));
                if (patch is null && diff is not null)
                {
                    diff.Unmatched = true;
                }

                return;
            case (byte)'B' when line.StartsWith("Binary files "u8):
                patch?.Binary = true;
                return;
        }

        if (line.Length >= 40 && IsHex(line[..40]) && (line.Length == 40 || line[40] == (byte)' '))
        {
            Header(Encoding.UTF8.GetString(line));
        }
    }

    public void Finish()
    {
        if (commit is not null && diff is not null)
        {
            onDiff(commit, from, diff);
        }

        commit = null;
        diff = null;
        patch = null;
        byHeader.Clear();
    }

    private void Begin(string sha, string? parent)
    {
        Finish();
        commit = sha;
        from = parent;
        diff = new ParentDiff();
    }

    private void Header(string line)
    {
        var sha = line[..40];
        if (parentCount(sha) is not { } parents)
        {
            return;
        }

        // "SHA P1 P2 (from P1) subject": skip the parents, then look for "(from ".
        var at = 40;
        for (var i = 0; i < parents && at < line.Length; i++)
        {
            at += 41;
        }

        string? parent = null;
        if (at + 7 + 40 <= line.Length && string.CompareOrdinal(line, at, " (from ", 0, 7) == 0)
        {
            parent = line.Substring(at + 7, 40);
        }

        Begin(sha, parent);
    }

    // ":100644 100644 OLD NEW M\tpath" or ":100644 100644 OLD NEW R086\told\tnew"
    private void Raw(string line)
    {
        if (diff is null)
        {
            return;
        }

        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0)
        {
            return;
        }

        var fields = line[1..tab].Split(' ');
        if (fields.Length < 5 || fields[0] == "160000" || fields[1] == "160000")
        {
            return; // a submodule is not a file
        }

        var paths = line[(tab + 1)..].Split('\t');
        var status = fields[4][0];
        var oldQuoted = paths[0];
        var newQuoted = paths.Length > 1 ? paths[1] : paths[0];
        var score = int.TryParse(fields[4].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : 0;
        var entry = new DiffEntry(status, Unquote(oldQuoted), Unquote(newQuoted), fields[2], fields[3], score);
        diff.Add(entry);
        byHeader[$"diff --git {Prefixed("a/", oldQuoted)} {Prefixed("b/", newQuoted)}"] = entry;
    }

    private static string Prefixed(string prefix, string quoted) =>
        quoted.StartsWith('"') ? "\"" + prefix + quoted[1..] : prefix + quoted;

    /// <summary>A path as git prints it: as is, or in double quotes with C escapes (octal for
    /// bytes), when core.quotePath asks or the name has control characters or quotes.</summary>
    public static string Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
        {
            return quoted;
        }

        var bytes = new List<byte>();
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c != '\\' || i + 1 >= quoted.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            var next = quoted[++i];
            if (next is >= '0' and <= '7' && i + 2 < quoted.Length - 1)
            {
                bytes.Add((byte)Convert.ToInt32(quoted.Substring(i, 3), 8));
                i += 2;
                continue;
            }

            bytes.Add(next switch
            {
                'a' => 7,
                'b' => 8,
                't' => 9,
                'n' => 10,
                'v' => 11,
                'f' => 12,
                'r' => 13,
                _ => (byte)next,
            });
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static Hunk ParseHunk(ReadOnlySpan<byte> line)
    {
        // "@@ -a[,b] +c[,d] @@ ..."
        var text = Encoding.ASCII.GetString(line[3..Math.Min(line.Length, 64)]);
        var parts = text.Split(' ');
        var (oldStart, oldCount) = Range(parts[0]);
        var (newStart, newCount) = Range(parts[1]);
        return new Hunk(oldStart, oldCount, newStart, newCount);
    }

    private static (int Start, int Count) Range(string part)
    {
        var comma = part.IndexOf(',', StringComparison.Ordinal);
        var start = int.Parse(comma < 0 ? part.AsSpan(1) : part.AsSpan(1, comma - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        var count = comma < 0 ? 1 : int.Parse(part.AsSpan(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return (start, count);
    }

    private static bool IsHex(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (!char.IsAsciiHexDigitLower((char)b) && !char.IsAsciiDigit((char)b))
            {
                return false;
            }
        }

        return true;
    }
}
