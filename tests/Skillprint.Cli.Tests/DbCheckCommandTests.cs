namespace Skillprint.Cli.Tests;

/// <summary>`skillprint db check`, and a damaged SQLite file met by an ordinary command.</summary>
public sealed class DbCheckCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A store with enough self-assessments to fill pages, whose last pages are then overwritten.</summary>
    private byte[] DamagedStore()
    {
        for (var i = 0; i < 12; i++)
        {
            _cli.RunOk("assess", "async", "beginner", "--note", new string('x', 3000), "--person", "a@example.org");
        }

        using (var file = new FileStream(_cli.Database, FileMode.Open, FileAccess.Write))
        {
            file.Position = file.Length - (4 * 4096);
            file.Write(Enumerable.Repeat((byte)0xA5, 4 * 4096).ToArray());
        }

        return File.ReadAllBytes(_cli.Database);
    }

    [Fact]
    public void A_whole_database_passes_with_exit_0()
    {
        _cli.RunOk("assess", "async", "beginner", "--person", "a@example.org");

        var result = _cli.RunOk("db", "check");

        result.Out.ShouldStartWith($"ok: {_cli.Database}: SQLite's integrity check passed; schema version ");
        result.Error.ShouldBeEmpty();
        _cli.RunOk("db", "check", "--format", "json").Json.GetProperty("ok").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void A_damaged_database_fails_the_check_with_its_problems_and_refuses_a_write()
    {
        var damaged = DamagedStore();

        var check = _cli.Run("db", "check");

        check.ExitCode.ShouldBe(1, check.ToString());
        check.ErrorLines.Length.ShouldBeGreaterThanOrEqualTo(2, check.ToString());
        check.ErrorLines[..^1].ShouldAllBe(line => line.StartsWith(_cli.Database + ": "));
        check.ErrorLines[^1].ShouldMatch(@"^\d+ problems? in " + System.Text.RegularExpressions.Regex.Escape(_cli.Database) + "$");

        // The issue: this write went through (exit 0) while 'status' failed.
        var write = _cli.Run("assess", "data", "expert", "--person", "a@example.org");
        write.ExitCode.ShouldBe(1, write.ToString());
        write.ErrorLines.ShouldHaveSingleItem().ShouldStartWith($"error: {_cli.Database} is corrupted (SQLite's quick check: ");
        File.ReadAllBytes(_cli.Database).ShouldBe(damaged, "nothing is written into a damaged file");
    }

    [Fact]
    public void A_missing_database_fails_the_check_and_is_not_created()
    {
        var result = _cli.Run("db", "check");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.ErrorLines.ShouldBe([$"error: there is no database at {_cli.Database}"]);
        File.Exists(_cli.Database).ShouldBeFalse();
    }
}
