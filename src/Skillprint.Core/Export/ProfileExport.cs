using System.Globalization;
using System.Text;
using Skillprint.Core.Status;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Skillprint.Core.Export;

/// <summary>
/// A person's profile as a skill file in the shape of seed 001: Markdown with YAML front matter
/// (<c>name</c>, <c>description</c>, <c>tags</c>, then the levels and an evidence summary), and a body
/// written to the reader in the second person ("You work at Advanced level in Async Programming..."),
/// so that it can sit in a CV repository or be handed to an AI assistant as a skill file. The whole file
/// is generated: exporting again replaces it, but a file Skillprint did not write is never overwritten.
/// </summary>
public static class ProfileExport
{
    /// <summary>The front matter key that marks a file as written by this export.</summary>
    public const string GeneratorKey = "generator";
    public const string GeneratorValue = "skillprint profile";

    /// <summary>How many skills of a topic the body names, at most, and how many gaps.</summary>
    private const int SkillsNamed = 6;
    private const int GapsNamed = 3;

    public static string DefaultFileName(PersonalStatus status) => $"profile.{status.FrameworkId}.md";

    /// <summary>The topics the profile speaks of: those with a level, self-assessed or evidenced,
    /// highest current level first, then in the framework's order.</summary>
    public static IReadOnlyList<TopicStatus> Standing(PersonalStatus status) =>
    [
        .. status.Topics
            .Select((topic, index) => (topic, index))
            .Where(t => t.topic.CurrentLevel != Level.None)
            .OrderByDescending(t => t.topic.CurrentLevel)
            .ThenBy(t => t.index)
            .Select(t => t.topic),
    ];

    /// <summary>The whole file.</summary>
    public static string Render(PersonalStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var topics = Standing(status);
        var text = new StringBuilder();
        text.Append("---\n").Append(FrontMatter(status, topics)).Append("---\n");
        text.Append("# ").Append(status.FrameworkName).Append(": ").Append(status.Person ?? "every author").Append("\n\n");
        if (topics.Count == 0)
        {
            text.Append("Nothing is recorded yet: no self-assessed level and no level shown in code.\n");
            return text.ToString();
        }

        text.Append("You work in ").Append(status.FrameworkName).Append(" at the levels below. A level shown in code comes from ")
            .Append("your own commits, found by Skillprint; a self-assessed level is your own word.\n");
        foreach (var topic in topics)
        {
            text.Append('\n').Append(Paragraph(topic)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One topic in prose: the level and where it comes from, the skills shown, the next ones.</summary>
    public static string Paragraph(TopicStatus topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var text = new StringBuilder();
        text.Append("**").Append(topic.Name).Append(": ").Append(topic.CurrentLevel).Append(".** ");
        if (topic.EvidencedLevel != Level.None)
        {
            var shown = SkillsShown(topic);
            text.Append("You work at ").Append(topic.EvidencedLevel).Append(" level, as your code shows");
            if (shown.Count > 0)
            {
                text.Append(": ").Append(string.Join("; ", shown.Take(SkillsNamed)));
                if (shown.Count > SkillsNamed)
                {
                    text.Append("; and ").Append(shown.Count - SkillsNamed).Append(" more");
                }
            }

            text.Append(" (").Append(MarkdownExport.StrengthText(topic.Strength)).Append(").");
            if (topic.SelfLevel != Level.None && topic.SelfLevel != topic.EvidencedLevel)
            {
                text.Append(" You rate yourself ").Append(topic.SelfLevel).Append('.');
            }
        }
        else
        {
            text.Append("You rate yourself ").Append(topic.SelfLevel).Append("; your code does not show this topic yet.");
        }

        if (topic.ActiveProjects.Count > 0)
        {
            text.Append(" Active in ").Append(JoinNames(topic.ActiveProjects)).Append('.');
        }

        if (topic.Gaps.Count > 0)
        {
            text.Append(" Next to learn: ").Append(string.Join("; ", topic.Gaps.Take(GapsNamed).Select(g => g.Name))).Append('.');
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the profile to <paramref name="path"/>, whole and atomically. A file that exists and was not
    /// written by this export (no <c>generator: skillprint profile</c> in its front matter) is left alone
    /// unless <paramref name="replace"/> is set, so a person's own note is never overwritten by surprise.
    /// </summary>
    public static ExportResult WriteFile(PersonalStatus status, string path, bool replace = false)
    {
        var existed = false;
        try
        {
            if (Directory.Exists(path))
            {
                return new ExportResult(ExportOutcome.Failed, path, null, $"{path}: is a folder; give a file name (for example {Path.Combine(path, DefaultFileName(status))})");
            }

            if (File.Exists(path))
            {
                existed = true;
                if (!replace && !IsGenerated(File.ReadAllText(path, Encoding.UTF8)))
                {
                    return new ExportResult(ExportOutcome.Failed, path, null, $"{path}: exists and was not written by 'export profile'; choose another --out, or pass --replace to overwrite it");
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ExportResult(ExportOutcome.Failed, path, null, $"{path}: cannot be read: {e.Message}");
        }

        if (AtomicFile.Write(path, Render(status)) is { } error)
        {
            return new ExportResult(ExportOutcome.Failed, path, null, error);
        }

        return new ExportResult(existed ? ExportOutcome.Updated : ExportOutcome.Created, path, null, null);
    }

    /// <summary>True when <paramref name="text"/> opens with front matter holding <c>generator: skillprint profile</c>.</summary>
    public static bool IsGenerated(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MarkdownExport.FrontMatterOf(text) is { } front
            && front.Children.TryGetValue(new YamlScalarNode(GeneratorKey), out var value)
            && value is YamlScalarNode { Value: GeneratorValue };
    }

    private static string FrontMatter(PersonalStatus status, IReadOnlyList<TopicStatus> topics)
    {
        var front = new YamlMappingNode
        {
            { "name", Slug($"{status.FrameworkId}-{Handle(status.Person)}") },
            { "description", Description(status, topics) },
        };
        var tags = new YamlSequenceNode { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
        tags.Add(status.FrameworkId);
        foreach (var topic in topics.Where(t => t.CurrentLevel >= Level.Intermediate))
        {
            tags.Add(topic.Id);
        }

        front.Add("tags", tags);
        front.Add(GeneratorKey, GeneratorValue);
        front.Add("framework", status.FrameworkId);
        if (status.Person is { } person)
        {
            front.Add("person", person);
        }

        front.Add("generated", status.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var levels = new YamlSequenceNode();
        foreach (var topic in topics)
        {
            var entry = new YamlMappingNode
            {
                { "topic", topic.Id },
                { "name", topic.Name },
                { "level", topic.CurrentLevel.ToString() },
            };
            if (topic.EvidencedLevel != Level.None)
            {
                entry.Add("evidenced", topic.EvidencedLevel.ToString());
            }

            if (topic.SelfLevel != Level.None)
            {
                entry.Add("self", topic.SelfLevel.ToString());
            }

            if (!topic.Strength.IsEmpty)
            {
                entry.Add("strength", MarkdownExport.StrengthText(topic.Strength));
            }

            levels.Add(entry);
        }

        front.Add("levels", levels);
        front.Add("evidence", EvidenceSummary(status));
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(new YamlDocument(front)).Save(writer, assignAnchors: false);
        // YamlStream ends a document with "...": front matter ends at our own "---" instead.
        var yaml = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    /// <summary>One line: the person's strongest topics by name and level.</summary>
    private static string Description(PersonalStatus status, IReadOnlyList<TopicStatus> topics)
    {
        var who = status.Person is null ? $"{status.FrameworkName} competencies" : $"{status.FrameworkName} competencies of {status.Person}";
        var best = topics
            .GroupBy(t => t.CurrentLevel)
            .Take(2)
            .Select(g => $"{g.Key} in {JoinNames([.. g.Take(3).Select(t => t.Name)])}{(g.Count() > 3 ? $" and {g.Count() - 3} more" : "")}")
            .ToList();
        return best.Count == 0 ? who : $"{who}: {string.Join("; ", best)}";
    }

    private static YamlMappingNode EvidenceSummary(PersonalStatus status)
    {
        var code = status.Topics.SelectMany(t => t.Evidence).Where(e => e.Kind == EvidenceKind.Code && e.Code is not null).ToList();
        var manual = status.Topics.SelectMany(t => t.Evidence).Count(e => e.Kind == EvidenceKind.Manual);
        var summary = new YamlMappingNode
        {
            { "places", Number(code.Count) },
            { "files", Number(code.Select(e => (e.Code!.Repository, e.Code.Path)).Distinct().Count()) },
            { "repositories", Number(code.Select(e => e.Code!.Repository).Distinct(StringComparer.Ordinal).Count()) },
        };
        if (code.Count > 0)
        {
            summary.Add("first", Day(code.Min(e => e.At)));
            summary.Add("last", Day(code.Max(e => e.At)));
        }

        summary.Add("entered", Number(manual));
        return summary;
    }

    /// <summary>The topic's skills shown in code, by name, the most used first.</summary>
    private static List<string> SkillsShown(TopicStatus topic) =>
    [
        .. topic.Evidence
            .Where(e => e.Kind == EvidenceKind.Code && e.SkillName is not null)
            .GroupBy(e => e.SkillName!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Key),
    ];

    private static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };

    private static string Handle(string? person) =>
        person is null ? "all-authors" : person.Split('@')[0];

    /// <summary>Lower-case letters, digits and single hyphens, as skill-file names want.</summary>
    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private static YamlScalarNode Number(int value) =>
        new(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
