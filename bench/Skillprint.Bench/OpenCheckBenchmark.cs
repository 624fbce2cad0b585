using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Skillprint.Core.Detection;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Scanning;
using Skillprint.Store;

namespace Skillprint.Bench;

/// <summary>
/// What the check of a SQLite file costs (issue 8): every command's open runs SQLite's quick check,
/// and <c>skillprint db check</c> the full integrity check. On a store holding a scan of a corpus
/// (default: the CPython 3.11 standard library, about 110,000 hits), the median of several runs of:
/// an open without any check (the baseline), the quick check alone, <c>SkillprintStore.Open</c>, and
/// the integrity check; the two checks also through CPython's sqlite3 module on the same file, in the
/// same run, as the peer.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- open-check [--db FILE] [--corpus DIR] [--runs N]</c>
/// </summary>
public static class OpenCheckBenchmark
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        string? database = null;
        string? corpus = null;
        var runs = 7;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db" when i + 1 < args.Length:
                    database = args[++i];
                    break;
                case "--corpus" when i + 1 < args.Length:
                    corpus = args[++i];
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                default:
                    errors.WriteLine("usage: Skillprint.Bench open-check [--db FILE] [--corpus DIR] [--runs N]");
                    return 2;
            }
        }

        var work = Directory.CreateTempSubdirectory("skillprint-bench-check-").FullName;
        try
        {
            var path = Path.Combine(work, "store.db");
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            if (database is not null)
            {
                File.Copy(database, path);
                output.WriteLine($"store: a copy of {database}");
            }
            else if (!Fill(path, corpus, output, errors))
            {
                return 1;
            }

            var location = StoreLocation.Sqlite(path);
            using (var count = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
            {
                count.Open();
                using var command = count.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM hits";
                var hits = (long)command.ExecuteScalar()!;
                output.WriteLine($"store: {new FileInfo(path).Length / 1e6:F1} MB, {hits:N0} hits; median of {runs} runs, each on a new connection (the file is in the page cache after the first)");
            }

            var baseline = Median(runs, () => Query(path, "SELECT MAX(version) FROM schema_version"));
            var quick = Median(runs, () => Query(path, "PRAGMA quick_check(1)"));
            var open = Median(runs, () => SkillprintStore.Open(location).Dispose());
            var full = Median(runs, () => Query(path, "PRAGMA integrity_check(100)"));
            var peerQuick = Peer(path, "PRAGMA quick_check(1)", runs, errors);
            var peerFull = Peer(path, "PRAGMA integrity_check(100)", runs, errors);

            output.WriteLine();
            output.WriteLine($"{"what",-66} {"ms",9} {"ratio",7}");
            Row(output, "open and read the schema version, no check (baseline)", baseline, null);
            Row(output, "quick check alone (Microsoft.Data.Sqlite)", quick, peerQuick?.Median);
            Row(output, "SkillprintStore.Open: open, quick check, schema version", open, null);
            Row(output, "integrity check, as 'db check' runs it (Microsoft.Data.Sqlite)", full, peerFull?.Median);
            if (peerQuick is { } q && peerFull is { } f)
            {
                Row(output, $"peer: quick check, CPython sqlite3 (SQLite {q.Version})", q.Median, null);
                Row(output, $"peer: integrity check, CPython sqlite3 (SQLite {f.Version})", f.Median, null);
            }

            output.WriteLine();
            output.WriteLine($"the quick check adds {quick - baseline:F0} ms to opening this store; ratio: ours / CPython's for the same pragma on the same file");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Scans the corpus (copied out of any git work tree it sits in) into a fresh store.</summary>
    private static bool Fill(string path, string? corpus, TextWriter output, TextWriter errors)
    {
        corpus ??= ParseBenchmark.DefaultCorpus();
        if (!Directory.Exists(corpus))
        {
            errors.WriteLine($"no corpus at {corpus}; give one with --corpus DIR, or a store with --db FILE");
            return false;
        }

        var copy = Path.Combine(Path.GetDirectoryName(path)!, "corpus");
        foreach (var file in Directory.EnumerateFiles(corpus, "*.py", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var rules = CompiledRules.Compile(BuiltInFrameworks.Load("python").Framework!);
        using var store = SkillprintStore.Open(StoreLocation.Sqlite(path));
        var clock = Stopwatch.StartNew();
        new Scanner(rules, store, new GitRunner(), new ScanOptions("bench@example.org")).Scan([copy]);
        output.WriteLine($"store: the scan of {corpus} ({clock.Elapsed.TotalSeconds:F1} s)");
        return true;
    }

    private static void Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }

    private static double Median(int runs, Action action)
    {
        action(); // warm-up: JIT, and the file into the page cache
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>The same pragma through CPython's sqlite3 (tools/bench_sqlite_check.py), timed by the script.</summary>
    private static (string Version, double Median)? Peer(string path, string pragma, int runs, TextWriter errors)
    {
        var script = ParseBenchmark.FindTool("bench_sqlite_check.py");
        if (script is null)
        {
            errors.WriteLine("tools/bench_sqlite_check.py not found");
            return null;
        }

        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[script, "--runs", runs.ToString(CultureInfo.InvariantCulture), path, pragma])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            errors.WriteLine("python3 failed: " + stderr.Result.Trim());
            return null;
        }

        using var json = JsonDocument.Parse(stdout.Result);
        return (json.RootElement.GetProperty("sqlite").GetString()!, json.RootElement.GetProperty("median").GetDouble());
    }

    private static void Row(TextWriter output, string name, double ms, double? peer) =>
        output.WriteLine($"{name,-66} {ms,9:F1} {(peer is { } p ? (ms / p).ToString("F2", CultureInfo.InvariantCulture) : ""),7}");
}
