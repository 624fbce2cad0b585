using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Skillprint.Store.Tests.Harness;

public sealed class SqliteHarness : EngineHarness
{
    public SqliteHarness()
    {
        Folder = Path.Combine(Path.GetTempPath(), "skillprint-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "data", "skillprint.db");
        Location = StoreLocation.Sqlite(DatabasePath, "test") with { BusyTimeout = TestBusyTimeout };
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public override StoreEngine Engine => StoreEngine.Sqlite;

    public override StoreLocation Location { get; }

    public override DbConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public override IDisposable HoldWriteLock()
    {
        var connection = OpenRaw();
        using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('held', 'by another process');";
            begin.ExecuteNonQuery();
        }

        return connection;
    }

    /// <summary>CPython's sqlite3 module plays the other process: it starts the transaction, writes
    /// enough rows with a tiny page cache that SQLite spills them into the database file (with a
    /// hot journal beside it), says "ready", and is then killed with SIGKILL.</summary>
    public override string KillWriterMidTransaction(string sql)
    {
        const string script = """
            import sqlite3, sys, time
            con = sqlite3.connect(sys.argv[1], isolation_level=None)
            con.execute("PRAGMA cache_size = 5")
            con.execute("BEGIN IMMEDIATE")
            con.execute(sys.argv[2])
            print("ready", flush=True)
            time.sleep(120)
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(DatabasePath);
        start.ArgumentList.Add(sql);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var line = process.StandardOutput.ReadLine();
        if (line != "ready")
        {
            process.Kill();
            throw new InvalidOperationException($"the python3 writer failed: {process.StandardError.ReadToEnd()}");
        }

        process.Kill(); // SIGKILL on Linux: no rollback, no cleanup
        process.WaitForExit();

        // The kill must have left a half-written transaction on disk, or the test proves nothing.
        var journal = DatabasePath + "-journal";
        if (!File.Exists(journal) || new FileInfo(journal).Length == 0)
        {
            throw new InvalidOperationException("the killed writer left no hot journal: its rows never reached the file");
        }

        return $"a hot journal of {new FileInfo(journal).Length} bytes was left beside the database";
    }

    /// <summary>Makes a file or folder impossible to write, even for root: chattr +i when running
    /// as root (root ignores permission bits), chmod otherwise. Undone by the returned object.</summary>
    public static IDisposable MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the read-only tests use Unix file modes or chattr");
        }

        var isFolder = Directory.Exists(path);
        if (Environment.IsPrivilegedProcess)
        {
            Run("chattr", "+i", path);
            return new Undo(() => Run("chattr", "-i", path));
        }

        var old = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, isFolder
            ? UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            : UnixFileMode.UserRead | UnixFileMode.GroupRead);
        return new Undo(() =>
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, old);
            }
        });
    }

    public override void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed half-way may leave an immutable file; clear it and try again.
            Run("chattr", "-R", "-i", Folder);
            Directory.Delete(Folder, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            Run("chattr", "-R", "-i", Folder);
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
        }
    }

    private sealed class Undo(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
