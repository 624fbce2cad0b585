using System.Reflection;
using Skillprint.Core.Detection;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Scanning;
using Skillprint.Core.Tests.Frameworks;

namespace Skillprint.Core.Tests.Scanning;

/// <summary>The rules fingerprint decides whether a rescan may keep a file's stored hits: any change
/// of what a rule detects must change it, or the edited rule is never run on unchanged files.</summary>
public sealed class FingerprintTests : IDisposable
{
    private const string Marks = "testing.marks";

    private readonly ScanWorkshop workshop = new();

    public void Dispose() => workshop.Dispose();

    [Fact]
    public void Every_field_of_a_detection_rule_is_in_the_fingerprint()
    {
        var framework = ScanWorkshop.Framework;
        var skill = framework.FindSkill(Marks).ShouldNotBeNull();
        var rule = skill.Rules.ShouldHaveSingleItem();
        var before = Scanner.Fingerprint(framework);

        // Every property of the record, so a field added later is checked without editing this test.
        var fields = typeof(DetectionRule).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        fields.Select(f => f.Name).ShouldContain(nameof(DetectionRule.Except));
        foreach (var field in fields)
        {
            var changed = rule with { };
            field.SetValue(changed, Changed(field, field.GetValue(rule)));
            changed.ShouldNotBe(rule, $"{field.Name} was changed");

            var after = Scanner.Fingerprint(WithRules(framework, skill, [changed]));

            if (field.PropertyType == typeof(SourceLocation))
            {
                after.ShouldBe(before, "where a rule is written does not change what it finds");
            }
            else
            {
                after.ShouldNotBe(before, $"a rule whose {field.Name} changed has the fingerprint of the old rule");
            }
        }
    }

    [Fact]
    public void A_second_rule_and_a_changed_skill_id_or_topic_change_the_fingerprint()
    {
        var framework = ScanWorkshop.Framework;
        var skill = framework.FindSkill(Marks).ShouldNotBeNull();
        var before = Scanner.Fingerprint(framework);

        Scanner.Fingerprint(WithRules(framework, skill, [.. skill.Rules, skill.Rules[0]])).ShouldNotBe(before);
        Scanner.Fingerprint(WithSkill(framework, skill, skill with { Id = "testing.other-marks" })).ShouldNotBe(before);
        Scanner.Fingerprint(WithSkill(framework, skill, skill with { Topic = "fundamentals" })).ShouldNotBe(before);
        Scanner.Fingerprint(WithSkill(framework, skill, skill with { Name = "pytest markers" }))
            .ShouldBe(before, "a skill's name does not change what is detected");
    }

    [Fact]
    public void Editing_a_rules_except_list_makes_the_next_scan_detect_again()
    {
        var repo = workshop.Repository("prices");
        ScanWorkshop.Write(repo, "test_prices.py", "import pytest\n\n\n@pytest.mark.parametrize(\"n\", [1, 2])\ndef test_price(n):\n    assert n > 0\n");
        workshop.Commit(repo, ScanWorkshop.Me, "tests");

        var first = workshop.Scan(repo).Repositories.ShouldHaveSingleItem();
        first.Failure.ShouldBeNull();
        workshop.Hits().ShouldContain(h => h.Skill == "testing.parametrize" && h.Line == 4);
        workshop.Hits().ShouldNotContain(h => h.Skill == Marks, "parametrize is in the except list of testing.marks");

        // The person edits their copy of the framework: parametrize now counts as a mark too.
        var folder = workshop.Folder("python-framework");
        ScanWorkshop.CopyFolder(Path.Join(FixtureFolders.Repository, "content", "python"), folder);
        var topic = Path.Join(folder, "topics", "testing.md");
        var lines = File.ReadAllLines(topic).ToList();
        lines.RemoveAll(line => line.Trim() == "except: pytest.mark.parametrize").ShouldBe(1);
        File.WriteAllLines(topic, lines);
        var load = FrameworkLoader.LoadFolder(folder);
        load.Errors.ShouldBeEmpty();
        var edited = CompiledRules.Compile(load.Framework.ShouldNotBeNull());
        edited.Framework.Id.ShouldBe(ScanWorkshop.Framework.Id);

        var rescan = new Scanner(edited, workshop.Store, workshop.Git, new ScanOptions(ScanWorkshop.Me)).Scan([repo])
            .Repositories.ShouldHaveSingleItem();

        rescan.Failure.ShouldBeNull();
        rescan.FilesReused.ShouldBe(0, "the rules changed, so no stored hit may be kept");
        rescan.FilesParsed.ShouldBe(first.FilesParsed);
        workshop.Hits().ShouldContain(h => h.Skill == Marks && h.Line == 4 && h.Path == "test_prices.py");
        workshop.Hits().ShouldContain(h => h.Skill == "testing.parametrize" && h.Line == 4);
    }

    /// <summary>A value of the field's type that differs from <paramref name="value"/>.</summary>
    private static object Changed(PropertyInfo field, object? value) => value switch
    {
        RuleKind kind => RuleKinds.All.First(other => other != kind),
        IReadOnlyList<string> list => (IReadOnlyList<string>)[.. list, "changed.name"],
        SourceLocation location => location with { Line = location.Line + 10 },
        _ => throw new InvalidOperationException(
            $"DetectionRule.{field.Name} ({field.PropertyType.Name}): teach this test how to change it"),
    };

    private static Framework WithRules(Framework framework, Skill skill, IReadOnlyList<DetectionRule> rules) =>
        WithSkill(framework, skill, skill with { Rules = rules });

    private static Framework WithSkill(Framework framework, Skill skill, Skill replacement) => framework with
    {
        Topics = framework.Topics
            .Select(topic => topic with { Skills = topic.Skills.Select(s => ReferenceEquals(s, skill) ? replacement : s).ToList() })
            .ToList(),
    };
}
