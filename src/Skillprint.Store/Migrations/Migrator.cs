using Dapper;
using Skillprint.Store.Engines;

namespace Skillprint.Store.Migrations;

/// <summary>Brings a database up to the latest schema: each pending migration in its own
/// transaction, recorded in schema_version, so a failed step leaves the previous version whole.</summary>
internal static class Migrator
{
    /// <summary>Applies what is missing and returns the schema version the database is at.</summary>
    public static int Apply(StoreDatabase database, IReadOnlyList<Migration> migrations)
    {
        var latest = migrations[^1].Version;
        var current = database.ReadSchemaVersion(null) ?? 0;
        if (current > latest)
        {
            throw TooNew(database, current, latest);
        }

        foreach (var migration in migrations)
        {
            if (migration.Version > current)
            {
                current = ApplyOne(database, migration, current, latest);
            }
        }

        return current;
    }

    private static int ApplyOne(StoreDatabase database, Migration migration, int current, int latest)
    {
        var connection = database.Connection;
        try
        {
            using var transaction = database.BeginWrite();
            database.LockForMigration(transaction);
            connection.Execute(database.CreateVersionTable, transaction: transaction);

            // Another process may have migrated while this one waited for the lock.
            var now = database.ReadSchemaVersion(transaction) ?? 0;
            if (now > latest)
            {
                throw TooNew(database, now, latest);
            }

            if (now >= migration.Version)
            {
                transaction.Commit();
                return now;
            }

            connection.Execute(migration.ScriptFor(database.Location.Engine), transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_version (version, name) VALUES (@Version, @Name)",
                new { migration.Version, migration.Name },
                transaction);
            transaction.Commit();
            return migration.Version;
        }
        catch (Exception e) when (database.Translate(e) is { } fault)
        {
            if (fault.Fault is StoreFault.Failed)
            {
                throw new StoreException(
                    StoreFault.MigrationFailed,
                    $"could not upgrade the database at {database.Location.Display} to schema version {migration.Version} ({migration.Name}): {e.Message}; it stays at version {current}",
                    e);
            }

            throw fault;
        }
    }

    private static StoreException TooNew(StoreDatabase database, int found, int latest) =>
        new(
            StoreFault.TooNew,
            $"the database at {database.Location.Display} has schema version {found}, but this Skillprint knows versions up to {latest}; open it with a newer Skillprint");
}
