using System.CommandLine;
using Skillprint.Core;
using Skillprint.Core.Status;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint assess TOPIC LEVEL [--note TEXT]`: records a self-assessment (history is kept).</summary>
internal static class AssessCommand
{
    public static Command Create(CliApp app)
    {
        var topic = new Argument<string>("TOPIC") { Description = "The topic id (see 'skillprint framework show')." };
        var level = new Argument<string>("LEVEL") { Description = "None, Beginner, Intermediate, Advanced or Expert (any case)." };
        var note = new Option<string?>("--note") { Description = "Why you say so, in a few words.", HelpName = "TEXT" };
        var person = CliApp.CreatePersonOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("assess", "Record your own level in a topic. Each assessment is kept with its date; a new one never replaces an old one, and the latest is your current self-assessed level.")
        {
            topic,
            level,
            note,
            person,
            framework,
        };
        command.SetAction((parsed, cancel) => RunAsync(
            app,
            parsed,
            parsed.GetValue(topic)!,
            parsed.GetValue(level)!,
            parsed.GetValue(note),
            app.Person(parsed, person),
            parsed.GetValue(framework),
            cancel));
        app.Examples(command, "skillprint assess async intermediate", "skillprint assess pydantic Advanced --note \"v2 models in domus-api\"");
        return command;
    }

    private static async Task<int> RunAsync(CliApp app, ParseResult parsed, string topicId, string levelText, string? note, string email, string? frameworkId, CancellationToken cancel)
    {
        var framework = FrameworkChoice.Load(app.Context, frameworkId);
        var topic = FrameworkChoice.Topic(framework, topicId);
        if (!Levels.TryParse(levelText, out var level))
        {
            throw new UsageException(
                $"unknown level '{levelText}'",
                $"levels: {string.Join(", ", Enum.GetNames<Level>())} (any case)");
        }

        using var store = app.OpenStore(parsed);
        var person = await CliApp.WriterAsync(store, email, cancel);
        var stored = await store.AddSelfAssessmentAsync(person.Id, new SelfAssessment(person.PrimaryEmail, framework.Id, topic.Id, level, note, app.Context.Time.GetUtcNow()), cancel);
        var history = (await store.GetSelfAssessmentsAsync(person.Id, framework.Id, topic.Id, cancel)).Count;
        app.Context.Out.Profile.Out.Writer.WriteLine(
            $"Recorded: {topic.Name} ({topic.Id}) at {stored.Level} for {stored.Person}, {stored.At:yyyy-MM-dd}. " +
            $"{history} assessment{(history == 1 ? "" : "s")} of this topic so far.");
        return ExitCodes.Ok;
    }
}
