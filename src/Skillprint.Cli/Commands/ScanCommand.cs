using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Skillprint.Cli.Client;
using Skillprint.Core.Detection;
using Skillprint.Core.Evidence;
using Skillprint.Core.Scanning;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>
/// `skillprint scan PATH... [--framework ID] [--person EMAIL] [--format text|json] [--push
/// [--with-snippets]]`: finds the framework's skills in repositories and folders, credits each hit
/// to the author of its line, and stores the result for status, evidence and export. A progress bar
/// on a terminal, a summary at the end. With --push, what the scan found in each repository is then
/// sent to the server `skillprint login` named, one request per repository.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliApp app)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Git repositories or folders to scan (a folder holding several repositories scans each of them).",
            Arity = ArgumentArity.OneOrMore,
        };
        var framework = CliApp.CreateFrameworkOption();
        var person = CliApp.CreatePersonOption();
        person.Description = "Who wrote the code found outside git and the lines not committed yet (an email). Default: `git config user.email`.";
        var maxSize = new Option<int>("--max-file-size")
        {
            Description = "Skip Python and config files bigger than this many megabytes.",
            HelpName = "MB",
            DefaultValueFactory = _ => (int)(ScanOptions.DefaultMaxFileSize / (1024 * 1024)),
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Leave out files or folders matching this glob (relative to each repository; a bare name matches in any folder). Repeatable. Vendor folders, .gitattributes' linguist-vendored and linguist-generated files and a repository's .skillprintignore are left out always.",
            HelpName = "GLOB",
            AllowMultipleArgumentsPerToken = false,
        };
        var push = new Option<bool>("--push")
        {
            Description = "Then send what the scan found in each repository to the server of `skillprint login` (one request per repository, replacing that repository's last push; no source text unless --with-snippets). The local scan is kept whatever the server answers.",
        };
        var withSnippets = new Option<bool>("--with-snippets")
        {
            Description = "With --push: send each hit's source line too (by default only the skill, repository, path, lines, commit, author and date travel).",
        };
        var format = CliApp.CreateFormatOption("text", "json");
        var command = new Command("scan", "Scan repositories for evidence of skills: every Python file is parsed, the framework's detection rules are run, and each hit is credited to the author of its line (git blame; the default person outside git). A rescan parses only what changed.")
        {
            paths,
            framework,
            person,
            maxSize,
            exclude,
            push,
            withSnippets,
            format,
        };
        command.SetAction(parsed => Run(
            app,
            parsed,
            parsed.GetValue(paths) ?? [],
            parsed.GetValue(framework),
            app.Person(parsed, person),
            parsed.GetValue(maxSize),
            parsed.GetValue(exclude) ?? [],
            CliApp.FormatOf(parsed, format),
            parsed.GetValue(push) ? new PushChoice(parsed.GetValue(withSnippets)) : null,
            parsed.GetValue(withSnippets)));
        app.Examples(command, "skillprint scan ~/src/myproject && skillprint status", "skillprint scan ~/src/* --format json", "skillprint scan ~/src/* --push");
        return command;
    }

    /// <summary>--push, and whether source lines go with it.</summary>
    private sealed record PushChoice(bool WithSnippets);

    private static int Run(CliApp app, ParseResult parsed, string[] paths, string? frameworkId, string person, int maxSizeMegabytes, string[] exclude, string format, PushChoice? push, bool withSnippets)
    {
        if (maxSizeMegabytes <= 0)
        {
            throw new UsageException($"--max-file-size must be a positive number of megabytes, not {maxSizeMegabytes}");
        }

        if (withSnippets && push is null)
        {
            throw new UsageException("--with-snippets goes with --push (it says what a push sends)", "skillprint scan PATH --push --with-snippets");
        }

        var framework = FrameworkChoice.Load(app.Context, frameworkId);
        var rules = CompiledRules.Compile(framework);
        var full = paths.Select(app.Context.FullPath).ToList();
        ScanReport report;
        List<EvidencePush> pushes = [];
        using (var store = app.OpenStore(parsed))
        {
            var options = new ScanOptions(person.Trim().ToLowerInvariant(), (long)maxSizeMegabytes * 1024 * 1024) { Exclude = exclude };
            var scanner = new Scanner(rules, store, Git(app.Context), options, app.Context.Time);
            var console = app.Context.Out;
            if (console.Profile.Capabilities.Interactive && !string.Equals(format, "json", StringComparison.Ordinal))
            {
                report = console.Progress()
                    .AutoClear(true)
                    .HideCompleted(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .Start(context => scanner.Scan(full, new ProgressBars(context)));
            }
            else
            {
                report = scanner.Scan(full);
            }

            if (push is not null)
            {
                // What the store now holds for each repository scanned whole: its last complete scan.
                pushes = [.. report.Repositories
                    .Where(r => r.Failure is null)
                    .Select(r => EvidencePush.FromScan(framework.Id, r.Repository, store.LoadState(r.Repository), push.WithSnippets))];
            }
        }

        if (string.Equals(format, "json", StringComparison.Ordinal))
        {
            app.WriteRaw(Json(report).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            WriteSummary(app, report);
        }

        foreach (var problem in report.Problems)
        {
            app.Context.Error.WriteLine($"error: {problem}");
        }

        foreach (var failed in report.Repositories.Where(r => r.Failure is not null))
        {
            app.Context.Error.WriteLine($"error: {failed.Repository.Root}: {failed.Failure}");
        }

        var scanned = report.Problems.Count == 0 && report.Repositories.All(r => r.Failure is null);
        var pushed = push is null || Push(app, pushes, string.Equals(format, "json", StringComparison.Ordinal) ? app.Context.Error : app.Context.Out.Profile.Out.Writer);
        return scanned && pushed ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>Sends each repository's push in turn; a failure is one line on stderr and stops the
    /// rest (each push is whole or not at all on the server). What was pushed goes to <paramref name="output"/>. False when something was not pushed.</summary>
    private static bool Push(CliApp app, List<EvidencePush> pushes, TextWriter output)
    {
        var error = app.Context.Error;
        ServerLogin? login;
        try
        {
            login = LoginFile.Read(app.Context);
        }
        catch (CommandFailedException failed)
        {
            error.WriteLine($"error: {failed.Message}");
            return false;
        }

        if (login is null)
        {
            error.WriteLine("error: --push: not logged in to a server (the scan is kept locally): skillprint login URL --token-stdin");
            return false;
        }

        using var client = new ServerClient(login);
        for (var i = 0; i < pushes.Count; i++)
        {
            try
            {
                var result = client.PushAsync(pushes[i], app.Context.Stopping).GetAwaiter().GetResult();
                var what = result.EveryAuthor
                    ? $"{Plural(result.Kept, "hit", "hits")} of every author{(result.Unclaimed > 0 ? $" ({Plural(result.Unclaimed, "author", "authors")} no one's email yet: unclaimed, kept)" : "")}{(result.Ignored > 0 ? $", {result.Ignored} without an author left out" : "")}"
                    : $"{Plural(result.Kept, "hit", "hits")} of yours{(result.Ignored > 0 ? $", {result.Ignored} by other authors left out" : "")}";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pushed {result.Repository} to {client.Url}: {what}, {(result.Changed ? "stored" : "unchanged")}."));
            }
            catch (CommandFailedException failed)
            {
                var left = pushes.Count - i - 1;
                error.WriteLine($"error: {failed.Message}{(left > 0 ? $"; {Plural(left, "more repository", "more repositories")} not pushed" : "")} (the scan is kept locally)");
                return false;
            }
        }

        return true;
    }

    /// <summary>Git as the user's own: the context's HOME and git configuration variables.</summary>
    internal static GitRunner Git(CliContext context, TimeSpan? timeout = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in (string[])["HOME", "XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM"])
        {
            environment[name] = context.GetVariable(name);
        }

        return new GitRunner(environment, timeout);
    }

    private static void WriteSummary(CliApp app, ScanReport report)
    {
        var output = app.Context.Out.Profile.Out.Writer;
        foreach (var repository in report.Repositories)
        {
            var kind = repository.Repository.Kind == RepositoryKind.Git ? "git" : "folder";
            output.WriteLine($"{repository.Repository.Name} ({kind}, {repository.Repository.Root})");
            if (repository.Failure is not null)
            {
                output.WriteLine($"  not scanned: {repository.Failure}");
                continue;
            }

            var files = $"  files: {repository.FilesSeen} scanned, {repository.FilesParsed} parsed, {repository.FilesReused} unchanged";
            if (repository.FilesRenamed > 0)
            {
                files += $", {repository.FilesRenamed} renamed";
            }

            if (repository.FilesDeleted > 0)
            {
                files += $", {repository.FilesDeleted} gone";
            }

            // Files not read were known unchanged by size, modification time and inode.
            output.WriteLine(files + $", {repository.FilesHashed} read");
            if (repository.Skipped.Count > 0)
            {
                output.WriteLine("  skipped: " + string.Join(", ", repository.Skipped
                    .GroupBy(s => s.Reason)
                    .OrderBy(g => g.Key)
                    .Select(g => $"{g.Count()} {g.Key.Describe()}")));
            }

            if (repository.Problems.Count > 0)
            {
                output.WriteLine($"  files with problems: {repository.Problems.Count} (their valid parts count)");
                foreach (var problem in repository.Problems.Take(5))
                {
                    output.WriteLine($"    {problem.Path}:{problem.Line}:{problem.Column}: {problem.Message}");
                }

                if (repository.Problems.Count > 5)
                {
                    output.WriteLine($"    ... and {repository.Problems.Count - 5} more");
                }
            }

            foreach (var note in repository.Notes)
            {
                output.WriteLine($"  note: {note}");
            }

            output.WriteLine(repository.HitCount == 0
                ? "  hits: none"
                : $"  hits: {repository.HitCount} ({string.Join(", ", repository.HitsPerTopic.Select(t => $"{t.Key} {t.Value}"))})");
        }

        var total = report.Repositories.Sum(r => r.HitCount);
        var seconds = report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"Scanned {Plural(report.Repositories.Count, "repository", "repositories")}: {Plural(report.Repositories.Sum(r => r.FilesSeen), "file", "files")}, {Plural(total, "hit", "hits")} in {seconds} s.");
        if (report.Repositories.Count > 0)
        {
            output.WriteLine("See where you stand: skillprint status");
        }
    }

    private static string Plural(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    private static JsonObject Json(ScanReport report)
    {
        var repositories = new JsonArray();
        foreach (var r in report.Repositories)
        {
            var skipped = new JsonObject();
            foreach (var group in r.Skipped.GroupBy(s => s.Reason).OrderBy(g => g.Key))
            {
                skipped[group.Key.Describe()] = group.Count();
            }

            var hits = new JsonObject();
            foreach (var (topic, count) in r.HitsPerTopic)
            {
                hits[topic] = count;
            }

            repositories.Add(new JsonObject
            {
                ["name"] = r.Repository.Name,
                ["root"] = r.Repository.Root,
                ["kind"] = r.Repository.Kind == RepositoryKind.Git ? "git" : "folder",
                ["head"] = r.HeadCommit,
                ["filesSeen"] = r.FilesSeen,
                ["filesParsed"] = r.FilesParsed,
                ["filesUnchanged"] = r.FilesReused,
                ["filesRead"] = r.FilesHashed,
                ["filesRenamed"] = r.FilesRenamed,
                ["filesGone"] = r.FilesDeleted,
                ["skipped"] = skipped,
                ["problems"] = new JsonArray([.. r.Problems.Select(p => (JsonNode)new JsonObject
                {
                    ["path"] = p.Path,
                    ["line"] = p.Line,
                    ["column"] = p.Column,
                    ["message"] = p.Message,
                    ["count"] = p.Count,
                })]),
                ["hitsPerTopic"] = hits,
                ["notes"] = new JsonArray([.. r.Notes.Select(n => (JsonNode)JsonValue.Create(n))]),
                ["failure"] = r.Failure,
                ["seconds"] = Math.Round(r.Elapsed.TotalSeconds, 3),
            });
        }

        return new JsonObject
        {
            ["repositories"] = repositories,
            ["problems"] = new JsonArray([.. report.Problems.Select(p => (JsonNode)JsonValue.Create(p))]),
            ["seconds"] = Math.Round(report.Elapsed.TotalSeconds, 3),
        };
    }

    /// <summary>One bar per repository and stage, fed from the scanner's worker threads.</summary>
    private sealed class ProgressBars(ProgressContext context) : IProgress<ScanProgress>
    {
        private readonly Dictionary<(string, string), ProgressTask> tasks = [];
        private readonly Lock gate = new();

        public void Report(ScanProgress value)
        {
            lock (gate)
            {
                if (!tasks.TryGetValue((value.Repository, value.Stage), out var task))
                {
                    task = context.AddTask(Markup.Escape($"{value.Repository}: {value.Stage}"), maxValue: Math.Max(1, value.Total));
                    tasks[(value.Repository, value.Stage)] = task;
                }

                task.Value = value.Done;
            }
        }
    }
}
