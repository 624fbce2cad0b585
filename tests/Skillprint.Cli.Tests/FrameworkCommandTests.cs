using System.Text.RegularExpressions;

namespace Skillprint.Cli.Tests;

/// <summary>`framework show` and `framework validate` on the built-in Python framework and on copies of it.</summary>
public sealed partial class FrameworkCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The skills the built-in framework must hold (tests/Skillprint.Cli.Tests/Data/required-skills.tsv:
    /// topic, skill id and level, one a line), each with the line it is written on.</summary>
    private static List<(string Topic, string Id, string Level, int Line)> RequiredSkills()
    {
        var path = Repo.TestData("required-skills.tsv");
        var rows = new List<(string Topic, string Id, string Level, int Line)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || line == "topic\tskill\tlevel")
            {
                continue;
            }

            var cells = line.Split('\t');
            cells.Length.ShouldBe(3, $"{path}:{lineNumber}: a row is topic, skill and level, tab-separated");
            rows.Add((cells[0], cells[1], cells[2], lineNumber));
        }

        return rows;
    }

    [Fact]
    public void Show_json_holds_every_required_skill_in_its_topic_at_its_level()
    {
        var required = RequiredSkills();
        required.Count.ShouldBe(105, "every row of required-skills.tsv was read");
        required.Select(r => r.Id).Distinct().Count().ShouldBe(required.Count, "no skill is listed twice");

        var json = _cli.RunOk("framework", "show", "python", "--format", "json").Json;

        json.GetProperty("id").GetString().ShouldBe("python");
        json.GetProperty("breadcrumb").GetString().ShouldBe("Programming Languages > Python");
        var skills = json.GetProperty("topics").EnumerateArray()
            .SelectMany(topic => topic.GetProperty("skills").EnumerateArray()
                .Select(skill => (Topic: topic.GetProperty("id").GetString()!, Id: skill.GetProperty("id").GetString()!, Level: skill.GetProperty("level").GetString())))
            .ToDictionary(skill => skill.Id, StringComparer.Ordinal);
        var missing = required.Where(r => !skills.ContainsKey(r.Id)).Select(r => $"line {r.Line}: {r.Id}").ToList();
        missing.ShouldBeEmpty();
        var misplaced = required
            .Where(r => skills[r.Id].Topic != r.Topic || skills[r.Id].Level != r.Level)
            .Select(r => $"line {r.Line}: {r.Id} is {skills[r.Id].Level} in {skills[r.Id].Topic}, expected {r.Level} in {r.Topic}")
            .ToList();
        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void Show_table_lists_topic_description_relevance_and_tracks()
    {
        var result = _cli.RunOk("framework", "show");

        foreach (var header in new[] { "Topic", "Description", "Relevance", "Career Tracks" })
        {
            result.Out.ShouldContain(header);
        }

        foreach (var topic in new[] { "Python Fundamentals", "Pydantic", "Async Programming", "CLI Development", "Testing in Python" })
        {
            result.Out.ShouldContain(topic);
        }

        result.Out.ShouldContain("Critical");
    }

    [Fact]
    public void Show_markdown_is_the_body_of_knowledge_table()
    {
        var result = _cli.RunOk("framework", "show", "--format", "markdown");

        result.Out.ShouldStartWith("# Programming Languages > Python\n");
        result.Out.ShouldContain("| Topic | Description | Relevance | Career Tracks |\n|---|---|---|---|\n");
        result.Out.ShouldContain("| Async Programming | ");
    }

    [Fact]
    public void Show_one_topic_gives_skills_by_level_prerequisites_and_practice()
    {
        var table = _cli.RunOk("framework", "show", "python", "--topic", "async").Out;
        table.ShouldContain("Async Programming");
        table.ShouldContain("Prerequisites:");
        table.ShouldContain("async.queue");
        table.IndexOf("async.async-def", StringComparison.Ordinal).ShouldBeLessThan(table.IndexOf("async.queue", StringComparison.Ordinal), "Beginner skills come before Advanced ones");

        var json = _cli.RunOk("framework", "show", "python", "--topic", "async", "--format", "json").Json;
        json.GetProperty("id").GetString().ShouldBe("async");
        json.GetProperty("prerequisites").EnumerateArray().Select(p => p.GetString()).ShouldContain("fundamentals");
        json.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ShouldContain("async.gather");
        json.GetProperty("practice").TryGetProperty("cards", out _).ShouldBeTrue();

        var markdown = _cli.RunOk("framework", "show", "python", "--topic", "async", "--format", "markdown").Out;
        markdown.ShouldContain("| Level | Skill | Id | Found in code |");
    }

    [Fact]
    public void Show_an_unknown_topic_is_a_usage_error()
    {
        var result = _cli.Run("framework", "show", "python", "--topic", "cobol");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorLines[0].ShouldBe("error: unknown topic 'cobol' in framework 'python'");
    }

    [Fact]
    public void Show_an_unknown_framework_is_a_usage_error_naming_the_built_in_ones()
    {
        var result = _cli.Run("framework", "show", "cobol");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.ErrorLines[0].ShouldBe("error: no framework 'cobol': not a built-in framework and not a folder");
        result.ErrorLines[1].ShouldContain("python");
    }

    [Fact]
    public void Validate_the_built_in_content_is_clean()
    {
        var result = _cli.RunOk("framework", "validate", Repo.Content("python"));

        result.Error.ShouldBeEmpty();
        result.Out.ShouldStartWith($"ok: {Repo.Content("python")}: framework 'python', ");
        OkCounts().IsMatch(result.Out).ShouldBeTrue(result.Out);
    }

    [Fact]
    public void Validate_a_broken_copy_lists_each_problem_with_file_line_and_column()
    {
        var copy = Path.Combine(_cli.WorkDir, "python-copy");
        Repo.CopyFolder(Repo.Content("python"), copy);
        _cli.RunOk("framework", "validate", "python-copy");

        // An unknown key on line 2 of a topic, and a prerequisite naming no topic.
        var topic = Path.Combine(copy, "topics", "async.md");
        var lines = File.ReadAllLines(topic).ToList();
        lines.Insert(1, "colour: blue");
        var prerequisites = lines.FindIndex(line => line.StartsWith("prerequisites:", StringComparison.Ordinal));
        prerequisites.ShouldBeGreaterThan(0);
        lines[prerequisites] = "prerequisites: [fundamentals, cobol]";
        File.WriteAllLines(topic, lines);

        var result = _cli.Run("framework", "validate", "python-copy");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldBeEmpty();
        var problems = result.ErrorLines.Where(line => !line.EndsWith("in python-copy", StringComparison.Ordinal)).ToList();
        problems.Count.ShouldBeGreaterThanOrEqualTo(2, result.ToString());
        problems.ShouldAllBe(line => ErrorLine().IsMatch(line));
        problems.ShouldContain(line => line.StartsWith(Path.Combine("python-copy", "topics", "async.md") + ":2:1: ", StringComparison.Ordinal) && line.Contains("colour"));
        problems.ShouldContain(line => line.StartsWith(Path.Combine("python-copy", "topics", "async.md") + $":{prerequisites + 1}:", StringComparison.Ordinal) && line.Contains("cobol"));
        result.ErrorLines[^1].ShouldBe($"{problems.Count} problems in python-copy");
    }

    [GeneratedRegex(@"^[^:]+:\d+:\d+: \S.*$")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\d+ topics, \d+ skills, \d+ roles, \d+ roadmaps, \d+ cards, \d+ tasks, \d+ challenges")]
    private static partial Regex OkCounts();
}
