using System.Data.Common;

namespace Skillprint.Store.Tests.Harness;

/// <summary>One real database per test, of one engine, with the raw access the tests need to
/// tamper with it (as another process or a damaged file would).</summary>
public abstract class EngineHarness : IDisposable
{
    /// <summary>The busy timeout the tests give the store, short so lock tests run quickly.</summary>
    public static readonly TimeSpan TestBusyTimeout = TimeSpan.FromSeconds(1);

    public abstract StoreEngine Engine { get; }

    /// <summary>The location of this test's own database (a fresh file, or a fresh schema).</summary>
    public abstract StoreLocation Location { get; }

    /// <summary>A connection of its own to the same database, as another process would have.</summary>
    public abstract DbConnection OpenRaw();

    /// <summary>Holds the write lock of the database (as a second Skillprint writing would) until
    /// disposed.</summary>
    public abstract IDisposable HoldWriteLock();

    /// <summary>Runs <paramref name="sql"/> in a transaction in another session and kills that
    /// session before it commits (kill -9 of a process for SQLite, pg_terminate_backend for
    /// PostgreSQL). Returns a note on what was left behind, for the assertion message.</summary>
    public abstract string KillWriterMidTransaction(string sql);

    public abstract void Dispose();
}
