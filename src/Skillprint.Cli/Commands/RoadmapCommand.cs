using System.CommandLine;
using System.Globalization;
using Skillprint.Core.Growth;
using Skillprint.Core.Roadmaps;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint roadmap list|show [ID]|mark ITEM STATUS|next [ID]`: progress along the roadmaps.</summary>
internal static class RoadmapCommand
{
    public static Command Create(CliApp app)
    {
        var roadmap = new Command("roadmap", "Follow a roadmap: stages of topics and skills, each todo, doing, done or skipped. A status belongs to the skill or topic, so it counts in every roadmap that holds it; a skill with evidence shows done unless you mark it otherwise.")
        {
            List(app),
            Show(app),
            Mark(app),
            Next(app),
        };
        app.Examples(roadmap, "skillprint roadmap show python-80-20", "skillprint roadmap mark async.gather done", "skillprint roadmap next");
        return roadmap;
    }

    private static Command List(CliApp app)
    {
        var format = CliApp.CreateFormatOption("table", "json");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("list", "List the roadmaps with your overall progress in each.") { format, person, framework };
        app.Examples(command, "skillprint roadmap list", "skillprint roadmap list --format json");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var who = app.Person(parsed, person);
            var data = await GrowthSupport.LoadAsync(app, parsed, fw, who, cancel);
            var all = fw.Roadmaps.Select(r => RoadmapProgress.Compute(fw, r, data.Book)).ToList();
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(RoadmapListReport.Of(fw.Id, data.Person.PrimaryEmail, all));
                return ExitCodes.Ok;
            }

            var table = new Table { Title = new TableTitle(Markup.Escape($"Roadmaps of {fw.Name}: {who}")) };
            foreach (var header in (string[])["Roadmap", "Name", "Stages", "Items", "Progress"])
            {
                table.AddColumn(header);
            }

            foreach (var r in all)
            {
                table.AddRow(r.Id, Markup.Escape(r.Name), r.Stages.Count.ToString(CultureInfo.InvariantCulture), r.Count.Total.ToString(CultureInfo.InvariantCulture), Markup.Escape(ProgressText(r.Count)));
            }

            app.Context.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliApp app)
    {
        var id = new Argument<string?>("ID") { Description = "The roadmap id; all roadmaps when left out.", Arity = ArgumentArity.ZeroOrOne };
        var format = CliApp.CreateFormatOption("table", "json");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("show", "Show a roadmap's stages with each item's status (and where it comes from: your mark, evidence, the topic's mark), progress per stage and overall (done plus skipped over all).")
        {
            id,
            format,
            person,
            framework,
        };
        app.Examples(command, "skillprint roadmap show python-80-20", "skillprint roadmap show --format json");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var roadmaps = parsed.GetValue(id) is { } wanted ? [GrowthSupport.Roadmap(fw, wanted)] : fw.Roadmaps.ToList();
            var who = app.Person(parsed, person);
            var data = await GrowthSupport.LoadAsync(app, parsed, fw, who, cancel);
            var all = roadmaps.Select(r => RoadmapProgress.Compute(fw, r, data.Book)).ToList();
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(new RoadmapsReport(fw.Id, data.Person.PrimaryEmail, all));
                return ExitCodes.Ok;
            }

            foreach (var roadmap in all)
            {
                WriteRoadmap(app.Context.Out, roadmap);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteRoadmap(IAnsiConsole console, RoadmapProgress roadmap)
    {
        console.WriteLine($"{roadmap.Name} ({roadmap.Id}): {ProgressText(roadmap.Count)}");
        var table = new Table();
        foreach (var header in (string[])["#", "Stage", "Items", "Progress"])
        {
            table.AddColumn(header);
        }

        foreach (var stage in roadmap.Stages)
        {
            table.AddRow(
                new Text(stage.Number.ToString(CultureInfo.InvariantCulture)),
                new Text($"{stage.Name}\n({stage.Id})"),
                new Text(string.Join("\n", stage.Items.Select(ItemText))),
                new Text(ProgressText(stage.Count)));
        }

        console.Write(table);
        console.WriteLine();
    }

    private static Command Mark(CliApp app)
    {
        var item = new Argument<string>("ITEM") { Description = "A topic id (async) or a skill id (async.queue, or async/queue)." };
        var status = new Argument<string>("STATUS") { Description = "todo, doing, done or skipped." };
        var at = GrowthSupport.CreateAtOption("When the mark is made");
        var format = CliApp.CreateFormatOption("text", "json");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("mark", "Mark a topic or skill todo, doing, done or skipped. The mark counts in every roadmap holding the item; the history keeps every mark.")
        {
            item,
            status,
            at,
            format,
            person,
            framework,
        };
        app.Examples(command, "skillprint roadmap mark async.gather done", "skillprint roadmap mark packaging skipped", "skillprint roadmap mark async/queue doing --format json");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var marked = GrowthSupport.Item(fw, parsed.GetValue(item)!);
            var statusText = parsed.GetValue(status)!;
            if (!ProgressStatuses.TryParse(statusText, out var value))
            {
                throw new UsageException($"unknown status '{statusText}'", "statuses: todo, doing, done, skipped");
            }

            var who = app.Person(parsed, person);
            var time = GrowthSupport.Time(app, parsed.GetValue(at));
            GrowthData data;
            using (var store = app.OpenStore(parsed))
            {
                data = await new GrowthService(store, app.Context.Time).MarkAsync(fw, await CliApp.WriterAsync(store, who, cancel), marked.Id, value, time, cancel);
            }

            var report = MarkReport.Of(data, marked, value, time);
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(report);
                return ExitCodes.Ok;
            }

            var output = app.Context.Out.Profile.Out.Writer;
            output.WriteLine($"Marked {marked.Name} {value.Name()} for {who}.");
            if (report.Shows.Status != value)
            {
                output.WriteLine($"It shows as {report.Shows.Status.Name()}: {SourceText(report.Shows.Source)}.");
            }

            foreach (var roadmap in report.Roadmaps)
            {
                output.WriteLine($"{roadmap.Name} ({roadmap.Id}): {ProgressText(roadmap.Progress)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Next(CliApp app)
    {
        var id = new Argument<string?>("ID") { Description = "The roadmap id; the framework's first roadmap when left out.", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "How many items.", DefaultValueFactory = _ => 5, HelpName = "N" };
        var format = CliApp.CreateFormatOption("table", "json");
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("next", "The next items to learn: those in progress first, then the items of your gap topics, then the roadmap's order; items whose topic needs a prerequisite you do not have yet wait.")
        {
            id,
            limit,
            format,
            person,
            framework,
        };
        app.Examples(command, "skillprint roadmap next", "skillprint roadmap next python-developer --limit 10 --format json");
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            if (fw.Roadmaps.Count == 0)
            {
                throw new CommandFailedException($"{FrameworkChoice.Describe(fw)} has no roadmap");
            }

            var roadmap = parsed.GetValue(id) is { } wanted ? GrowthSupport.Roadmap(fw, wanted) : fw.Roadmaps[0];
            var count = parsed.GetValue(limit);
            if (count < 1)
            {
                throw new UsageException($"--limit must be 1 or more, not {count}");
            }

            var who = app.Person(parsed, person);
            var (data, plan) = await GapsCommand.PlanAsync(app, parsed, fw, who, [], required: false, cancel);
            var progress = RoadmapProgress.Compute(fw, roadmap, data.Book);
            var next = NextSteps.Compute(fw, progress, data.Status, data.Book, plan, count);
            if (CliApp.FormatOf(parsed, format) == "json")
            {
                app.WriteJson(NextReport.Of(fw.Id, data.Person.PrimaryEmail, plan, next));
                return ExitCodes.Ok;
            }

            var console = app.Context.Out;
            if (next.Steps.Count == 0)
            {
                console.WriteLine(next.Blocked.Count == 0
                    ? $"Nothing left in {roadmap.Name}: every item is done or skipped."
                    : $"Every open item of {roadmap.Name} waits for a prerequisite: {string.Join(", ", next.Blocked.SelectMany(b => b.Missing).Distinct(StringComparer.Ordinal))}.");
                return ExitCodes.Ok;
            }

            var table = new Table { Title = new TableTitle(Markup.Escape($"Next in {roadmap.Name} for {who}")) };
            foreach (var header in (string[])["Item", "Stage", "Status", "Why"])
            {
                table.AddColumn(header);
            }

            foreach (var step in next.Steps)
            {
                table.AddRow(
                    new Text($"{step.Item.Name} ({step.Item.Id})"),
                    new Text($"#{step.Stage} {step.StageName}"),
                    new Text(step.Item.Status.Name()),
                    new Text(step.Reason switch
                    {
                        NextReason.InProgress => "in progress",
                        NextReason.Gap => $"gap #{step.GapRank} ({step.Item.Topic})",
                        _ => "next in order",
                    }));
            }

            console.Write(table);
            if (next.Blocked.Count > 0)
            {
                console.WriteLine($"{next.Blocked.Count} items wait for a prerequisite topic: {string.Join(", ", next.Blocked.SelectMany(b => b.Missing).Distinct(StringComparer.Ordinal))}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ItemText(StageItem item)
    {
        var box = item.Status switch
        {
            ProgressStatus.Done => "[x]",
            ProgressStatus.Doing => "[~]",
            ProgressStatus.Skipped => "[-]",
            _ => "[ ]",
        };
        var why = item.Source switch
        {
            StatusSource.Evidence => " (evidence)",
            StatusSource.Topic => " (topic mark)",
            StatusSource.Skills => " (from its skills)",
            _ => "",
        };
        return $"{box} {item.Name} ({item.Id}){why}";
    }

    private static string SourceText(StatusSource source) => source switch
    {
        StatusSource.Evidence => "its evidence makes it done",
        StatusSource.Topic => "it follows its topic's mark",
        StatusSource.Skills => "it follows its skills",
        _ => "no mark",
    };

    internal static string ProgressText(ProgressCount count) =>
        $"{count.Done + count.Skipped}/{count.Total} ({GrowthSupport.Percent(count.Progress)}): {count.Done} done, {count.Skipped} skipped, {count.Doing} doing, {count.Todo} todo";
}
