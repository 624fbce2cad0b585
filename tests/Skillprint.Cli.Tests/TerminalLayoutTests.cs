namespace Skillprint.Cli.Tests;

/// <summary>What a person sees in an 80-column terminal: no line longer than the terminal, no word
/// cut in two, long lists shortened with "and N more".</summary>
public sealed class TerminalLayoutTests : IDisposable
{
    private readonly CliRunner _cli = new() { Width = 80 };

    public void Dispose() => _cli.Dispose();

    private static void ShouldFitAndKeepWords(string output, int width)
    {
        var lines = output.Split('\n');
        lines.Where(l => l.Length > width).ShouldBeEmpty();

        // Table cells split words that do not fit their column; blocks wrap between words.
        lines.ShouldNotContain(l => l.Contains('│', StringComparison.Ordinal), "a table at 80 columns splits words; blocks were expected");
    }

    [Fact]
    public void Status_at_80_columns_is_one_block_per_topic_within_the_width()
    {
        // Regression: at 80 columns status ran to 189 lines with words split mid-word.
        _cli.RunOk("assess", "async", "intermediate");

        var output = _cli.RunOk("status").Out;

        ShouldFitAndKeepWords(output, 80);
        output.ShouldContain("Async Programming (async)\n  Level:    Intermediate");
        var flat = string.Join(' ', output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        flat.ShouldContain("Python Fundamentals (fundamentals) Level: None Gaps: ");
        flat.ShouldContain(" more (skillprint status --explain fundamentals)");
        output.Split('\n').Length.ShouldBeLessThan(189);
    }

    [Fact]
    public void Gaps_at_80_columns_are_blocks_with_whole_words()
    {
        // Regression: gaps split words every 7 characters at 80 columns.
        _cli.RunOk("role", "set", "backend-developer");

        var output = _cli.RunOk("gaps").Out;

        ShouldFitAndKeepWords(output, 80);
        output.ShouldContain("1. Testing in Python (testing, Critical)");
        output.ShouldContain("  Score:    4 x 3 = 12");
    }

    [Fact]
    public void A_wide_terminal_keeps_the_table()
    {
        _cli.Width = 160;

        _cli.RunOk("status").Out.ShouldContain("│ Topic");
    }

    [Fact]
    public void Evidence_list_in_a_table_stops_at_its_limit_and_says_how_many_more()
    {
        // Regression: `evidence list` printed 19,865 lines with no limit.
        _cli.Width = 160;
        for (var i = 0; i < 4; i++)
        {
            _cli.RunOk("evidence", "add", "async", "--note", $"talk {i}");
        }

        var limited = _cli.RunOk("evidence", "list", "--limit", "3").Out;
        limited.ShouldContain("... and 1 more (4 in all)");
        _cli.RunOk("evidence", "list", "--all").Out.ShouldNotContain("more (");
        _cli.RunOk("evidence", "list", "--limit", "3", "--format", "json").Json.GetArrayLength().ShouldBe(3);
        _cli.Run("evidence", "list", "--limit", "0").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Piped_output_honours_COLUMNS()
    {
        // Regression: output to a pipe was 120 columns wide whatever COLUMNS said.
        var dll = Path.Combine(AppContext.BaseDirectory, "skillprint.dll");
        var environment = new Dictionary<string, string>(_cli.Environment) { ["COLUMNS"] = "80", ["NO_COLOR"] = "1" };

        var (code, output, error) = CliRunner.Exec("dotnet", _cli.WorkDir, environment, dll, "status");

        code.ShouldBe(0, error);
        ShouldFitAndKeepWords(output, 80);
        output.ShouldContain("Async Programming (async)\n  Level:");
    }
}
