using System.Collections;
using Spectre.Console;

namespace Skillprint.Cli;

/// <summary>
/// Everything a command may take from the world outside: where it writes, what time it is, the
/// environment variables and the current directory. <see cref="Program.Main"/> builds one from the
/// process; tests build one over captured writers and a temporary data directory.
/// </summary>
public sealed class CliContext
{
    /// <summary>Standard output, for tables, JSON and Markdown.</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Standard error, for error lines and hints.</summary>
    public required TextWriter Error { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Standard input as lines, when it is piped in (the practice session then reads an empty
    /// line as Enter and a line's first character as the key); null to read key presses from
    /// <see cref="Out"/>'s input (a terminal).</summary>
    public TextReader? In { get; init; }

    /// <summary>Cancelled when a long-running command (`serve`) is to stop; the process's own
    /// Ctrl+C and SIGTERM stop it too.</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>Environment variables (SKILLPRINT_DB, XDG_DATA_HOME, HOME, USER, SKILLPRINT_DEBUG...).</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>The directory relative paths are read against, and where `git config` runs.</summary>
    public required string CurrentDirectory { get; init; }

    public string? GetVariable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>A path as the user typed it, made absolute against <see cref="CurrentDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>The context of the running process: the real console, environment and directory.</summary>
    public static CliContext FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        return new CliContext
        {
            Out = Console.IsOutputRedirected || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR"))
                ? PlainConsole(Console.Out, TerminalWidth())
                : AnsiConsole.Console,
            Error = Console.Error,
            Time = TimeProvider.System,
            In = Console.IsInputRedirected ? Console.In : null,
            Environment = variables,
            CurrentDirectory = Directory.GetCurrentDirectory(),
        };
    }

    /// <summary>The terminal's width; when output goes to a file or a pipe, $COLUMNS when it is a
    /// number, else 120 columns.</summary>
    private static int TerminalWidth()
    {
        try
        {
            if (Console.IsOutputRedirected)
            {
                return int.TryParse(System.Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns >= 20
                    ? columns
                    : 120;
            }

            return Math.Max(40, Console.WindowWidth);
        }
        catch (IOException)
        {
            return 120;
        }
    }

    /// <summary>
    /// A console over a writer: no colours, no ANSI codes, a fixed width, so that what is written can
    /// be compared as plain text.
    /// </summary>
    public static IAnsiConsole PlainConsole(TextWriter writer, int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }
}
