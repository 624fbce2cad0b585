namespace Skillprint.Cli.Tests;

/// <summary>Exit codes and error lines: 2 for a wrong command line, 1 for a failure, never a stack trace.</summary>
public sealed class ErrorTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("statu", "'statu'", "skillprint --help")]
    [InlineData("status --format xml", "'xml'", "skillprint status --help")]
    [InlineData("status --colour", "'--colour'", "skillprint status --help")]
    [InlineData("assess async", "LEVEL", "skillprint assess --help")]
    [InlineData("framework", "show, validate", "skillprint framework --help")]
    [InlineData("framework shw", "Did you mean 'show'", "skillprint framework --help")]
    [InlineData("evidence add", "TOPIC", "skillprint evidence add --help")]
    [InlineData("parse", "PATH", "skillprint parse --help")]
    [InlineData("parse no-such-file.py", "no such file or folder: no-such-file.py", "skillprint parse --help")]
    [InlineData("framework validate no-such-folder", "no such folder: no-such-folder", "skillprint framework validate --help")]
    [InlineData("import no-such-note.md", "no such file: no-such-note.md", "skillprint import --help")]
    public void A_wrong_command_line_gets_one_error_line_a_hint_and_exit_2(string commandLine, string mentioned, string helpCommand)
    {
        var result = _cli.Run(commandLine.Split(' '));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Out.ShouldBeEmpty();
        var lines = result.ErrorLines;
        lines[0].ShouldStartWith("error: ");
        lines[0].ShouldContain(mentioned);
        lines[^1].ShouldBe($"hint: see '{helpCommand}'");
        lines.Length.ShouldBeLessThanOrEqualTo(3, result.ToString());
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_db_option_the_store_cannot_use_is_a_usage_error()
    {
        var empty = _cli.Run("status", "--db", "", "--person", "a@example.org");
        empty.ExitCode.ShouldBe(2, empty.ToString());
        empty.ErrorLines[0].ShouldBe("error: --db: the database location is empty");

        var folder = _cli.Run("status", "--db", _cli.Home, "--person", "a@example.org");
        folder.ExitCode.ShouldBe(2, folder.ToString());
        folder.ErrorLines[0].ShouldBe($"error: {_cli.Home} is a folder, not a database file");
        folder.ErrorLines[^1].ShouldBe("hint: see 'skillprint status --help'");
    }

    [Fact]
    public void An_unknown_topic_lists_the_topics()
    {
        var result = _cli.Run("assess", "asink", "beginner", "--person", "a@example.org");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorLines[0].ShouldBe("error: unknown topic 'asink' in framework 'python'");
        result.ErrorLines[1].ShouldStartWith("hint: topics: ");
        result.ErrorLines[1].ShouldContain("async");
        result.ErrorLines[1].ShouldContain("fundamentals");
        result.ErrorLines[2].ShouldBe("hint: see 'skillprint assess --help'");
        File.Exists(_cli.Database).ShouldBeFalse("nothing is written for a wrong command line");
    }

    [Fact]
    public void An_unknown_level_lists_the_levels()
    {
        var result = _cli.Run("assess", "async", "guru", "--person", "a@example.org");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorLines[0].ShouldBe("error: unknown level 'guru'");
        result.ErrorLines[1].ShouldBe("hint: levels: None, Beginner, Intermediate, Advanced, Expert (any case)");
    }

    [Fact]
    public void An_unknown_skill_lists_the_skills_of_the_topic()
    {
        var result = _cli.Run("evidence", "add", "async/telepathy", "--note", "x", "--person", "a@example.org");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorLines[0].ShouldBe("error: unknown skill 'telepathy' in topic 'async'");
        result.ErrorLines[1].ShouldContain("async.queue");
    }

    [Fact]
    public void Evidence_without_link_or_note_is_a_usage_error()
    {
        var result = _cli.Run("evidence", "add", "async", "--person", "a@example.org");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorLines[0].ShouldBe("error: give --link URL, --note TEXT, or both");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("assess", "async", "beginner")]
    [InlineData("evidence", "list")]
    public void A_corrupted_database_is_one_line_and_exit_1(params string[] args)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.Database)!);
        var garbage = new byte[8192];
        new Random(42).NextBytes(garbage);
        File.WriteAllBytes(_cli.Database, garbage);

        var result = _cli.Run([.. args, "--person", "a@example.org"]);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldBeEmpty();
        result.ErrorLines.Length.ShouldBe(1, result.ToString());
        result.ErrorLines[0].ShouldStartWith("error: ");
        result.Error.ShouldNotContain("   at ");
        File.ReadAllBytes(_cli.Database).ShouldBe(garbage, "the damaged file is left as it was");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_data_folder_that_cannot_be_created_is_one_line_naming_it_and_exit_1(bool byOption)
    {
        var inTheWay = Path.Combine(_cli.Root, "not-a-folder");
        File.WriteAllText(inTheWay, "a file where the data folder's parent should be");
        var folder = Path.Combine(inTheWay, "skillprint");
        string[] where = ["--db", Path.Combine(folder, "skillprint.db")];
        if (!byOption)
        {
            // The default location: $XDG_DATA_HOME/skillprint/skillprint.db.
            _cli.Environment.Remove("SKILLPRINT_DB");
            _cli.Environment["XDG_DATA_HOME"] = inTheWay;
            where = [];
        }

        var result = _cli.Run(["assess", "async", "beginner", "--person", "a@example.org", .. where]);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.ErrorLines.ShouldBe([$"error: cannot create the data folder {folder}: {inTheWay} is a file, not a folder"]);
    }

    [Fact]
    public void The_stack_trace_is_shown_only_with_SKILLPRINT_DEBUG()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.Database)!);
        File.WriteAllText(_cli.Database, "this is not a database, it is a text file that is long enough to have a header");
        _cli.Environment["SKILLPRINT_DEBUG"] = "1";

        var result = _cli.Run("status", "--person", "a@example.org");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.ErrorLines[0].ShouldStartWith("error: ");
        result.Error.ShouldContain("   at ");
    }

    [Fact]
    public void A_framework_folder_that_does_not_load_is_one_line_and_exit_1()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Root, "broken-framework")).FullName;
        File.WriteAllText(Path.Combine(folder, "framework.yaml"), "id: broken\nname: Broken\n");

        var result = _cli.Run("status", "--framework", folder, "--person", "a@example.org");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.ErrorLines.Length.ShouldBe(1, result.ToString());
        result.ErrorLines[0].ShouldStartWith($"error: cannot load the framework in {folder}: {Path.Combine(folder, "framework.yaml")}:");
        result.ErrorLines[0].ShouldEndWith($"see 'skillprint framework validate {folder}'");
    }

    [Fact]
    public void Db_migrate_says_what_it_did_and_is_harmless_twice()
    {
        using var cli = new CliRunner();
        var database = Path.Combine(cli.WorkDir, "fresh.db");

        cli.RunOk("db", "migrate", "--db", database).Out.ShouldBe($"Migrated {database} from schema version 0 to {Store.SkillprintStore.LatestSchemaVersion}.\n");
        cli.RunOk("db", "migrate", "--db", database).Out.ShouldBe($"{database} is already at schema version {Store.SkillprintStore.LatestSchemaVersion}.\n");
        cli.RunOk("db", "check", "--db", database).Out.ShouldStartWith("ok: ");
    }
}
