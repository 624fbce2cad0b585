namespace Skillprint.Cli.Tests;

/// <summary>`skillprint team`, run as a person types it, over a real store: teams and who is in
/// them, clear errors for an unknown team or person, a confirmed removal, and the matrix in its
/// three formats.</summary>
public sealed class TeamCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void A_team_is_made_filled_shown_and_emptied_with_a_line_saying_what_changed()
    {
        cli.RunOk("user", "add", "ada@example.org", "--role", "member");
        cli.RunOk("user", "add", "mo@example.org", "--role", "member");

        cli.RunOk("team", "add", "Platform").Out.ShouldBe("Added team Platform (id 1). Add people: skillprint team member add Platform EMAIL\n");
        cli.RunOk("team", "member", "add", "platform", "ADA@example.org").Out.ShouldBe("ada@example.org is now a member of Platform.\n");
        cli.RunOk("team", "member", "add", "1", "ada@example.org").Out.ShouldBe("ada@example.org was a member of Platform already; nothing changed.\n");
        cli.RunOk("team", "manager", "add", "platform", "mo@example.org");

        cli.RunOk("team", "show", "platform").Out.ShouldBe("Team Platform (id 1)\nManagers: mo@example.org\nMembers: ada@example.org\n");
        var listed = cli.RunOk("team", "list", "--format", "json").Json[0];
        (listed.GetProperty("name").GetString(), listed.GetProperty("members").GetInt32(), listed.GetProperty("managers").GetInt32()).ShouldBe(("Platform", 1, 1));

        cli.RunOk("team", "manager", "remove", "platform", "mo@example.org").Out.ShouldBe("mo@example.org is no longer a manager of Platform.\n");
        cli.RunOk("team", "manager", "remove", "platform", "mo@example.org").Out.ShouldBe("mo@example.org was not a manager of Platform; nothing changed.\n");
    }

    [Fact]
    public void Unknown_teams_people_and_taken_names_are_refused_naming_them_and_change_nothing()
    {
        cli.RunOk("user", "add", "ada@example.org", "--role", "member");
        cli.RunOk("team", "add", "platform");

        var taken = cli.Run("team", "add", "PLATFORM");
        taken.ExitCode.ShouldBe(1, taken.ToString());
        taken.ErrorLines[0].ShouldBe("error: a team named 'PLATFORM' exists already");
        var noTeam = cli.Run("team", "member", "add", "data", "ada@example.org");
        noTeam.ExitCode.ShouldBe(1, noTeam.ToString());
        noTeam.ErrorLines[0].ShouldBe("error: there is no team 'data'");
        var noPerson = cli.Run("team", "member", "add", "platform", "nobody@example.org");
        noPerson.ExitCode.ShouldBe(1, noPerson.ToString());
        noPerson.ErrorLines[0].ShouldStartWith("error: no person has the email 'nobody@example.org'");
        var number = cli.Run("team", "add", "42");
        number.ErrorLines[0].ShouldBe("error: the team name '42' is a number (teams are also named by their id)");

        cli.RunOk("team", "list", "--format", "json").Json.GetArrayLength().ShouldBe(1);
        cli.RunOk("team", "show", "platform", "--format", "json").Json.GetProperty("members").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Remove_asks_says_what_it_removes_and_keeps_the_people()
    {
        cli.RunOk("user", "add", "ada@example.org", "--role", "member");
        cli.RunOk("team", "add", "platform");
        cli.RunOk("team", "member", "add", "platform", "ada@example.org");

        var declined = cli.RunWith("n\n", CancellationToken.None, "team", "remove", "platform");
        declined.ExitCode.ShouldBe(1, declined.ToString());
        declined.Error.ShouldContain("Remove team platform with 1 member and 0 managers?");
        cli.RunOk("team", "list", "--format", "json").Json.GetArrayLength().ShouldBe(1);

        cli.RunOk("team", "remove", "platform", "--yes").Out.ShouldBe("Removed team platform with 1 member and 0 managers. The people and their data stay.\n");
        cli.RunOk("team", "list", "--format", "json").Json.GetArrayLength().ShouldBe(0);
        cli.RunOk("user", "list", "--format", "json").Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void The_matrix_prints_as_markdown_json_and_csv_with_a_role_s_targets()
    {
        cli.RunOk("user", "add", "ada@example.org", "--role", "member");
        cli.RunOk("user", "add", "bob@example.org", "--role", "member");
        cli.RunOk("assess", "async", "advanced", "--person", "ada@example.org");
        cli.RunOk("team", "add", "platform");
        cli.RunOk("team", "member", "add", "platform", "ada@example.org");
        cli.RunOk("team", "member", "add", "platform", "bob@example.org");

        var markdown = cli.RunOk("team", "matrix", "platform", "--role", "backend-developer").Out;
        markdown.ShouldStartWith("# Team platform: python\n");
        markdown.ShouldContain("| Async Programming | - (Advanced) |  |");
        markdown.ShouldContain("## Against Backend Developer (backend-developer)");

        var json = cli.RunOk("team", "matrix", "platform", "--role", "backend-developer", "--format", "json").Json;
        json.GetProperty("view").GetString().ShouldBe("Full");
        json.GetProperty("members").GetArrayLength().ShouldBe(2);
        var asyncTarget = json.GetProperty("role").GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == "async");
        asyncTarget.GetProperty("meeting").GetInt32().ShouldBe(1);
        asyncTarget.GetProperty("below")[0].GetString().ShouldBe("bob@example.org");

        var csv = cli.RunOk("team", "matrix", "platform", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        csv[0].ShouldBe("email,topic,topic_name,evidenced_level,self_level,places,files,repositories,last_evidence");
        csv.ShouldContain("ada@example.org,async,Async Programming,None,Advanced,0,0,0,");
        csv.Count.ShouldBe(1 + (2 * json.GetProperty("topics").GetArrayLength()));

        var data = cli.RunOk("team", "matrix", "platform", "--track", "data", "--role", "backend-developer", "--grade", "junior", "--format", "json").Json;
        data.GetProperty("track").GetString().ShouldBe("data");
        data.GetProperty("topics").GetArrayLength().ShouldBeLessThan(json.GetProperty("topics").GetArrayLength());
        data.GetProperty("topics").EnumerateArray().ShouldAllBe(t => t.GetProperty("tracks").EnumerateArray().Any(k => k.GetString() == "data"));
        var role = data.GetProperty("role");
        role.GetProperty("grade").GetString().ShouldBe("junior");
        role.GetProperty("targets").EnumerateArray().ShouldAllBe(t => t.GetProperty("target").GetString() == "Beginner", "a junior's targets are capped at Beginner");

        var track = cli.Run("team", "matrix", "platform", "--track", "mobile");
        track.ExitCode.ShouldNotBe(0);
        track.ErrorLines[0].ShouldStartWith("error: the framework 'python' has no track 'mobile' (it has: backend, devops, data");
        var grade = cli.Run("team", "matrix", "platform", "--grade", "senior");
        grade.ExitCode.ShouldNotBe(0);
        grade.ErrorLines[0].ShouldBe("error: a grade needs a role; give the role too");
    }

    [Fact]
    public void The_organisation_s_bus_factor_prints_as_markdown_json_and_csv()
    {
        cli.RunOk("user", "add", "ada@example.org", "--role", "member");
        cli.RunOk("team", "add", "platform");
        cli.RunOk("team", "member", "add", "platform", "ada@example.org");

        var markdown = cli.RunOk("org", "bus-factor").Out;
        markdown.ShouldStartWith("# Bus factor: python\n\n1 people in 1 teams.");
        markdown.ShouldContain("## Held by one person (0)");
        var json = cli.RunOk("org", "bus-factor", "--format", "json").Json;
        json.GetProperty("people").GetInt32().ShouldBe(1);
        var skills = json.GetProperty("skills");
        skills.GetArrayLength().ShouldBeGreaterThan(100, "every detectable skill of the Python framework");
        skills.EnumerateArray().ShouldAllBe(s => s.GetProperty("busFactor").GetInt32() == 0);
        var csv = cli.RunOk("org", "bus-factor", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv[0].TrimEnd('\r').ShouldBe("skill,name,topic,level,bus_factor,holders,island_teams");
        csv.Length.ShouldBe(1 + skills.GetArrayLength());
        var wrong = cli.Run("org", "bus-factor", "--format", "xml");
        wrong.ExitCode.ShouldNotBe(0);
    }
}
