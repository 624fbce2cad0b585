using System.CommandLine;
using Skillprint.Cli.Rendering;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Evidence;
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
        var limit = new Option<int?>("--limit") { Description = $"Show at most N entries (default in a table: {TableLimit}; JSON and Markdown: all).", HelpName = "N" };
        var all = new Option<bool>("--all") { Description = "Show every entry." };
        var command = new Command("list", "List your evidence: the code hits `skillprint scan` credited to you (repository, file, line, skill, author, date), then what you entered by hand, newest first.")
        {
            topic,
            skill,
            dismissed,
            format,
            person,
            allAuthors,
            framework,
            limit,
            all,
        };
        command.SetAction((parsed, cancel) => RunAsync(
            app,
            parsed,
            new Filter(parsed.GetValue(topic), parsed.GetValue(skill), parsed.GetValue(dismissed), parsed.GetValue(allAuthors), parsed.GetValue(all) ? null : parsed.GetValue(limit) ?? -1),
            CliApp.FormatOf(parsed, format),
            app.Person(parsed, person),
            parsed.GetValue(framework),
            cancel));
        app.Examples(command, "skillprint evidence list", "skillprint evidence list --skill async.queue --format json", "skillprint evidence list --all-authors --topic pydantic");
        return command;
    }

    /// <summary>How many entries a table shows unless --limit or --all says otherwise.</summary>
    public const int TableLimit = 50;

    /// <summary>The options as given; <see cref="Limit"/> is null for --all, -1 when not given.</summary>
    private sealed record Filter(string? Topic, string? Skill, bool Dismissed, bool AllAuthors, int? Limit);

    private static async Task<int> RunAsync(CliApp app, ParseResult parsed, Filter filter, string format, string person, string? frameworkId, CancellationToken cancel)
    {
        var framework = FrameworkChoice.Load(app.Context, frameworkId);
        var topic = filter.Topic is null ? null : FrameworkChoice.Topic(framework, filter.Topic);
        var skill = filter.Skill is null ? null : FindSkill(framework, filter.Skill);
        if (filter.Limit is < -1 or 0)
        {
            throw new UsageException($"--limit: {filter.Limit} is not a number of entries", "give a whole number above 0, or --all");
        }

        var limit = filter.Limit == -1 ? (string.Equals(format, "table", StringComparison.Ordinal) ? TableLimit : (int?)null) : filter.Limit;
        ListPage<EvidenceEntry> page;
        using (var store = app.OpenStore(parsed))
        {
            page = await new EvidenceService(store, app.Context.Time).ListAsync(
                framework, await CliApp.ReaderAsync(store, person, cancel), new EvidenceFilter(topic?.Id, skill?.Id, filter.Dismissed, filter.AllAuthors, limit), cancel);
        }

        var rows = page.Items;
        switch (format)
        {
            case "json":
                app.WriteJson(rows);
                break;
            case "markdown":
                app.WriteRaw(MarkdownTable.Write(
                    ["Id", "Kind", "Date", "Skill", "Where", "Author", "Note"],
                    rows.Select(r => (IReadOnlyList<string?>)[r.Id, r.Dismissed == true ? "code (dismissed)" : r.Kind, $"{r.At:yyyy-MM-dd}", r.Skill ?? r.Topic, r.Where ?? r.Link, r.Author, r.Note ?? r.Snippet])));
                break;
            default:
                if (rows.Count == 0 && page.Total == 0)
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
                        new Text(r.Id),
                        new Text(r.Dismissed == true ? "code (dismissed)" : r.Kind),
                        new Text($"{r.At:yyyy-MM-dd}"),
                        new Text(r.Skill ?? r.Topic),
                        new Text(r.Where ?? r.Link ?? ""),
                        new Text(r.Author ?? ""),
                        new Text(r.Note ?? r.Snippet ?? ""));
                }

                app.Context.Out.Write(table);
                if (page.Hidden > 0)
                {
                    app.Context.Out.WriteLine($"... and {page.Hidden} more ({page.Total} in all): --limit N or --all to see more, --skill ID or --topic ID to narrow.");
                }

                break;
        }

        return ExitCodes.Ok;
    }

    private static Skill FindSkill(Framework framework, string id) =>
        framework.FindSkill(framework.Resolve(id.Trim()))
        ?? throw new UsageException($"unknown skill '{id}' in {FrameworkChoice.Describe(framework)}", $"see 'skillprint framework show {FrameworkChoice.Argument(framework)} --topic TOPIC' for the skill ids");
}
