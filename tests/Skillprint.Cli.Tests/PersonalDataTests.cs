using System.Text.Json;
using System.Text.RegularExpressions;

namespace Skillprint.Cli.Tests;

/// <summary>assess, evidence add/list, status and export markdown, end to end on a temporary database.</summary>
public sealed partial class PersonalDataTests : IDisposable
{
    private const string Me = "dev@example.org";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static JsonElement Topic(JsonElement status, string id) =>
        status.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);

    [Fact]
    public void Assessments_and_evidence_show_in_the_status_json()
    {
        _cli.RunOk("assess", "async", "intermediate", "--note", "FastAPI endpoints", "--person", Me).Out
            .ShouldContain("Async Programming (async) at Intermediate");
        _cli.RunOk("assess", "async", "ADVANCED", "--person", Me).Out.ShouldContain("2 assessments of this topic");
        _cli.RunOk("evidence", "add", "async/async.queue", "--link", "https://example.org/talk", "--note", "Talk on queues", "--person", Me);
        _cli.RunOk("evidence", "add", "pydantic", "--note", "Course: Pydantic v2", "--person", Me);
        _cli.RunOk("assess", "pydantic", "beginner", "--person", "someone-else@example.org");

        var status = _cli.RunOk("status", "--format", "json", "--evidence", "--person", Me).Json;

        status.GetProperty("person").GetString().ShouldBe(Me);
        var topics = status.GetProperty("topics").EnumerateArray().ToList();
        topics.Count.ShouldBeGreaterThanOrEqualTo(12);
        foreach (var topic in topics)
        {
            foreach (var field in new[] { "id", "name", "relevance", "tracks", "selfLevel", "evidence", "activeProjects", "gaps" })
            {
                topic.TryGetProperty(field, out _).ShouldBeTrue($"topic {topic.GetProperty("id")} has no '{field}'");
            }
        }

        var async = Topic(status, "async");
        async.GetProperty("name").GetString().ShouldBe("Async Programming");
        async.GetProperty("relevance").GetString().ShouldBe("Medium");
        async.GetProperty("tracks").GetArrayLength().ShouldBeGreaterThan(0);
        async.GetProperty("selfLevel").GetString().ShouldBe("Advanced", "the latest assessment is the current one");
        async.GetProperty("assessments").GetInt32().ShouldBe(2, "history is kept");
        var evidence = async.GetProperty("evidence").EnumerateArray().Single();
        evidence.GetProperty("skill").GetString().ShouldBe("async.queue");
        evidence.GetProperty("link").GetString().ShouldBe("https://example.org/talk");
        evidence.GetProperty("note").GetString().ShouldBe("Talk on queues");
        async.GetProperty("activeProjects").GetArrayLength().ShouldBe(0, "no code evidence yet");
        var gaps = async.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("id").GetString()).ToList();
        gaps.ShouldContain("async.task-group");
        gaps.ShouldNotContain("async.queue", "a skill with evidence is no gap");

        var pydantic = Topic(status, "pydantic");
        pydantic.GetProperty("selfLevel").GetString().ShouldBe("None", "another person's assessment is theirs");
        pydantic.GetProperty("evidence").EnumerateArray().Single().GetProperty("note").GetString().ShouldBe("Course: Pydantic v2");
        Topic(status, "cli").GetProperty("selfLevel").GetString().ShouldBe("None");
    }

    [Fact]
    public void Evidence_list_shows_the_newest_first_in_every_format()
    {
        _cli.RunOk("evidence", "add", "async", "--note", "first", "--person", Me);
        _cli.RunOk("evidence", "add", "testing/testing.fixture", "--link", "https://example.org/review", "--note", "second", "--person", Me);

        var json = _cli.RunOk("evidence", "list", "--format", "json", "--person", Me).Json.EnumerateArray().ToList();
        json.Select(e => e.GetProperty("note").GetString()).ShouldBe(["second", "first"]);
        json[0].GetProperty("skill").GetString().ShouldBe("testing.fixture");
        json[0].GetProperty("topic").GetString().ShouldBe("testing");

        var table = _cli.RunOk("evidence", "list", "--person", Me).Out;
        table.ShouldContain("testing.fixture");
        table.IndexOf("second", StringComparison.Ordinal).ShouldBeLessThan(table.IndexOf("first", StringComparison.Ordinal));

        var markdown = _cli.RunOk("evidence", "list", "--format", "markdown", "--person", Me).Out;
        markdown.ShouldStartWith("| Id | Kind | Date | Skill | Where | Author | Note |");
        markdown.ShouldContain("| manual |");
        markdown.ShouldContain("https://example.org/review");

        _cli.RunOk("evidence", "list", "--topic", "async", "--format", "json", "--person", Me).Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void Status_table_and_markdown_show_each_topic_with_level_and_gaps()
    {
        _cli.RunOk("assess", "async", "intermediate", "--person", Me);

        var table = _cli.RunOk("status", "--person", Me).Out;
        foreach (var header in new[] { "Topic", "Level", "Evidence", "Active Projects", "Gaps" })
        {
            table.ShouldContain(header);
        }

        table.ShouldContain("Async Programming");
        table.ShouldContain("Intermediate");

        var markdown = _cli.RunOk("status", "--format", "markdown", "--person", Me).Out;
        markdown.ShouldContain("| Topic | Level | Evidence | Active Projects | Gaps |");
        var asyncRow = markdown.Split('\n').Single(line => line.StartsWith("| Async Programming |", StringComparison.Ordinal));
        asyncRow.ShouldContain("| Intermediate |");
        asyncRow.ShouldContain("asyncio.Queue", Case.Sensitive, "gaps are named as skills");
        asyncRow.ShouldNotContain("No ");
    }

    [Fact]
    public void Export_markdown_writes_the_two_tables_of_seed_000_filled_and_updates_in_place()
    {
        _cli.RunOk("assess", "async", "intermediate", "--note", "FastAPI", "--person", Me);
        _cli.RunOk("assess", "pydantic", "advanced", "--person", Me);
        _cli.RunOk("evidence", "add", "pydantic/pydantic.computed-field", "--link", "https://example.org/domus-api", "--note", "domus-api models", "--person", Me);
        var topicCount = _cli.RunOk("framework", "show", "python", "--format", "json").Json.GetProperty("topics").GetArrayLength();

        var result = _cli.RunOk("export", "markdown", "--out", "notes/page.md", "--person", Me);

        result.Out.ShouldStartWith("Wrote notes/page.md");
        var path = Path.Combine(_cli.WorkDir, "notes", "page.md");
        var page = File.ReadAllText(path);
        page.ShouldStartWith("---\n");
        FrontMatterId().Match(page).Success.ShouldBeTrue(page);

        var knowledge = TableAfter(page, "## Body of Knowledge");
        knowledge[0].ShouldBe(["Topic", "Description", "Relevance", "Career Tracks"]);
        knowledge.Count.ShouldBe(1 + topicCount);
        knowledge.Skip(1).ShouldAllBe(row => row.All(cell => cell.Length > 0));
        knowledge.ShouldContain(row => row[0] == "Async Programming" && row[2] == "Medium");

        var personal = TableAfter(page, "## Personal Status");
        personal[0].ShouldBe(["Topic", "Level", "Evidence", "Active Projects", "Gaps"]);
        var pydantic = personal.Single(row => row[0] == "Pydantic");
        pydantic[1].ShouldBe("Advanced");
        pydantic[2].ShouldContain("domus-api models");
        pydantic[2].ShouldContain("https://example.org/domus-api");
        pydantic[4].ShouldContain("Pydantic v2 settings management");
        pydantic[4].ShouldNotStartWith("No ");
        personal.Single(row => row[0] == "Async Programming")[1].ShouldBe("Intermediate");

        // A line the person adds outside the generated part stays; the page keeps its id.
        File.AppendAllText(path, "\nMy own notes.\n");
        _cli.RunOk("assess", "async", "advanced", "--person", Me);
        _cli.RunOk("export", "markdown", "--out", "notes/page.md", "--person", Me).Out.ShouldStartWith("Updated notes/page.md");
        var again = File.ReadAllText(path);
        again.ShouldContain("My own notes.");
        FrontMatterId().Match(again).Value.ShouldBe(FrontMatterId().Match(page).Value);
        TableAfter(again, "## Personal Status").Single(row => row[0] == "Async Programming")[1].ShouldBe("Advanced");
    }

    [Fact]
    public void Export_markdown_without_out_writes_beside_the_user()
    {
        _cli.RunOk("assess", "async", "beginner", "--person", Me);

        _cli.RunOk("export", "markdown", "--person", Me).Out.ShouldStartWith("Wrote competencies.python.md");

        File.Exists(Path.Combine(_cli.WorkDir, "competencies.python.md")).ShouldBeTrue();
    }

    [Fact]
    public void The_person_defaults_to_git_config_user_email()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_cli.Root, "repo")).FullName;
        CliRunner.Exec("git", repo, null, "init", "-q").ExitCode.ShouldBe(0);
        CliRunner.Exec("git", repo, null, "config", "user.email", "from-git@example.org").ExitCode.ShouldBe(0);
        _cli.WorkDir = repo;

        _cli.RunOk("assess", "async", "beginner").Out.ShouldContain("for from-git@example.org");

        _cli.RunOk("status", "--format", "json").Json.GetProperty("person").GetString().ShouldBe("from-git@example.org");
        _cli.RunOk("status", "--format", "json", "--person", "from-git@example.org").Json.GetProperty("person").GetString().ShouldBe("from-git@example.org");
    }

    [Fact]
    public void Without_a_git_email_the_person_is_user_at_localhost()
    {
        _cli.RunOk("assess", "async", "beginner").Out.ShouldContain("for tester@localhost");
    }

    [Fact]
    public void Db_option_wins_over_the_environment()
    {
        var other = Path.Combine(_cli.Root, "other.db");

        _cli.RunOk("--db", other, "assess", "async", "expert", "--person", Me);

        File.Exists(other).ShouldBeTrue();
        Topic(_cli.RunOk("status", "--db", other, "--format", "json", "--person", Me).Json, "async")
            .GetProperty("selfLevel").GetString().ShouldBe("Expert");
        Topic(_cli.RunOk("status", "--format", "json", "--person", Me).Json, "async")
            .GetProperty("selfLevel").GetString().ShouldBe("None", "SKILLPRINT_DB is another database");
    }

    [Fact]
    public void Export_profile_writes_a_skill_file_and_never_overwrites_a_note_it_did_not_write()
    {
        _cli.RunOk("assess", "async", "advanced", "--person", Me);
        _cli.RunOk("assess", "testing", "intermediate", "--person", Me);

        _cli.RunOk("export", "profile", "--person", Me).Out.ShouldBe("Wrote profile.python.md (2 topics).\n");
        var profile = File.ReadAllText(Path.Combine(_cli.WorkDir, "profile.python.md"));
        profile.ShouldStartWith("---\nname: python-dev\n");
        profile.ShouldContain("generator: skillprint profile\n");
        profile.ShouldContain("**Async Programming: Advanced.** You rate yourself Advanced;");
        WithoutGenerated(_cli.RunOk("export", "profile", "--out", "-", "--person", Me).Out).ShouldBe(WithoutGenerated(profile), "--out - prints the same profile");
        _cli.RunOk("export", "profile", "--person", Me).Out.ShouldBe("Replaced profile.python.md (2 topics).\n");

        var mine = Path.Combine(_cli.WorkDir, "notes.md");
        File.WriteAllText(mine, "My own notes.\n");
        var refused = _cli.Run("export", "profile", "--out", "notes.md", "--person", Me);
        refused.ExitCode.ShouldBe(1, refused.ToString());
        refused.Error.ShouldContain("notes.md: exists and was not written by 'export profile'");
        File.ReadAllText(mine).ShouldBe("My own notes.\n");
        _cli.RunOk("export", "profile", "--out", "notes.md", "--replace", "--person", Me);
        File.ReadAllText(mine).ShouldContain("generator: skillprint profile");
    }

    private static string WithoutGenerated(string profile) =>
        string.Join('\n', profile.Split('\n').Where(line => !line.StartsWith("generated: ", StringComparison.Ordinal)));

    /// <summary>The Markdown table that follows a heading, as rows of trimmed cells (header first).</summary>
    private static List<string[]> TableAfter(string page, string heading)
    {
        var lines = page[(page.IndexOf(heading, StringComparison.Ordinal) + heading.Length)..].Split('\n');
        return lines
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Where(line => !SeparatorRow().IsMatch(line))
            .Select(line => CellSplit().Split(line.Trim().Trim('|')).Select(cell => cell.Trim()).ToArray())
            .ToList();
    }

    [GeneratedRegex(@"^\|( *:?-+:? *\|)+\s*$")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();

    [GeneratedRegex(@"(?m)^id: \S+$")]
    private static partial Regex FrontMatterId();
}
