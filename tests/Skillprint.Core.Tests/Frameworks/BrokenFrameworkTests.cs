using Skillprint.Core.Frameworks;
using Xunit.Abstractions;

namespace Skillprint.Core.Tests.Frameworks;

/// <summary>
/// Each folder under Fixtures/ is a small framework with one defect; its expected.txt holds the exact
/// error lines (path:line:column: message) the loader must report, in order.
/// </summary>
public sealed class BrokenFrameworkTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(FixtureFolders.Broken).Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileName(folder));
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_errors(string name)
    {
        var folder = Path.Join(FixtureFolders.Broken, name);
        var expected = File.ReadAllLines(Path.Join(folder, "expected.txt"))
            .Where(line => line.Trim().Length > 0)
            .ToList();

        var result = FrameworkLoader.LoadFolder(folder);
        var actual = result.Errors.Select(error => error.ToString()).ToList();

        if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            output.WriteLine($"case {name}\nexpected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}");
        }

        actual.ShouldBe(expected, $"case {name}");
        result.Framework.ShouldBeNull();
    }

    [Fact]
    public void There_are_at_least_twenty_cases() => Directory.GetDirectories(FixtureFolders.Broken).Length.ShouldBeGreaterThanOrEqualTo(20);
}
