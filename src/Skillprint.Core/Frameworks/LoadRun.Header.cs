namespace Skillprint.Core.Frameworks;

internal sealed partial class LoadRun
{
    private static readonly string[] HeaderKeys =
        ["id", "name", "breadcrumb", "description", "version", "levels", "threshold", "active-days", "relevance", "tracks", "moved", "topics", "grades"];

    private static readonly Level[] Scale = [Level.Beginner, Level.Intermediate, Level.Advanced, Level.Expert];

    /// <summary>What framework.yaml says, with what the other files' checks need to know of it.</summary>
    private sealed record Header(
        string Id,
        string Name,
        string Breadcrumb,
        string? Description,
        int? Version,
        IReadOnlyList<LevelInfo> Levels,
        double Threshold,
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

        var fields = new Fields(file, map, "framework.yaml", HeaderKeys);
        var id = fields.Id("id", required: true);
        var name = fields.Text("name", required: true);
        var breadcrumb = fields.Text("breadcrumb", required: true);
        var description = fields.Text("description");
        var version = fields.Integer("version");
        var levels = ReadLevels(fields);

        var threshold = fields.Number("threshold") ?? Framework.DefaultThreshold;
        if (threshold is <= 0 or > 1)
        {
            file.Error(fields.Value("threshold")!, $"'threshold' must be more than 0 and at most 1, not {threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
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
            id ?? "", name ?? "", breadcrumb ?? "", description, version, levels, threshold, activeDays,
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
            var entry = new Fields(file, items[i], "level", ["name", "description"]);
            var level = entry.Level("name", required: true);
            if (level is { } known && i < Scale.Length && known != Scale[i])
            {
                file.Error(entry.Value("name")!, $"'levels' must list Beginner, Intermediate, Advanced and Expert in this order: expected {Scale[i]} here, not {known}");
            }

            levels.Add(new LevelInfo(level ?? Level.None, entry.Text("description")));
        }

        if (items.Count is > 0 and not 4 && fields.Value("levels") is { } list)
        {
            file.Error(list, $"'levels' must list the four levels Beginner, Intermediate, Advanced and Expert, not {items.Count}");
        }

        return levels;
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
