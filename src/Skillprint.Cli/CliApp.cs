using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using System.Text.Json.Serialization;
using Skillprint.Core.People;
using Skillprint.Core.Scanning;
using Skillprint.Store;

namespace Skillprint.Cli;

/// <summary>
/// What the commands share within one run: the context, the global options, the examples shown
/// under each command's help, and how errors and person and store defaults are worked out.
/// </summary>
internal sealed class CliApp(CliContext context)
{
    public const string Name = "skillprint";

    private readonly Dictionary<Command, string[]> _examples = [];

    public CliContext Context { get; } = context;

    /// <summary>`--db PATH`, on every command.</summary>
    public Option<string?> DbOption { get; } = new("--db")
    {
        Description = "The SQLite database file to use (default: $SKILLPRINT_DB, else $XDG_DATA_HOME/skillprint/skillprint.db, else ~/.local/share/skillprint/skillprint.db).",
        HelpName = "PATH",
        Recursive = true,
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Registers the lines of the "Examples:" section printed after a command's help.</summary>
    public void Examples(Command command, params string[] lines) => _examples[command] = lines;

    public void WriteExamples(Command command)
    {
        if (!_examples.TryGetValue(command, out var lines))
        {
            return;
        }

        var output = Context.Out.Profile.Out.Writer;
        output.WriteLine("Examples:");
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine();
    }

    /// <summary>`--person EMAIL` for the commands that read or write one person's data.</summary>
    public static Option<string?> CreatePersonOption() => new("--person")
    {
        Description = "Whose data (an email). Default: `git config user.email`; without one, $USER@localhost.",
        HelpName = "EMAIL",
    };

    /// <summary>`--all-authors` for the commands that read code evidence: every author's hits count as one person's.</summary>
    public static Option<bool> CreateAllAuthorsOption() => new("--all-authors")
    {
        Description = "Count the code evidence of every author as one person's (a team's view, or a repository written alone under several emails).",
    };

    /// <summary>`--framework ID|PATH` for the commands that work within one framework.</summary>
    public static Option<string> CreateFrameworkOption() => new("--framework")
    {
        Description = "The framework: a built-in id (python) or a framework folder.",
        HelpName = "ID|PATH",
        DefaultValueFactory = _ => "python",
    };

    /// <summary>`--format` with the given choices (any case), the first being the default.</summary>
    public static Option<string> CreateFormatOption(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, formats);
        return option;
    }

    /// <summary>Reads a --format value, normalised to lower case.</summary>
    public static string FormatOf(ParseResult parsed, Option<string> option) =>
        (parsed.GetValue(option) ?? "table").ToLowerInvariant();

    /// <summary>
    /// Opens the store: --db, else SKILLPRINT_DB, else the per-user data folder (see
    /// <see cref="StoreLocation.Resolve(string?, Func{string, string?})"/>). A relative path is read
    /// against the context's current directory.
    /// </summary>
    /// <remarks>A SQLite file is the CLI's own and is brought to the current schema when opened;
    /// a PostgreSQL database is shared and must be migrated on purpose (`skillprint db migrate`).</remarks>
    public SkillprintStore OpenStore(ParseResult parsed)
    {
        var location = LocateStore(parsed);
        return location.Engine == StoreEngine.Sqlite ? SkillprintStore.Open(location) : SkillprintStore.OpenExisting(location);
    }

    /// <summary>The person a read is about: the one with <paramref name="email"/>, or an unsaved
    /// one with no data when no one has it (a read never creates a person).</summary>
    public static Task<Person> ReaderAsync(SkillprintStore store, string email, CancellationToken cancel) =>
        new PeopleService(store).FindAsync(email, cancel);

    /// <summary>The person a write is by: the CLI's local user is the one with
    /// <paramref name="email"/>, created on their first write.</summary>
    public static Task<Person> WriterAsync(SkillprintStore store, string email, CancellationToken cancel) =>
        new PeopleService(store).EnsureAsync(email, cancel);

    /// <summary>Where the store is (see <see cref="OpenStore"/>), without opening it.</summary>
    public StoreLocation LocateStore(ParseResult parsed) =>
        StoreLocation.Resolve(Absolute(parsed.GetValue(DbOption)), name => Absolute(Context.GetVariable(name), name));

    private string? Absolute(string? location, string name = StoreLocation.EnvironmentVariable)
    {
        if (location is null || !string.Equals(name, StoreLocation.EnvironmentVariable, StringComparison.Ordinal))
        {
            return location;
        }

        var text = location.Trim();
        var isPathLike = text.Length > 0 && !text.StartsWith('~') && !Path.IsPathRooted(text)
            && !text.Contains("://", StringComparison.Ordinal) && !text.Contains('=', StringComparison.Ordinal);
        return isPathLike ? Context.FullPath(text) : location;
    }

    /// <summary>
    /// The person a command is about: --person, else the email `git config user.email` prints (run in
    /// the current directory, so a repository's own identity wins), else $USER@localhost.
    /// </summary>
    public string Person(ParseResult parsed, Option<string?> personOption)
    {
        var given = parsed.GetValue(personOption);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Trim();
        }

        var fromGit = GitUserEmail();
        if (!string.IsNullOrWhiteSpace(fromGit))
        {
            return fromGit;
        }

        var user = Context.GetVariable("USER") ?? Context.GetVariable("LOGNAME") ?? "me";
        return user + "@localhost";
    }

    private string? GitUserEmail()
    {
        var folder = Directory.Exists(Context.CurrentDirectory) ? Context.CurrentDirectory : Path.GetTempPath();
        try
        {
            var result = Commands.ScanCommand.Git(Context, TimeSpan.FromSeconds(10)).Run(folder, "config", "user.email");
            return result.Ok ? result.Output.Trim() : null;
        }
        catch (GitException)
        {
            return null; // no git on this machine, or it did not answer
        }
    }

    /// <summary>Writes a value as indented JSON (camelCase names, enums by name) on stdout.</summary>
    public void WriteJson<T>(T value)
    {
        var output = Context.Out.Profile.Out.Writer;
        output.WriteLine(JsonSerializer.Serialize(value, Json));
    }

    /// <summary>Writes text as it is (Markdown, JSON lines): no markup, no wrapping.</summary>
    public void WriteRaw(string text)
    {
        var output = Context.Out.Profile.Out.Writer;
        output.Write(text);
        if (!text.EndsWith('\n'))
        {
            output.WriteLine();
        }
    }

    /// <summary>The full name of a command, as typed: "skillprint framework show".</summary>
    public static string CommandPath(CommandResult? result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
            {
                names.Add(command.Command.Name);
            }
        }

        names.Reverse();
        return names.Count == 0 ? Name : string.Join(' ', names);
    }

    /// <summary>A command line that did not parse: its first error on one line, a hint, exit 2.</summary>
    public int ReportParseErrors(ParseResult parsed)
    {
        var errors = parsed.Errors;
        var first = errors.FirstOrDefault(e => !e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            ?? errors[0];
        var message = OneLine(first.Message);
        var command = parsed.CommandResult.Command;
        if (first.Message.StartsWith("Required command was not provided", StringComparison.Ordinal) && command.Subcommands.Count > 0)
        {
            message = $"'{CommandPath(parsed.CommandResult)}' needs a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
        }

        var suggestion = Suggest(parsed);
        if (suggestion is not null)
        {
            message += $" Did you mean '{suggestion}'?";
        }

        Context.Error.WriteLine($"error: {message}");
        Context.Error.WriteLine($"hint: see '{CommandPath(parsed.CommandResult)} --help'");
        return ExitCodes.Usage;
    }

    /// <summary>An exception from a command: one line on stderr, the stack only with SKILLPRINT_DEBUG=1.</summary>
    public int ReportException(ParseResult? parsed, Exception error)
    {
        var code = ExitCodes.Failure;
        Context.Error.WriteLine($"error: {OneLine(error.Message)}");
        // A value the store refuses (an empty email, a --db that names nothing usable) is a wrong argument.
        var wrongArgument = error is StoreException { Fault: StoreFault.InvalidInput or StoreFault.InvalidLocation };
        if (error is UsageException || wrongArgument)
        {
            code = ExitCodes.Usage;
            if (error is UsageException { Hint: { } hint })
            {
                Context.Error.WriteLine($"hint: {OneLine(hint)}");
            }

            Context.Error.WriteLine($"hint: see '{CommandPath(parsed?.CommandResult)} --help'");
        }

        if (string.Equals(Context.GetVariable("SKILLPRINT_DEBUG"), "1", StringComparison.Ordinal))
        {
            Context.Error.WriteLine(error.ToString());
        }

        return code;
    }

    /// <summary>Folds a message of several lines (System.CommandLine lists choices one a line) into one.</summary>
    public static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length <= 1)
        {
            return lines.Length == 0 ? message.Trim() : lines[0];
        }

        return lines[0] + " " + string.Join(", ", lines.Skip(1));
    }

    /// <summary>For an unknown word where a command was expected, the nearest command name.</summary>
    private static string? Suggest(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        if (command.Subcommands.Count == 0 || parsed.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        var word = parsed.UnmatchedTokens[0];
        return command.Subcommands
            .Select(c => (c.Name, Distance: EditDistance(word, c.Name)))
            .Where(c => c.Distance <= Math.Max(1, c.Name.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
