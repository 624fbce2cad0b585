using System.CommandLine;
using Skillprint.Core.Export;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint export profile [--out FILE]`: the profile as a skill file in the shape of seed 001.</summary>
internal static class ExportProfileCommand
{
    public static Command Create(CliApp app)
    {
        var output = new Option<string?>("--out")
        {
            Description = "The file to write (default: ./profile.<framework>.md; '-' prints it). A profile written before is replaced; any other file is left alone unless --replace.",
            HelpName = "FILE",
        };
        var replace = new Option<bool>("--replace")
        {
            Description = "Overwrite the --out file even though 'export profile' did not write it.",
        };
        var person = CliApp.CreatePersonOption();
        var allAuthors = CliApp.CreateAllAuthorsOption();
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("profile", "Write your profile as a skill file: Markdown with YAML front matter (name, description, tags, levels, evidence summary) and a paragraph per topic in the second person, for a CV repository or an AI assistant.")
        {
            output,
            replace,
            person,
            allAuthors,
            framework,
        };
        command.SetAction((parsed, cancel) => RunAsync(app, parsed, parsed.GetValue(output), parsed.GetValue(replace), app.Person(parsed, person), parsed.GetValue(allAuthors), parsed.GetValue(framework), cancel));
        app.Examples(command, "skillprint export profile", "skillprint export profile --out ~/cv/python.md", "skillprint export profile --out -");
        return command;
    }

    private static async Task<int> RunAsync(CliApp app, ParseResult parsed, string? output, bool replace, string person, bool allAuthors, string? frameworkId, CancellationToken cancel)
    {
        var framework = FrameworkChoice.Load(app.Context, frameworkId);
        var status = await StatusCommand.ComputeAsync(app, parsed, framework, person, allAuthors, cancel);
        if (output == "-")
        {
            app.Context.Out.Profile.Out.Writer.Write(ProfileExport.Render(status));
            return ExitCodes.Ok;
        }

        var path = app.Context.FullPath(ExportMarkdownCommand.ExpandHome(app, output ?? ProfileExport.DefaultFileName(status)));
        var result = ProfileExport.WriteFile(status, path, replace);
        if (!result.Succeeded)
        {
            throw new CommandFailedException(result.Error ?? $"{path}: not written");
        }

        var done = result.Outcome == ExportOutcome.Created ? "Wrote" : "Replaced";
        app.Context.Out.Profile.Out.Writer.WriteLine($"{done} {output ?? Path.GetFileName(path)} ({ProfileExport.Standing(status).Count} topics).");
        return ExitCodes.Ok;
    }
}
