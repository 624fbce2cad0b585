using System.Security.Cryptography;
using System.Text;
using Skillprint.Core.Status;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Skillprint.Core.Export;

/// <summary>What exporting into a file did.</summary>
public enum ExportOutcome
{
    /// <summary>The file did not exist: a new page was written.</summary>
    Created,

    /// <summary>The file held a page exported before: its generated region was replaced, the rest kept.</summary>
    Updated,

    /// <summary>The file held a note without a generated region: the region was added at its end.</summary>
    Appended,

    /// <summary>Nothing was written; <see cref="ExportResult.Error"/> says why.</summary>
    Failed,
}

/// <summary>The outcome of <see cref="MarkdownExport.WriteFile"/>: the page id kept in the front matter,
/// or the error (with the file, and line when it is about one).</summary>
public sealed record ExportResult(ExportOutcome Outcome, string Path, string? PageId, string? Error)
{
    public bool Succeeded => Outcome != ExportOutcome.Failed;
}

/// <summary>What to put in the page.</summary>
/// <param name="AllTopics">List every topic in "Personal Status", not only those with a self-assessed
/// level, an evidenced level or evidence.</param>
public sealed record MarkdownExportOptions(bool AllTopics = false);

/// <summary>
/// A person's page in the shape of seed 000, for a Dendron or Obsidian vault: YAML front matter, the
/// breadcrumb title, a "Body of Knowledge" table and a "Personal Status" table. The generated part sits
/// between <see cref="BeginMarker"/> and <see cref="EndMarker"/>; exporting again into the same file
/// replaces only that part and the front matter's <c>updated</c>, keeping everything else the person
/// wrote (front matter fields, id and created included).
/// </summary>
public static class MarkdownExport
{
    public const string BeginMarker = "<!-- skillprint:begin -->";
    public const string EndMarker = "<!-- skillprint:end -->";

    /// <summary>A file name for the page that sits well in a Dendron hierarchy: competencies.python.md.</summary>
    public static string DefaultFileName(PersonalStatus status) => $"competencies.{status.FrameworkId}.md";

    /// <summary>The generated region: title and the two tables, between the markers.</summary>
    public static string RenderRegion(PersonalStatus status, MarkdownExportOptions? options = null)
    {
        options ??= new MarkdownExportOptions();
        var page = new StringBuilder();
        page.Append(BeginMarker).Append('\n');
        page.Append("# Competencies: ").Append(status.Breadcrumb).Append("\n\n");
        page.Append("## Body of Knowledge\n\n");
        AppendTable(
            page,
            ["Topic", "Description", "Relevance", "Career Tracks"],
            status.Topics.Select(t => new[]
            {
                t.Name,
                t.Description ?? "",
                t.Relevance,
                string.Join(", ", t.Tracks.Select(track => track.Name)),
            }));
        page.Append("\n## Personal Status\n\n");
        AppendTable(
            page,
            ["Topic", "Level", "Evidence", "Active Projects", "Gaps"],
            status.Topics
                .Where(t => options.AllTopics || t.HasStanding)
                .Select(t => new[]
                {
                    t.Name,
                    LevelText(t),
                    EvidenceText(t),
                    string.Join(", ", t.ActiveProjects),
                    GapsText(t.Gaps),
                }));
        page.Append('\n').Append(EndMarker).Append('\n');
        return page.ToString();
    }

    /// <summary>The Level cell: the current level, the self-assessed one beside it when code evidence
    /// says otherwise ("Advanced (self: Intermediate)"), and the strength of an evidenced level.</summary>
    public static string LevelText(TopicStatus topic)
    {
        var level = topic.EvidencedLevel != Level.None && topic.SelfLevel != Level.None && topic.SelfLevel != topic.EvidencedLevel
            ? $"{topic.EvidencedLevel} (self: {topic.SelfLevel})"
            : topic.CurrentLevel.ToString();
        return topic.EvidencedLevel == Level.None ? level : $"{level}\n({StrengthText(topic.Strength)})";
    }

    /// <summary>
    /// How much the evidence weighs, in one line: skills shown per level from the highest, then files,
    /// repositories and dates ("skills: 4 Advanced, 3 Intermediate, 1 Beginner; 3 files in 1
    /// repository; 2025-03-01 to 2025-07-10").
    /// </summary>
    public static string StrengthText(EvidenceStrength strength)
    {
        ArgumentNullException.ThrowIfNull(strength);
        if (strength.IsEmpty)
        {
            return "no code evidence";
        }

        var skills = strength.SkillsPerLevel
            .Where(count => count.Skills > 0)
            .OrderByDescending(count => count.Level)
            .Select(count => count.Deep == 0 ? $"{count.Skills} {count.Level}" : $"{count.Skills} {count.Level} ({count.Deep} deep)");
        var places = strength.Places == 1 ? "1 place" : $"{strength.Places} places";
        var files = strength.Files == 1 ? "1 file" : $"{strength.Files} files";
        var repositories = strength.Repositories == 1 ? "1 repository" : $"{strength.Repositories} repositories";
        var first = strength.First!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var last = strength.Last!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var dates = first == last ? first : $"{first} to {last}";
        return $"skills: {string.Join(", ", skills)}; {places} in {files}, {repositories}; {dates}";
    }

    /// <summary>The Evidence cell: manual entries as "note (link)", oldest first, each prefixed by its
    /// skill's name when it is about one skill; then code hits per repository as "the two skills it shows most in repository, N files"; joined by "; ".</summary>
    public static string EvidenceText(TopicStatus topic)
    {
        var parts = new List<string>();
        foreach (var item in topic.Evidence.Where(e => e.Kind == EvidenceKind.Manual).OrderBy(e => e.At))
        {
            var text = (item.Note, item.Link) switch
            {
                ({ Length: > 0 } note, { Length: > 0 } link) => $"{note} ({link})",
                ({ Length: > 0 } note, _) => note,
                (_, { Length: > 0 } link) => link,
                _ => "",
            };
            if (text.Length > 0)
            {
                parts.Add(item.Skill is null ? text : $"{item.SkillName ?? item.Skill}: {text}");
            }
        }

        foreach (var repository in topic.Evidence
                     .Where(e => e.Kind == EvidenceKind.Code && e.Code is not null)
                     .GroupBy(e => e.Code!.Repository, StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            var files = repository.Select(e => e.Code!.Path).Distinct(StringComparer.Ordinal).Count();
            // What the repository shows most, by name: "async endpoints and asyncio.gather in domus-api".
            var shown = repository
                .Where(e => e.SkillName is not null)
                .GroupBy(e => e.SkillName!, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Take(2)
                .Select(g => g.Key)
                .ToList();
            var what = shown.Count == 0 ? "" : string.Join(" and ", shown) + " in ";
            parts.Add($"{what}{repository.Key}, {files} {(files == 1 ? "file" : "files")}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>The Gaps cell, the skills by name: "asyncio.Queue, async generators" (a group of
    /// alternatives once, as "X or Y").</summary>
    public static string GapsText(IReadOnlyList<Gap> gaps) => string.Join(", ", gaps.Select(g => g.Name));

    /// <summary>Makes text safe in one table cell: pipes escaped, line breaks as &lt;br&gt;.</summary>
    public static string EscapeCell(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0);
        return string.Join("<br>", lines).Replace("|", "\\|", StringComparison.Ordinal);
    }

    internal static void AppendTable(StringBuilder page, string[] header, IEnumerable<string[]> rows)
    {
        page.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        page.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
        {
            page.Append("| ").Append(string.Join(" | ", row.Select(EscapeCell))).Append(" |\n");
        }
    }

    /// <summary>
    /// The whole page: <paramref name="existing"/> (the file's text, or null for a new page) with its
    /// front matter completed and <c>updated</c> set to <paramref name="now"/>, and its generated region
    /// replaced (or added at the end). New pages get <paramref name="newId"/> as their id.
    /// </summary>
    public static PageRender RenderPage(
        PersonalStatus status, string? existing, DateTimeOffset now, string newId, MarkdownExportOptions? options = null)
    {
        var region = RenderRegion(status, options);
        var millis = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var defaults = new List<(string Key, string Value)>
        {
            ("id", newId),
            ("title", YamlString(status.FrameworkName)),
            ("desc", YamlString($"Competencies in {status.Breadcrumb}, kept by Skillprint")),
            ("updated", millis),
            ("created", millis),
            ("tags", $"[competencies, {status.FrameworkId}]"),
        };

        if (existing is null)
        {
            var front = string.Concat(defaults.Select(d => $"{d.Key}: {d.Value}\n"));
            return new PageRender($"---\n{front}---\n{region}", newId, ExportOutcome.Created, null);
        }

        var text = existing.Replace("\r\n", "\n", StringComparison.Ordinal);
        var (frontLines, rest, problem, _) = SplitFrontMatter(text);
        if (problem is not null)
        {
            return new PageRender(null, null, ExportOutcome.Failed, problem);
        }

        // Front matter: every line the person wrote stays; `updated` gets the new time; missing keys are added.
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < frontLines.Count; i++)
        {
            if (TopLevelKey(frontLines[i]) is { } key)
            {
                keys.TryAdd(key, i);
            }
        }

        var id = keys.TryGetValue("id", out var idLine) ? ValueOf(frontLines[idLine]) : newId;
        if (keys.TryGetValue("updated", out var updatedLine))
        {
            frontLines[updatedLine] = $"updated: {millis}";
        }

        foreach (var (key, value) in defaults)
        {
            if (!keys.ContainsKey(key))
            {
                frontLines.Add($"{key}: {value}");
            }
        }

        var begin = IndexOfLine(rest, BeginMarker, 0);
        string body;
        ExportOutcome outcome;
        if (begin < 0)
        {
            if (IndexOfLine(rest, EndMarker, 0) >= 0)
            {
                return new PageRender(null, null, ExportOutcome.Failed, $"line {LineOf(text, rest, IndexOfLine(rest, EndMarker, 0))}: '{EndMarker}' without '{BeginMarker}' before it; fix the markers or remove them");
            }

            body = rest.Length == 0 ? region : rest.TrimEnd('\n') + "\n\n" + region;
            outcome = ExportOutcome.Appended;
        }
        else
        {
            var end = IndexOfLine(rest, EndMarker, begin);
            if (end < 0)
            {
                return new PageRender(null, null, ExportOutcome.Failed, $"line {LineOf(text, rest, begin)}: '{BeginMarker}' has no '{EndMarker}' after it; fix the markers or remove them");
            }

            if (IndexOfLine(rest, BeginMarker, begin + BeginMarker.Length) is var second && second >= 0 && second < end)
            {
                return new PageRender(null, null, ExportOutcome.Failed, $"line {LineOf(text, rest, second)}: a second '{BeginMarker}' before '{EndMarker}'");
            }

            var afterEnd = rest.IndexOf('\n', end);
            var after = afterEnd < 0 ? "" : rest[(afterEnd + 1)..];
            body = rest[..begin] + region + after;
            outcome = ExportOutcome.Updated;
        }

        var page = $"---\n{string.Join("", frontLines.Select(l => l + "\n"))}---\n{body}";
        return new PageRender(page, id, outcome, null);
    }

    /// <summary>
    /// Exports into <paramref name="path"/>: a new page, or the existing one updated in place. The file is
    /// written whole to a temporary file beside it and then renamed over it, so a reader never sees half a
    /// page. Never throws for a file problem: the result says what went wrong.
    /// </summary>
    public static ExportResult WriteFile(
        PersonalStatus status, string path, TimeProvider time, MarkdownExportOptions? options = null)
    {
        string? existing = null;
        try
        {
            if (Directory.Exists(path))
            {
                return new ExportResult(ExportOutcome.Failed, path, null, $"{path}: is a folder; give a file name (for example {Path.Combine(path, DefaultFileName(status))})");
            }

            if (File.Exists(path))
            {
                existing = File.ReadAllText(path, Encoding.UTF8);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ExportResult(ExportOutcome.Failed, path, null, $"{path}: cannot be read: {e.Message}");
        }

        var render = RenderPage(status, existing, time.GetUtcNow(), NewPageId(), options);
        if (render.Text is null)
        {
            return new ExportResult(ExportOutcome.Failed, path, null, $"{path}: {render.Error}");
        }

        if (AtomicFile.Write(path, render.Text) is { } error)
        {
            return new ExportResult(ExportOutcome.Failed, path, null, error);
        }

        return new ExportResult(render.Outcome, path, render.PageId, null);
    }

    /// <summary>A new page id in Dendron's style: 23 characters of [a-z0-9].</summary>
    public static string NewPageId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(23, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    /// <summary>The front matter of a Markdown text as a YAML mapping; null when it has none, or when
    /// it is not closed or not a mapping.</summary>
    internal static YamlMappingNode? FrontMatterOf(string text) =>
        SplitFrontMatter(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Front;

    /// <summary>The front matter's lines (without the --- lines) and the text after it; a file without
    /// front matter has none. An opening --- without a closing one, or front matter that is not a YAML
    /// mapping, is a problem (the page is not touched).</summary>
    private static (List<string> Lines, string Body, string? Problem, YamlMappingNode? Front) SplitFrontMatter(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return ([], text, null, null);
        }

        var close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var closeAtEnd = text.EndsWith("\n---", StringComparison.Ordinal) ? text.Length - 4 : -1;
        if (close < 0 && closeAtEnd < 0)
        {
            return ([], text, "line 1: the front matter opened by '---' is never closed", null);
        }

        var end = close >= 0 ? close : closeAtEnd;
        var yaml = text[4..(end + 1)];
        var rest = close >= 0 ? text[(close + 5)..] : "";
        YamlMappingNode? front = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0)
            {
                front = stream.Documents[0].RootNode as YamlMappingNode;
                if (front is null)
                {
                    return ([], text, "line 2: the front matter is not a YAML mapping (key: value lines)", null);
                }
            }
        }
        catch (YamlException e)
        {
            return ([], text, $"line {e.Start.Line + 1}: the front matter is not valid YAML: {e.Message}", null);
        }

        var lines = yaml.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return (lines, rest, null, front);
    }

    private static string? TopLevelKey(string line)
    {
        if (line.Length == 0 || char.IsWhiteSpace(line[0]) || line[0] is '#' or '-')
        {
            return null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? line[..colon].Trim() : null;
    }

    private static string ValueOf(string line)
    {
        var value = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        return value.Length >= 2 && value[0] is '\'' or '"' && value[^1] == value[0] ? value[1..^1] : value;
    }

    /// <summary>The index of a line that is exactly <paramref name="marker"/> (spaces around allowed),
    /// at or after <paramref name="from"/>; -1 when there is none.</summary>
    private static int IndexOfLine(string text, string marker, int from)
    {
        var index = from;
        while ((index = text.IndexOf(marker, index, StringComparison.Ordinal)) >= 0)
        {
            var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
            var lineEnd = text.IndexOf('\n', index);
            var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)];
            if (string.Equals(line.Trim(), marker, StringComparison.Ordinal))
            {
                return lineStart;
            }

            index += marker.Length;
        }

        return -1;
    }

    private static int LineOf(string whole, string rest, int indexInRest)
    {
        var offset = whole.Length - rest.Length + indexInRest;
        return whole.AsSpan(0, offset).Count('\n') + 1;
    }

    private static string YamlString(string value) =>
        "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>A rendered page (or why the existing file could not be updated).</summary>
public sealed record PageRender(string? Text, string? PageId, ExportOutcome Outcome, string? Error);
