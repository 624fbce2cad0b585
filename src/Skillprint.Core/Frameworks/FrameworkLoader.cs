namespace Skillprint.Core.Frameworks;

/// <summary>
/// Loads a framework (docs/framework-format.md) from a folder, from the built-in resources, or from
/// any <see cref="FrameworkSource"/>. Bad content never throws: every problem is an error in the
/// result, and a framework with any error is not returned at all.
/// </summary>
public static class FrameworkLoader
{
    /// <summary>Loads the framework folder at <paramref name="folder"/> (as the user wrote it).</summary>
    public static FrameworkLoadResult LoadFolder(string folder) => Load(new FolderFrameworkSource(folder));

    public static FrameworkLoadResult Load(FrameworkSource source) => new LoadRun(source).Run();
}

/// <summary>
/// One load: reads every file into model objects while noting each id it defines and each id it
/// refers to, then checks the references, the topic order and prerequisite cycles across files.
/// </summary>
internal sealed partial class LoadRun(FrameworkSource source)
{
    private const string FrameworkFile = "framework.yaml";

    private static readonly string[] Folders = ["topics", "roles", "roadmaps", "practice"];

    private readonly List<FrameworkError> errors = [];

    private readonly List<Topic> topics = [];
    private readonly List<Role> roles = [];
    private readonly List<Roadmap> roadmaps = [];
    private readonly List<Card> cards = [];
    private readonly List<PracticeTask> tasks = [];
    private readonly List<Challenge> challenges = [];

    /// <summary>Topic ids, from the names of the topic files.</summary>
    private readonly HashSet<string> topicIds = new(StringComparer.Ordinal);

    /// <summary>Topics whose file had errors, so that some of their skills may be missing.</summary>
    private readonly HashSet<string> incompleteTopics = new(StringComparer.Ordinal);

    /// <summary>First definition of each id, by kind ("skill", "card"...), to report duplicates.</summary>
    private readonly Dictionary<(string Kind, string Id), SourceLocation> definitions = [];

    private readonly List<Reference> references = [];

    private readonly Dictionary<string, List<(string Id, SourceLocation At)>> prerequisites = new(StringComparer.Ordinal);

    private Header? header;

    /// <summary>Each skill id named in 'alternatives', where: checked once every topic is read.</summary>
    private readonly List<(string Id, SourceLocation At)> alternativeMembers = [];

    private enum Target
    {
        Topic,
        Skill,
        Track,
        Relevance,
    }

    /// <summary>An id written somewhere that must name something defined elsewhere.</summary>
    private sealed record Reference(Target Target, string Id, string Key, SourceLocation At);

    public FrameworkLoadResult Run()
    {
        var (files, problem) = source.ListFiles();
        if (problem is not null)
        {
            errors.Add(new FrameworkError("", 0, 0, problem));
            return Finish();
        }

        topicIds.UnionWith(files
            .Where(path => path.StartsWith("topics/", StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal) && path.Count(c => c == '/') == 1)
            .Select(path => path["topics/".Length..^".md".Length]));

        if (!files.Contains(FrameworkFile, StringComparer.Ordinal))
        {
            errors.Add(new FrameworkError(FrameworkFile, 0, 0, "missing: a framework folder holds a framework.yaml"));
        }

        var unexpectedFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var parts = path.Split('/');
            if (parts.Length == 1)
            {
                if (path == FrameworkFile)
                {
                    ReadFile(path, ReadHeader);
                }

                // Other files beside framework.yaml (README.md, LICENSE) are not part of the framework.
                continue;
            }

            var folder = parts[0];
            if (!Folders.Contains(folder, StringComparer.Ordinal))
            {
                if (unexpectedFolders.Add(folder))
                {
                    errors.Add(new FrameworkError(path, 0, 0, $"unexpected folder '{folder}/' (a framework folder holds framework.yaml, topics/, roles/, roadmaps/ and practice/)"));
                }

                continue;
            }

            var extension = folder == "topics" ? ".md" : ".yaml";
            if (parts.Length > 2 || !path.EndsWith(extension, StringComparison.Ordinal))
            {
                errors.Add(new FrameworkError(path, 0, 0, $"unexpected file: {folder}/ holds only files named <id>{extension}"));
                continue;
            }

            var stem = parts[1][..^extension.Length];
            switch (folder)
            {
                case "topics":
                    ReadFile(path, (file, text) => ReadTopic(file, text, stem));
                    break;
                case "roles":
                    ReadFile(path, (file, text) => ReadRole(file, text, stem));
                    break;
                case "roadmaps":
                    ReadFile(path, (file, text) => ReadRoadmap(file, text, stem));
                    break;
                default:
                    ReadFile(path, ReadPractice);
                    break;
            }
        }

        CheckReferences();
        CheckAlternatives();
        CheckMoved();
        OrderTopics();
        CheckPrerequisiteCycles();
        CheckGrades();
        return Finish();
    }

    private void ReadFile(string path, Action<FileContext, string> read)
    {
        var text = source.Read(path);
        if (text.Text is null)
        {
            errors.Add(new FrameworkError(path, 0, 0, $"this file {text.Problem}"));
            return;
        }

        read(new FileContext(path, errors), text.Text);
    }

    /// <summary>Parses a whole YAML file; null (reported) when it is empty, broken or not a mapping.</summary>
    private static YMapping? ParseYaml(FileContext file, string text, string what)
    {
        var root = YamlTree.Parse(text, 0, file.Error);
        if (root is null)
        {
            if (file.ErrorCount == 0)
            {
                file.Error(1, 1, $"{what} is empty");
            }

            return null;
        }

        return file.Mapping(root, what);
    }

    /// <summary>Notes the definition of an id; the second one is an error naming the first.</summary>
    /// <param name="what">How the message names the id; "&lt;kind&gt; id" by default.</param>
    private void Define(string kind, string? id, FileContext file, YNode? node, string? what = null)
    {
        if (id is null || node is null)
        {
            return;
        }

        var at = file.At(node);
        if (!definitions.TryAdd((kind, id), at))
        {
            file.Error(node, $"duplicate {what ?? kind + " id"} '{id}' (first defined at {definitions[(kind, id)]})");
        }
    }

    private void Refer(Target target, IEnumerable<(string Text, YScalar Node)> ids, string key, FileContext file)
    {
        foreach (var (id, node) in ids)
        {
            references.Add(new Reference(target, id, key, file.At(node)));
        }
    }

    private void CheckReferences()
    {
        var skillIds = topics.SelectMany(topic => topic.Skills).Select(skill => skill.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var (target, id, key, at) = reference;
            var message = target switch
            {
                Target.Topic when !topicIds.Contains(id) =>
                    $"unknown topic '{id}' in '{key}' (there is no topics/{id}.md)",
                Target.Skill when !skillIds.Contains(id) && !incompleteTopics.Contains(Syntax.TopicOf(id)) =>
                    $"unknown skill '{id}' in '{key}'",
                Target.Track when header?.TrackIds is { } tracks && !tracks.Contains(id, StringComparer.Ordinal) =>
                    $"unknown track '{id}' in '{key}' (framework.yaml declares: {string.Join(", ", tracks)})",
                Target.Relevance when header?.RelevanceNames is { } names && !names.Contains(id, StringComparer.Ordinal) =>
                    $"unknown relevance '{id}' (framework.yaml declares: {string.Join(", ", names)})",
                _ => null,
            };
            if (message is not null)
            {
                errors.Add(new FrameworkError(at.Path, at.Line, at.Column, message));
            }
        }
    }

    /// <summary>Alternatives name existing skills that code can show, each skill in one group only.</summary>
    private void CheckAlternatives()
    {
        var skills = topics.SelectMany(topic => topic.Skills).DistinctBy(skill => skill.Id, StringComparer.Ordinal).ToDictionary(skill => skill.Id, StringComparer.Ordinal);
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (id, at) in alternativeMembers)
        {
            if (!skills.TryGetValue(id, out var skill))
            {
                if (!incompleteTopics.Contains(Syntax.TopicOf(id)))
                {
                    Error(at, $"unknown skill '{id}' in 'alternatives'");
                }
            }
            else if (!skill.IsDetectable)
            {
                Error(at, $"'{id}' in 'alternatives' has no detection rules: only skills code can show are alternatives");
            }

            if (!seen.TryAdd(id, at))
            {
                Error(at, $"'{id}' is already in a group of alternatives (at {seen[id]}); a skill belongs to one group at most");
            }
        }
    }

    /// <summary>A moved id must be gone, and the id it moved to must exist.</summary>
    private void CheckMoved()
    {
        if (header is null)
        {
            return;
        }

        var ids = topicIds
            .Concat(topics.SelectMany(topic => topic.Skills).Select(skill => skill.Id))
            .Concat(cards.Select(card => card.Id))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (oldId, newId, oldAt, newAt) in header.Moved)
        {
            if (ids.Contains(oldId))
            {
                Error(oldAt, $"'{oldId}' is listed in 'moved' but still exists");
            }

            var topicOfNew = Syntax.TopicOf(newId);
            if (!ids.Contains(newId) && !(newId.Contains('.', StringComparison.Ordinal) && incompleteTopics.Contains(topicOfNew)))
            {
                Error(newAt, $"'{oldId}' moved to '{newId}', which is no topic, skill or card");
            }
        }
    }

    /// <summary>Display order: framework.yaml's <c>topics</c> list when given (naming each topic once), else by file name.</summary>
    private void OrderTopics()
    {
        if (header?.TopicOrder is not { } order)
        {
            topics.Sort((a, b) => string.CompareOrdinal(a.Location.Path, b.Location.Path));
            return;
        }

        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, at) in order)
        {
            if (!topicIds.Contains(id))
            {
                Error(at, $"unknown topic '{id}' in 'topics' (there is no topics/{id}.md)");
            }
            else if (!position.TryAdd(id, position.Count))
            {
                Error(at, $"topic '{id}' is listed twice in 'topics'");
            }
        }

        foreach (var id in topicIds.Order(StringComparer.Ordinal).Where(id => !position.ContainsKey(id)))
        {
            Error(header.TopicOrderAt!, $"topic '{id}' (topics/{id}.md) is missing from 'topics', which must list every topic");
        }

        topics.Sort((a, b) => position.GetValueOrDefault(a.Id, int.MaxValue).CompareTo(position.GetValueOrDefault(b.Id, int.MaxValue)));
    }

    /// <summary>Reports each prerequisite cycle once, at the prerequisite that closes it.</summary>
    private void CheckPrerequisiteCycles()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var path = new List<string>();

        void Visit(string topic)
        {
            state[topic] = false;
            path.Add(topic);
            foreach (var (next, at) in prerequisites.GetValueOrDefault(topic) ?? [])
            {
                if (!state.TryGetValue(next, out var done))
                {
                    if (prerequisites.ContainsKey(next))
                    {
                        Visit(next);
                    }
                }
                else if (!done)
                {
                    var cycle = path.Skip(path.IndexOf(next)).Append(next);
                    Error(at, $"prerequisite cycle: {string.Join(" -> ", cycle)}");
                }
            }

            path.RemoveAt(path.Count - 1);
            state[topic] = true;
        }

        foreach (var topic in prerequisites.Keys.Order(StringComparer.Ordinal).ToList())
        {
            if (!state.ContainsKey(topic))
            {
                Visit(topic);
            }
        }
    }

    private void Error(SourceLocation at, string message) =>
        errors.Add(new FrameworkError(at.Path, at.Line, at.Column, message));

    private FrameworkLoadResult Finish()
    {
        var sorted = errors
            .OrderBy(error => error.Path, StringComparer.Ordinal)
            .ThenBy(error => error.Line)
            .ThenBy(error => error.Column)
            .ThenBy(error => error.Message, StringComparer.Ordinal)
            .Select(error => error with { DisplayPath = error.Path.Length == 0 ? "" : source.DisplayPath(error.Path) })
            .ToList();
        if (sorted.Count > 0 || header is null)
        {
            return new FrameworkLoadResult(null, sorted, source.Origin);
        }

        var framework = new Framework(
            header.Id, header.Name, header.Breadcrumb, header.Description, header.Version, header.Levels,
            header.Alternatives, header.DeepUse, header.ActiveDays, header.Relevance, header.Tracks,
            header.Moved.ToDictionary(move => move.OldId, move => move.NewId, StringComparer.Ordinal),
            topics, roles, roadmaps, cards, tasks, challenges)
        {
            Grades = grades,
        };
        return new FrameworkLoadResult(framework, [], source.Origin);
    }
}
