using System.CommandLine;
using System.Text;
using Skillprint.Cli.Rendering;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint gaps [--role ROLE] [--format table|json|markdown]`: the ranked plan of gaps.</summary>
internal static class GapsCommand
{
    public static Command Create(CliApp app)
    {
        var roles = new Option<string[]>("--role")
        {
            Description = "Plan against this role instead of your roles (repeat for several).",
            HelpName = "ROLE",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = CliApp.CreateFormatOption("table", "json", "markdown");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("gaps", "Show the topics where you stand below your roles' targets, ranked by relevance weight x distance, each with the next skills to learn, the practice items and the roadmap stage that cover them.")
        {
            roles,
            format,
            person,
            framework,
        };
        command.SetAction((parsed, cancel) => RunAsync(app, parsed, parsed.GetValue(roles) ?? [], CliApp.FormatOf(parsed, format), app.Person(parsed, person), parsed.GetValue(framework), cancel));
        app.Examples(command, "skillprint gaps", "skillprint gaps --role data-engineer --format json | jq '.gaps[0]'");
        return command;
    }

    /// <summary>The plan for the given roles, else the person's own; a usage error when there are none.</summary>
    internal static async Task<(GrowthData Data, GapPlan Plan)> PlanAsync(CliApp app, ParseResult parsed, Framework framework, string person, IReadOnlyList<string> roleIds, bool required, CancellationToken cancel)
    {
        var given = roleIds.Select(id => (GrowthSupport.Role(framework, id), (string?)null)).ToList();
        using var store = app.OpenStore(parsed);
        var (data, plan) = await new GrowthService(store, app.Context.Time).PlanAsync(framework, await CliApp.ReaderAsync(store, person, cancel), given, cancel);
        if (plan.Roles.Count == 0 && required)
        {
            throw new UsageException(
                "no role to plan against: you have not chosen a role",
                $"choose one with 'skillprint role set ROLE' or give --role ROLE; roles: {string.Join(", ", framework.Roles.Select(r => r.Id))}");
        }

        return (data, plan);
    }

    private static async Task<int> RunAsync(CliApp app, ParseResult parsed, string[] roleIds, string format, string person, string? frameworkId, CancellationToken cancel)
    {
        var framework = FrameworkChoice.Load(app.Context, frameworkId);
        var (_, plan) = await PlanAsync(app, parsed, framework, person, roleIds, required: true, cancel);
        switch (format)
        {
            case "json":
                app.WriteJson(GapReport.Of(framework.Id, person, plan));
                break;
            case "markdown":
                app.WriteRaw(Markdown(plan));
                break;
            default:
                WriteTable(app.Context.Out, plan, person);
                break;
        }

        return ExitCodes.Ok;
    }

    private static string Markdown(GapPlan plan)
    {
        var text = new StringBuilder($"# Gaps for {string.Join(", ", plan.Roles)}\n\n");
        text.Append(MarkdownTable.Write(
            ["#", "Topic", "Level", "Target", "Score", "Next skills", "Practice", "Roadmap stage"],
            plan.Gaps.Select(g => (IReadOnlyList<string?>)
            [
                g.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{g.Name} ({g.Topic})",
                RoleCommand.LevelText(g.SelfLevel, g.EvidencedLevel),
                g.Target.ToString(),
                $"{g.Weight} x {g.Distance} = {g.Score}",
                string.Join(", ", g.NextSkills.Select(s => $"{s.Name} ({s.Level})")),
                string.Join(", ", g.Practice.Select(p => $"{p.Kind.ToString().ToLowerInvariant()} {p.Id}")),
                string.Join(", ", g.Stages.Select(StageText)),
            ])));
        return text.ToString();
    }

    private static void WriteTable(IAnsiConsole console, GapPlan plan, string person)
    {
        if (plan.Gaps.Count == 0)
        {
            console.WriteLine($"No gaps: {person} is at or above every target of {string.Join(", ", plan.Roles)}.");
            return;
        }

        if (Blocks.IsNarrow(console))
        {
            var output = console.Profile.Out.Writer;
            Blocks.WriteWrapped(output, console.Profile.Width, $"Gaps of {person} for {string.Join(", ", plan.Roles)} (score = weight x distance)");
            output.WriteLine();
            Blocks.Write(output, console.Profile.Width, plan.Gaps.Select(g => new Block(
                $"{g.Rank}. {g.Name} ({g.Topic}, {g.Relevance})",
                [
                    ("Level", $"{RoleCommand.LevelText(g.SelfLevel, g.EvidencedLevel)}, target {g.Target}"),
                    ("Score", $"{g.Weight} x {g.Distance} = {g.Score}"),
                    ("Next", Blocks.Some([.. g.NextSkills.Select(s => $"{s.Name} ({s.Level})")], 4)),
                    ("Practice", PracticeSummary(g.Practice)),
                    ("Roadmap", string.Join(", ", g.Stages.Select(s => $"{s.Roadmap} #{s.Number}"))),
                ])));
            return;
        }

        var table = new Table { Title = new TableTitle(Markup.Escape($"Gaps of {person} for {string.Join(", ", plan.Roles)} (score = weight x distance)")) };
        foreach (var header in (string[])["#", "Topic", "Level", "Target", "Score", "Next skills", "Practice", "Roadmap stage"])
        {
            table.AddColumn(header);
        }

        foreach (var g in plan.Gaps)
        {
            var skills = g.NextSkills.Take(4).Select(s => $"{s.Name} ({s.Level})").ToList();
            if (g.NextSkills.Count > 4)
            {
                skills.Add($"+{g.NextSkills.Count - 4} more");
            }

            table.AddRow(
                new Text(g.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text($"{g.Name}\n({g.Topic}, {g.Relevance})"),
                new Text(RoleCommand.LevelText(g.SelfLevel, g.EvidencedLevel)),
                new Text(g.Target.ToString()),
                new Text($"{g.Weight} x {g.Distance} = {g.Score}"),
                new Text(string.Join("\n", skills)),
                new Text(PracticeSummary(g.Practice)),
                new Text(string.Join("\n", g.Stages.Select(s => $"{s.Roadmap} #{s.Number}"))));
        }

        console.Write(table);
    }

    /// <summary>"3 cards, 1 task" (the items that train the next skills, else all of the topic's).</summary>
    private static string PracticeSummary(IReadOnlyList<PracticeRef> practice)
    {
        var parts = practice
            .GroupBy(p => p.Kind)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}{(g.Count() == 1 ? "" : "s")}");
        var text = string.Join(", ", parts);
        return text.Length == 0 ? "-" : text;
    }

    private static string StageText(StageRef stage) => $"{stage.Roadmap} #{stage.Number} {stage.StageName}";
}
