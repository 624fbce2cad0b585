using System.Net.Http.Headers;
using System.Text.Json;
using Skillprint.Core.Evidence;

namespace Skillprint.Cli.Tests;

/// <summary>
/// The CI examples in docs/ci run as written: the lines between <c># skillprint:begin</c> and
/// <c># skillprint:end</c> of each file, run with bash (the <c>skillprint</c> command being the one
/// built from this tree, the secrets in the environment as CI gives them) in a real git repository
/// with two authors, against a real server. The first run stores the token owner's evidence; the
/// second changes nothing.
/// </summary>
public sealed class CiExampleTests : IAsyncLifetime
{
    private const string Owner = "owner@example.org";

    private readonly CliRunner host = new();
    private readonly CliRunner ci = new();
    private ServedStore server = null!;
    private string token = "";

    public async Task InitializeAsync()
    {
        host.RunOk("user", "add", Owner, "--role", "member");
        token = host.RunOk("token", "create", "--name", "ci", "--scope", "write", "--person", Owner).Out.Trim();
        server = await ServedStore.StartAsync(host);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        host.Dispose();
        ci.Dispose();
    }

    /// <summary>The commands of an example: its lines between the markers, without YAML's indentation
    /// or list dash.</summary>
    internal static IReadOnlyList<string> Commands(string file)
    {
        var lines = File.ReadAllLines(file).Select(l => l.Trim()).ToList();
        var begin = lines.IndexOf("# skillprint:begin");
        var end = lines.IndexOf("# skillprint:end");
        begin.ShouldBeGreaterThanOrEqualTo(0, $"{file} has no '# skillprint:begin' line");
        end.ShouldBeGreaterThan(begin, $"{file} has no '# skillprint:end' line after its begin");
        return [.. lines[(begin + 1)..end].Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l)];
    }

    private (int ExitCode, string Out, string Error) RunExample(IReadOnlyList<string> commands, string repository)
    {
        var script = Path.Combine(ci.Root, "ci.sh");
        File.WriteAllText(script, "set -euo pipefail\nskillprint() { dotnet \"$SKILLPRINT_UNDER_TEST\" \"$@\"; }\n" + string.Join('\n', commands) + "\n");
        var environment = new Dictionary<string, string>(ci.Environment)
        {
            ["SKILLPRINT_URL"] = server.Url,
            ["SKILLPRINT_TOKEN"] = token,
            ["SKILLPRINT_UNDER_TEST"] = Path.Combine(AppContext.BaseDirectory, "skillprint.dll"),
        };
        return CliRunner.Exec("bash", repository, environment, script);
    }

    private string Repository()
    {
        var path = Directory.CreateDirectory(Path.Combine(ci.WorkDir, "service")).FullName;
        var git = new Dictionary<string, string>(ci.Environment) { ["GIT_AUTHOR_NAME"] = "x", ["GIT_COMMITTER_NAME"] = "x", ["GIT_COMMITTER_EMAIL"] = "ci@example.org" };
        void Git(params string[] args) => CliRunner.Exec("git", path, git, args).ExitCode.ShouldBe(0, string.Join(' ', args));
        Git("init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(path, "jobs.py"), "import asyncio\n\nq = asyncio.Queue()\n");
        Git("add", "-A");
        Git("-c", $"user.email={Owner}", "-c", "user.name=Owner", "commit", "-q", "-m", "jobs");
        File.WriteAllText(Path.Combine(path, "theirs.py"), "import asyncio\n\nasyncio.run(main())\n");
        Git("add", "-A");
        Git("-c", "user.email=someone@example.org", "-c", "user.name=Someone", "commit", "-q", "-m", "theirs");
        return path;
    }

    private async Task<List<EvidenceEntry>> StoredAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var page = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/me/evidence?limit=1000", UriKind.Relative))).RootElement;
        return page.GetProperty("items").Deserialize<List<EvidenceEntry>>(CliApp.Json)!;
    }

    [Theory]
    [InlineData("github-actions.yml")]
    [InlineData("gitlab-ci.yml")]
    public async Task The_example_pushes_a_real_scan_and_a_second_push_changes_nothing(string example)
    {
        var commands = Commands(Path.Combine(Repo.Root, "docs", "ci", example));
        commands.ShouldContain(c => c.Contains("skillprint scan", StringComparison.Ordinal) && c.Contains("--push", StringComparison.Ordinal));
        var repository = Repository();

        var first = RunExample(commands, repository);

        first.ExitCode.ShouldBe(0, first.Out + first.Error);
        first.Out.ShouldContain("1 by other authors left out, stored.");
        var stored = await StoredAsync();
        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(e => e.Author == Owner);
        stored.ShouldAllBe(e => string.IsNullOrEmpty(e.Snippet), "no source text is pushed");
        stored.ShouldContain(e => e.Skill == "async.queue" && e.Path == "jobs.py" && e.Line == 3);

        var second = RunExample(commands, repository);

        second.ExitCode.ShouldBe(0, second.Out + second.Error);
        second.Out.ShouldContain("unchanged.");
        (await StoredAsync()).Select(e => (e.Id, e.Skill, e.Path, e.Line, e.Commit)).ShouldBe(stored.Select(e => (e.Id, e.Skill, e.Path, e.Line, e.Commit)));
    }
}
