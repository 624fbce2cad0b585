using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Skillprint.Core.Scanning;

namespace Skillprint.Store.Engines;

internal sealed class SqliteDatabase : StoreDatabase
{
    // SQLite result codes (https://www.sqlite.org/rescode.html).
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;
    private const int ReadOnlyDirectory = ReadOnly | (6 << 8);

    private readonly SqliteConnection connection;

    private SqliteDatabase(StoreLocation location, SqliteConnection connection)
        : base(location)
    {
        this.connection = connection;
    }

    public override DbConnection Connection => connection;

    private string FilePath => Location.Target;

    private string Folder => Path.GetDirectoryName(FilePath) ?? FilePath;

    /// <summary>The files this process has quick-checked (or found stamped as checked), as they were
    /// then: a command opens its store several times, and the check (about 0.2 s on a store of
    /// 100,000 hits) is paid once per process unless the file changed underneath.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, FileStamp> Checked = new(StringComparer.Ordinal);

    /// <summary>
    /// Opens the file (created with its folder when missing). A file with content gets SQLite's quick
    /// check first (every page read once, without checking that indexes match their tables): a damaged
    /// file is refused before anything is written into it. The check is skipped for a file this process
    /// checked and that has not changed since, and for one whose <see cref="CheckedStamp"/> still holds
    /// (it passed the check, or only Skillprint's own writes changed it since).
    /// </summary>
    public static SqliteDatabase Open(StoreLocation location)
    {
        var path = location.Target;
        if (Directory.Exists(path))
        {
            throw new StoreException(StoreFault.InvalidLocation, $"{path} is a folder, not a database file");
        }

        CreateFolder(path);
        var database = Connect(location, SqliteOpenMode.ReadWriteCreate, pooled: false);
        try
        {
            var file = new FileInfo(path);
            var stamped = false;
            if (file is { Exists: true, Length: > 0 }
                && !(Checked.TryGetValue(path, out var seen) && seen == FileStamp.Of(path))
                && !(stamped = CheckedStamp.Holds(path))
                && database.connection.ExecuteScalar<string>("PRAGMA quick_check(1)") is { } verdict
                && Problems(verdict).ToList() is { Count: > 0 } problems)
            {
                throw new StoreException(
                    StoreFault.Corrupted,
                    $"{path} is corrupted (SQLite's quick check: {string.Join("; ", problems)}); nothing is written to it. Restore a backup or move the file away; 'skillprint db check' runs the full check");
            }

            if (file.Exists)
            {
                var now = FileStamp.Of(path);
                if (!stamped && !(Checked.TryGetValue(path, out var before) && before == now))
                {
                    CheckedStamp.Record(path);
                }

                Checked[path] = now;
            }

            return database;
        }
        catch (Exception e) when (database.Translate(e) is { } fault)
        {
            database.Dispose();
            throw fault;
        }
    }

    /// <summary>Opens an existing file read-only, for <see cref="CheckIntegrity"/>: a check never creates or changes a file.</summary>
    public static SqliteDatabase OpenToCheck(StoreLocation location)
    {
        var path = location.Target;
        if (!File.Exists(path))
        {
            throw new StoreException(
                StoreFault.Failed,
                Directory.Exists(path) ? $"{path} is a folder, not a database file" : $"there is no database at {path}");
        }

        return Connect(location, SqliteOpenMode.ReadOnly, pooled: false);
    }

    /// <summary>A pooled connection to the existing file, for one operation of the store.</summary>
    public static SqliteDatabase Pooled(StoreLocation location) => Connect(location, SqliteOpenMode.ReadWrite, pooled: true);

    /// <summary>
    /// SQLite's full integrity check (every page, and every index against its table): the first 100
    /// problems it lists. SQLite may stop the full check at damage it cannot step over; then the quick
    /// check, which stops at the first problem, names at least that one.
    /// </summary>
    public override IReadOnlyList<string> CheckIntegrity()
    {
        foreach (var pragma in (string[])["PRAGMA integrity_check(100)", "PRAGMA quick_check(1)"])
        {
            try
            {
                return connection.Query<string>(pragma).SelectMany(Problems).ToList();
            }
            catch (SqliteException e) when (e.SqliteErrorCode is Corrupt or NotADatabase)
            {
                // The next, smaller check.
            }
        }

        return ["SQLite cannot read the file's structure (database disk image is malformed)"];
    }

    /// <summary>The lines of one row of a check, without "ok" and SQLite's "*** in database main ***" headings.</summary>
    private static IEnumerable<string> Problems(string row) =>
        row.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line != "ok" && !(line.StartsWith("***", StringComparison.Ordinal) && line.EndsWith("***", StringComparison.Ordinal)));

    private static string ConnectionString(StoreLocation location, SqliteOpenMode mode, bool pooled) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = location.Target,
            Mode = mode,
            Pooling = pooled,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(location.BusyTimeout.TotalSeconds)),
        }.ConnectionString;

    private static SqliteDatabase Connect(StoreLocation location, SqliteOpenMode mode, bool pooled)
    {
        var connection = new SqliteConnection(ConnectionString(location, mode, pooled));
        var database = new SqliteDatabase(location, connection);
        try
        {
            connection.Open();
            var busyMilliseconds = (long)location.BusyTimeout.TotalMilliseconds;
            connection.Execute(string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA foreign_keys = ON;"));
            return database;
        }
        catch (Exception e) when (database.Translate(e) is { } fault)
        {
            database.Dispose();
            throw fault;
        }
    }

    public override string CreateVersionTable =>
        """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )
        """;

    public override DbTransaction BeginWrite() => connection.BeginTransaction(deferred: false);

    // SQLite has no asynchronous I/O: its async methods run synchronously.
    public override Task<DbTransaction> BeginWriteAsync(CancellationToken cancel) => Task.FromResult(BeginWrite());

    /// <summary>Closes the pooled connections, and stamps the file as checked again when this
    /// process's writes changed it since it was checked or found stamped.</summary>
    public static void ClearPool(StoreLocation location)
    {
        using (var connection = new SqliteConnection(ConnectionString(location, SqliteOpenMode.ReadWrite, pooled: true)))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            if (Checked.TryGetValue(location.Target, out var opened) && FileStamp.Of(location.Target) != opened)
            {
                CheckedStamp.Record(location.Target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file is gone or cannot be seen: nothing to stamp.
        }
    }

    public override object Time(DateTimeOffset at) => StoredTime.ToSqliteText(at);

    public override int? ReadSchemaVersion(DbTransaction? transaction)
    {
        var tables = connection.Query<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
            transaction: transaction).ToList();
        if (!tables.Contains("schema_version", StringComparer.Ordinal))
        {
            if (tables.Count > 0)
            {
                throw NotSkillprint(null);
            }

            return null;
        }

        return connection.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_version", transaction: transaction) ?? 0;
    }

    public override void LockForMigration(DbTransaction transaction)
    {
        // BEGIN IMMEDIATE already holds the database's write lock.
    }

    public override IReadOnlyList<string> TablesWithColumn(string column) =>
        connection.Query<string>(
            """
            SELECT m.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c
            WHERE m.type = 'table' AND c.name = @column ORDER BY m.name
            """,
            new { column }).ToList();

    public override StoreException? Translate(Exception error)
    {
        if (error is StoreException store)
        {
            return store;
        }

        if (error is not SqliteException e)
        {
            return null;
        }

        return e.SqliteErrorCode switch
        {
            Busy or Locked => new StoreException(
                StoreFault.Locked,
                $"the database at {FilePath} is locked by another process (waited {Seconds(Location.BusyTimeout)}); try again when it has finished",
                e),
            ReadOnly when e.SqliteExtendedErrorCode == ReadOnlyDirectory =>
                new StoreException(StoreFault.ReadOnly, $"cannot write to {Folder}: read-only", e),
            ReadOnly => new StoreException(StoreFault.ReadOnly, $"cannot write to {FilePath}: read-only", e),
            CantOpen when !File.Exists(FilePath) => new StoreException(
                StoreFault.ReadOnly,
                $"cannot write to {Folder}: read-only (the database {Path.GetFileName(FilePath)} cannot be created there)",
                e),
            CantOpen => new StoreException(
                StoreFault.ReadOnly,
                $"cannot write to {Folder}: read-only (SQLite cannot open its journal beside {Path.GetFileName(FilePath)})",
                e),
            Corrupt or NotADatabase => NotSkillprint(e),
            Full => new StoreException(StoreFault.DiskFull, $"cannot write to {FilePath}: the disk is full", e),
            _ => new StoreException(StoreFault.Failed, $"the database at {FilePath} failed: {e.Message}", e),
        };
    }

    private StoreException NotSkillprint(Exception? inner) =>
        new(StoreFault.Corrupted, $"{FilePath} is not a Skillprint database or is corrupted", inner);

    private static string Seconds(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");

    private static void CreateFolder(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StoreException(StoreFault.ReadOnly, $"cannot write to {NearestExisting(folder)}: read-only (cannot create the folder {folder})", e);
        }
        catch (IOException e)
        {
            // Not a wrong command line (exit 2) but a failure (exit 1): most often a file where a folder should be.
            var reason = FileInTheWay(folder) is { } file ? $"{file} is a file, not a folder" : e.Message;
            throw new StoreException(StoreFault.Failed, $"cannot create the data folder {folder}: {reason}", e);
        }
    }

    /// <summary>The nearest existing path above <paramref name="folder"/> when it is a file.</summary>
    private static string? FileInTheWay(string folder)
    {
        for (var current = Path.GetDirectoryName(folder); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                return current;
            }

            if (Directory.Exists(current))
            {
                return null;
            }
        }

        return null;
    }

    private static string NearestExisting(string folder)
    {
        var current = Path.GetDirectoryName(folder);
        while (!string.IsNullOrEmpty(current) && !Directory.Exists(current))
        {
            current = Path.GetDirectoryName(current);
        }

        return current ?? folder;
    }
}
