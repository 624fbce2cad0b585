using Skillprint.Store.Engines;
using Skillprint.Store.Migrations;

namespace Skillprint.Store;

/// <summary>What <see cref="StoreCheck.Run"/> found: the database as a person names it, the
/// schema version it holds (null when it holds none or could not be read) and every problem.</summary>
public sealed record StoreCheckResult(
    string Database,
    StoreEngine Engine,
    int? SchemaVersion,
    int LatestSchemaVersion,
    IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// <c>skillprint db check</c>: on SQLite, the full integrity check of an existing file (read-only:
/// the check creates and changes nothing); on PostgreSQL, that the server answers. On both, that the
/// schema version is one this Skillprint knows. A database that cannot be opened at all is a
/// <see cref="StoreException"/>, as for every other use of the store.
/// </summary>
public static class StoreCheck
{
    public static StoreCheckResult Run(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        using StoreDatabase database = location.Engine == StoreEngine.Sqlite
            ? SqliteDatabase.OpenToCheck(location)
            : PostgresDatabase.Open(location);
        var latest = MigrationCatalog.Latest;
        try
        {
            var problems = database.CheckIntegrity().ToList();
            int? version = null;
            if (problems.Count == 0)
            {
                version = database.ReadSchemaVersion(null);
                if (version is null)
                {
                    problems.Add("it holds no Skillprint schema (there is no schema_version table)");
                }
                else if (version > latest)
                {
                    problems.Add($"schema version {version} is newer than this Skillprint knows (up to {latest}); check it with a newer Skillprint");
                }
            }

            return new StoreCheckResult(location.Display, location.Engine, version, latest, problems);
        }
        catch (Exception e) when (database.Translate(e) is { } fault && !ReferenceEquals(fault, e))
        {
            throw fault;
        }
    }
}
