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
        using var process = Start(workingDirectory, args, out var start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Wait(process, start, workingDirectory);
        return new GitResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs <c>git ARGS</c> and hands every line of its output, as raw bytes without the
    /// '\n', to <paramref name="line"/> while git is still writing (only '\n' ends a line; a
    /// lone '\r' is part of it). The result's <see cref="GitResult.Output"/> is empty.</summary>
    public GitResult Stream(string workingDirectory, IEnumerable<string> args, LineHandler line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var process = Start(workingDirectory, args, out var start);
        var error = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var timer = new Timer(_ => timedOut = Kill(process), null, Timeout, System.Threading.Timeout.InfiniteTimeSpan))
        {
            try
            {
                ReadLines(process.StandardOutput.BaseStream, line);
            }
            catch
            {
                Kill(process);
                throw;
            }
        }

        if (timedOut)
        {
            throw new GitException($"'git {string.Join(' ', start.ArgumentList.Take(3))}' in {workingDirectory} did not finish in {Timeout.TotalSeconds:0} s");
        }

        Wait(process, start, workingDirectory);
        return new GitResult(process.ExitCode, "", error.Result);
    }

    /// <summary>One line of a streamed output.</summary>
    public delegate void LineHandler(ReadOnlySpan<byte> line);

    private static void ReadLines(Stream output, LineHandler handler)
    {
        var buffer = new byte[1 << 16];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = output.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                if (filled > 0)
                {
                    handler(buffer.AsSpan(0, filled));
                }

                return;
            }

            var start = 0;
            var end = filled + read;
            var scan = filled;
            while (true)
            {
                var newline = buffer.AsSpan(scan, end - scan).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                handler(buffer.AsSpan(start, scan + newline - start));
                start = scan + newline + 1;
                scan = start;
            }

            filled = end - start;
            buffer.AsSpan(start, filled).CopyTo(buffer);
        }
    }

    private Process Start(string workingDirectory, IEnumerable<string> args, out ProcessStartInfo start)
    {
        start = new ProcessStartInfo(Executable)
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

        process.StandardInput.Close();
        return process;
    }

    private void Wait(Process process, ProcessStartInfo start, string workingDirectory)
    {
        if (!process.WaitForExit(Timeout))
        {
            Kill(process);
            throw new GitException($"'git {string.Join(' ', start.ArgumentList.Take(3))}' in {workingDirectory} did not finish in {Timeout.TotalSeconds:0} s");
        }

        process.WaitForExit();
    }

    private static bool Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }

        return true;
    }
}
