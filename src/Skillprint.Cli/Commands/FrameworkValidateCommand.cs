using System.CommandLine;
using Skillprint.Core.Frameworks;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint framework validate PATH`: every problem of a framework folder, with its place.</summary>
internal static class FrameworkValidateCommand
{
    public static Command Create(CliApp app)
    {
        var path = new Argument<string>("PATH") { Description = "The framework folder (the one holding framework.yaml)." };
        var command = new Command("validate", "Check a framework folder: every problem is printed on stderr as PATH:LINE:COLUMN: MESSAGE and the exit code is 1; a clean framework prints a one-line summary and exits 0.")
        {
            path,
        };
        command.SetAction(parsed => Run(app, parsed.GetValue(path)!));
        app.Examples(command, "skillprint framework validate content/python", "skillprint framework validate ./my-team-framework");
        return command;
    }

    private static int Run(CliApp app, string path)
    {
        var full = app.Context.FullPath(path);
        if (!Directory.Exists(full))
        {
            throw new UsageException(
                File.Exists(full) ? $"'{path}' is a file; give the framework folder (the one holding framework.yaml)" : $"no such folder: {path}");
        }

        var result = FrameworkLoader.Load(new FolderFrameworkSource(full));
        if (result.Framework is null)
        {
            foreach (var error in result.Errors)
            {
                // The path as the user typed it, so that it reads (and clicks) like theirs.
                var shown = error.Path.Length == 0 ? error : error with { DisplayPath = Path.Join(path, error.Path) };
                app.Context.Error.WriteLine(shown.ToDisplayString());
            }

            app.Context.Error.WriteLine($"{result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")} in {path}");
            return ExitCodes.Failure;
        }

        var framework = result.Framework;
        app.Context.Out.Profile.Out.Writer.WriteLine(
            $"ok: {path}: framework '{framework.Id}', {framework.Topics.Count} topics, {framework.Skills.Count()} skills, " +
            $"{framework.Roles.Count} roles, {framework.Roadmaps.Count} roadmaps, {framework.Cards.Count} cards, " +
            $"{framework.Tasks.Count} tasks, {framework.Challenges.Count} challenges");
        return ExitCodes.Ok;
    }
}
