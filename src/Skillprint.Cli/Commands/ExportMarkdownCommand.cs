using System.CommandLine;
using Skillprint.Core.Export;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint export markdown [--out FILE]`: the competency page in the shape of seed 000.</summary>
internal static class ExportMarkdownCommand
{
    public static Command Create(CliApp app)
    {
        var output = new Option<string?>("--out")
        {
            Description = "The file to write (default: ./competencies.<framework>.md, a Dendron-style name). An existing page is updated in place: only the part Skillprint generated is replaced.",
            HelpName = "FILE",
        };
        var allTopics = new Option<bool>("--all-topics")
        {
            Description = "List every topic in the Personal Status table, also those with nothing recorded yet.",
        };
        var person = CliApp.CreatePersonOption();
        var allAuthors = CliApp.CreateAllAuthorsOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("markdown", "Write your competency page as Markdown: a \"Body of Knowledge\" table and a \"Personal Status\" table, with YAML front matter for Dendron or Obsidian. Exporting again updates the same file.")
        {
            output,
            allTopics,
            person,
            allAuthors,
            framework,
        };
        command.SetAction((parsed, cancel) => RunAsync(app, parsed, parsed.GetValue(output), parsed.GetValue(allTopics), app.Person(parsed, person), parsed.GetValue(allAuthors), parsed.GetValue(framework), cancel));
        app.Examples(command, "skillprint export markdown", "skillprint export markdown --out ~/vault/competencies.python.md");
        return command;
    }

    private static async Task<int> RunAsync(CliApp app, ParseResult parsed, string? output, bool allTopics, string person, bool allAuthors, string? frameworkId, CancellationToken cancel)
    {
        var framework = FrameworkChoice.Load(app.Context, frameworkId);
        var status = await StatusCommand.ComputeAsync(app, parsed, framework, person, allAuthors, cancel);
        var path = app.Context.FullPath(ExpandHome(app, output ?? MarkdownExport.DefaultFileName(status)));
        var result = MarkdownExport.WriteFile(status, path, app.Context.Time, new MarkdownExportOptions(allTopics));
        if (!result.Succeeded)
        {
            throw new CommandFailedException(result.Error ?? $"{path}: not written");
        }

        var done = result.Outcome switch
        {
            ExportOutcome.Created => "Wrote",
            ExportOutcome.Updated => "Updated",
            _ => "Added the competency tables to",
        };
        app.Context.Out.Profile.Out.Writer.WriteLine($"{done} {output ?? Path.GetFileName(path)} (page id {result.PageId}).");
        return ExitCodes.Ok;
    }

    internal static string ExpandHome(CliApp app, string path) =>
        path.StartsWith("~/", StringComparison.Ordinal) && app.Context.GetVariable("HOME") is { } home
            ? Path.Combine(home, path[2..])
            : path;
}
