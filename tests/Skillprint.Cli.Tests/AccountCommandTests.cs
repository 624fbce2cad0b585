using System.Net;
using System.Text.RegularExpressions;

namespace Skillprint.Cli.Tests;

/// <summary>`skillprint user`, `token` and `serve`, run as a person types them, over a real store.</summary>
public sealed partial class AccountCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void User_add_without_a_password_prints_a_one_time_password_once()
    {
        var added = cli.RunOk("user", "add", "Ada@Example.org", "--role", "admin");

        added.Out.ShouldStartWith("Added ada@example.org as admin (person 1).\n");
        OneTimePassword().Match(added.Out).Groups[1].Value.Length.ShouldBe(20, added.Out);
        var list = cli.RunOk("user", "list", "--format", "json").Json;
        list[0].GetProperty("email").GetString().ShouldBe("ada@example.org");
        list[0].GetProperty("personId").GetInt64().ShouldBe(1, "a person id is a plain number in JSON");
        list[0].GetProperty("role").GetString().ShouldBe("Admin");
        list[0].GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        list[0].TryGetProperty("passwordHash", out _).ShouldBeFalse("no secret is listed");
    }

    [Fact]
    public void User_add_reads_the_password_from_stdin_and_refuses_a_second_add_or_a_short_password()
    {
        var added = cli.RunWith("a-long-password-1\n", CancellationToken.None, "user", "add", "bob@example.org", "--role", "member", "--password-stdin");
        added.ExitCode.ShouldBe(0, added.ToString());
        added.Out.ShouldNotContain("password");

        var again = cli.Run("user", "add", "bob@example.org", "--role", "admin");
        again.ExitCode.ShouldBe(1, again.ToString());
        again.ErrorLines[0].ShouldBe("error: bob@example.org is a user already");

        var shortOne = cli.RunWith("short\n", CancellationToken.None, "user", "add", "carl@example.org", "--role", "member", "--password-stdin");
        shortOne.ExitCode.ShouldBe(2, shortOne.ToString());
        shortOne.ErrorLines[0].ShouldBe("error: a password has at least 12 characters");

        var noInput = cli.Run("user", "add", "dan@example.org", "--role", "member", "--password-stdin");
        noInput.ExitCode.ShouldBe(2, noInput.ToString());
        noInput.ErrorLines[0].ShouldBe("error: --password-stdin: standard input has no line");

        var badRole = cli.Run("user", "add", "eve@example.org", "--role", "owner");
        badRole.ExitCode.ShouldBe(2, badRole.ToString());
        cli.RunOk("user", "list", "--format", "json").Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void A_token_is_printed_once_listed_without_its_secret_and_revoked_by_its_owner_only()
    {
        cli.RunOk("user", "add", "ada@example.org", "--role", "member");
        cli.RunOk("user", "add", "bob@example.org", "--role", "member");

        var created = cli.RunOk("token", "create", "--name", "laptop", "--scope", "write", "--expires", "30", "--person", "ada@example.org");

        var secret = created.Out.Trim();
        secret.ShouldMatch("^sp_[A-Za-z0-9_-]{43}$");
        created.Error.ShouldContain("Created token 1 'laptop' (write, expires ");
        var listed = cli.RunOk("token", "list", "--person", "ada@example.org");
        listed.Out.ShouldContain(secret[..10] + "...");
        listed.Out.ShouldNotContain(secret);
        listed.Out.ShouldContain("active");
        cli.RunOk("token", "list", "--person", "bob@example.org").Out.ShouldContain("No tokens");

        var notBobs = cli.Run("token", "revoke", "1", "--person", "bob@example.org");
        notBobs.ExitCode.ShouldBe(1, notBobs.ToString());
        notBobs.ErrorLines[0].ShouldBe("error: there is no token 1 of yours");

        cli.RunOk("token", "revoke", "1", "--person", "ada@example.org").Out.ShouldBe("Revoked token 1 'laptop' of ada@example.org.\n");
        cli.RunOk("token", "list", "--all").Out.ShouldContain("revoked");
    }

    [Theory]
    [InlineData("--expires", "0", "a token expires in 1 to 3650 days, not 0")]
    [InlineData("--name", " ", "a token needs a name of 1 to 100 characters")]
    public void A_token_with_a_wrong_value_is_refused(string option, string value, string message)
    {
        cli.RunOk("user", "add", "ada@example.org", "--role", "member");
        string[] args = option == "--name" ? ["token", "create", "--name", value] : ["token", "create", "--name", "n", option, value];

        var result = cli.Run([.. args, "--person", "ada@example.org"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorLines[0].ShouldBe("error: " + message);
        cli.RunOk("token", "list", "--all").Out.ShouldContain("No tokens");
    }

    [Fact]
    public void A_token_for_someone_without_an_account_says_how_to_make_one()
    {
        var result = cli.Run("token", "create", "--name", "n", "--person", "carl@example.org");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.ErrorLines[0].ShouldBe("error: carl@example.org has no account on this store: skillprint user add carl@example.org --role member");
    }

    [Fact]
    public void Merging_two_people_who_both_have_accounts_is_refused_naming_both_and_changes_nothing()
    {
        cli.RunOk("user", "add", "ada@example.org", "--role", "admin");
        cli.RunOk("user", "add", "ada@work.example.org", "--role", "member");
        cli.RunOk("token", "create", "--name", "work", "--person", "ada@work.example.org");

        var merge = cli.Run("person", "alias", "ada@work.example.org", "--merge", "--person", "ada@example.org");

        merge.ExitCode.ShouldBe(1, merge.ToString());
        merge.ErrorLines.ShouldBe(["error: ada@work.example.org belongs to ada@work.example.org; you (ada@example.org) and they both have server accounts, and a person has one: nothing was merged (to join them, one of the two must have no account)"]);
        var users = cli.RunOk("user", "list", "--format", "json").Json.EnumerateArray().Select(u => u.GetProperty("email").GetString()).ToList();
        users.ShouldBe(["ada@example.org", "ada@work.example.org"], ignoreOrder: true);
        cli.RunOk("token", "list", "--person", "ada@work.example.org").Out.ShouldContain("active");
        cli.RunOk("person", "list", "--format", "json").Json.GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Serve_answers_on_the_given_url_over_the_same_store_and_stops_when_asked()
    {
        var port = ServedStore.FreePort();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => cli.RunWith(null, stop.Token, "serve", "--urls", $"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var answer = await ServedStore.Poll(client, serving);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("\"status\":\"ok\"");
        stop.Cancel();
        var result = await serving.WaitAsync(TimeSpan.FromSeconds(30));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldContain($"skillprint: serving {cli.Database} at http://127.0.0.1:{port}");
        File.Exists(cli.Database).ShouldBeTrue("serve migrates the local SQLite file as every command does");
    }

    [Fact]
    public void Serve_refuses_a_url_that_is_not_http()
    {
        var result = cli.Run("serve", "--urls", "ftp://127.0.0.1:21");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorLines[0].ShouldBe("error: --urls: 'ftp://127.0.0.1:21' is not an http:// or https:// URL");
    }

    [GeneratedRegex(@"One-time password \(shown once; change it after signing in\): (\S+)")]
    private static partial Regex OneTimePassword();
}
