using System.CommandLine;
using System.Text;
using Skillprint.Cli.Rendering;
using Skillprint.Core;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>
/// `skillprint framework show [ID] [--topic ID] [--format table|json|markdown]`: the body of
/// knowledge, or one topic's skills by level, prerequisites and practice items.
/// </summary>
internal static class FrameworkShowCommand
{
    public static Command Create(CliApp app)
    {
        var id = new Argument<string>("ID")
        {
            Description = "A built-in framework id, or a framework folder.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => FrameworkChoice.DefaultId,
        };
        var topic = new Option<string?>("--topic")
        {
            Description = "Show one topic: its skills by level, its prerequisites, its practice items.",
            HelpName = "ID",
        };
        var format = CliApp.CreateFormatOption("table", "json", "markdown");
        var command = new Command("show", "Show a framework's body of knowledge: topic, description, relevance, career tracks.")
        {
            id,
            topic,
            format,
        };
        command.SetAction(parsed => Run(app, parsed.GetValue(id), parsed.GetValue(topic), CliApp.FormatOf(parsed, format)));
        app.Examples(
            command,
            "skillprint framework show",
            "skillprint framework show python --topic async",
            "skillprint framework show python --format json | jq '.topics[].skills[].id'");
        return command;
    }

    private static int Run(CliApp app, string? id, string? topicId, string format)
    {
        var framework = FrameworkChoice.Load(app.Context, id);
        if (topicId is not null)
        {
            var topic = FrameworkChoice.Topic(framework, topicId);
            switch (format)
            {
                case "json":
                    app.WriteJson(TopicJson.From(framework, topic));
                    break;
                case "markdown":
                    app.WriteRaw(TopicMarkdown(framework, topic));
                    break;
                default:
                    WriteTopicTable(app.Context.Out, framework, topic);
                    break;
            }

            return ExitCodes.Ok;
        }

        switch (format)
        {
            case "json":
                app.WriteJson(FrameworkJson.From(framework));
                break;
            case "markdown":
                app.WriteRaw($"# {framework.Breadcrumb}\n\n## Body of Knowledge\n\n" + MarkdownTable.Write(
                    ["Topic", "Description", "Relevance", "Career Tracks"],
                    framework.Topics.Select(t => (IReadOnlyList<string?>)[t.Name, t.Description, t.Relevance, TrackNames(framework, t)])));
                break;
            default:
                WriteTable(app.Context.Out, framework);
                break;
        }

        return ExitCodes.Ok;
    }

    private static string TrackNames(Framework framework, Topic topic) =>
        string.Join(", ", topic.Tracks.Select(track => framework.FindTrack(track)?.Name ?? track));

    private static void WriteTable(IAnsiConsole console, Framework framework)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(framework.Breadcrumb)), Expand = false };
        table.AddColumn("Topic");
        table.AddColumn("Description");
        table.AddColumn("Relevance");
        table.AddColumn("Career Tracks");
        foreach (var topic in framework.Topics)
        {
            table.AddRow(
                new Text($"{topic.Name}\n({topic.Id})"),
                new Text(topic.Description ?? ""),
                new Text(topic.Relevance),
                new Text(TrackNames(framework, topic)));
        }

        console.Write(table);
        console.WriteLine($"{framework.Topics.Count} topics, {framework.Skills.Count()} skills. One topic: skillprint framework show {FrameworkChoice.Argument(framework)} --topic ID");
    }

    private static void WriteTopicTable(IAnsiConsole console, Framework framework, Topic topic)
    {
        console.Write(new Rule(Markup.Escape($"{framework.Breadcrumb} > {topic.Name}")) { Justification = Justify.Left });
        if (topic.Description is not null)
        {
            console.WriteLine(topic.Description);
        }

        console.WriteLine($"Relevance: {topic.Relevance}    Career tracks: {TrackNames(framework, topic)}");
        console.WriteLine("Prerequisites: " + (topic.Prerequisites.Count == 0
            ? "none"
            : string.Join(", ", topic.Prerequisites.Select(p => framework.FindTopic(p)?.Name is { } name ? $"{name} ({p})" : p))));
        console.WriteLine();

        var skills = new Table { Title = new TableTitle("Skills by level") };
        skills.AddColumn("Level");
        skills.AddColumn("Skill");
        skills.AddColumn("Id");
        skills.AddColumn("Found in code");
        foreach (var level in Enum.GetValues<Level>().Where(l => l != Level.None))
        {
            foreach (var skill in topic.SkillsAt(level))
            {
                skills.AddRow(new Text(level.ToString()), new Text(skill.Name), new Text(skill.Id), new Text(skill.IsDetectable ? "yes" : "no"));
            }
        }

        console.Write(skills);

        var cards = framework.CardsOf(topic.Id).ToList();
        var tasks = framework.TasksOf(topic.Id).ToList();
        var challenges = framework.ChallengesOf(topic.Id).ToList();
        if (cards.Count + tasks.Count + challenges.Count == 0)
        {
            console.WriteLine("No practice items for this topic yet.");
            return;
        }

        var practice = new Table { Title = new TableTitle("Practice") };
        practice.AddColumn("Kind");
        practice.AddColumn("Item");
        practice.AddColumn("Id");
        foreach (var card in cards)
        {
            practice.AddRow(new Text("question"), new Text(card.Question), new Text(card.Id));
        }

        foreach (var task in tasks)
        {
            practice.AddRow(new Text("task"), new Text(task.Title), new Text(task.Id));
        }

        foreach (var challenge in challenges)
        {
            practice.AddRow(new Text($"challenge ({challenge.Level.DisplayName()})"), new Text(challenge.Title), new Text(challenge.Id));
        }

        console.Write(practice);
    }

    private static string TopicMarkdown(Framework framework, Topic topic)
    {
        var text = new StringBuilder();
        text.Append($"# {framework.Breadcrumb} > {topic.Name}\n\n");
        if (topic.Description is not null)
        {
            text.Append(topic.Description).Append("\n\n");
        }

        text.Append($"- Relevance: {topic.Relevance}\n- Career tracks: {TrackNames(framework, topic)}\n");
        text.Append("- Prerequisites: ").Append(topic.Prerequisites.Count == 0 ? "none" : string.Join(", ", topic.Prerequisites)).Append("\n\n");
        text.Append("## Skills\n\n").Append(MarkdownTable.Write(
            ["Level", "Skill", "Id", "Found in code"],
            topic.Skills.OrderBy(s => s.Level).Select(s => (IReadOnlyList<string?>)[s.Level.ToString(), s.Name, s.Id, s.IsDetectable ? "yes" : "no"])));
        var cards = framework.CardsOf(topic.Id).ToList();
        if (cards.Count > 0)
        {
            text.Append("\n## Questions\n\n");
            foreach (var card in cards)
            {
                text.Append($"- {card.Question}\n");
            }
        }

        var tasks = framework.TasksOf(topic.Id).ToList();
        if (tasks.Count > 0)
        {
            text.Append("\n## Tasks\n\n");
            foreach (var task in tasks)
            {
                text.Append($"- **{task.Title}**: {task.Description}\n");
            }
        }

        var challenges = framework.ChallengesOf(topic.Id).ToList();
        if (challenges.Count > 0)
        {
            text.Append("\n## Challenges\n\n");
            foreach (var challenge in challenges)
            {
                text.Append($"- **{challenge.Title}** ({challenge.Level.DisplayName()}): {challenge.Description}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The JSON of a whole framework: every topic with its skills, the roles and roadmaps.</summary>
    private sealed record FrameworkJson(
        string Id,
        string Name,
        string Breadcrumb,
        string? Description,
        IReadOnlyList<object> Levels,
        IReadOnlyList<object> Relevance,
        IReadOnlyList<object> Tracks,
        IReadOnlyList<TopicJson> Topics,
        IReadOnlyList<object> Roles,
        IReadOnlyList<object> Roadmaps)
    {
        public static FrameworkJson From(Framework f) => new(
            f.Id,
            f.Name,
            f.Breadcrumb,
            f.Description,
            [.. f.Levels.Select(l => new { name = l.Level.ToString(), description = l.Description })],
            [.. f.Relevance.Select(r => new { name = r.Name, weight = r.Weight, target = r.Target.ToString() })],
            [.. f.Tracks.Select(t => new { id = t.Id, name = t.Name })],
            [.. f.Topics.Select(t => TopicJson.From(f, t, withPractice: false))],
            [.. f.Roles.Select(r => new { id = r.Id, name = r.Name, tracks = r.Tracks, targets = RoleTargets.Of(f, r).ToDictionary(x => x.Topic, x => x.Target.ToString()) })],
            [.. f.Roadmaps.Select(r => new { id = r.Id, name = r.Name, stages = r.Stages.Select(s => new { id = s.Id, name = s.Name, topics = s.Topics, skills = s.Skills }) })]);
    }

    private sealed record SkillJson(string Id, string Name, string Level, string? Description, bool Detectable);

    private sealed record TopicJson(
        string Id,
        string Name,
        string? Description,
        string Relevance,
        IReadOnlyList<string> Tracks,
        IReadOnlyList<string> Prerequisites,
        IReadOnlyList<SkillJson> Skills,
        object? Practice)
    {
        public static TopicJson From(Framework f, Topic t, bool withPractice = true) => new(
            t.Id,
            t.Name,
            t.Description,
            t.Relevance,
            t.Tracks,
            t.Prerequisites,
            [.. t.Skills.Select(s => new SkillJson(s.Id, s.Name, s.Level.ToString(), s.Description, s.IsDetectable))],
            withPractice
                ? new
                {
                    cards = f.CardsOf(t.Id).Select(c => new { id = c.Id, question = c.Question, answer = c.Answer }),
                    tasks = f.TasksOf(t.Id).Select(x => new { id = x.Id, title = x.Title, description = x.Description, acceptance = x.Acceptance }),
                    challenges = f.ChallengesOf(t.Id).Select(x => new { id = x.Id, level = x.Level.DisplayName(), title = x.Title, description = x.Description, acceptance = x.Acceptance }),
                }
                : null);
    }
}
