using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Skillprint.Core.Scanning;

/// <summary>What one run of <c>git</c> gave: its exit code and what it printed.</summary>
public sealed record GitResult(int ExitCode, string Output, string Error)
{
    public bool Ok => ExitCode == 0;

    /// <summary>The first line git wrote on stderr, for a message ("fatal: not a git repository").</summary>
    public string FirstErrorLine =>
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {ExitCode}";
}

/// <summary>Git could not be run at all (not installed), or did not finish in time.</summary>
public sealed class GitException(string message) : Exception(message);

/// <summary>
/// Runs the <c>git</c> executable in a folder, with a time limit, reading its output as UTF-8.
/// The environment of the process is passed on, with <see cref="Environment"/> laid over it
/// (HOME, GIT_CONFIG_GLOBAL... in tests); prompts are turned off so git never waits for a person.
/// Safe to use from several threads.
/// </summary>
public sealed class GitRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public GitRunner(IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null, string executable = "git")
    {
        Environment = environment ?? new Dictionary<string, string?>();
        Timeout = timeout ?? DefaultTimeout;
        Executable = executable;
    }

    /// <summary>Variables set (or, with a null value, removed) for every git process.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public TimeSpan Timeout { get; }

    public string Executable { get; }

    /// <summary>Runs <c>git ARGS</c> in <paramref name="workingDirectory"/>. Throws
    /// <see cref="GitException"/> only when git cannot be started or does not finish in time; a
    /// failing git command is a result with its exit code and stderr.</summary>
    public GitResult Run(string workingDirectory, params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Exception error) when (error is Win32Exception or InvalidOperationException)
        {
            throw new GitException($"cannot run '{Executable}': {error.Message} (is git installed and on PATH?)");
        }

        if (process is null)
        {
            throw new GitException($"cannot run '{Executable}'");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended meanwhile.
                }

                throw new GitException($"'git {string.Join(' ', start.ArgumentList.Take(3))}' in {workingDirectory} did not finish in {Timeout.TotalSeconds:0} s");
            }

            process.WaitForExit();
            return new GitResult(process.ExitCode, output.Result, error.Result);
        }
    }
}
