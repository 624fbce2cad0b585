using System.CommandLine;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Skillprint.Core.History;
using Skillprint.Core.Status;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint history [TOPIC] [--since DATE]`: the timeline of assessments, evidence, roles,
/// roadmap marks and reviews; and the "what moved" view behind `status --since`.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliApp app)
    {
        var topic = new Argument<string?>("TOPIC") { Description = "Only this topic's events.", Arity = ArgumentArity.ZeroOrOne };
        var sinceOption = new Option<string?>("--since")
        {
            Description = "Only events after this time (ISO 8601: 2025-03-01 or 2025-03-01T09:30; UTC when no offset is given).",
            HelpName = "DATE",
        };
        var format = CliApp.CreateFormatOption("table", "json");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("history", "Show your timeline: every self-assessment, evidence added or removed, first code evidence of a skill, role chosen, roadmap mark and practice review, with its time.")
        {
            topic,
            sinceOption,
            format,
            person,
            framework,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var topicId = parsed.GetValue(topic) is { } t ? FrameworkChoice.Topic(fw, t).Id : null;
            var who = app.Person(parsed, person);
            var after = parsed.GetValue(sinceOption) is { } s ? GrowthSupport.Time(app, s, "--since") : (DateTimeOffset?)null;
            var (inputs, _) = await InputsAsync(app, parsed, fw, who, cancel);
            var events = Timeline.Build(fw, inputs, topicId).Where(e => after is null || e.At > after).ToList();
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(new HistoryReport(fw.Id, who, topicId, after, events));
                return ExitCodes.Ok;
            }

            var console = app.Context.Out;
            if (events.Count == 0)
            {
                console.WriteLine($"No history{(topicId is null ? "" : $" in {topicId}")}{(after is null ? "" : $" since {GrowthSupport.Show(after.Value)}")} for {who}.");
                return ExitCodes.Ok;
            }

            var table = new Table { Title = new TableTitle(Markup.Escape($"History of {who}{(topicId is null ? "" : $" in {fw.FindTopic(topicId)!.Name}")}")) };
            foreach (var header in (string[])["When", "Topic", "What"])
            {
                table.AddColumn(header);
            }

            foreach (var e in events)
            {
                table.AddRow(new Text(GrowthSupport.Show(e.At)), new Text(e.Topic ?? ""), new Text(e.Text));
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint history", "skillprint history async", "skillprint history --since 2025-01-01 --format json");
        return command;
    }

    /// <summary>What a timeline is built from (see <see cref="GrowthService.HistoryOfAsync"/>).</summary>
    internal static async Task<(HistoryInputs Inputs, IReadOnlyList<EvidenceItem> Evidence)> InputsAsync(CliApp app, ParseResult parsed, Framework framework, string person, CancellationToken cancel)
    {
        using var store = app.OpenStore(parsed);
        return await new GrowthService(store, app.Context.Time).HistoryOfAsync(framework, await CliApp.ReaderAsync(store, person, cancel), cancel);
    }

    /// <summary>`status --since DATE`: what moved since the date, topic by topic.</summary>
    internal static async Task<int> WriteChangesAsync(CliApp app, ParseResult parsed, Framework framework, string person, string sinceText, string format, CancellationToken cancel)
    {
        var since = GrowthSupport.Time(app, sinceText, "--since");
        var (inputs, evidence) = await InputsAsync(app, parsed, framework, person, cancel);
        var changes = StatusChanges.Compute(framework, inputs, evidence, since, app.Context.Time);
        if (format == "json")
        {
            app.WriteJson(ChangesReport.Of(framework.Id, person, changes));
            return ExitCodes.Ok;
        }

        var console = app.Context.Out;
        if (changes.Topics.Count == 0 && changes.Other.Count == 0)
        {
            console.WriteLine($"Nothing moved since {GrowthSupport.Show(since)} for {person}.");
            return ExitCodes.Ok;
        }

        var table = new Table { Title = new TableTitle(Markup.Escape($"What moved since {GrowthSupport.Show(since)}: {person}")) };
        foreach (var header in (string[])["Topic", "Self-assessed", "Evidenced", "Events"])
        {
            table.AddColumn(header);
        }

        foreach (var topic in changes.Topics)
        {
            table.AddRow(
                new Text($"{topic.Name}\n({topic.Topic})"),
                new Text(Move(topic.SelfLevelBefore, topic.SelfLevel)),
                new Text(Move(topic.EvidencedLevelBefore, topic.EvidencedLevel)),
                new Text(string.Join("\n", topic.Events.Select(e => $"{e.At:yyyy-MM-dd} {e.Text}"))));
        }

        if (changes.Other.Count > 0)
        {
            table.AddRow(new Text("(roles)"), new Text(""), new Text(""), new Text(string.Join("\n", changes.Other.Select(e => $"{e.At:yyyy-MM-dd} {e.Text}"))));
        }

        console.Write(table);
        return ExitCodes.Ok;
    }

    private static string Move(Core.Level before, Core.Level now) => before == now ? now.ToString() : $"{before} -> {now}";
}
