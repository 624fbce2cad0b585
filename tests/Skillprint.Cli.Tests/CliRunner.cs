using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Skillprint.Cli.Tests;

/// <summary>What one run of the command printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs the real commands in-process, as a person would type them, against a temporary folder: its
/// own database (SKILLPRINT_DB), home and current directory; stdout and stderr captured.
/// </summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Root = Directory.CreateTempSubdirectory("skillprint-cli-").FullName;
        Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
        WorkDir = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
        Database = Path.Combine(Root, "data", "skillprint.db");
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SKILLPRINT_DB"] = Database,
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["USER"] = "tester",
        };
    }

    public string Root { get; }

    public string Home { get; }

    /// <summary>The current directory of the commands.</summary>
    public string WorkDir { get; set; }

    public string Database { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>The terminal width the commands see (200 unless a test narrows it).</summary>
    public int Width { get; set; } = 200;

    public CliResult Run(params string[] args) => RunWith(null, CancellationToken.None, args);

    /// <summary>Runs with <paramref name="input"/> piped to standard input (null: none) and
    /// <paramref name="stopping"/> as the signal that stops a long-running command.</summary>
    public CliResult RunWith(string? input, CancellationToken stopping, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = CliContext.PlainConsole(output, width: Width),
            Error = error,
            Time = TimeProvider.System,
            In = input is null ? null : new StringReader(input),
            Stopping = stopping,
            Environment = Environment,
            CurrentDirectory = WorkDir,
        };
        var code = Program.Run(args, context);
        return new CliResult(code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>Runs and checks the exit code, showing everything printed when it differs.</summary>
    public CliResult RunOk(params string[] args)
    {
        var result = Run(args);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Runs a program to the end; returns its exit code and output.</summary>
    public static (int ExitCode, string Out, string Error) Exec(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 10 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>Places in the repository the tests read.</summary>
public static class Repo
{
    /// <summary>The folder holding Skillprint.slnx, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content(params string[] parts) => Path.Combine([Root, "content", .. parts]);

    /// <summary>A data file of these tests (tests/Skillprint.Cli.Tests/Data).</summary>
    public static string TestData(string file) => Path.Combine(Root, "tests", "Skillprint.Cli.Tests", "Data", file);

    /// <summary>A note the import tests read (tests/Notes, shared with the Core tests).</summary>
    public static string Notes(string file) => Path.Combine(Root, "tests", "Notes", file);

    /// <summary>Above the test assembly, or else (built into another artifacts folder) above this source file.</summary>
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Skillprint.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no Skillprint.slnx above {AppContext.BaseDirectory} or {sourceFile}");
    }

    /// <summary>Copies a folder and everything in it.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
