using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Skillprint.Bench;

/// <summary>
/// The peak memory of a full scan of a large repository: a git repository of N Python files
/// (default 10,000) made with <c>git fast-import</c> (one commit adding every file, then 200
/// commits by the five authors changing some), scanned into a fresh store by the
/// <c>skillprint</c> command as a child process; its peak resident memory from
/// getrusage(RUSAGE_CHILDREN), the largest finished child so far (exact when it exceeds every
/// earlier child's, which the output says). Beside it, <c>git log --numstat</c> over the history.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- memory [--cli PATH] [--files N]</c>
/// </summary>
public static class MemoryBenchmark
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        string? cli = null;
        var files = 10_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cli" when i + 1 < args.Length:
                    cli = Path.GetFullPath(args[++i]);
                    break;
                case "--files" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    files = n;
                    i++;
                    break;
                default:
                    errors.WriteLine("usage: Skillprint.Bench memory [--cli PATH] [--files N]");
                    return 2;
            }
        }

        cli ??= StartupBenchmark.FindBuiltCli();
        if (cli is null || !File.Exists(cli))
        {
            errors.WriteLine("no skillprint command: run ./skillprint --version once to build it, or give --cli PATH");
            return 1;
        }

        var work = Directory.CreateTempSubdirectory("skillprint-bench-memory-").FullName;
        try
        {
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {StartupBenchmark.LoadAverage()}");
            output.WriteLine($"command: {cli}");
            var repository = Path.Combine(work, "repository");
            var (bytes, lines) = MakeRepository(repository, files);
            var before = StartupBenchmark.ChildrenPeakMemory();
            var scan = StartupBenchmark.Exec(cli, work, "scan", repository, "--db", Path.Combine(work, "scan.db"));
            var peak = StartupBenchmark.ChildrenPeakMemory();
            if (scan.Code != 0)
            {
                errors.WriteLine($"the scan failed ({scan.Code}): {scan.Error.Trim()}");
                return 1;
            }

            var clock = Stopwatch.StartNew();
            var log = StartupBenchmark.Exec("git", repository, "log", "--numstat");
            var logSeconds = clock.Elapsed.TotalSeconds;
            var summary = scan.Output.Split('\n').Where(line => line.TrimStart().StartsWith("files:", StringComparison.Ordinal) || line.TrimStart().StartsWith("Scanned", StringComparison.Ordinal)).Select(line => line.Trim());
            output.WriteLine($"repository: {files:N0} Python files, {bytes / 1e6:F1} MB, {lines:N0} lines, 201 commits by 5 authors");
            output.WriteLine($"scan: {string.Join("; ", summary)}");
            output.WriteLine($"{"what",-52} {"seconds",8} {"peak MB",8}");
            output.WriteLine($"{"skillprint scan, fresh store",-52} {scan.Wall.TotalSeconds,8:F2} {(peak > before ? $"{peak / 1e6:F0}" : $"<={peak / 1e6:F0}"),8}");
            output.WriteLine($"{"git log --numstat over the same history",-52} {logSeconds,8:F2} {"",8}");
            return log.Code == 0 ? 0 : 1;
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

    /// <summary>Files of about 40 lines each (async code, a dataclass, a comprehension, an import
    /// of a third-party library) in folders of 100.</summary>
    private static (long Bytes, long Lines) MakeRepository(string repository, int files)
    {
        Directory.CreateDirectory(repository);
        Run(repository, null, "init", "-q");
        var stream = new StringBuilder();
        long bytes = 0, lines = 0;
        var time = 1_600_000_000L;
        stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nauthor Dev 0 <dev0@example.org> {time} +0000\ncommitter Dev 0 <dev0@example.org> {time} +0000\ndata 6\nimport\n");
        for (var i = 0; i < files; i++)
        {
            var text = Module(i, 0);
            bytes += Encoding.UTF8.GetByteCount(text);
            lines += text.Count(c => c == '\n');
            stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline pkg{i / 100:000}/module_{i % 100:00}.py\ndata {Encoding.UTF8.GetByteCount(text)}\n{text}\n");
        }

        for (var c = 1; c <= 200; c++)
        {
            var author = $"dev{c % 5}@example.org";
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nauthor Dev <{author}> {time + (c * 600)} +0000\ncommitter Dev <{author}> {time + (c * 600)} +0000\ndata 6\nchange\n");
            for (var k = 0; k < 5; k++)
            {
                var i = ((c * 37) + (k * 1013)) % files;
                var text = Module(i, c);
                stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline pkg{i / 100:000}/module_{i % 100:00}.py\ndata {Encoding.UTF8.GetByteCount(text)}\n{text}\n");
            }
        }

        Run(repository, stream.ToString(), "fast-import", "--quiet");
        Run(repository, null, "checkout", "-q", "main");
        Run(repository, null, "reset", "-q", "--hard");
        return (bytes, lines);
    }

    private static string Module(int i, int version) =>
        $$"""
        import asyncio
        import json
        from dataclasses import dataclass, field
        from typing import Optional

        import requests


        @dataclass
        class Record{{i}}:
            name: str
            tags: list[str] = field(default_factory=list)
            parent: Optional[int] = None


        async def fetch_{{i}}(queue: asyncio.Queue) -> None:
            while True:
                item = await queue.get()
                await asyncio.sleep({{version % 3}})
                queue.task_done()


        def squares_{{i}}(values):
            return {v: v * v for v in values if v > {{version}}}


        def load_{{i}}(path):
            with open(path, encoding="utf-8") as handle:
                return json.load(handle)


        def get_{{i}}(url):
            response = requests.get(url, timeout=10)
            response.raise_for_status()
            return response.json()

        """;

    private static void Run(string directory, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardInput = input is not null, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {error.Result}");
        }

        _ = stdout.Result;
    }
}
