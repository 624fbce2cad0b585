using Skillprint.Core.Detection;
using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Tests.Detection;

/// <summary>Every skill of python-skills.md, found where it is and not where it is not, by the built-in rules.</summary>
public sealed class SkillDetectionTests
{
    [Theory]
    [MemberData(nameof(SkillCases.Positives), MemberType = typeof(SkillCases))]
    public void Finds_the_skill_on_the_lines_its_meaning_names(string skill, string path, string source, int[] lines)
    {
        var detection = Detector.Detect(BuiltIn.Rules, path, source);
        var found = detection.Hits.Where(hit => hit.SkillId == skill).Select(hit => hit.Line).ToArray();
        found.ShouldBe(lines, Explain(skill, path, source, detection));
        detection.Hits.ShouldAllBe(hit => hit.Path == path);
    }

    [Theory]
    [MemberData(nameof(SkillCases.Negatives), MemberType = typeof(SkillCases))]
    public void Does_not_find_the_skill_where_it_is_not(string skill, string path, string source)
    {
        var detection = Detector.Detect(BuiltIn.Rules, path, source);
        detection.Hits.Where(hit => hit.SkillId == skill).ShouldBeEmpty(Explain(skill, path, source, detection));
    }

    [Fact]
    public void Every_skill_of_the_contract_has_a_positive_and_a_negative_case()
    {
        var positives = SkillCases.Positives.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var negatives = SkillCases.Negatives.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        SkillCases.RequiredSkills.Where(id => !positives.Contains(id)).ShouldBeEmpty("skills without a positive case");
        SkillCases.RequiredSkills.Where(id => !negatives.Contains(id)).ShouldBeEmpty("skills without a negative case");
        SkillCases.RequiredSkills.Length.ShouldBe(105);
    }

    [Fact]
    public void Every_skill_of_the_contract_is_in_the_built_in_framework_and_detectable()
    {
        var framework = BuiltIn.Framework;
        foreach (var id in SkillCases.RequiredSkills)
        {
            var skill = framework.FindSkill(id);
            skill.ShouldNotBeNull(id);
            skill.IsDetectable.ShouldBeTrue(id);
        }
    }

    [Fact]
    public void Cases_name_only_skills_of_the_framework()
    {
        var unknown = SkillCases.Positives.Select(row => (string)row[0])
            .Concat(SkillCases.Negatives.Select(row => (string)row[0]))
            .Where(id => BuiltIn.Framework.FindSkill(id) is null);
        unknown.ShouldBeEmpty();
    }

    private static string Explain(string skill, string path, string source, FileDetection detection) =>
        $"skill {skill} in {path}:\n{source}\nall hits:\n"
        + string.Join('\n', detection.Hits.Select(hit => $"  {hit.Line}: {hit.SkillId}  | {hit.Snippet}"))
        + (detection.Diagnostics.Count > 0 ? "\ndiagnostics:\n" + string.Join('\n', detection.Diagnostics) : string.Empty);
}

/// <summary>The built-in Python framework and its compiled rules, loaded once for all detection tests.</summary>
internal static class BuiltIn
{
    private static readonly Lazy<Framework> LazyFramework = new(() =>
    {
        var result = BuiltInFrameworks.Load("python");
        result.Errors.ShouldBeEmpty();
        return result.Framework!;
    });

    private static readonly Lazy<CompiledRules> LazyRules = new(() => CompiledRules.Compile(LazyFramework.Value));

    public static Framework Framework => LazyFramework.Value;

    public static CompiledRules Rules => LazyRules.Value;
}
