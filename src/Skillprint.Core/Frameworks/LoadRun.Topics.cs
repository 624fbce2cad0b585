namespace Skillprint.Core.Frameworks;

internal sealed partial class LoadRun
{
    private const string ItemIdRule = "\"<topic>.<name>\", such as async.queue";

    private static readonly string[] TopicKeys =
        ["id", "name", "description", "relevance", "tracks", "prerequisites", "resources", "skills"];

    private static readonly string[] SkillKeys = ["id", "name", "level", "description", "detect"];

    // topics/<id>.md
    private void ReadTopic(FileContext file, string text, string stem)
    {
        var topic = ReadTopicFile(file, text, stem);
        if (topic is not null)
        {
            topics.Add(topic);
        }

        if (file.ErrorCount > 0)
        {
            incompleteTopics.Add(stem);
        }
    }

    private Topic? ReadTopicFile(FileContext file, string text, string stem)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (!string.Equals(lines[0].TrimEnd(), "---", StringComparison.Ordinal))
        {
            file.Error(1, 1, "a topic file starts with its front matter: a line '---', the topic's YAML, then another line '---'");
            return null;
        }

        var close = Array.FindIndex(lines, 1, line => line.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            file.Error(1, 1, "the front matter opened on line 1 is never closed by a line '---'");
            return null;
        }

        var root = YamlTree.Parse(string.Join('\n', lines[1..close]), lineOffset: 1, file.Error);
        if (root is null)
        {
            if (file.ErrorCount == 0)
            {
                file.Error(1, 1, "the front matter is empty");
            }

            return null;
        }

        if (file.Mapping(root, "the front matter") is not { } map)
        {
            return null;
        }

        var fields = new Fields(file, map, "topic", TopicKeys);
        var id = fields.Id("id", required: true);
        if (id is not null && Syntax.IsId(id) && !string.Equals(id, stem, StringComparison.Ordinal))
        {
            file.Error(fields.Value("id")!, $"topic id '{id}' must equal the file name '{stem}'");
        }

        var name = fields.Text("name", required: true);
        var description = fields.Text("description");
        var relevance = fields.Text("relevance", required: true);
        if (relevance is not null)
        {
            references.Add(new Reference(Target.Relevance, relevance, "relevance", file.At(fields.Value("relevance")!)));
        }

        var tracks = fields.IdList("tracks", Syntax.IsId, Syntax.IdRule, required: true, nonEmpty: true);
        Refer(Target.Track, tracks, "tracks", file);

        var prerequisiteIds = fields.IdList("prerequisites", Syntax.IsId, Syntax.IdRule);
        Refer(Target.Topic, prerequisiteIds, "prerequisites", file);
        prerequisites[stem] = prerequisiteIds.Select(item => (item.Text, file.At(item.Node))).ToList();

        var resources = new List<Resource>();
        foreach (var item in fields.Mappings("resources", "resource"))
        {
            var resource = new Fields(file, item, "resource", ["title", "url"]);
            var title = resource.Text("title", required: true);
            var url = resource.Text("url", required: true);
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                file.Error(resource.Value("url")!, $"'url' must be a web address starting with https:// or http://, not '{url}'");
            }

            resources.Add(new Resource(title ?? "", url ?? ""));
        }

        var skills = fields.Mappings("skills", "skill").Select(item => ReadSkill(file, item, stem)).ToList();
        var body = string.Join('\n', lines[(close + 1)..]).TrimStart('\n').TrimEnd();
        return new Topic(
            stem, name ?? "", description, relevance ?? "",
            tracks.Select(item => item.Text).ToList(), prerequisiteIds.Select(item => item.Text).ToList(),
            resources, skills, body, file.At(map));
    }

    private Skill ReadSkill(FileContext file, YMapping map, string topic)
    {
        var fields = new Fields(file, map, "skill", SkillKeys);
        var id = ItemId(fields, "skill", topic);
        var name = fields.Text("name", required: true);
        var level = fields.Level("level", required: true);
        var description = fields.Text("description");
        var rules = fields.Mappings("detect", "detection rule")
            .Select(rule => ReadRule(file, rule))
            .OfType<DetectionRule>()
            .ToList();
        return new Skill(id ?? "", topic, name ?? "", level ?? Level.None, description, rules, fields.Location);
    }

    /// <summary>
    /// The id of an item under a topic (skill, card, task, challenge): "&lt;topic&gt;.&lt;name&gt;",
    /// prefixed by its own topic's id, unique among items of its kind.
    /// </summary>
    private string? ItemId(Fields fields, string kind, string? topic)
    {
        var id = fields.Text("id", required: true);
        var node = fields.Value("id");
        if (id is null || node is null)
        {
            return id;
        }

        if (!Syntax.IsTopicItemId(id))
        {
            fields.File.Error(node, $"'{id}' is not a valid {kind} id ({ItemIdRule})");
            return id;
        }

        if (topic is not null && !string.Equals(Syntax.TopicOf(id), topic, StringComparison.Ordinal))
        {
            fields.File.Error(node, $"{kind} id '{id}' must start with its topic's id: '{topic}.'");
        }

        Define(kind, id, fields.File, node);
        return id;
    }
}
