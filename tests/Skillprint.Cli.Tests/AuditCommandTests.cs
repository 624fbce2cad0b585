namespace Skillprint.Cli.Tests;

/// <summary>`skillprint audit`, on the local store and through a server login: the changes made
/// with other commands, newest first, within 80 columns; one person's with --person; clear errors
/// for a bad limit, an unknown person, and a member asking the server for someone else's log.</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private readonly CliRunner host = new();
    private readonly CliRunner me = new();
    private ServedStore? server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        host.Dispose();
        me.Dispose();
    }

    [Fact]
    public void The_local_log_lists_the_changes_newest_first_within_80_columns()
    {
        host.RunOk("user", "add", "ada.lovelace-with-a-long-address@analytical-engines.example.org", "--role", "member");
        host.RunOk("assess", "async", "intermediate", "--person", "ada.lovelace-with-a-long-address@analytical-engines.example.org", "--note", "a private note");
        host.RunOk("team", "add", "platform");
        host.RunOk("team", "member", "add", "platform", "ada.lovelace-with-a-long-address@analytical-engines.example.org");

        var text = host.RunOk("audit").Out;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(line => line.Length <= 80);
        lines[0].ShouldContain("local CLI team.person.add -> ada.lovelace");
        lines[1].ShouldBe("    team 1: member");
        text.ShouldContain("team.add");
        text.ShouldContain("    python/async: level Intermediate");
        text.ShouldNotContain("a private note");

        var json = host.RunOk("audit", "--person", "ADA.lovelace-with-a-long-address@analytical-engines.example.org", "--format", "json").Json;
        json.GetProperty("person").GetString().ShouldBe("ada.lovelace-with-a-long-address@analytical-engines.example.org");
        json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["team.person.add", "assessment.add", "user.add"]);
        var page = host.RunOk("audit", "--limit", "1", "--format", "json").Json;
        page.GetProperty("events").GetArrayLength().ShouldBe(1);
        var next = page.GetProperty("next").GetInt64();
        host.RunOk("audit", "--limit", "1", "--before", next.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json").Json
            .GetProperty("events")[0].GetProperty("action").GetString().ShouldBe("team.add");
    }

    [Fact]
    public void A_bad_limit_or_an_unknown_person_is_refused_naming_the_option()
    {
        var limit = host.Run("audit", "--limit", "0");
        limit.ExitCode.ShouldNotBe(0, limit.ToString());
        limit.Error.ShouldContain("--limit: '0' is not a whole number from 1 to 500");
        var nobody = host.Run("audit", "--person", "nobody@example.org");
        nobody.ExitCode.ShouldBe(1, nobody.ToString());
        nobody.ErrorLines[0].ShouldBe("error: --person: no one has the email nobody@example.org in this store");
    }

    [Fact]
    public async Task Through_a_login_a_member_reads_their_own_log_and_not_anothers()
    {
        host.RunOk("user", "add", "me@example.org", "--role", "member");
        host.RunOk("user", "add", "bob@example.org", "--role", "member");
        var token = host.RunOk("token", "create", "--name", "laptop", "--scope", "write", "--person", "me@example.org").Out.Trim();
        host.RunOk("team", "add", "platform");
        host.RunOk("team", "member", "add", "platform", "me@example.org");
        server = await ServedStore.StartAsync(host);
        var login = me.RunWith(token + "\n", CancellationToken.None, "login", server.Url, "--token-stdin");
        login.ExitCode.ShouldBe(0, login.ToString());

        var mine = me.RunOk("audit", "--server", "--format", "json").Json;
        mine.GetProperty("person").GetString().ShouldBe("me@example.org");
        mine.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["team.person.add", "token.create", "user.add"]);
        me.RunOk("audit", "--server").Out.ShouldContain("token.create -> me@example.org");

        var others = me.Run("audit", "--server", "--person", "bob@example.org");
        others.ExitCode.ShouldBe(1, others.ToString());
        others.ErrorLines[0].ShouldStartWith($"error: reading the audit log: {server.Url}/ answered 403 Forbidden");
    }
}
