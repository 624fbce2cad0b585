using System.CommandLine;
using Skillprint.Store;

namespace Skillprint.Cli.Commands;

/// <summary>
/// `skillprint db check [--format text|json]`: SQLite's full integrity check of the database file, or on
/// PostgreSQL that the server answers; on both, that the schema version is known. Exit 0 when all is
/// well, 1 with every problem on stderr otherwise.
/// </summary>
internal static class DbCheckCommand
{
    public static Command Create(CliApp app)
    {
        var format = CliApp.CreateFormatOption("text", "json");
        var command = new Command("check", "Check the database: on SQLite the full integrity check of the file (it is only read), on PostgreSQL that the server answers; on both that its schema version is one this Skillprint knows. Problems go to stderr, one a line, and the exit code is 1.")
        {
            format,
        };
        command.SetAction(parsed => Run(app, parsed, CliApp.FormatOf(parsed, format)));
        app.Examples(command, "skillprint db check", "skillprint db check --db ~/backup/skillprint.db");
        return command;
    }

    private static int Run(CliApp app, ParseResult parsed, string format)
    {
        var result = StoreCheck.Run(app.LocateStore(parsed));
        if (format == "json")
        {
            app.WriteJson(new { database = result.Database, engine = result.Engine, result.SchemaVersion, result.LatestSchemaVersion, result.Ok, result.Problems });
            return result.Ok ? ExitCodes.Ok : ExitCodes.Failure;
        }

        if (!result.Ok)
        {
            foreach (var problem in result.Problems)
            {
                app.Context.Error.WriteLine($"{result.Database}: {problem}");
            }

            app.Context.Error.WriteLine($"{result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")} in {result.Database}");
            return ExitCodes.Failure;
        }

        var checkedHow = result.Engine == StoreEngine.Sqlite ? "SQLite's integrity check passed" : "the server answers";
        app.Context.Out.Profile.Out.Writer.WriteLine(
            $"ok: {result.Database}: {checkedHow}; schema version {result.SchemaVersion} (this Skillprint knows up to {result.LatestSchemaVersion})");
        return ExitCodes.Ok;
    }
}
