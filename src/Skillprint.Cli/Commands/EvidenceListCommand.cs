using System.CommandLine;
using System.Text.Json.Serialization;
using Skillprint.Cli.Rendering;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Scanning;
using Skillprint.Core.Status;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>
/// `skillprint evidence list [--topic ID] [--skill ID] [--person EMAIL | --all-authors] [--dismissed]
/// [--format table|json|markdown]`: the code hits of a person (by repository, path and line), then
/// the evidence they entered by hand (newest first). The JSON form is documented in
/// docs/evidence-json.md.
/// </summary>
internal static class EvidenceListCommand
{
    public static Command Create(CliApp app)
    {
        var topic = new Option<string?>("--topic") { Description = "Only the evidence of this topic.", HelpName = "ID" };
        var skill = new Option<string?>("--skill") { Description = "Only the evidence of this skill (its id, as async.queue).", HelpName = "ID" };
        var dismissed = new Option<bool>("--dismissed") { Description = "Also list the code hits you dismissed (marked so)." };
        var format = CliApp.CreateFormatOption("table", "json", "markdown");
        var person = CliApp.CreatePersonOption();
        var allAuthors = CliApp.CreateAllAuthorsOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("list", "List your evidence: the code hits `skillprint scan` credited to you (repository, file, line, skill, author, date), then what you entered by hand, newest first.")
        {
            topic,
            skill,
            dismissed,
            format,
            person,
            allAuthors,
            framework,
        };
        command.SetAction(parsed => Run(
            app,
            parsed,
            new Filter(parsed.GetValue(topic), parsed.GetValue(skill), parsed.GetValue(dismissed), parsed.GetValue(allAuthors)),
            CliApp.FormatOf(parsed, format),
            app.Person(parsed, person),
            parsed.GetValue(framework)));
        app.Examples(command, "skillprint evidence list", "skillprint evidence list --skill async.queue --format json", "skillprint evidence list --all-authors --topic pydantic");
        return command;
    }

    private sealed record Filter(string? Topic, string? Skill, bool Dismissed, bool AllAuthors);

    private static int Run(CliApp app, ParseResult parsed, Filter filter, string format, string person, string? frameworkId)
    {
        var framework = FrameworkChoice.Load(app.Context, frameworkId);
        var topic = filter.Topic is null ? null : FrameworkChoice.Topic(framework, filter.Topic);
        var skill = filter.Skill is null ? null : FindSkill(framework, filter.Skill);
        IReadOnlyList<ManualEvidence> manual;
        IReadOnlyList<CodeHit> hits;
        using (var store = app.OpenStore(parsed))
        {
            manual = [.. store.ListManualEvidence(person, framework.Id, topic?.Id)
                .Where(e => skill is null || string.Equals(e.Skill, skill.Id, StringComparison.Ordinal))
                .Reverse()];
            hits = [.. StatusCommand.CodeHits(store, framework.Id, person, filter.AllAuthors, skill?.Id, filter.Dismissed)
                .Where(h => topic is null || string.Equals(h.Topic, topic.Id, StringComparison.Ordinal))];
        }

        var rows = hits.Select(h => Row.Of(h, framework)).Concat(manual.Select(e => Row.Of(e, framework))).ToList();
        switch (format)
        {
            case "json":
                app.WriteJson(rows);
                break;
            case "markdown":
                app.WriteRaw(MarkdownTable.Write(
                    ["Id", "Kind", "Date", "Skill", "Where", "Author", "Note"],
                    rows.Select(r => (IReadOnlyList<string?>)[$"{r.Id}", r.Dismissed == true ? "code (dismissed)" : r.Kind, $"{r.At:yyyy-MM-dd}", r.Skill ?? r.Topic, r.Where ?? r.Link, r.Author, r.Note ?? r.Snippet])));
                break;
            default:
                if (rows.Count == 0)
                {
                    var who = filter.AllAuthors ? "anyone" : person;
                    app.Context.Out.WriteLine($"No evidence for {who} yet. Scan your code: skillprint scan PATH; or add evidence: skillprint evidence add TOPIC --link URL --note TEXT");
                    break;
                }

                var table = new Table();
                foreach (var header in (string[])["Id", "Kind", "Date", "Skill", "Where", "Author", "Note"])
                {
                    table.AddColumn(header);
                }

                foreach (var r in rows)
                {
                    table.AddRow(
                        new Text($"{r.Id}"),
                        new Text(r.Dismissed == true ? "code (dismissed)" : r.Kind),
                        new Text($"{r.At:yyyy-MM-dd}"),
                        new Text(r.Skill ?? r.Topic),
                        new Text(r.Where ?? r.Link ?? ""),
                        new Text(r.Author ?? ""),
                        new Text(r.Note ?? r.Snippet ?? ""));
                }

                app.Context.Out.Write(table);
                break;
        }

        return ExitCodes.Ok;
    }

    private static Skill FindSkill(Framework framework, string id) =>
        framework.FindSkill(framework.Resolve(id.Trim()))
        ?? throw new UsageException($"unknown skill '{id}' in {FrameworkChoice.Describe(framework)}", $"see 'skillprint framework show {FrameworkChoice.Argument(framework)} --topic TOPIC' for the skill ids");

    /// <summary>One line of the list, in the shape docs/evidence-json.md documents: every key
    /// always present, null where it does not apply.</summary>
    private sealed record Row(
        string Kind,
        long? Id,
        string Topic,
        string? Skill,
        string? SkillName,
        DateTimeOffset? At,
        string? Repository,
        string? Path,
        int? Line,
        int? EndLine,
        string? Snippet,
        string? Author,
        string? Commit,
        bool? Dismissed,
        string? Link,
        string? Note)
    {
        [JsonIgnore]
        public string? Where => Repository is null ? null : $"{Repository}: {Path}:{Line}";

        public static Row Of(CodeHit hit, Framework framework) => new(
            "code", hit.Id, hit.Topic, hit.Skill, framework.FindSkill(hit.Skill)?.Name, hit.At, hit.Repository, hit.Path, hit.Line, hit.EndLine,
            hit.Snippet, hit.Author, hit.Commit, hit.Dismissed, null, null);

        public static Row Of(ManualEvidence evidence, Framework framework) => new(
            "manual", evidence.Id, evidence.Topic, evidence.Skill, evidence.Skill is null ? null : framework.FindSkill(evidence.Skill)?.Name, evidence.At,
            null, null, null, null, null, evidence.Person, null, null, evidence.Link, evidence.Note);
    }
}
