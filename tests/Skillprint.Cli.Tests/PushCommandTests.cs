using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Skillprint.Core.Evidence;

namespace Skillprint.Cli.Tests;

/// <summary>
/// `skillprint login` and `scan --push` against a real server (`skillprint serve` on a loopback
/// port, over a store of its own): a person's machine (<see cref="me"/>, its own store and config
/// folder) scans repositories made with the real git and pushes them; what the server keeps is read
/// back through its API with the same token.
/// </summary>
public sealed class PushCommandTests : IAsyncLifetime
{
    private const string Me = "me@example.org";

    private readonly CliRunner host = new();
    private readonly CliRunner me = new();
    private ServedStore server = null!;
    private string token = "";

    public PushCommandTests()
    {
        me.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(me.Home, ".gitconfig");
        File.WriteAllText(Path.Combine(me.Home, ".gitconfig"), $"[user]\n\tname = Me\n\temail = {Me}\n[init]\n\tdefaultBranch = main\n");
    }

    public async Task InitializeAsync()
    {
        host.RunOk("user", "add", Me, "--role", "member");
        token = host.RunOk("token", "create", "--name", "laptop", "--scope", "write", "--person", Me).Out.Trim();
        server = await ServedStore.StartAsync(host);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        host.Dispose();
        me.Dispose();
    }

    private string LoginFile => Path.Combine(me.Home, ".config", "skillprint", "server.json");

    private CliResult Login(string secret, string? url = null) => me.RunWith(secret + "\n", CancellationToken.None, "login", url ?? server.Url, "--token-stdin");

    private string Git(string repository, params string[] args)
    {
        var (code, output, error) = CliRunner.Exec("git", repository, me.Environment, args);
        code.ShouldBe(0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }

    /// <summary>Writes the files and commits them as <paramref name="author"/>.</summary>
    private string Commit(string name, string author, params (string Path, string? Text)[] files)
    {
        var path = Path.Combine(me.WorkDir, name);
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            Git(path, "init", "-q");
        }

        foreach (var (file, text) in files)
        {
            var full = Path.Combine(path, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (text is null)
            {
                File.Delete(full);
            }
            else
            {
                File.WriteAllText(full, text);
            }
        }

        Git(path, "add", "-A");
        Git(path, "-c", $"user.email={author}", "commit", "-q", "-m", "change");
        return path;
    }

    /// <summary>The evidence the server keeps for the token's owner, through its API.</summary>
    private async Task<(int Total, List<EvidenceEntry> Items)> ServerEvidenceAsync(string? secret = null)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret ?? token);
        var page = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/me/evidence?limit=1000", UriKind.Relative))).RootElement;
        var items = page.GetProperty("items").Deserialize<List<EvidenceEntry>>(CliApp.Json)!;
        return (page.GetProperty("total").GetInt32(), items);
    }

    [Fact]
    public async Task Scan_push_sends_each_repository_once_the_same_push_again_changes_nothing_and_a_rescan_replaces_it()
    {
        Login(token).ExitCode.ShouldBe(0);
        var api = Commit("api", Me, ("app/main.py", "import asyncio\n\nq = asyncio.Queue()\n"));
        Commit("api", "someone@example.org", ("app/theirs.py", "import asyncio\n\nr = asyncio.Queue()\n"));
        Commit("tool", Me, ("tool.py", "import asyncio\n\nasyncio.run(main())\n"));

        var first = me.RunOk("scan", "api", "tool", "--push");

        first.Out.ShouldContain($"Pushed api to {server.Url}/: 1 hit of yours, 1 by other authors left out, stored.");
        first.Out.ShouldContain($"Pushed tool to {server.Url}/: ");
        var (total, items) = await ServerEvidenceAsync();
        var queue = items.Single(i => i.Skill == "async.queue");
        (queue.Repository, queue.Path, queue.Line, queue.Author).ShouldBe(("api", "app/main.py", 3, Me));
        queue.Commit.ShouldBe(Git(api, "log", "-1", "--format=%H", "--", "app/main.py").Trim());
        queue.At.ShouldNotBeNull();
        queue.Snippet.ShouldBeNullOrEmpty("no source text without --with-snippets");
        items.ShouldAllBe(i => i.Author == Me, "only the caller's own lines are kept");
        items.Select(i => i.Repository).Distinct().Order().ShouldBe(["api", "tool"]);

        var again = me.RunOk("scan", "api", "tool", "--push");
        again.Out.ShouldContain($"Pushed api to {server.Url}/: 1 hit of yours, 1 by other authors left out, unchanged.");
        var (totalAgain, itemsAgain) = await ServerEvidenceAsync();
        totalAgain.ShouldBe(total);
        itemsAgain.Select(i => i.Id).ShouldBe(items.Select(i => i.Id), "the same push twice changes nothing, ids included");

        Commit("api", Me, ("app/main.py", null), ("app/jobs.py", "import asyncio\n\n\nw = asyncio.Queue()\n"));
        me.RunOk("scan", "api", "--push").Out.ShouldContain("stored.");
        var (_, replaced) = await ServerEvidenceAsync();
        var moved = replaced.Single(i => i.Skill == "async.queue");
        (moved.Path, moved.Line).ShouldBe(("app/jobs.py", 4));
        replaced.ShouldNotContain(i => i.Path == "app/main.py", "a push after a rescan replaces that repository's evidence");
        replaced.Count(i => i.Repository == "tool").ShouldBe(items.Count(i => i.Repository == "tool"), "another repository's push stays");
    }

    [Fact]
    public async Task With_snippets_the_source_line_goes_too()
    {
        Login(token).ExitCode.ShouldBe(0);
        Commit("api", Me, ("app/main.py", "import asyncio\n\nq = asyncio.Queue()\n"));

        me.RunOk("scan", "api", "--push", "--with-snippets");

        (await ServerEvidenceAsync()).Items.Single(i => i.Skill == "async.queue").Snippet.ShouldBe("q = asyncio.Queue()");
        var alone = me.Run("scan", "api", "--with-snippets");
        alone.ExitCode.ShouldBe(2, alone.ToString());
        alone.ErrorLines[0].ShouldBe("error: --with-snippets goes with --push (it says what a push sends)");
    }

    [Fact]
    public async Task A_push_bigger_than_the_servers_body_limit_goes_through_whole()
    {
        Login(token).ExitCode.ShouldBe(0);
        const int count = 8000;
        var lines = string.Concat(Enumerable.Range(0, count).Select(i => $"q{i} = asyncio.Queue()\n"));
        Commit("big", Me, ("pkg/queues.py", "import asyncio\n" + lines));

        var pushed = me.RunOk("scan", "big", "--push");

        pushed.Out.ShouldContain($"{count} hits of yours");
        var (total, items) = await ServerEvidenceAsync();
        total.ShouldBe(count);
        var one = items[0];
        var json = JsonSerializer.SerializeToUtf8Bytes(new PushedHit(one.Topic, one.Skill!, one.Path!, one.Line!.Value, one.EndLine!.Value, one.Author, one.Commit, one.At), CliApp.Json);
        ((long)json.Length * count).ShouldBeGreaterThan(Server.ServerSettings.DefaultMaxRequestBodyBytes, "the push's JSON is over the server's 1 MiB limit");
    }

    [Fact]
    public void The_login_is_kept_for_its_owner_alone_checked_first_and_never_printed()
    {
        var login = Login(token);

        login.ExitCode.ShouldBe(0, login.ToString());
        login.Out.ShouldBe($"Logged in to {server.Url}/ as {Me} (member); kept in {LoginFile}.\n");
        (login.Out + login.Error).ShouldNotContain(token);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(LoginFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(Path.GetDirectoryName(LoginFile)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.ReadAllText(LoginFile).ShouldContain(token);

        var wrong = Login("sp_" + new string('x', 43));
        wrong.ExitCode.ShouldBe(1, wrong.ToString());
        wrong.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"error: checking the login: {server.Url}/ answered 401 Unauthorized: the server does not accept the token");
        File.ReadAllText(LoginFile).ShouldContain(token, customMessage: "a login that fails keeps the one before");

        me.RunOk("logout").Out.ShouldBe($"Logged out of {server.Url}/.\n");
        File.Exists(LoginFile).ShouldBeFalse();
        me.RunOk("logout").Out.ShouldBe("Not logged in.\n");

        var nowhere = Login(token, $"http://127.0.0.1:{ServedStore.FreePort()}");
        nowhere.ExitCode.ShouldBe(1, nowhere.ToString());
        nowhere.ErrorLines.ShouldHaveSingleItem().ShouldContain("checking the login: cannot reach http://127.0.0.1:");
        File.Exists(LoginFile).ShouldBeFalse("a login that fails saves nothing");

        var noToken = me.Run("login", server.Url);
        noToken.ExitCode.ShouldBe(2, noToken.ToString());
        noToken.ErrorLines[0].ShouldBe("error: login needs a token: pipe it in with --token-stdin");
        me.Run("login", "ftp://example.org", "--token-stdin").ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Push_errors_are_one_line_with_exit_1_and_the_local_scan_is_kept()
    {
        Commit("api", Me, ("app/main.py", "import asyncio\n\nq = asyncio.Queue()\n"));

        var notLoggedIn = me.Run("scan", "api", "--push");
        notLoggedIn.ExitCode.ShouldBe(1, notLoggedIn.ToString());
        notLoggedIn.ErrorLines.ShouldBe(["error: --push: not logged in to a server (the scan is kept locally): skillprint login URL --token-stdin"]);
        me.RunOk("evidence", "list", "--skill", "async.queue", "--format", "json").Json.GetArrayLength().ShouldBe(1, "the local scan is kept");

        var reader = host.RunOk("token", "create", "--name", "read", "--scope", "read", "--person", Me).Out.Trim();
        Login(reader).ExitCode.ShouldBe(0);
        var readOnly = me.Run("scan", "api", "--push");
        readOnly.ExitCode.ShouldBe(1, readOnly.ToString());
        readOnly.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"error: pushing api: {server.Url}/ answered 403 Forbidden: the token may not do this (a push needs a token with --scope write)");

        Login(token).ExitCode.ShouldBe(0);
        host.RunOk("token", "revoke", "1", "--person", Me);
        var revoked = me.Run("scan", "api", "--push");
        revoked.ExitCode.ShouldBe(1, revoked.ToString());
        revoked.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"error: pushing api: {server.Url}/ answered 401 Unauthorized: the server does not accept the token; log in again: skillprint login {server.Url}/ --token-stdin");
        (await ServerEvidenceAsync(reader)).Total.ShouldBe(0, "nothing was pushed");

        (await server.StopAsync()).ExitCode.ShouldBe(0);
        var down = me.Run("scan", "api", "--push");
        down.ExitCode.ShouldBe(1, down.ToString());
        down.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"error: pushing api: cannot reach {server.Url}/ (");
        down.ErrorLines[0].ShouldEndWith("(the scan is kept locally)");
        (down.Out + down.Error).ShouldNotContain(token);
        me.RunOk("evidence", "list", "--skill", "async.queue", "--format", "json").Json.GetArrayLength().ShouldBe(1);
    }
}
