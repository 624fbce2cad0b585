using System.CommandLine;
using Skillprint.Core.Evidence;
using Skillprint.Core.Status;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint evidence add TOPIC[/SKILL] --link URL --note TEXT`: evidence code cannot show.</summary>
internal static class EvidenceAddCommand
{
    public static Command Create(CliApp app)
    {
        var target = new Argument<string>("TOPIC[/SKILL]")
        {
            Description = "A topic id (async), or a topic and one of its skills (async/async.queue or async/queue).",
        };
        var link = new Option<string?>("--link") { Description = "Where the evidence is (a talk's video, a course certificate, a review).", HelpName = "URL" };
        var note = new Option<string?>("--note") { Description = "What it shows.", HelpName = "TEXT" };
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("add", "Record evidence that code cannot show: a talk, a course, a review. Give --link, --note or both.")
        {
            target,
            link,
            note,
            person,
            framework,
        };
        command.SetAction((parsed, cancel) => RunAsync(
            app,
            parsed.GetValue(target)!,
            parsed.GetValue(link),
            parsed.GetValue(note),
            app.Person(parsed, person),
            parsed.GetValue(framework),
            parsed,
            cancel));
        app.Examples(
            command,
            "skillprint evidence add async --link https://example.org/pycon-talk --note \"Talk: asyncio in production\"",
            "skillprint evidence add async/async.queue --note \"Reviewed the queue-based worker pool\"");
        return command;
    }

    private static async Task<int> RunAsync(CliApp app, string target, string? link, string? note, string email, string? frameworkId, ParseResult parsed, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(link) && string.IsNullOrWhiteSpace(note))
        {
            throw new UsageException("give --link URL, --note TEXT, or both");
        }

        var framework = FrameworkChoice.Load(app.Context, frameworkId);
        var (topic, skill) = FrameworkChoice.TopicAndSkill(framework, target);
        using var store = app.OpenStore(parsed);
        var person = await CliApp.WriterAsync(store, email, cancel);
        var entry = await new EvidenceService(store, app.Context.Time).AddAsync(framework, person, topic, skill, link, note, cancel);
        var what = skill is null ? $"{topic.Name} ({topic.Id})" : $"{skill.Name} ({skill.Id})";
        app.Context.Out.Profile.Out.Writer.WriteLine($"Recorded evidence {entry.Id} for {what}, for {person.PrimaryEmail}. Undo: skillprint evidence remove {entry.Id}");
        return ExitCodes.Ok;
    }
}
