using System.Data.Common;
using System.Globalization;
using Dapper;
using Npgsql;

namespace Skillprint.Store.Engines;

internal sealed class PostgresDatabase : StoreDatabase
{
    private readonly NpgsqlConnection connection;
    private readonly string server;

    private PostgresDatabase(StoreLocation location, NpgsqlConnection connection)
        : base(location)
    {
        this.connection = connection;
        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        server = string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}");
    }

    public override DbConnection Connection => connection;

    public static PostgresDatabase Open(StoreLocation location)
    {
        var database = Create(location);
        try
        {
            database.connection.Open();
            return database;
        }
        catch (Exception e) when (database.Translate(e) is { } fault)
        {
            database.Dispose();
            throw fault;
        }
    }

    public static async Task<PostgresDatabase> OpenAsync(StoreLocation location, CancellationToken cancel)
    {
        var database = Create(location);
        try
        {
            await database.connection.OpenAsync(cancel).ConfigureAwait(false);
            return database;
        }
        catch (Exception e) when (database.Translate(e) is { } fault)
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw fault;
        }
    }

    /// <summary>The connection strings with the session settings added, by the location's: one
    /// pool per distinct string, and no round trip per connection to set them.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, TimeSpan), string> Strings = new();

    private static PostgresDatabase Create(StoreLocation location)
    {
        var text = Strings.GetOrAdd((location.Target, location.BusyTimeout), key =>
        {
            // A write that waits for another session's lock gives up after the busy timeout.
            var builder = new NpgsqlConnectionStringBuilder(key.Item1);
            var milliseconds = (long)key.Item2.TotalMilliseconds;
            var setting = string.Create(CultureInfo.InvariantCulture, $"-c lock_timeout={milliseconds}");
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? setting : builder.Options + " " + setting;
            // The store runs the same few statements over and over (a server, request after
            // request): Npgsql prepares the frequent ones on each pooled connection, which spares
            // PostgreSQL parsing and planning them every time. A string that sets it keeps its own.
            if (builder.MaxAutoPrepare == 0)
            {
                builder.MaxAutoPrepare = 64;
            }

            return builder.ConnectionString;
        });
        return new PostgresDatabase(location, new NpgsqlConnection(text));
    }

    public override string CreateVersionTable =>
        """
        CREATE TABLE IF NOT EXISTS schema_version (
            version integer PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    public override DbTransaction BeginWrite() => connection.BeginTransaction();

    public override async Task<DbTransaction> BeginWriteAsync(CancellationToken cancel) =>
        await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);

    public static void ClearPool(StoreLocation location)
    {
        using var database = Create(location);
        NpgsqlConnection.ClearPool(database.connection);
    }

    /// <summary>The server keeps its own files; that it answered at all is the check.</summary>
    public override IReadOnlyList<string> CheckIntegrity() => [];

    public override object Time(DateTimeOffset at) => StoredTime.Normalize(at);

    public override int? ReadSchemaVersion(DbTransaction? transaction)
    {
        var exists = connection.ExecuteScalar<bool>(
            "SELECT to_regclass('schema_version') IS NOT NULL",
            transaction: transaction);
        if (!exists)
        {
            return null;
        }

        return connection.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_version", transaction: transaction) ?? 0;
    }

    public override void LockForMigration(DbTransaction transaction) =>
        connection.Execute(
            "SELECT pg_advisory_xact_lock(hashtext('skillprint-migrations:' || coalesce(current_schema(), '')))",
            transaction: transaction);

    public override IReadOnlyList<string> TablesWithColumn(string column) =>
        connection.Query<string>(
            """
            SELECT table_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND column_name = @column ORDER BY table_name
            """,
            new { column }).ToList();

    public override bool IsLostRace(Exception error) =>
        error is PostgresException { SqlState: "23505" or "40001" or "40P01" };

    public override StoreException? Translate(Exception error)
    {
        switch (error)
        {
            case StoreException store:
                return store;
            case PostgresException e:
                return FromServer(e);
            case NpgsqlException e:
                var reason = e.InnerException?.Message ?? e.Message;
                return new StoreException(StoreFault.Unreachable, $"cannot reach PostgreSQL at {server}: {reason}", e);
            default:
                return null;
        }
    }

    private StoreException FromServer(PostgresException e)
    {
        var display = Location.Display;
        return e.SqlState switch
        {
            // lock_not_available (lock_timeout), deadlock_detected, query_canceled
            "55P03" or "40P01" or "57014" => new StoreException(
                StoreFault.Locked,
                $"the database at {display} is locked by another process; try again when it has finished",
                e),
            "25006" => new StoreException(StoreFault.ReadOnly, $"cannot write to {display}: read-only", e),
            "42501" => new StoreException(StoreFault.ReadOnly, $"cannot write to {display}: read-only ({e.MessageText})", e),
            "28P01" or "28000" => new StoreException(StoreFault.LoginRefused, $"PostgreSQL at {server} refused the login: {e.MessageText}", e),
            "3D000" => new StoreException(StoreFault.InvalidLocation, $"PostgreSQL at {server}: {e.MessageText}", e),
            "3F000" => new StoreException(
                StoreFault.InvalidLocation,
                $"PostgreSQL at {server}: the schema '{new NpgsqlConnectionStringBuilder(Location.Target).SearchPath}' does not exist; create it or change Search Path",
                e),
            "53100" => new StoreException(StoreFault.DiskFull, $"cannot write to {display}: the server's disk is full", e),
            "57P01" or "57P02" or "57P03" => new StoreException(StoreFault.Unreachable, $"cannot reach PostgreSQL at {server}: {e.MessageText}", e),
            _ when e.SqlState.StartsWith("08", StringComparison.Ordinal) =>
                new StoreException(StoreFault.Unreachable, $"cannot reach PostgreSQL at {server}: {e.MessageText}", e),
            _ => new StoreException(StoreFault.Failed, $"the database at {display} failed: {e.MessageText}", e),
        };
    }
}
