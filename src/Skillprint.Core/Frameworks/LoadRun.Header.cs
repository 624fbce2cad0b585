namespace Skillprint.Core.Frameworks;

internal sealed partial class LoadRun
{
    private static readonly string[] HeaderKeys =
        ["id", "name", "breadcrumb", "description", "version", "levels", "deep-use", "alternatives", "active-days", "relevance", "tracks", "moved", "topics", "grades"];

    private static readonly string[] NeedKeys = ["skills", "places", "files"];

    private static readonly Level[] Scale = [Level.Beginner, Level.Intermediate, Level.Advanced, Level.Expert];

    /// <summary>What framework.yaml says, with what the other files' checks need to know of it.</summary>
    private sealed record Header(
        string Id,
        string Name,
        string Breadcrumb,
        string? Description,
        int? Version,
        IReadOnlyList<LevelInfo> Levels,
        IReadOnlyList<AlternativeGroup> Alternatives,
        DeepUse DeepUse,
        int ActiveDays,
        IReadOnlyList<Relevance> Relevance,
        IReadOnlyList<Track> Tracks,
        IReadOnlyList<(string OldId, string NewId, SourceLocation OldAt, SourceLocation NewAt)> Moved,
        IReadOnlyList<(string Id, SourceLocation At)>? TopicOrder,
        SourceLocation? TopicOrderAt,
        IReadOnlyList<string>? RelevanceNames,
        IReadOnlyList<string>? TrackIds);

    // framework.yaml
    private void ReadHeader(FileContext file, string text)
    {
        var map = ParseYaml(file, text, "framework.yaml");
        if (map is null)
        {
            return;
        }

        var fields = new Fields(file, map, "framework.yaml", HeaderKeys, alsoAccepted: ["threshold"]);
        if (fields.Map.Entries.FirstOrDefault(entry => entry.Key.Value == "threshold").Key is { } oldThreshold)
        {
            file.Error(oldThreshold, "'threshold' is no longer read: each level's 'evidence' says what code must show to reach it (docs/levels.md)");
        }

        var id = fields.Id("id", required: true);
        var name = fields.Text("name", required: true);
        var breadcrumb = fields.Text("breadcrumb", required: true);
        var description = fields.Text("description");
        var version = fields.Integer("version");
        var levels = ReadLevels(fields);

        var alternatives = ReadAlternatives(fields);
        var deepUse = DeepUse.Default;
        if (fields.Value("deep-use") is { } deepNode && file.Mapping(deepNode, "deep-use") is { } deepMap)
        {
            var deep = ReadNeed(new Fields(file, deepMap, "deep-use", ["places", "files"]), new EvidenceNeed(1, DeepUse.Default.Places, DeepUse.Default.Files), null, "deep-use");
            deepUse = new DeepUse(deep.Places, deep.Files);
        }
        var activeDays = fields.Integer("active-days") ?? Framework.DefaultActiveDays;
        if (activeDays < 1)
        {
            file.Error(fields.Value("active-days")!, $"'active-days' must be at least 1, not {activeDays}");
        }

        var relevance = ReadRelevance(fields);
        var tracks = new List<Track>();
        foreach (var item in fields.Mappings("tracks", "track", required: true, nonEmpty: true))
        {
            var track = new Fields(file, item, "track", ["id", "name"]);
            var trackId = track.Id("id", required: true);
            Define("track", trackId, file, track.Value("id"));
            tracks.Add(new Track(trackId ?? "", track.Text("name", required: true) ?? ""));
        }

        var moved = new List<(string, string, SourceLocation, SourceLocation)>();
        foreach (var (oldNode, newNode) in fields.TextMap("moved"))
        {
            foreach (var node in new[] { oldNode, newNode }.OfType<YScalar>())
            {
                if (!Syntax.IsId(node.Value) && !Syntax.IsTopicItemId(node.Value))
                {
                    file.Error(node, $"'{node.Value}' in 'moved' is not a topic, skill or card id");
                }
            }

            if (newNode is not null)
            {
                moved.Add((oldNode.Value, newNode.Value, file.At(oldNode), file.At(newNode)));
            }
        }

        ReadGrades(fields);
        var order = fields.Has("topics")
            ? fields.IdList("topics", Syntax.IsId, Syntax.IdRule).Select(item => (item.Text, file.At(item.Node))).ToList()
            : null;

        header = new Header(
            id ?? "", name ?? "", breadcrumb ?? "", description, version, levels, alternatives, deepUse, activeDays,
            relevance, tracks, moved, order, fields.KeyOf("topics") is { } topicsKey ? file.At(topicsKey) : null,
            fields.Value("relevance") is YSequence ? relevance.Select(value => value.Name).ToList() : null,
            fields.Value("tracks") is YSequence ? tracks.Select(track => track.Id).ToList() : null);
    }

    /// <summary>The four levels, in order, each with what it means in this framework.</summary>
    private static List<LevelInfo> ReadLevels(Fields fields)
    {
        var file = fields.File;
        var items = fields.Mappings("levels", "level", required: true, nonEmpty: true);
        var levels = new List<LevelInfo>();
        for (var i = 0; i < items.Count; i++)
        {
            var entry = new Fields(file, items[i], "level", ["name", "description", "evidence"]);
            var level = entry.Level("name", required: true);
            if (level is { } known && i < Scale.Length && known != Scale[i])
            {
                file.Error(entry.Value("name")!, $"'levels' must list Beginner, Intermediate, Advanced and Expert in this order: expected {Scale[i]} here, not {known}");
            }

            var info = new LevelInfo(level ?? Level.None, entry.Text("description"));
            if (entry.Value("evidence") is { } needNode && file.Mapping(needNode, "evidence") is { } needMap)
            {
                info = info with { Need = ReadNeed(new Fields(file, needMap, "evidence", NeedKeys), info.Need, levels.LastOrDefault()) };
            }

            levels.Add(info);
        }

        if (items.Count is > 0 and not 4 && fields.Value("levels") is { } list)
        {
            file.Error(list, $"'levels' must list the four levels Beginner, Intermediate, Advanced and Expert, not {items.Count}");
        }

        return levels;
    }

    /// <summary>
    /// A level's evidence need: each number at least 1 (0 would grant a level without evidence), and
    /// none below the level before it, so that a higher level never asks for less.
    /// </summary>
    private static EvidenceNeed ReadNeed(Fields fields, EvidenceNeed defaults, LevelInfo? below, string where = "evidence")
    {
        int Read(string key, int fallback, int? lower)
        {
            var value = fields.Integer(key);
            if (value is not { } number)
            {
                return fallback;
            }

            if (number < 1)
            {
                fields.File.Error(fields.Value(key)!, $"'{key}' in '{where}' must be at least 1, not {number}");
                return fallback;
            }

            if (lower is { } min && number < min)
            {
                fields.File.Error(fields.Value(key)!, $"'{key}' in '{where}' must not be less than the level below asks ({min}), not {number}");
            }

            return number;
        }

        return new EvidenceNeed(
            Read("skills", defaults.Skills, below?.Need.Skills),
            Read("places", defaults.Places, below?.Need.Places),
            Read("files", defaults.Files, below?.Need.Files));
    }

    /// <summary>The groups of alternative skills; their ids are checked once the topics are read.</summary>
    private List<AlternativeGroup> ReadAlternatives(Fields fields)
    {
        var file = fields.File;
        var groups = new List<AlternativeGroup>();
        switch (fields.Value("alternatives"))
        {
            case null:
                return groups;
            case YSequence list:
                foreach (var item in list.Items)
                {
                    if (item is not YSequence members)
                    {
                        file.Error(item, $"each item of 'alternatives' must be a list of skill ids, not {item.Describe()}");
                        continue;
                    }

                    var ids = new List<string>();
                    foreach (var member in members.Items)
                    {
                        if (member is not YScalar { IsNull: false } scalar || !Syntax.IsTopicItemId(scalar.Value))
                        {
                            file.Error(member, $"'{(member as YScalar)?.Value ?? member.Describe()}' in 'alternatives' is not a skill id (topic.name)");
                        }
                        else if (ids.Contains(scalar.Value, StringComparer.Ordinal))
                        {
                            file.Error(member, $"'{scalar.Value}' is listed twice in this group of alternatives");
                        }
                        else
                        {
                            ids.Add(scalar.Value);
                            alternativeMembers.Add((scalar.Value, file.At(scalar)));
                        }
                    }

                    if (members.Items.Count < 2)
                    {
                        file.Error(members, "a group of alternatives names at least two skills");
                    }

                    groups.Add(new AlternativeGroup(ids, file.At(members)));
                }

                return groups;
            case var other:
                fields.TypeError("alternatives", other, "a list of groups, each a list of skill ids");
                return groups;
        }
    }

    /// <summary>The relevance values, highest weight first.</summary>
    private List<Relevance> ReadRelevance(Fields fields)
    {
        var file = fields.File;
        var values = new List<Relevance>();
        foreach (var item in fields.Mappings("relevance", "relevance value", required: true, nonEmpty: true))
        {
            var entry = new Fields(file, item, "relevance value", ["name", "weight", "target"]);
            var name = entry.Text("name", required: true);
            Define("relevance", name, file, entry.Value("name"), "relevance name");
            var weight = entry.Integer("weight", required: true);
            if (weight is { } w && values.Count > 0 && values[^1].Weight < w)
            {
                file.Error(entry.Value("weight")!, $"relevance values are listed highest first: '{name}' (weight {w}) comes after '{values[^1].Name}' (weight {values[^1].Weight})");
            }

            var target = entry.Level("target", allowNone: true) ?? Level.None;
            values.Add(new Relevance(name ?? "", weight ?? values.LastOrDefault()?.Weight ?? 0, target));
        }

        return values;
    }
}
