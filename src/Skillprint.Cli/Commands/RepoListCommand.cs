using System.CommandLine;
using System.Globalization;
using Skillprint.Core.Repositories;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint repo list [--format table|json]`: what `skillprint scan` has read.</summary>
internal static class RepoListCommand
{
    public static Command Create(CliApp app)
    {
        var format = CliApp.CreateFormatOption("table", "json");
        var command = new Command("list", "List the scanned repositories and folders: id, name (the remote's owner/name when there is one), where, last scan, files and hits kept.")
        {
            format,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var repositories = await new RepositoryService(store).ListAsync(cancel);
            if (string.Equals(CliApp.FormatOf(parsed, format), "json", StringComparison.Ordinal))
            {
                app.WriteJson(repositories);
                return ExitCodes.Ok;
            }

            if (repositories.Count == 0)
            {
                app.Context.Out.WriteLine("Nothing scanned yet: skillprint scan PATH");
                return ExitCodes.Ok;
            }

            var table = new Table();
            foreach (var header in (string[])["Id", "Name", "Where", "Last scan", "Files", "Hits"])
            {
                table.AddColumn(header);
            }

            foreach (var r in repositories)
            {
                table.AddRow(
                    new Text(r.Id.ToString(CultureInfo.InvariantCulture)),
                    new Text(r.Name),
                    new Text(r.Root),
                    new Text(r.LastScan is { } at ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never completed"),
                    new Text(r.Files.ToString(CultureInfo.InvariantCulture)),
                    new Text(r.Hits.ToString(CultureInfo.InvariantCulture)));
            }

            app.Context.Out.Write(table);
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint repo list");
        return command;
    }
}
