using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Skillprint.Bench;

/// <summary>
/// What a command costs before and beside its work, each figure beside the process's own start
/// (<c>skillprint --version</c>) measured in the same run, as child processes the way a person
/// runs them:
/// 1. <c>skillprint status</c> on a store holding one scanned repository (generated: a git
///    repository of a few Python files and commits);
/// 2. <c>skillprint scan</c> of the standard library again with nothing changed.
/// Each command runs N times, interleaved with <c>--version</c>; the medians are printed, wall
/// clock and CPU time (the process's and its children's, such as <c>git</c>), with the ratio of
/// the wall clocks.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- startup [--cli PATH] [--runs N] [--corpus DIR]</c>
/// </summary>
public static class StartupBenchmark
{
    private const string Usage = "usage: Skillprint.Bench startup [--cli PATH] [--runs N] [--corpus DIR]";

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        string? cli = null;
        string? corpus = null;
        var runs = 11;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cli" when i + 1 < args.Length:
                    cli = args[++i];
                    break;
                case "--corpus" when i + 1 < args.Length:
                    corpus = args[++i];
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                default:
                    errors.WriteLine(Usage);
                    return 2;
            }
        }

        cli = cli is null ? FindBuiltCli() : Path.GetFullPath(cli);
        if (cli is null || !File.Exists(cli))
        {
            errors.WriteLine($"no skillprint command at {cli ?? "artifacts/skillprint-cli/cli/skillprint.dll"}: run ./skillprint --version once to build it, or give --cli PATH (a skillprint.dll or executable)");
            return 1;
        }

        corpus ??= ScanBenchmark.DefaultCorpus();
        var work = Directory.CreateTempSubdirectory("skillprint-bench-startup-").FullName;
        try
        {
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");
            output.WriteLine($"command: {cli}");
            output.WriteLine($"runs: {runs} of each, interleaved; medians");
            var repository = Path.Combine(work, "repository");
            MakeRepository(repository);
            var statusDb = Path.Combine(work, "status.db");
            var scan = Exec(cli, work, "scan", repository, "--db", statusDb);
            if (scan.Code != 0)
            {
                errors.WriteLine($"the scan of the generated repository failed ({scan.Code}): {scan.Error}");
                return 1;
            }

            output.WriteLine();
            output.WriteLine($"{"what",-62} {"wall ms",8} {"cpu ms",8} {"ratio",6}");
            var version = new List<Timing>();
            var status = new List<Timing>();
            for (var i = 0; i < runs; i++)
            {
                version.Add(Exec(cli, work, "--version").Checked(errors));
                status.Add(Exec(cli, work, "status", "--db", statusDb, "--all-authors").Checked(errors));
            }

            Rows(output, "skillprint --version (the process's own start)", version, version);
            Rows(output, "skillprint status, store with one scanned repository", status, version);

            if (!Directory.Exists(corpus))
            {
                output.WriteLine($"no corpus at {corpus}: the rescan is left out (give one with --corpus DIR)");
                return 0;
            }

            var copy = Path.Combine(work, "corpus");
            ScanBenchmark.CopyFolder(corpus, copy);
            var corpusDb = Path.Combine(work, "corpus.db");
            var full = Exec(cli, work, "scan", copy, "--db", corpusDb);
            if (full.Code != 0)
            {
                errors.WriteLine($"the scan of the corpus failed ({full.Code}): {full.Error}");
                return 1;
            }

            // The first rescan stamps files the full scan read within its racy window; from then on a
            // rescan finds everything settled.
            Exec(cli, work, "scan", copy, "--db", corpusDb).Checked(errors);
            var versionAgain = new List<Timing>();
            var rescan = new List<Timing>();
            for (var i = 0; i < runs; i++)
            {
                versionAgain.Add(Exec(cli, work, "--version").Checked(errors));
                rescan.Add(Exec(cli, work, "scan", copy, "--db", corpusDb).Checked(errors));
            }

            var summary = rescan[^1].Output.Split('\n').FirstOrDefault(line => line.TrimStart().StartsWith("files:", StringComparison.Ordinal))?.Trim();
            output.WriteLine();
            output.WriteLine($"corpus: {corpus} ({summary}); full scan {full.Wall.TotalSeconds:F2} s");
            output.WriteLine($"{"what",-62} {"wall ms",8} {"cpu ms",8} {"ratio",6}");
            Rows(output, "skillprint --version", versionAgain, versionAgain);
            Rows(output, "skillprint scan, nothing changed", rescan, versionAgain);
            return ParseProcesses(cli, work, copy, Math.Max(3, runs / 3), output, errors);
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

    /// <summary>
    /// Issue 10's whole-process parse: <c>skillprint parse CORPUS</c> (no dump) against CPython's
    /// <c>ast.parse</c> over the same files in a process of its own (tools/bench_cpython_parse.py, one
    /// pass: start, read, parse, exit), interleaved, medians of wall and CPU time.
    /// </summary>
    private static int ParseProcesses(string cli, string work, string corpus, int runs, TextWriter output, TextWriter errors)
    {
        var script = ParseBenchmark.FindTool("bench_cpython_parse.py");
        if (script is null)
        {
            errors.WriteLine($"tools/bench_cpython_parse.py not found above {AppContext.BaseDirectory}");
            return 1;
        }

        var ours = new List<Timing>();
        var cpython = new List<Timing>();
        for (var i = 0; i < runs; i++)
        {
            // skillprint parse exits 1 when a file does not parse (the corpus has a few such on purpose).
            ours.Add(Exec(cli, work, "parse", corpus));
            cpython.Add(ExecProgram("python3", work, script, "--runs", "1", corpus).Checked(errors));
        }

        output.WriteLine();
        output.WriteLine($"whole process, parse only (no dump), {runs} runs each: ratio is CPython's time over ours");
        output.WriteLine($"{"what",-62} {"wall ms",8} {"cpu ms",8} {"ratio",6}");
        Rows(output, "CPython ast.parse, whole process (tools/bench_cpython_parse.py)", cpython, cpython);
        var wall = Median(cpython.Select(t => t.Wall.TotalMilliseconds)) / Median(ours.Select(t => t.Wall.TotalMilliseconds));
        var cpu = Median(cpython.Select(t => t.Cpu.TotalMilliseconds)) / Median(ours.Select(t => t.Cpu.TotalMilliseconds));
        output.WriteLine($"{"skillprint parse, whole process",-62} {Median(ours.Select(t => t.Wall.TotalMilliseconds)),8:F0} {Median(ours.Select(t => t.Cpu.TotalMilliseconds)),8:F0} {wall,5:F1}x faster (CPU {cpu:F1}x)");
        return 0;
    }

    internal sealed record Timing(int Code, TimeSpan Wall, TimeSpan Cpu, string Output, string Error)
    {
        public Timing Checked(TextWriter errors)
        {
            if (Code != 0)
            {
                errors.WriteLine($"exit {Code}: {Error.Trim()}");
            }

            return this;
        }
    }

    private static void Rows(TextWriter output, string what, List<Timing> ours, List<Timing> peer)
    {
        var wall = Median(ours.Select(t => t.Wall.TotalMilliseconds));
        var cpu = Median(ours.Select(t => t.Cpu.TotalMilliseconds));
        var ratio = wall / Median(peer.Select(t => t.Wall.TotalMilliseconds));
        output.WriteLine($"{what,-62} {wall,8:F0} {cpu,8:F0} {ratio,5:F1}x");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Runs the command as a person would (<c>dotnet skillprint.dll</c>, as ./skillprint
    /// does, or an executable), output captured; wall time and the process's own CPU time.</summary>
    internal static Timing Exec(string cli, string directory, params string[] args) =>
        cli.EndsWith(".dll", StringComparison.Ordinal)
            ? ExecProgram("dotnet", directory, [cli, .. args])
            : ExecProgram(cli, directory, args);

    internal static Timing ExecProgram(string program, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(program);
        start.WorkingDirectory = directory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["NO_COLOR"] = "1";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var cpuBefore = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = clock.Elapsed;
        return new Timing(process.ExitCode, wall, ChildrenCpu() - cpuBefore, stdout.Result, stderr.Result);
    }

    /// <summary>User and system time of this process's finished children and theirs
    /// (getrusage(RUSAGE_CHILDREN); Linux x64's struct rusage starts with two timevals).</summary>
    private static TimeSpan ChildrenCpu()
    {
        const int RusageChildren = -1;
        var buffer = new long[18];
        if (GetRusage(RusageChildren, buffer) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds(buffer[0] + buffer[2]) + TimeSpan.FromMicroseconds(buffer[1] + buffer[3]);
    }

    /// <summary>The peak resident memory of the largest finished child of this process so far, in
    /// bytes (getrusage(RUSAGE_CHILDREN).ru_maxrss, kept in KB after the two timevals).</summary>
    internal static long ChildrenPeakMemory()
    {
        const int RusageChildren = -1;
        var buffer = new long[18];
        return GetRusage(RusageChildren, buffer) == 0 ? buffer[4] * 1024 : 0;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
#pragma warning disable SYSLIB1054 // a plain blittable call
    private static extern int GetRusage(int who, [System.Runtime.InteropServices.Out] long[] usage);
#pragma warning restore SYSLIB1054

    /// <summary>The command ./skillprint builds (artifacts/skillprint-cli/cli/skillprint.dll), found
    /// above the current directory or this benchmark's.</summary>
    internal static string? FindBuiltCli()
    {
        foreach (var from in (string[])[Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "artifacts", "skillprint-cli", "cli", "skillprint.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    internal static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>A git repository of 12 Python files over 60 commits by three authors: a small
    /// project, so the figure is what a command costs before its work.</summary>
    private static void MakeRepository(string repository)
    {
        Directory.CreateDirectory(repository);
        Git(repository, "init", "-q");
        var contents = Enumerable.Range(0, 12).Select(_ => new StringBuilder("import asyncio\nfrom dataclasses import dataclass\n")).ToArray();
        for (var i = 0; i < 60; i++)
        {
            var file = i % contents.Length;
            contents[file].Append((i % 3) switch
            {
                0 => $"\n\nasync def job_{i}(q: asyncio.Queue):\n    await asyncio.gather(q.get(), asyncio.sleep({i % 5}))\n",
                1 => $"\n\n@dataclass\nclass Point{i}:\n    x: int = {i}\n",
                _ => $"\n\ndef squares_{i}(values):\n    return {{v: v * v for v in values if v > {i}}}\n",
            });
            File.WriteAllText(Path.Combine(repository, $"module_{file:00}.py"), contents[file].ToString());
            var author = $"dev{i % 3}@example.org";
            Git(repository, "add", "-A");
            Git(repository, "-c", $"user.name=Dev {i % 3}", "-c", $"user.email={author}", "commit", "-q", "-m", $"change {i}");
        }
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {error.Result}");
        }
    }
}
