using Skillprint.Core.Growth;
using Skillprint.Core.Roadmaps;
using static Skillprint.Core.Tests.Growth.GrowthFixture;

namespace Skillprint.Core.Tests.Growth;

public sealed class RoleTargetTests
{
    [Fact]
    public void A_role_targets_the_relevance_level_of_its_tracks_topics_and_its_overrides_win()
    {
        var targets = RoleTargets.Of(Framework, Role("backend"));

        targets.Select(t => (t.Topic, t.Target, t.Source)).ShouldBe(
        [
            ("basics", Level.Advanced, TargetSource.Relevance),
            ("web", Level.Intermediate, TargetSource.Relevance),
            ("async", Level.Advanced, TargetSource.Override),
            ("tools", Level.Beginner, TargetSource.Relevance),
        ]);
    }

    [Fact]
    public void An_override_can_lower_a_target_name_a_topic_outside_the_tracks_or_drop_it_with_none()
    {
        var targets = RoleTargets.Of(Framework, Role("data-eng"));

        targets.Select(t => (t.Topic, t.Target, t.Source)).ShouldBe(
        [
            ("basics", Level.Intermediate, TargetSource.Override),
            ("async", Level.Beginner, TargetSource.Override),
            ("data", Level.Intermediate, TargetSource.Relevance),
        ]);
    }

    [Fact]
    public void Several_roles_combine_to_the_highest_target_per_topic()
    {
        var combined = RoleTargets.Combine(Framework, [Role("data-eng"), Role("backend")]);

        combined.Select(t => (t.Topic.Id, t.Target, string.Join("+", t.Roles))).ShouldBe(
        [
            ("basics", Level.Advanced, "backend"),
            ("web", Level.Intermediate, "backend"),
            ("async", Level.Advanced, "backend"),
            ("data", Level.Intermediate, "data-eng"),
            ("tools", Level.Beginner, "backend"),
        ]);
        combined.Single(t => t.Topic.Id == "basics").From.Select(f => (f.Role, f.Target))
            .ShouldBe([("data-eng", Level.Intermediate), ("backend", Level.Advanced)]);
    }
}

public sealed class GapPlanTests
{
    [Fact]
    public void With_self_assessments_alone_gaps_rank_by_weight_times_distance_then_weight()
    {
        var status = StatusOf([Assess("tools", Level.Beginner)], []);

        var plan = GapPlan.Build(Framework, status, [Role("backend")]);

        // basics 4 x 3 = 12; web 3 x 2 = 6 and async 2 x 3 = 6 tie, the higher weight first; tools is met.
        plan.Gaps.Select(g => (g.Rank, g.Topic, g.Weight, g.Distance, g.Score)).ShouldBe(
        [
            (1, "basics", 4, 3, 12),
            (2, "web", 3, 2, 6),
            (3, "async", 2, 3, 6),
        ]);
        plan.Roles.ShouldBe(["backend"]);
    }

    [Fact]
    public void The_evidenced_level_is_used_when_there_is_one_and_both_levels_are_shown()
    {
        var status = StatusOf(
            [Assess("basics", Level.Intermediate), Assess("async", Level.Beginner), Assess("tools", Level.Beginner)],
            [Code("async.await"), Code("async.gather")]);

        var plan = GapPlan.Build(Framework, status, [Role("backend")]);

        plan.Gaps.Select(g => (g.Topic, g.Score)).ShouldBe([("web", 6), ("basics", 4), ("async", 2)]);
        var async = plan.Gaps.Single(g => g.Topic == "async");
        (async.SelfLevel, async.EvidencedLevel, async.Level, async.Target).ShouldBe(
            (Level.Beginner, Level.Intermediate, Level.Intermediate, Level.Advanced));
        async.Roles.ShouldBe(["backend"]);
        async.Relevance.ShouldBe("Medium");
    }

    [Fact]
    public void Each_gap_names_its_next_skills_practice_items_and_roadmap_stage()
    {
        var status = StatusOf(
            [Assess("basics", Level.Intermediate), Assess("async", Level.Beginner), Assess("tools", Level.Beginner)],
            [Code("async.await"), Code("async.gather")]);

        var plan = GapPlan.Build(Framework, status, [Role("backend")]);

        var async = plan.Gaps.Single(g => g.Topic == "async");
        async.NextSkills.Select(s => (s.Id, s.Level)).ShouldBe([("async.queue", Level.Advanced), ("async.generators", Level.Advanced)]);
        async.Practice.Select(p => (p.Kind, p.Id, string.Join(",", p.Covers))).ShouldBe([(PracticeKind.Card, "async.c2", "async.queue")]);
        async.Stages.Select(s => (s.Roadmap, s.Number, s.Stage)).ShouldBe([("path", 3, "async")]);

        var web = plan.Gaps.Single(g => g.Topic == "web");
        web.NextSkills.Select(s => s.Id).ShouldBe(["web.routes", "web.middleware"]);
        web.Practice.ShouldBeEmpty();
        web.Stages.Single().Stage.ShouldBe("web");

        // No practice item trains metaclasses or descriptors: the topic's items are offered; no stage
        // lists those skills: the first stage of the topic is.
        var basics = plan.Gaps.Single(g => g.Topic == "basics");
        basics.NextSkills.Select(s => s.Id).ShouldBe(["basics.metaclasses", "basics.descriptors"]);
        basics.Practice.Select(p => (p.Id, p.Covers.Count)).ShouldBe([("basics.c1", 0), ("basics.c2", 0)]);
        basics.Stages.Single().Stage.ShouldBe("first");
    }

    [Fact]
    public void Skills_with_any_evidence_or_marked_done_or_skipped_are_not_proposed_again()
    {
        var status = StatusOf([Assess("tools", Level.Beginner)], [Manual("web.routes")]);
        var book = ProgressBook.Build(Framework, status, [
            new ProgressMark(Me, "python", "basics.syntax", ProgressStatus.Done, Now),
            new ProgressMark(Me, "python", "basics.functions", ProgressStatus.Skipped, Now),
            new ProgressMark(Me, "python", "basics.classes", ProgressStatus.Doing, Now),
        ]);

        var plan = GapPlan.Build(Framework, status, [Role("backend")], book);

        plan.Gaps.Single(g => g.Topic == "web").NextSkills.Select(s => s.Id).ShouldBe(["web.middleware"]);
        plan.Gaps.Single(g => g.Topic == "basics").NextSkills.Select(s => s.Id)
            .ShouldBe(["basics.classes", "basics.decorators", "basics.metaclasses", "basics.descriptors"]);
    }

    [Fact]
    public void A_person_at_or_above_every_target_has_no_gaps()
    {
        var status = StatusOf(
            [Assess("basics", Level.Expert), Assess("web", Level.Intermediate), Assess("async", Level.Advanced), Assess("tools", Level.Beginner)],
            []);

        GapPlan.Build(Framework, status, [Role("backend")]).Gaps.ShouldBeEmpty();
        GapPlan.Build(Framework, status, []).Gaps.ShouldBeEmpty();
    }

    [Fact]
    public void Two_roles_plan_against_the_higher_target_and_say_which_role_sets_it()
    {
        var status = StatusOf([Assess("basics", Level.Intermediate), Assess("tools", Level.Beginner)], []);

        var dataOnly = GapPlan.Build(Framework, status, [Role("data-eng")]);
        var both = GapPlan.Build(Framework, status, [Role("data-eng"), Role("backend")]);

        dataOnly.Gaps.Select(g => g.Topic).ShouldBe(["data", "async"]);
        both.Gaps.Select(g => (g.Topic, g.Target, string.Join("+", g.Roles))).ShouldBe(
        [
            ("web", Level.Intermediate, "backend"), // 3 x 2 = 6; before data by the framework's topic order
            ("data", Level.Intermediate, "data-eng"), // 3 x 2 = 6
            ("async", Level.Advanced, "backend"), // 2 x 3 = 6, lower weight
            ("basics", Level.Advanced, "backend"), // 4 x 1 = 4
        ]);
    }
}
