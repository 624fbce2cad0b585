namespace Skillprint.Store;

/// <summary>What went wrong with the store, so a caller can choose an exit code or a hint.</summary>
public enum StoreFault
{
    /// <summary>Another process holds the database and did not let go within the busy timeout.</summary>
    Locked,

    /// <summary>The file, its folder or the PostgreSQL role cannot be written.</summary>
    ReadOnly,

    /// <summary>The file is not a SQLite database, not Skillprint's, or damaged.</summary>
    Corrupted,

    /// <summary>The database was written by a newer Skillprint (its schema version is unknown here).</summary>
    TooNew,

    /// <summary>An upgrade of the schema failed; the database stays at its old version.</summary>
    MigrationFailed,

    /// <summary>The database's schema is older than this build needs, and it is not migrated by
    /// surprise: `skillprint db migrate` brings it up to date.</summary>
    NeedsMigration,

    /// <summary>The PostgreSQL server cannot be reached.</summary>
    Unreachable,

    /// <summary>The PostgreSQL server refused the login.</summary>
    LoginRefused,

    /// <summary>No space left to write.</summary>
    DiskFull,

    /// <summary>The database location (option, variable or connection string) is not usable.</summary>
    InvalidLocation,

    /// <summary>A value given to the store is not valid (an empty email, an unknown level).</summary>
    InvalidInput,

    /// <summary>Anything else the database reported.</summary>
    Failed,
}

/// <summary>A store failure with a one-line message meant for a person (the CLI prints it as is);
/// the database's own exception, when there is one, is kept as the inner exception.</summary>
public sealed class StoreException : Exception
{
    public StoreException(StoreFault fault, string message, Exception? inner = null)
        : base(OneLine(message), inner)
    {
        Fault = fault;
    }

    public StoreFault Fault { get; }

    internal static string OneLine(string text)
    {
        var parts = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts);
    }
}
