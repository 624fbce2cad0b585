using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Skillprint.Cli.Tests;

/// <summary>
/// The CI examples (docs/ci/github-actions.yml and docs/ci/gitlab-ci.yml) run as a CI job would run
/// them: their `skillprint` lines, read from the files, run by bash in a real git repository with
/// two authors, against a real server (`skillprint serve`) with a team's push token in the
/// environment. The command on the PATH is this build's.
/// </summary>
public sealed class CiExampleTests : IAsyncLifetime
{
    private const string Ada = "ada@example.org";
    private const string Stranger = "bo@laptop.local";

    private readonly CliRunner host = new();
    private readonly CliRunner ci = new();
    private ServedStore server = null!;
    private string token = "";

    public async Task InitializeAsync()
    {
        host.RunOk("user", "add", "admin@example.org", "--role", "admin");
        host.RunOk("user", "add", Ada, "--role", "member");
        host.RunOk("team", "add", "platform");
        token = host.RunOk("token", "create", "--team", "platform", "--name", "ci", "--person", "admin@example.org").Out.Trim();
        server = await ServedStore.StartAsync(host);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        host.Dispose();
        ci.Dispose();
    }

    /// <summary>The lines of an example that run skillprint (a `run:` or `script:` line), in order.</summary>
    private static List<string> SkillprintLines(string file) =>
        File.ReadAllLines(Path.Combine(Repo.Root, "docs", "ci", file))
            .Select(line => line.Trim())
            .Select(line => line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line)
            .Where(line => !line.StartsWith('#') && (line.StartsWith("skillprint ", StringComparison.Ordinal) || line.Contains("| skillprint ", StringComparison.Ordinal)))
            .ToList();

    private string Git(string repository, params string[] args)
    {
        var (code, output, error) = CliRunner.Exec("git", repository, ci.Environment, args);
        code.ShouldBe(0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }

    /// <summary>Runs the example's lines as a fresh CI job: a new runner's home and local store each time.</summary>
    private List<string> RunJob(string repository, IReadOnlyList<string> lines)
    {
        var job = Directory.CreateTempSubdirectory("skillprint-ci-job-").FullName;
        var bin = Directory.CreateDirectory(Path.Combine(job, "bin")).FullName;
        var command = Path.Combine(bin, "skillprint");
        File.WriteAllText(command, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "skillprint.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(command, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var environment = new Dictionary<string, string>(ci.Environment, StringComparer.Ordinal)
        {
            ["HOME"] = job,
            ["XDG_CONFIG_HOME"] = Path.Combine(job, ".config"),
            ["SKILLPRINT_DB"] = Path.Combine(job, "data", "skillprint.db"),
            ["PATH"] = bin + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["SKILLPRINT_URL"] = server.Url,
            ["SKILLPRINT_TOKEN"] = token,
        };
        var outputs = new List<string>();
        try
        {
            foreach (var line in lines)
            {
                var (code, output, error) = CliRunner.Exec("bash", repository, environment, "-euo", "pipefail", "-c", line);
                code.ShouldBe(0, $"{line}\n{output}\n{error}");
                (output + error).ShouldNotContain(token);
                outputs.Add(output);
            }
        }
        finally
        {
            Directory.Delete(job, recursive: true);
        }

        return outputs;
    }

    /// <summary>The server's stored evidence: row counts and a SHA-256 over every hit, file, scan and repository row.</summary>
    private (long Hits, long Snippets, string Digest) Stored()
    {
        using var connection = new SqliteConnection($"Data Source={host.Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var text = new StringBuilder();
        foreach (var query in (string[])[
            "SELECT id, file_id, framework, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at, occurrence FROM hits ORDER BY id",
            "SELECT id, repository_id, path, content_hash, scan_id FROM files ORDER BY id",
            "SELECT id, repository_id, framework, state FROM scans ORDER BY id",
            "SELECT id, name, identity, remote FROM repositories ORDER BY id"])
        {
            using var select = connection.CreateCommand();
            select.CommandText = query;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString()).Append('\t');
                }

                text.Append('\n');
            }
        }

        long Count(string sql)
        {
            using var count = connection.CreateCommand();
            count.CommandText = sql;
            return (long)count.ExecuteScalar()!;
        }

        return (Count("SELECT COUNT(*) FROM hits"), Count("SELECT COUNT(*) FROM hits WHERE snippet <> ''"), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    [Fact]
    public void Both_examples_run_the_same_skillprint_commands_login_from_the_secret_then_scan_and_push()
    {
        var github = SkillprintLines("github-actions.yml");

        github.ShouldBe(
        [
            "printf '%s\\n' \"$SKILLPRINT_TOKEN\" | skillprint login \"$SKILLPRINT_URL\" --token-stdin",
            "skillprint scan . --push",
        ]);
        SkillprintLines("gitlab-ci.yml").ShouldBe(github);
    }

    [Fact]
    public async Task The_example_pushes_every_authors_evidence_without_source_text_and_a_second_push_changes_nothing()
    {
        ci.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(ci.Home, ".gitconfig");
        await File.WriteAllTextAsync(Path.Combine(ci.Home, ".gitconfig"), "[user]\n\tname = CI\n\temail = ci@example.org\n[init]\n\tdefaultBranch = main\n");
        var repository = Path.Combine(ci.WorkDir, "api");
        Directory.CreateDirectory(Path.Combine(repository, "app"));
        Git(repository, "init", "-q");
        await File.WriteAllTextAsync(Path.Combine(repository, "app", "queue.py"), "import asyncio\n\nq = asyncio.Queue()\n");
        Git(repository, "add", "-A");
        Git(repository, "-c", $"user.email={Ada}", "commit", "-q", "-m", "queue");
        await File.WriteAllTextAsync(Path.Combine(repository, "app", "run.py"), "import asyncio\n\nasyncio.run(main())\n");
        Git(repository, "add", "-A");
        Git(repository, "-c", $"user.email={Stranger}", "commit", "-q", "-m", "run");
        var lines = SkillprintLines("github-actions.yml");

        var first = RunJob(repository, lines);

        first[^1].ShouldContain("of every author (1 author no one's email yet: unclaimed, kept)");
        first[^1].ShouldEndWith(", stored.\n");
        var stored = Stored();
        stored.Hits.ShouldBeGreaterThan(0);
        stored.Snippets.ShouldBe(0, "no source text is pushed");
        var identities = host.RunOk("identity", "list", "--format", "json").Json;
        identities.GetArrayLength().ShouldBe(1);
        identities[0].GetProperty("email").GetString().ShouldBe(Stranger);
        identities[0].GetProperty("repositories")[0].GetString().ShouldBe("api");
        host.RunOk("evidence", "list", "--person", Ada, "--skill", "async.queue", "--format", "json").Json.GetArrayLength().ShouldBe(1, "Ada's line is hers");
        host.RunOk("evidence", "list", "--person", Ada, "--skill", "async.run", "--format", "json").Json.GetArrayLength().ShouldBe(0, "the unclaimed author's line is not Ada's");

        var second = RunJob(repository, lines);

        second[^1].ShouldEndWith(", unchanged.\n");
        Stored().ShouldBe(stored, "a second push of the same scan changes nothing: counts and every stored row");

        host.RunOk("identity", "link", Stranger, Ada).Out.ShouldStartWith($"Linked {Stranger} to {Ada}");
        host.RunOk("evidence", "list", "--person", Ada, "--skill", "async.run", "--format", "json").Json.GetArrayLength().ShouldBe(1, "a linked identity's evidence counts for the person");
        host.RunOk("identity", "unlink", Stranger);
        host.RunOk("evidence", "list", "--person", Ada, "--skill", "async.run", "--format", "json").Json.GetArrayLength().ShouldBe(0);
    }
}
