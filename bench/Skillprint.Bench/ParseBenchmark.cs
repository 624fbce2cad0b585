using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Skillprint.Python;

namespace Skillprint.Bench;

/// <summary>
/// Parses a corpus of Python files (default: the 3.11 standard library, site-packages left out),
/// read into memory once, with our parser on one thread and on every core, and with CPython's
/// ast.parse in a child process (tools/bench_cpython_parse.py) under python3 and, when present,
/// Python 3.13; each the median of N runs. Prints MB/s (10^6 bytes) and lines/s, our ratio to
/// CPython, the bytes we allocate per source byte and the peak working set.
/// </summary>
internal static class ParseBenchmark
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var corpus = DefaultCorpus();
        var runs = 5;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus" when i + 1 < args.Length:
                    corpus = args[++i];
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                default:
                    errors.WriteLine($"parse: unknown or incomplete option '{args[i]}' (options: --corpus DIR, --runs N)");
                    return 2;
            }
        }

        if (!Directory.Exists(corpus))
        {
            errors.WriteLine($"parse: corpus folder not found: {corpus}");
            return 1;
        }

        var files = Directory.EnumerateFiles(corpus, "*.py", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/site-packages/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToArray();
        long bytes = files.Sum(f => (long)f.Length);
        long lines = files.Sum(f => (long)f.AsSpan().Count((byte)'\n'));
        output.WriteLine($"corpus: {corpus} (site-packages left out): {files.Length} files, {bytes / 1e6:F1} MB, {lines:N0} lines; median of {runs} runs");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        output.WriteLine();

        // Warm up (JIT, tiering) and count what CPython would count as rejected.
        var rejected = 0;
        for (var warm = 0; warm < 2; warm++)
        {
            rejected = files.Count(f => !PythonParser.Parse(f).Success);
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var single = Median(runs, () =>
        {
            foreach (var file in files)
            {
                PythonParser.Parse(file);
            }
        });
        var allocatedPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)runs;
        var parallel = Median(runs, () => Parallel.ForEach(files, file => PythonParser.Parse(file)));

        output.WriteLine($"{"parser",-44} {"MB/s",8} {"lines/s",12} {"seconds",9}");
        Row(output, "Skillprint, 1 thread", bytes, lines, single);
        Row(output, $"Skillprint, {Environment.ProcessorCount} threads (Parallel.ForEach)", bytes, lines, parallel);

        var peers = new List<(string Name, double Seconds)>();
        foreach (var (label, pyenv) in new[] { ("python3", (string?)null), ("Python 3.13", "3.13.0") })
        {
            var peer = RunCPython(corpus, runs, pyenv, errors);
            if (peer is null)
            {
                output.WriteLine($"{label}: not available");
                continue;
            }

            var name = $"CPython {peer.Value.Version} ast.parse, 1 thread";
            if (peers.Any(p => p.Name == name))
            {
                continue;
            }

            Row(output, name, peer.Value.Bytes, peer.Value.Lines, peer.Value.Seconds);
            peers.Add((name, peer.Value.Seconds));
            if (peer.Value.Files != files.Length)
            {
                output.WriteLine($"  (CPython read {peer.Value.Files} files, we read {files.Length})");
            }
        }

        output.WriteLine();
        foreach (var (name, seconds) in peers)
        {
            output.WriteLine($"ours (1 thread) / {name}: {seconds / single:F1}x");
        }

        output.WriteLine($"allocated: {allocatedPerRun / bytes:F1} bytes per source byte ({allocatedPerRun / 1e6:F0} MB per pass over the corpus)");
        output.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB (corpus held in memory: {bytes / 1e6:F0} MB)");
        output.WriteLine($"files with diagnostics: {rejected} of {files.Length}");
        return 0;
    }

    /// <summary>The 3.11 standard library under pyenv, the corpus every benchmark uses by default.</summary>
    internal static string DefaultCorpus()
    {
        var pyenvRoot = Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        return Path.Combine(pyenvRoot, "versions", "3.11.7", "lib", "python3.11");
    }

    private static double Median(int runs, Action pass)
    {
        var seconds = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            pass();
            seconds[i] = clock.Elapsed.TotalSeconds;
        }

        Array.Sort(seconds);
        return runs % 2 == 1 ? seconds[runs / 2] : (seconds[(runs / 2) - 1] + seconds[runs / 2]) / 2;
    }

    private static void Row(TextWriter output, string name, long bytes, long lines, double seconds) =>
        output.WriteLine($"{name,-44} {bytes / 1e6 / seconds,8:F1} {lines / seconds,12:N0} {seconds,9:F3}");

    private static (string Version, int Files, long Bytes, long Lines, double Seconds)? RunCPython(string corpus, int runs, string? pyenvVersion, TextWriter errors)
    {
        using var json = PythonScript.Run("bench_cpython_parse.py", ["--runs", runs.ToString(CultureInfo.InvariantCulture), "--skip-dir", "site-packages", corpus], pyenvVersion, errors);
        if (json is null)
        {
            return null;
        }

        var root = json.RootElement;
        return (root.GetProperty("version").GetString()!, root.GetProperty("files").GetInt32(), root.GetProperty("bytes").GetInt64(), root.GetProperty("lines").GetInt64(), root.GetProperty("median").GetDouble());
    }

    /// <summary>A script of tools/, found in a folder above the benchmark's binaries.</summary>
    internal static string? FindTool(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var fromWorkingDirectory = Path.Combine(Directory.GetCurrentDirectory(), "tools", name);
        return File.Exists(fromWorkingDirectory) ? fromWorkingDirectory : null;
    }
}
