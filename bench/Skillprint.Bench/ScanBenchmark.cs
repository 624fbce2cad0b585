using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Skillprint.Core.Detection;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Scanning;
using Skillprint.Store;

namespace Skillprint.Bench;

/// <summary>
/// The scan benchmark of issue 4, each figure beside a peer's from the same run:
/// 1. a full scan of a corpus (default: the CPython 3.11 standard library) into a fresh SQLite
///    store, beside CPython's <c>ast.parse</c> over the same files (tools/bench_cpython_parse.py);
/// 2. a rescan with nothing changed;
/// 3. a scan with attribution of a git repository with a long history made by script
///    (<c>git fast-import</c>, thousands of commits by several authors), beside
///    <c>git log --numstat</c> over the same history, with the ratio.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- scan [--corpus DIR] [--commits N]</c>
/// </summary>
public static class ScanBenchmark
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        string? corpus = null;
        var commits = 5000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus" when i + 1 < args.Length:
                    corpus = args[++i];
                    break;
                case "--commits" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    commits = n;
                    i++;
                    break;
                default:
                    errors.WriteLine("usage: Skillprint.Bench scan [--corpus DIR] [--commits N]");
                    return 2;
            }
        }

        corpus ??= Path.Combine(
            Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv"),
            "versions",
            "3.11.7",
            "lib",
            "python3.11");
        if (!Directory.Exists(corpus))
        {
            errors.WriteLine($"no corpus at {corpus}; give one with --corpus DIR");
            return 1;
        }

        var framework = BuiltInFrameworks.Load("python").Framework!;
        var rules = CompiledRules.Compile(framework);
        var work = Directory.CreateTempSubdirectory("skillprint-bench-scan-").FullName;
        try
        {
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            output.WriteLine($"corpus: {corpus}");
            var git = new GitRunner();

            // 1 and 2: the corpus (copied out of any git work tree it sits in, such as ~/.pyenv, so it
            // is scanned as the folder it is), full scan into a fresh store, then a rescan.
            var copy = Path.Combine(work, "corpus");
            CopyFolder(corpus, copy);
            corpus = copy;
            using (var store = SkillprintStore.Open(StoreLocation.Sqlite(Path.Combine(work, "corpus.db"))))
            {
                var scanner = new Scanner(rules, store, git, new ScanOptions("bench@example.org"));
                var clock = Stopwatch.StartNew();
                var full = scanner.Scan([corpus]);
                var fullSeconds = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var again = scanner.Scan([corpus]);
                var rescanSeconds = clock.Elapsed.TotalSeconds;
                var bytes = CorpusBytes(store);
                var files = full.Repositories.Sum(r => r.FilesSeen);
                var parsed = full.Repositories.Sum(r => r.FilesParsed);
                var hits = full.Repositories.Sum(r => r.HitCount);
                output.WriteLine();
                output.WriteLine($"full scan: {files:N0} files ({parsed:N0} parsed, {bytes / 1e6:F1} MB of Python), {hits:N0} hits, {full.Repositories.Sum(r => r.Problems.Count)} files with problems, {full.Repositories.Count} repositories");
                output.WriteLine($"{"what",-58} {"seconds",9} {"MB/s",8}");
                Row(output, $"Skillprint scan, fresh store ({Environment.ProcessorCount} threads: read, parse, detect, write)", fullSeconds, bytes);
                var cpython = CPython(corpus, errors);
                if (cpython is { } peer)
                {
                    Row(output, $"CPython {peer.Version} ast.parse over the same files (1 thread)", peer.Seconds, peer.Bytes);
                }

                Row(output, $"Skillprint rescan, nothing changed ({again.Repositories.Sum(r => r.FilesParsed)} parsed)", rescanSeconds, bytes);
            }

            // 3: attribution over a long history.
            var repository = Path.Combine(work, "history");
            var made = Stopwatch.StartNew();
            var (files2, lines) = MakeHistory(git, repository, commits);
            output.WriteLine();
            output.WriteLine($"history: {commits:N0} commits by 5 authors over {files2} files ({lines:N0} lines at HEAD), made with git fast-import in {made.Elapsed.TotalSeconds:F1} s");
            using (var store = SkillprintStore.Open(StoreLocation.Sqlite(Path.Combine(work, "history.db"))))
            {
                var scanner = new Scanner(rules, store, git, new ScanOptions("bench@example.org"));
                var clock = Stopwatch.StartNew();
                var report = scanner.Scan([repository]).Repositories.Single();
                var scanSeconds = clock.Elapsed.TotalSeconds;
                var authors = store.ListCodeHitsAsync(new CodeHitQuery(framework.Id)).GetAwaiter().GetResult().Select(h => h.Author).Distinct(StringComparer.Ordinal).Count();
                clock.Restart();
                var log = git.Run(repository, "log", "--numstat", "--format=%H %ae %at");
                var logSeconds = clock.Elapsed.TotalSeconds;
                output.WriteLine($"{"what",-58} {"seconds",9}");
                output.WriteLine($"{$"Skillprint scan, attribution of {report.HitCount:N0} hits ({authors} authors)",-58} {scanSeconds,9:F2}");
                output.WriteLine($"{$"git log --numstat over the same history ({log.Output.Length / 1e6:F1} MB of output)",-58} {logSeconds,9:F2}");
                output.WriteLine($"scan / git log --numstat: {scanSeconds / logSeconds:F1}x");
            }

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

    private static long CorpusBytes(SkillprintStore store) =>
        store.ListRepositories()
            .Select(r => store.LoadState(r.Repository))
            .SelectMany(s => s.Files.Values)
            .Where(f => f.Path.EndsWith(".py", StringComparison.Ordinal))
            .Sum(f => f.Size);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 }))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Row(TextWriter output, string name, double seconds, long bytes) =>
        output.WriteLine($"{name,-58} {seconds,9:F2} {bytes / 1e6 / seconds,8:F1}");

    /// <summary>CPython's ast.parse over the same files, one run, timed by the script itself.</summary>
    private static (string Version, double Seconds, long Bytes)? CPython(string corpus, TextWriter errors)
    {
        string? script = null;
        foreach (var from in (string[])[AppContext.BaseDirectory, Directory.GetCurrentDirectory()])
        {
            for (var dir = new DirectoryInfo(from); dir is not null && script is null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "bench_cpython_parse.py");
                script = File.Exists(candidate) ? candidate : null;
            }
        }

        if (script is null)
        {
            errors.WriteLine("tools/bench_cpython_parse.py not found");
            return null;
        }

        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[script, "--runs", "1", "--skip-dir", "site-packages", corpus])
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
        var root = json.RootElement;
        return (root.GetProperty("version").GetString()!, root.GetProperty("median").GetDouble(), root.GetProperty("bytes").GetInt64());
    }

    /// <summary>
    /// A repository of <paramref name="commits"/> commits by five authors over 40 Python files: each
    /// commit appends a few lines (async code, a Pydantic model, a Typer command) to one file, so the
    /// hits at HEAD come from many commits and blame has history to walk.
    /// </summary>
    private static (int Files, int Lines) MakeHistory(GitRunner git, string repository, int commits)
    {
        Directory.CreateDirectory(repository);
        git.Run(repository, "init", "-q");
        const int fileCount = 40;
        var contents = Enumerable.Range(0, fileCount).Select(_ => new StringBuilder("import asyncio\nimport typer\nfrom pydantic import BaseModel\n")).ToArray();
        var stream = new StringBuilder();
        var time = 1_600_000_000L;
        for (var i = 0; i < commits; i++)
        {
            var file = i % fileCount;
            var text = contents[file];
            text.Append((i % 4) switch
            {
                0 => $"\n\nasync def job_{i}(q: asyncio.Queue):\n    await asyncio.gather(q.get(), asyncio.sleep({i % 7}))\n",
                1 => $"\n\nclass Model{i}(BaseModel):\n    value: int = {i}\n",
                2 => $"\n\n@app.command()\ndef command_{i}(name: str = typer.Option('x')) -> None:\n    print(name)\n",
                _ => $"\n\ndef plain_{i}(values):\n    return [v * {i} for v in values]\n",
            });
            var author = $"dev{i % 5}@example.org";
            var data = Encoding.UTF8.GetByteCount(text.ToString());
            stream.Append("commit refs/heads/main\n");
            stream.Append(CultureInfo.InvariantCulture, $"author Dev {i % 5} <{author}> {time + (i * 600)} +0000\n");
            stream.Append(CultureInfo.InvariantCulture, $"committer Dev {i % 5} <{author}> {time + (i * 600)} +0000\n");
            var message = $"change {i}";
            stream.Append(CultureInfo.InvariantCulture, $"data {message.Length}\n{message}\n");
            stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline pkg/module_{file:00}.py\ndata {data}\n{text}\n");
        }

        var start = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("fast-import");
        start.ArgumentList.Add("--quiet");
        using (var process = Process.Start(start)!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(stream.ToString());
            process.StandardInput.Close();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("git fast-import failed: " + stderr.Result);
            }
        }

        git.Run(repository, "checkout", "-q", "main");
        git.Run(repository, "reset", "-q", "--hard");
        return (fileCount, contents.Sum(c => c.ToString().Count(ch => ch == '\n')));
    }
}
