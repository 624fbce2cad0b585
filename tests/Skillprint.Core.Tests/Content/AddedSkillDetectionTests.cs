using Skillprint.Core.Detection;
using Skillprint.Core.Tests.Detection;

namespace Skillprint.Core.Tests.Content;

/// <summary>The skills added beyond the contract are found where they are and not where they are not.</summary>
public sealed class AddedSkillDetectionTests
{
    [Theory]
    [MemberData(nameof(AddedSkillCases.Positives), MemberType = typeof(AddedSkillCases))]
    public void Finds_the_added_skill_on_the_lines_its_rules_name(string skill, string path, string source, int[] lines)
    {
        var detection = Detector.Detect(BuiltIn.Rules, path, source);
        var found = detection.Hits.Where(hit => hit.SkillId == skill).Select(hit => hit.Line).ToArray();
        found.ShouldBe(lines, $"{skill} in {path}:\n{source}\nhits: {string.Join(", ", detection.Hits.Select(hit => $"{hit.Line}:{hit.SkillId}"))}");
    }

    [Theory]
    [MemberData(nameof(AddedSkillCases.Negatives), MemberType = typeof(AddedSkillCases))]
    public void Does_not_find_the_added_skill_where_it_is_not(string skill, string path, string source)
    {
        var detection = Detector.Detect(BuiltIn.Rules, path, source);
        detection.Hits.Where(hit => hit.SkillId == skill).Select(hit => hit.Line).ShouldBeEmpty($"{skill} in {path}:\n{source}");
    }

    [Fact]
    public void Every_added_detectable_skill_has_a_positive_and_a_negative_case_and_rules()
    {
        var positives = AddedSkillCases.Positives.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var negatives = AddedSkillCases.Negatives.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        AddedSkillCases.DetectableSkills.Where(id => !positives.Contains(id)).ShouldBeEmpty("added skills without a positive case");
        AddedSkillCases.DetectableSkills.Where(id => !negatives.Contains(id)).ShouldBeEmpty("added skills without a negative case");
        foreach (var id in AddedSkillCases.DetectableSkills)
        {
            BuiltIn.Framework.FindSkill(id).ShouldNotBeNull(id).IsDetectable.ShouldBeTrue(id);
        }
    }

    [Fact]
    public void The_added_self_assessed_skills_exist_and_are_practised()
    {
        var practised = BuiltIn.Framework.Cards.SelectMany(card => card.Skills)
            .Concat(BuiltIn.Framework.Tasks.SelectMany(task => task.Skills))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var id in AddedSkillCases.SelfAssessedSkills)
        {
            BuiltIn.Framework.FindSkill(id).ShouldNotBeNull(id).IsDetectable.ShouldBeFalse(id);
            practised.ShouldContain(id);
        }
    }
}
