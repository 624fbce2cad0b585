namespace Skillprint.Core.Frameworks;

internal sealed partial class LoadRun
{
    private static readonly string[] RoleKeys = ["id", "name", "description", "tracks", "targets", "grades"];
    private static readonly string[] RoadmapKeys = ["id", "name", "description", "stages"];
    private static readonly string[] StageKeys = ["id", "name", "why", "topics", "skills"];
    private static readonly string[] PracticeKeys = ["topic", "cards", "tasks", "challenges"];
    private static readonly string[] CardKeys = ["id", "topic", "question", "answer", "skills"];
    private static readonly string[] TaskKeys = ["id", "topic", "title", "description", "acceptance", "skills"];
    private static readonly string[] ChallengeKeys = ["id", "topic", "level", "title", "description", "acceptance", "skills"];

    // roles/<id>.yaml
    private void ReadRole(FileContext file, string text, string stem)
    {
        if (ParseYaml(file, text, "a role file") is not { } map)
        {
            return;
        }

        var fields = new Fields(file, map, "role", RoleKeys);
        FileId(fields, "role", stem);
        var name = fields.Text("name", required: true);
        var tracks = fields.IdList("tracks", Syntax.IsId, Syntax.IdRule, required: true);
        Refer(Target.Track, tracks, "tracks", file);

        var targets = new Dictionary<string, Level>(StringComparer.Ordinal);
        foreach (var (topic, value) in fields.TextMap("targets"))
        {
            references.Add(new Reference(Target.Topic, topic.Value, "targets", file.At(topic)));
            if (value is not null && Fields.ParseLevel(file, value, value.Value, allowNone: true) is { } level)
            {
                targets[topic.Value] = level;
            }
        }

        roles.Add(new Role(stem, name ?? "", fields.Text("description"), tracks.Select(item => item.Text).ToList(), targets, fields.Location)
        {
            GradeTargets = ReadRoleGrades(fields, stem),
        });
    }

    // roadmaps/<id>.yaml
    private void ReadRoadmap(FileContext file, string text, string stem)
    {
        if (ParseYaml(file, text, "a roadmap file") is not { } map)
        {
            return;
        }

        var fields = new Fields(file, map, "roadmap", RoadmapKeys);
        FileId(fields, "roadmap", stem);
        var name = fields.Text("name", required: true);
        var description = fields.Text("description");
        var stages = new List<Stage>();
        foreach (var item in fields.Mappings("stages", "stage", required: true, nonEmpty: true))
        {
            var stage = new Fields(file, item, "stage", StageKeys);
            var id = stage.Id("id", required: true);
            Define($"stage/{stem}", id, file, stage.Value("id"), "stage id");
            var stageName = stage.Text("name", required: true);
            var why = stage.Text("why");
            var topicIds = stage.IdList("topics", Syntax.IsId, Syntax.IdRule);
            Refer(Target.Topic, topicIds, "topics", file);
            var skillIds = stage.IdList("skills", Syntax.IsTopicItemId, ItemIdRule);
            Refer(Target.Skill, skillIds, "skills", file);
            stages.Add(new Stage(id ?? "", stageName ?? "", why, topicIds.Select(t => t.Text).ToList(), skillIds.Select(s => s.Text).ToList(), stage.Location));
        }

        roadmaps.Add(new Roadmap(stem, name ?? "", description, stages, fields.Location));
    }

    // practice/<name>.yaml
    private void ReadPractice(FileContext file, string text)
    {
        if (ParseYaml(file, text, "a practice file") is not { } map)
        {
            return;
        }

        var fields = new Fields(file, map, "practice file", PracticeKeys);
        var fileTopic = fields.Id("topic");
        if (fileTopic is not null && Syntax.IsId(fileTopic))
        {
            references.Add(new Reference(Target.Topic, fileTopic, "topic", file.At(fields.Value("topic")!)));
        }

        foreach (var item in fields.Mappings("cards", "card"))
        {
            var card = new Fields(file, item, "card", CardKeys);
            var topic = ItemTopic(card, fileTopic);
            var id = ItemId(card, "card", topic);
            var question = card.Text("question", required: true);
            var answer = card.Text("answer");
            cards.Add(new Card(id ?? "", topic ?? "", question ?? "", answer, ItemSkills(card), card.Location));
        }

        foreach (var item in fields.Mappings("tasks", "task"))
        {
            var task = new Fields(file, item, "task", TaskKeys);
            var topic = ItemTopic(task, fileTopic);
            var id = ItemId(task, "task", topic);
            var title = task.Text("title", required: true);
            var description = task.Text("description");
            var acceptance = task.TextList("acceptance", required: true, nonEmpty: true).Select(a => a.Text).ToList();
            tasks.Add(new PracticeTask(id ?? "", topic ?? "", title ?? "", description, acceptance, ItemSkills(task), task.Location));
        }

        foreach (var item in fields.Mappings("challenges", "challenge"))
        {
            var challenge = new Fields(file, item, "challenge", ChallengeKeys);
            var topic = ItemTopic(challenge, fileTopic);
            var id = ItemId(challenge, "challenge", topic);
            var levelText = challenge.Text("level", required: true);
            if (!ChallengeLevels.TryParse(levelText, out var level) && levelText is not null)
            {
                file.Error(challenge.Value("level")!, $"unknown challenge level '{levelText}' (expected Easy, Intermediate, Expert or Black Belt)");
            }

            var title = challenge.Text("title", required: true);
            var description = challenge.Text("description");
            var acceptance = challenge.TextList("acceptance", required: true, nonEmpty: true).Select(a => a.Text).ToList();
            challenges.Add(new Challenge(id ?? "", topic ?? "", level, title ?? "", description, acceptance, ItemSkills(challenge), challenge.Location));
        }
    }

    /// <summary>The item's own topic, or the file's; one of them must be given.</summary>
    private string? ItemTopic(Fields item, string? fileTopic)
    {
        if (!item.Has("topic"))
        {
            if (fileTopic is null)
            {
                item.File.Error(item.Map, $"missing key 'topic' in {item.What} (or set 'topic' for the whole file)");
            }

            return fileTopic;
        }

        var topic = item.Id("topic", required: true);
        if (topic is not null && Syntax.IsId(topic))
        {
            references.Add(new Reference(Target.Topic, topic, "topic", item.File.At(item.Value("topic")!)));
            return topic;
        }

        return null;
    }

    private List<string> ItemSkills(Fields item)
    {
        var skills = item.IdList("skills", Syntax.IsTopicItemId, ItemIdRule);
        Refer(Target.Skill, skills, "skills", item.File);
        return skills.Select(skill => skill.Text).ToList();
    }

    /// <summary>The id of a role or roadmap, which equals its file name.</summary>
    private static void FileId(Fields fields, string kind, string stem)
    {
        var id = fields.Id("id", required: true);
        if (id is not null && Syntax.IsId(id) && !string.Equals(id, stem, StringComparison.Ordinal))
        {
            fields.File.Error(fields.Value("id")!, $"{kind} id '{id}' must equal the file name '{stem}'");
        }
    }
}
