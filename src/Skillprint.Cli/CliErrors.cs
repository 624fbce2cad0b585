namespace Skillprint.Cli;

/// <summary>The exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    /// <summary>Done as asked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and failed: a file that does not parse, a framework with errors, a
    /// store that cannot be opened.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: an unknown command, option, topic or level.</summary>
    public const int Usage = 2;
}

/// <summary>
/// A wrong argument found after parsing (an unknown topic, a level that does not exist): reported
/// as one line plus a hint pointing at the command's help, exit code 2.
/// </summary>
public sealed class UsageException(string message, string? hint = null) : Exception(message)
{
    /// <summary>An extra line: the valid values, or what to try instead.</summary>
    public string? Hint { get; } = hint;
}

/// <summary>A failure to report as one line on stderr with exit code 1 (no stack trace).</summary>
public sealed class CommandFailedException(string message) : Exception(message);
