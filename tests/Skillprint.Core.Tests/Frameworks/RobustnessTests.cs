using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Tests.Frameworks;

/// <summary>Whatever the files hold, loading ends in errors with places, never in an exception.</summary>
public sealed class RobustnessTests
{
    private static Dictionary<string, string> ExampleFiles() =>
        Directory.GetFiles(FixtureFolders.Example, "*", SearchOption.AllDirectories).ToDictionary(
            file => Path.GetRelativePath(FixtureFolders.Example, file).Replace('\\', '/'),
            file => File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal));

    private static FrameworkLoadResult Load(Dictionary<string, string> files) =>
        FrameworkLoader.Load(new MemoryFrameworkSource("mutated", files));

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_file_cut_short_anywhere_gives_errors_not_exceptions()
    {
        foreach (var (path, text) in ExampleFiles())
        {
            for (var length = 0; length < text.Length; length += 5)
            {
                var files = ExampleFiles();
                files[path] = text[..length];

                var result = Load(files);

                if (result.Framework is null)
                {
                    result.Errors.ShouldNotBeEmpty($"{path} cut at {length}");
                    result.Errors.ShouldAllBe(error => error.Path.Length > 0);
                }
            }
        }
    }

    [Fact]
    public void Every_line_removed_or_doubled_gives_errors_not_exceptions()
    {
        foreach (var (path, text) in ExampleFiles())
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var changed in new[] { lines.Where((_, j) => j != i), lines.Take(i + 1).Concat(lines.Skip(i)) })
                {
                    var files = ExampleFiles();
                    files[path] = string.Join('\n', changed);

                    var result = Load(files);

                    (result.Framework is not null || result.Errors.Count > 0).ShouldBeTrue($"{path} line {i + 1}");
                }
            }
        }
    }

    [Fact]
    public void Every_closing_bracket_left_out_gives_errors_with_places()
    {
        foreach (var (path, text) in ExampleFiles())
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is not (']' or '}'))
                {
                    continue;
                }

                var files = ExampleFiles();
                files[path] = text.Remove(i, 1);

                var result = Load(files);

                if (result.Framework is null)
                {
                    result.Errors.ShouldAllBe(error => error.Line > 0, $"{path} without the bracket at offset {i}");
                }
            }
        }
    }

    [Fact]
    public void Deeply_nested_yaml_is_an_error()
    {
        var files = ExampleFiles();
        files["roles/deep.yaml"] = "id: deep\nname: Deep\ntracks: " + new string('[', 5000) + new string(']', 5000) + "\n";

        var result = Load(files);

        result.Errors.Select(error => error.ToString()).ShouldContain("roles/deep.yaml:3:73: nested more than 64 levels deep");
    }

    [Theory]
    [InlineData("framework.yaml", "", "framework.yaml:1:1: framework.yaml is empty")]
    [InlineData("framework.yaml", "- a\n- b\n", "framework.yaml:1:1: framework.yaml must be a mapping of keys, not a list")]
    [InlineData("roles/backend-developer.yaml", "id: backend-developer\nname: x\ntracks: [backend]\n---\nid: again\n", "roles/backend-developer.yaml:4:1: only one YAML document is allowed here")]
    [InlineData("roles/backend-developer.yaml", "id: &a backend-developer\nname: *b\ntracks: [backend]\n", "roles/backend-developer.yaml:2:7: unknown alias '*b'")]
    [InlineData("topics/data.md", "---\n---\nbody\n", "topics/data.md:1:1: the front matter is empty")]
    [InlineData("practice/async.yaml", "topic: async\ncards:\n  - id: async.x\n    question: q\n    skills:\n      - async.await: yes\n", "practice/async.yaml:6:9: each item of 'skills' must be a text, not a mapping (put quotes around a text that holds ': ')")]
    public void Odd_yaml_is_reported_where_it_is(string path, string text, string expected)
    {
        var files = ExampleFiles();
        files[path] = text;

        Load(files).Errors.Select(error => error.ToString()).ShouldContain(expected);
    }

    [Fact]
    public void Anchors_and_aliases_are_followed()
    {
        var files = ExampleFiles();
        files["roles/backend-developer.yaml"] = "id: backend-developer\nname: &n Backend Developer\ndescription: *n\ntracks: [backend]\n";

        var role = Load(files).Framework.ShouldNotBeNull().FindRole("backend-developer").ShouldNotBeNull();

        role.Description.ShouldBe("Backend Developer");
    }
}
