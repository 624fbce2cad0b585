using System.CommandLine;
using Skillprint.Core.Repositories;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint repo remove NAME|PATH|ID --yes`: forgets a scanned repository.</summary>
internal static class RepoRemoveCommand
{
    public static Command Create(CliApp app)
    {
        var which = new Argument<string>("REPOSITORY") { Description = "The repository: its name or id as `skillprint repo list` shows it, or its folder." };
        var yes = new Option<bool>("--yes") { Description = "Remove without asking (needed when no one can be asked: a script, a pipe)." };
        var command = new Command("remove", "Forget a scanned repository: its files, code hits and dismissals leave the store (a new scan brings the hits back; dismissals do not come back).")
        {
            which,
            yes,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var text = parsed.GetValue(which) ?? "";
            using var store = app.OpenStore(parsed);
            var service = new RepositoryService(store);
            var found = await service.FindAsync(text, Directory.Exists(app.Context.FullPath(text)) ? app.Context.FullPath(text) : null, cancel);
            if (found.Count == 0)
            {
                throw new UsageException($"no scanned repository '{text}'", "see 'skillprint repo list' for names and ids");
            }

            if (found.Count > 1)
            {
                throw new UsageException($"'{text}' names {found.Count} repositories: {string.Join(", ", found.Select(r => $"{r.Id} ({r.Root})"))}", "give the id or the folder");
            }

            var repository = found[0];
            var what = $"{repository.Name} ({repository.Root}): {repository.Files} files, {repository.Hits} code hits";
            if (!parsed.GetValue(yes) && !Confirm(app, $"Remove {what}? [y/N] "))
            {
                app.Context.Error.WriteLine($"Nothing removed. To remove without asking: skillprint repo remove {repository.Id} --yes");
                return ExitCodes.Failure;
            }

            await service.RemoveAsync(repository, cancel);
            app.Context.Out.Profile.Out.Writer.WriteLine($"Removed {what}. A new scan of {repository.Root} brings its hits back.");
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint repo list", "skillprint repo remove pallets/click --yes");
        return command;
    }

    /// <summary>Asks on the terminal (or reads a line of piped input); no answer is no.</summary>
    internal static bool Confirm(CliApp app, string question)
    {
        if (app.Context.In is { } input)
        {
            app.Context.Error.Write(question);
            var line = input.ReadLine();
            return line is not null && line.Trim().StartsWith('y');
        }

        if (!app.Context.Out.Profile.Capabilities.Interactive)
        {
            return false;
        }

        app.Context.Error.Write(question);
        var key = app.Context.Out.Input.ReadKey(intercept: false);
        app.Context.Error.WriteLine();
        return key is { KeyChar: 'y' or 'Y' };
    }
}
