using System.Data.Common;

namespace Skillprint.Store.Engines;

/// <summary>What differs between SQLite and PostgreSQL below the store: opening, write
/// transactions, time values, the catalogue, and turning the engine's errors into
/// <see cref="StoreException"/>s. Everything else is the same SQL through Dapper.</summary>
internal abstract class StoreDatabase : IDisposable, IAsyncDisposable
{
    protected StoreDatabase(StoreLocation location)
    {
        Location = location;
    }

    public StoreLocation Location { get; }

    /// <summary>A connection of its own for one operation, from the engine's pool (the database
    /// must exist: <see cref="SkillprintStore.Open(StoreLocation)"/> created and checked it).</summary>
    public static StoreDatabase Connect(StoreLocation location) =>
        location.Engine == StoreEngine.Sqlite ? SqliteDatabase.Pooled(location) : PostgresDatabase.Open(location);

    /// <summary><see cref="Connect"/> without blocking a thread while the server answers.</summary>
    public static async Task<StoreDatabase> ConnectAsync(StoreLocation location, CancellationToken cancel) =>
        location.Engine == StoreEngine.Sqlite
            ? SqliteDatabase.Pooled(location)
            : await PostgresDatabase.OpenAsync(location, cancel).ConfigureAwait(false);

    /// <summary>Closes the idle connections this process keeps to the database (when the store is
    /// disposed: a SQLite file is then no longer held open).</summary>
    public static void ClosePool(StoreLocation location)
    {
        if (location.Engine == StoreEngine.Sqlite)
        {
            SqliteDatabase.ClearPool(location);
        }
        else
        {
            PostgresDatabase.ClearPool(location);
        }
    }

    public abstract DbConnection Connection { get; }

    /// <summary>Starts a transaction that holds the write lock from its first statement, so that
    /// waiting for another writer happens here, bounded by the busy timeout.</summary>
    public abstract DbTransaction BeginWrite();

    /// <summary><see cref="BeginWrite"/> without blocking a thread.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(CancellationToken cancel);

    /// <summary>Creates schema_version when it is missing (run inside the first migration's transaction).</summary>
    public abstract string CreateVersionTable { get; }

    /// <summary>The parameter value for a time column.</summary>
    public abstract object Time(DateTimeOffset at);

    public object? Time(DateTimeOffset? at) => at is { } value ? Time(value) : null;

    /// <summary>The version in schema_version, or null when the table does not exist yet. Throws a
    /// <see cref="StoreException"/> when the database holds tables that are not Skillprint's.</summary>
    public abstract int? ReadSchemaVersion(DbTransaction? transaction);

    /// <summary>Serialises migrations between processes (PostgreSQL); SQLite's write lock does it.</summary>
    public abstract void LockForMigration(DbTransaction transaction);

    /// <summary>The tables of this store's schema that have the named column.</summary>
    public abstract IReadOnlyList<string> TablesWithColumn(string column);

    /// <summary>The problems the engine finds in the database's own structure (SQLite's integrity
    /// check); none for a server that keeps its files itself.</summary>
    public abstract IReadOnlyList<string> CheckIntegrity();

    /// <summary>The <see cref="StoreException"/> for a failure of this engine, or null when
    /// <paramref name="error"/> is not a database error.</summary>
    public abstract StoreException? Translate(Exception error);

    /// <summary>True when a write failed only because of a concurrent session: it committed the same
    /// new row first (a unique key), so running it again will see that row, or the server chose this
    /// transaction to end a deadlock or a serialization failure, so running it again may pass.</summary>
    public virtual bool IsLostRace(Exception error) => false;

    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
