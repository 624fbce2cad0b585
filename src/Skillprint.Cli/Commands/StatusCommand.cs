using System.CommandLine;
using Skillprint.Cli.Rendering;
using Skillprint.Core;
using Skillprint.Core.Export;
using Skillprint.Core.Status;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint status [--format table|json|markdown] [--person EMAIL | --all-authors] [--explain TOPIC]`: the personal status, topic by topic.</summary>
internal static class StatusCommand
{
    public static Command Create(CliApp app)
    {
        var format = CliApp.CreateFormatOption("table", "json", "markdown");
        var person = CliApp.CreatePersonOption();
        var allAuthors = CliApp.CreateAllAuthorsOption();
        var framework = CliApp.CreateFrameworkOption();
        var explain = new Option<string?>("--explain")
        {
            Description = "Explain one topic: every skill, evidenced or not and where (file:line, repository, date), and why the evidenced level is what it is.",
            HelpName = "TOPIC",
        };
        var withEvidence = new Option<bool>("--evidence")
        {
            Description = "With --format json: every evidence item of each topic (by default each topic counts its evidence; 'skillprint evidence list' pages through it).",
        };
        var since = new Option<string?>("--since")
        {
            Description = "Show what moved since this date instead: levels then and now, and the assessments, evidence, marks and reviews since (ISO 8601; UTC when no offset is given).",
            HelpName = "DATE",
        };
        var command = new Command("status", "Show where you stand, topic by topic: your level (self-assessed, and evidenced by the code `skillprint scan` found), the evidence, the projects active in the topic and the gaps (the skills still to show for the next level).")
        {
            format,
            person,
            allAuthors,
            framework,
            explain,
            withEvidence,
            since,
        };
        command.SetAction((parsed, cancel) => parsed.GetValue(since) is { } sinceText
            ? HistoryCommand.WriteChangesAsync(app, parsed, FrameworkChoice.Load(app.Context, parsed.GetValue(framework)), app.Person(parsed, person), sinceText, CliApp.FormatOf(parsed, format), cancel)
            : RunAsync(app, parsed, CliApp.FormatOf(parsed, format), app.Person(parsed, person), parsed.GetValue(allAuthors), parsed.GetValue(framework), parsed.GetValue(explain), parsed.GetValue(withEvidence), cancel));
        app.Examples(command, "skillprint scan ~/src/myproject && skillprint status", "skillprint status --explain async", "skillprint status --format json | jq '.topics[] | {id, selfLevel, evidencedLevel, gaps}'", "skillprint status --format json --evidence");
        return command;
    }

    /// <summary>The status of one person (see <see cref="StatusService.ComputeAsync"/>).</summary>
    internal static async Task<PersonalStatus> ComputeAsync(CliApp app, ParseResult parsed, Core.Frameworks.Framework framework, string person, bool allAuthors, CancellationToken cancel)
    {
        using var store = app.OpenStore(parsed);
        return await new StatusService(store, app.Context.Time).ComputeAsync(framework, await CliApp.ReaderAsync(store, person, cancel), allAuthors, cancel);
    }

    /// <summary>When none of the scanned code counts for the person, say whose it is, on stderr.</summary>
    private static async Task NoteOtherAuthorsAsync(CliApp app, ParseResult parsed, Core.Frameworks.Framework framework, string person, PersonalStatus status, CancellationToken cancel)
    {
        using var store = app.OpenStore(parsed);
        var service = new StatusService(store, app.Context.Time);
        if (await service.OtherAuthorsOfAsync(framework, await CliApp.ReaderAsync(store, person, cancel), status, cancel) is not { } others)
        {
            return;
        }

        var names = string.Join(", ", others.Top.Select(a => $"{a.Author ?? "unknown"} ({a.Hits})"));
        app.Context.Error.WriteLine(
            $"note: no scanned code is credited to {person}; hits by other authors: {names}{(others.AuthorCount > others.Top.Count ? ", ..." : "")}. " +
            "If one is you: 'skillprint person alias EMAIL', or --person EMAIL, or --all-authors.");
    }

    private static async Task<int> RunAsync(CliApp app, ParseResult parsed, string format, string person, bool allAuthors, string? frameworkId, string? explain, bool withEvidence, CancellationToken cancel)
    {
        var framework = FrameworkChoice.Load(app.Context, frameworkId);
        var explained = explain is null ? null : FrameworkChoice.Topic(framework, explain);
        var status = await ComputeAsync(app, parsed, framework, person, allAuthors, cancel);
        if (explained is not null)
        {
            var explanation = TopicExplanation.Explain(framework, explained, status.Topics.Single(t => t.Id == explained.Id));
            if (string.Equals(format, "json", StringComparison.Ordinal))
            {
                app.WriteRaw(ExplanationJson.Write(explanation));
            }
            else
            {
                WriteExplanation(app, explanation);
            }

            return ExitCodes.Ok;
        }

        switch (format)
        {
            case "json":
                app.WriteRaw(StatusJson.Write(status, withEvidence));
                break;
            case "markdown":
                app.WriteRaw($"# Personal Status: {status.Breadcrumb}\n\n" + MarkdownTable.Write(
                    ["Topic", "Level", "Evidence", "Active Projects", "Gaps"],
                    status.Topics.Select(t => (IReadOnlyList<string?>)[t.Name, MarkdownExport.LevelText(t), MarkdownExport.EvidenceText(t), string.Join(", ", t.ActiveProjects), MarkdownExport.GapsText(t.Gaps)])));
                break;
            default:
                WriteTable(app.Context.Out, status);
                await NoteOtherAuthorsAsync(app, parsed, framework, person, status, cancel);
                break;
        }

        return ExitCodes.Ok;
    }

    private static void WriteTable(IAnsiConsole console, PersonalStatus status)
    {
        if (Blocks.IsNarrow(console))
        {
            WriteBlocks(console, status);
            return;
        }

        var table = new Table { Title = new TableTitle(Markup.Escape($"{status.Breadcrumb}: {status.Person}")) };
        foreach (var header in (string[])["Topic", "Level", "Evidence", "Active Projects", "Gaps"])
        {
            table.AddColumn(header);
        }

        foreach (var topic in status.Topics)
        {
            table.AddRow(
                new Text($"{topic.Name}\n({topic.Id})"),
                new Text(MarkdownExport.LevelText(topic)),
                new Text(MarkdownExport.EvidenceText(topic)),
                new Text(string.Join(", ", topic.ActiveProjects)),
                new Text(MarkdownExport.GapsText(topic.Gaps)));
        }

        console.Write(table);
        if (!status.Topics.Any(t => t.HasStanding))
        {
            console.WriteLine("Nothing recorded yet. Start with: skillprint assess TOPIC LEVEL (for example: skillprint assess async intermediate)");
        }
    }

    /// <summary>The narrow-terminal form of the page: one block per topic, at most five gaps each.</summary>
    private static void WriteBlocks(IAnsiConsole console, PersonalStatus status)
    {
        var output = console.Profile.Out.Writer;
        Blocks.WriteWrapped(output, console.Profile.Width, $"{status.Breadcrumb}: {status.Person ?? "every author"}");
        output.WriteLine();
        Blocks.Write(output, console.Profile.Width, status.Topics.Select(topic => new Block(
            $"{topic.Name} ({topic.Id})",
            [
                ("Level", MarkdownExport.LevelText(topic)),
                ("Evidence", MarkdownExport.EvidenceText(topic)),
                ("Active", string.Join(", ", topic.ActiveProjects)),
                ("Gaps", Blocks.Some([.. topic.Gaps.Select(g => g.Name)], 5, $"skillprint status --explain {topic.Id}")),
            ])));
        if (!status.Topics.Any(t => t.HasStanding))
        {
            output.WriteLine();
            Blocks.WriteWrapped(output, console.Profile.Width, "Nothing recorded yet. Start with: skillprint assess TOPIC LEVEL (for example: skillprint assess async intermediate)");
        }
    }

    private static void WriteExplanation(CliApp app, TopicExplanation explanation)
    {
        var output = app.Context.Out.Profile.Out.Writer;
        var topic = explanation.Status;
        output.WriteLine($"{topic.Name} ({topic.Id}): evidenced {topic.EvidencedLevel}, self-assessed {topic.SelfLevel}");
        output.WriteLine(explanation.Why);
        output.WriteLine($"Strength: {MarkdownExport.StrengthText(topic.Strength)}");
        foreach (var level in explanation.Skills.GroupBy(s => s.Skill.Level))
        {
            output.WriteLine();
            var check = explanation.Checks.Single(c => c.Level == level.Key);
            output.WriteLine($"{level.Key}: {(check.Reached ? "reached" : "not reached")} (skills at {level.Key} or above / places / files: needs {check.Need.Skills} / {check.Need.Places} / {check.Need.Files}, has {check.Skills} / {check.Places} / {check.Files})");
            foreach (var skill in level)
            {
                var mark = skill.Evidenced ? "[x]" : skill.Credited ? "[~]" : skill.Detectable ? "[ ]" : "[-]";
                var note = !skill.Detectable ? " (code cannot show it)" : skill.Credited && !skill.Evidenced ? " (counted through an alternative you show)" : "";
                output.WriteLine($"  {mark} {skill.Skill.Name} ({skill.Skill.Id}){note}");
                foreach (var item in skill.Evidence.Take(3))
                {
                    var code = item.Code!;
                    output.WriteLine($"        {code.Repository}: {code.Path}:{code.Line}, {item.At:yyyy-MM-dd}{(code.Author is null ? "" : ", " + code.Author)}");
                }

                if (skill.Evidence.Count > 3)
                {
                    output.WriteLine($"        ... and {skill.Evidence.Count - 3} more (skillprint evidence list --skill {skill.Skill.Id})");
                }
            }
        }

        if (topic.Gaps.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Gaps: " + string.Join(", ", topic.Gaps.Select(g => g.Name)));
        }
    }
}
