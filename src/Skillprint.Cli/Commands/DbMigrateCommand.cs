using System.CommandLine;
using Skillprint.Store;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint db migrate`: brings the database to this build's schema, on purpose.</summary>
internal static class DbMigrateCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("migrate", "Bring the database to the schema this Skillprint needs (each step in its own transaction; a failed step leaves the version before it). Needed for PostgreSQL, which is never migrated by surprise; a local SQLite file is migrated when a command opens it.");
        command.SetAction(parsed =>
        {
            var location = app.LocateStore(parsed);
            var before = SkillprintStore.ReadSchemaVersion(location);
            using var store = SkillprintStore.Open(location);
            var output = app.Context.Out.Profile.Out.Writer;
            output.WriteLine(before == store.SchemaVersion
                ? $"{location.Display} is already at schema version {store.SchemaVersion}."
                : $"Migrated {location.Display} from schema version {before} to {store.SchemaVersion}.");
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint db migrate --db 'Host=db.example.org;Database=skillprint;Username=skillprint'", "skillprint db migrate");
        return command;
    }
}
