using System.Text.RegularExpressions;

namespace Skillprint.Cli.Tests;

/// <summary>`framework show` and `framework validate` on the built-in Python framework and on copies of it.</summary>
public sealed partial class FrameworkCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The (id, level) rows of every table of python-skills.md, the minimum the framework must hold.</summary>
    private static List<(string Id, string Level)> RequiredSkills()
    {
        var path = Repo.Design("python-skills.md");
        File.Exists(path).ShouldBeTrue($"the design document {path} is missing");
        var levels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["B"] = "Beginner",
            ["I"] = "Intermediate",
            ["A"] = "Advanced",
            ["E"] = "Expert",
        };
        return File.ReadLines(path)
            .Select(line => SkillRow().Match(line))
            .Where(match => match.Success)
            .Select(match => (match.Groups["id"].Value, levels[match.Groups["level"].Value]))
            .ToList();
    }

    [Fact]
    public void Show_json_holds_every_skill_of_python_skills_md_at_its_level()
    {
        var required = RequiredSkills();
        required.Count.ShouldBeGreaterThan(90, "the tables of python-skills.md were read");

        var json = _cli.RunOk("framework", "show", "python", "--format", "json").Json;

        json.GetProperty("id").GetString().ShouldBe("python");
        json.GetProperty("breadcrumb").GetString().ShouldBe("Programming Languages > Python");
        var skills = json.GetProperty("topics").EnumerateArray()
            .SelectMany(topic => topic.GetProperty("skills").EnumerateArray())
            .ToDictionary(skill => skill.GetProperty("id").GetString()!, skill => skill.GetProperty("level").GetString());
        var missing = required.Where(r => !skills.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        missing.ShouldBeEmpty();
        var wrongLevel = required.Where(r => skills[r.Id] != r.Level).Select(r => $"{r.Id}: {skills[r.Id]}, expected {r.Level}").ToList();
        wrongLevel.ShouldBeEmpty();
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

    [GeneratedRegex(@"^\| (?<id>[a-z]+\.[a-z0-9-]+) \| (?<level>[BIAE]) \|")]
    private static partial Regex SkillRow();

    [GeneratedRegex(@"^[^:]+:\d+:\d+: \S.*$")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\d+ topics, \d+ skills, \d+ roles, \d+ roadmaps, \d+ cards, \d+ tasks, \d+ challenges")]
    private static partial Regex OkCounts();
}
