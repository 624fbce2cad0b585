using Skillprint.Core.Frameworks;
using Skillprint.Core.Growth;
using Skillprint.Core.Tests.Detection;

namespace Skillprint.Core.Tests.Content;

/// <summary>
/// Seniority grades: framework.yaml's ladder caps a role's targets, a role's own entries per grade
/// replace single topics, the loader refuses a ladder on which a role's targets do not rise, and the
/// built-in roles hold to all of it.
/// </summary>
public sealed class RoleGradeTests
{
    private const string Header = """
        id: tiny
        name: Tiny
        breadcrumb: Tests > Tiny
        levels:
          - name: Beginner
          - name: Intermediate
          - name: Advanced
          - name: Expert
        relevance:
          - name: High
            weight: 3
            target: Intermediate
          - name: Low
            weight: 1
            target: Beginner
        tracks:
          - id: backend
            name: Backend
          - id: ops
            name: Ops
        topics: [core, web, ops]
        """;

    private const string Ladder = """

        grades:
          - id: junior
            name: Junior
            cap: Beginner
          - id: senior
            name: Senior
            cap: Expert
          - id: staff
            name: Staff
            cap: Expert
        """;

    [Fact]
    public void A_grade_caps_the_role_targets_and_the_role_entries_for_the_grade_replace_single_topics()
    {
        var framework = Load(Header + Ladder, """
            id: dev
            name: Developer
            tracks: [backend]
            targets:
              core: Advanced
            grades:
              junior:
                core: Intermediate
              staff:
                core: Expert
                ops: Intermediate
            """);
        var role = framework.FindRole("dev")!;

        Targets(framework, role, null).ShouldBe(["core Advanced Override", "web Intermediate Relevance"]);
        Targets(framework, role, "junior").ShouldBe(["core Intermediate GradeOverride", "web Beginner GradeCap"]);
        Targets(framework, role, "SENIOR").ShouldBe(["core Advanced Override", "web Intermediate Relevance"]);
        Targets(framework, role, "staff").ShouldBe(["core Expert GradeOverride", "web Intermediate Relevance", "ops Intermediate GradeOverride"]);
    }

    [Fact]
    public void An_unknown_grade_is_an_error_that_names_the_grades()
    {
        var framework = Load(Header + Ladder, Role("targets:\n  core: Advanced\ngrades:\n  staff:\n    core: Expert\n"));

        var error = Should.Throw<ArgumentException>(() => RoleTargets.Of(framework, framework.Roles[0], "principal"));
        error.Message.ShouldStartWith("unknown grade 'principal' (the framework 'tiny' has: junior, senior, staff)");
    }

    [Fact]
    public void Several_roles_at_their_own_grades_combine_to_the_highest_target()
    {
        var framework = Load(Header + Ladder, Role("targets:\n  core: Advanced\ngrades:\n  staff:\n    core: Expert\n"));
        var role = framework.Roles[0];

        var combined = RoleTargets.Combine(framework, [(role, "junior"), (role, (string?)"staff")]);

        combined.Select(t => $"{t.Topic.Id} {t.Target}").ShouldBe(["core Expert", "web Intermediate"]);
    }

    [Fact]
    public void The_loader_reports_a_role_whose_targets_fall_or_stand_still_from_one_grade_to_the_next()
    {
        var result = LoadResult(Header + Ladder, Role("targets:\n  core: Advanced\ngrades:\n  junior:\n    core: Expert\n"));

        result.Errors.Select(error => error.ToString()).ShouldBe(
        [
            "roles/dev.yaml:1:1: role 'dev' expects nothing more as staff than as senior: raise at least one topic under 'grades: staff:'",
            "roles/dev.yaml:8:5: role 'dev' expects core at Advanced as senior, below Expert as junior (targets must not fall from one grade to the next)",
        ]);
    }

    [Fact]
    public void The_loader_reports_a_grade_the_framework_does_not_declare_and_a_ladder_that_goes_down()
    {
        var falling = Ladder.Replace("cap: Expert\n  - id: staff", "cap: Advanced\n  - id: staff", StringComparison.Ordinal)
            .Replace("name: Junior\n    cap: Beginner", "name: Junior\n    cap: Expert", StringComparison.Ordinal);
        var result = LoadResult(Header + falling, Role("grades:\n  principal:\n    core: Expert\n"));

        result.Errors.Select(error => error.ToString()).ShouldBe(
        [
            "framework.yaml:28:10: grades are listed lowest first: the cap of 'senior' (Advanced) is below the cap of 'junior' (Expert)",
            "roles/dev.yaml:5:3: unknown grade 'principal' in role 'dev' (framework.yaml declares: junior, senior, staff)",
        ]);
    }

    [Fact]
    public void Every_built_in_role_rises_with_each_grade_and_is_as_written_at_senior()
    {
        var framework = BuiltIn.Framework;
        framework.Grades.Select(grade => grade.Id).ShouldBe(["junior", "mid", "senior", "staff"]);
        foreach (var role in framework.Roles)
        {
            var written = RoleTargets.Of(framework, role).Select(t => (t.Topic, t.Target));
            RoleTargets.Of(framework, role, "senior").Select(t => (t.Topic, t.Target)).ShouldBe(written, role.Id);
            var previous = new Dictionary<string, Level>(StringComparer.Ordinal);
            foreach (var grade in framework.Grades)
            {
                var targets = RoleTargets.Of(framework, role, grade.Id).ToDictionary(t => t.Topic, t => t.Target, StringComparer.Ordinal);
                previous.Where(p => targets.GetValueOrDefault(p.Key) < p.Value).ShouldBeEmpty($"{role.Id} falls at {grade.Id}");
                if (previous.Count > 0)
                {
                    targets.Any(t => t.Value > previous.GetValueOrDefault(t.Key)).ShouldBeTrue($"{role.Id} does not rise at {grade.Id}");
                }

                previous = targets;
            }
        }
    }

    [Theory]
    [InlineData("backend-developer", new[] { "web", "pydantic", "database", "concurrency", "testing", "devtools", "cloud" })]
    [InlineData("api-developer", new[] { "web", "pydantic", "architecture", "web-security", "fundamentals", "database", "errors", "testing" })]
    [InlineData("data-engineer", new[] { "data", "data-formats", "database", "transactions", "testing", "devtools" })]
    [InlineData("devops-engineer", new[] { "cli", "packaging", "devtools", "cloud", "web-security" })]
    [InlineData("ml-engineer", new[] { "data", "web", "testing", "packaging", "devtools" })]
    [InlineData("qa-engineer", new[] { "testing", "devtools", "web" })]
    [InlineData("systems-developer", new[] { "concurrency", "devtools", "errors" })]
    [InlineData("data-scientist", new[] { "data", "transactions" })]
    [InlineData("tooling-developer", new[] { "cli", "packaging", "devtools" })]
    public void Every_built_in_role_targets_the_topics_its_description_names(string roleId, string[] topics)
    {
        var framework = BuiltIn.Framework;
        var role = framework.FindRole(roleId).ShouldNotBeNull();
        var targeted = RoleTargets.Of(framework, role, "senior").Select(t => t.Topic).ToHashSet(StringComparer.Ordinal);

        topics.Where(topic => !targeted.Contains(topic)).ShouldBeEmpty($"{roleId}: {role.Description}");
    }

    [Fact]
    public void Every_career_track_has_a_role()
    {
        var framework = BuiltIn.Framework;
        framework.Tracks.Where(track => !framework.Roles.Any(role => role.Tracks.Contains(track.Id))).Select(track => track.Id).ShouldBeEmpty();
    }

    private static List<string> Targets(Framework framework, Role role, string? grade) =>
        RoleTargets.Of(framework, role, grade).Select(t => $"{t.Topic} {t.Target} {t.Source}").ToList();

    private static string Role(string rest) => "id: dev\nname: Developer\ntracks: [backend]\n" + rest;

    private static FrameworkLoadResult LoadResult(string header, string role) =>
        FrameworkLoader.Load(new MemoryFrameworkSource("memory", new Dictionary<string, string>
        {
            ["framework.yaml"] = header,
            ["topics/core.md"] = Topic("core", "High", "[backend]"),
            ["topics/web.md"] = Topic("web", "High", "[backend]"),
            ["topics/ops.md"] = Topic("ops", "Low", "[ops]"),
            ["roles/dev.yaml"] = role,
        }));

    private static Framework Load(string header, string role)
    {
        var result = LoadResult(header, role);
        result.Errors.Select(error => error.ToString()).ShouldBeEmpty();
        return result.Framework!;
    }

    private static string Topic(string id, string relevance, string tracks) =>
        $"---\nid: {id}\nname: {id}\nrelevance: {relevance}\ntracks: {tracks}\nskills:\n  - id: {id}.one\n    name: one\n    level: Beginner\n---\n# {id}\n";
}
