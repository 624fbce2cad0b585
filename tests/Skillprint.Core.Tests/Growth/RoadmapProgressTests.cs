using Skillprint.Core.Growth;
using Skillprint.Core.Roadmaps;
using Skillprint.Core.Status;
using static Skillprint.Core.Tests.Growth.GrowthFixture;

namespace Skillprint.Core.Tests.Growth;

public sealed class RoadmapProgressTests
{
    private static ProgressMark Mark(string item, ProgressStatus status, int minutes = 0) =>
        new(Me, "python", item, status, Now.AddMinutes(minutes));

    private static RoadmapProgress Path(ProgressBook book) =>
        RoadmapProgress.Compute(Framework, Framework.FindRoadmap("path")!, book);

    [Fact]
    public void Progress_follows_from_marks_and_evidence_per_stage_and_overall()
    {
        var status = StatusOf([], [Code("basics.syntax"), Manual("basics.functions"), Code("async.await"), Code("async.gather")]);
        var book = ProgressBook.Build(Framework, status, [
            Mark("basics.classes", ProgressStatus.Doing),
            Mark("web.routes", ProgressStatus.Skipped),
            Mark("async.await", ProgressStatus.Todo),
            Mark("async.gather", ProgressStatus.Doing),
        ]);

        var progress = Path(book);

        var stages = progress.Stages;
        stages[0].Items.Select(i => (i.Id, i.Status, i.Source)).ShouldBe(
        [
            ("basics.syntax", ProgressStatus.Done, StatusSource.Evidence),
            ("basics.functions", ProgressStatus.Done, StatusSource.Evidence),
            ("basics.classes", ProgressStatus.Doing, StatusSource.Mark),
        ]);
        stages[2].Items.Select(i => (i.Id, i.Status, i.Source, i.Evidenced)).ShouldBe(
        [
            ("async.await", ProgressStatus.Todo, StatusSource.Mark, true), // the person overrules the evidence
            ("async.gather", ProgressStatus.Done, StatusSource.Evidence, true), // evidence turns doing into done
            ("async.queue", ProgressStatus.Todo, StatusSource.None, false),
        ]);
        stages.Select(s => (s.Number, s.Count.Done, s.Count.Skipped, s.Count.Doing, s.Count.Total)).ShouldBe(
        [
            (1, 2, 0, 1, 3),
            (2, 1, 1, 0, 3),
            (3, 1, 0, 0, 3),
            (4, 0, 0, 0, 1),
        ]);
        stages[0].Count.Progress.ShouldBe(2.0 / 3);
        stages[1].Count.Progress.ShouldBe(2.0 / 3);
        stages[3].Items.ShouldHaveSingleItem().Kind.ShouldBe(ItemKind.Topic);

        // basics.functions is in two stages and counts once overall: 9 items, 4 done or skipped.
        (progress.Count.Total, progress.Count.Done + progress.Count.Skipped).ShouldBe((9, 4));
        progress.Count.Progress.ShouldBe(4.0 / 9);
    }

    [Fact]
    public void One_mark_counts_in_every_stage_and_roadmap_that_holds_the_item()
    {
        var status = StatusOf([], []);
        var book = ProgressBook.Build(Framework, status, [Mark("basics.functions", ProgressStatus.Done)]);

        var progress = Path(book);

        progress.Stages[0].Items.Single(i => i.Id == "basics.functions").Status.ShouldBe(ProgressStatus.Done);
        progress.Stages[1].Items.Single(i => i.Id == "basics.functions").Status.ShouldBe(ProgressStatus.Done);
    }

    [Fact]
    public void The_latest_mark_holds_and_marks_of_another_framework_are_ignored()
    {
        var status = StatusOf([], []);
        var book = ProgressBook.Build(Framework, status, [
            Mark("web.routes", ProgressStatus.Done, minutes: 5),
            Mark("web.routes", ProgressStatus.Doing, minutes: 1),
            new ProgressMark(Me, "rust", "web.middleware", ProgressStatus.Done, Now),
        ]);

        book.Of("web.routes").Status.ShouldBe(ProgressStatus.Done);
        book.Of("web.middleware").Status.ShouldBe(ProgressStatus.Todo);
    }

    [Fact]
    public void A_topic_mark_carries_to_its_skills_without_their_own_mark_or_evidence()
    {
        var status = StatusOf([], [Code("async.gather")]);
        var book = ProgressBook.Build(Framework, status, [
            Mark("async", ProgressStatus.Skipped),
            Mark("async.await", ProgressStatus.Doing),
        ]);

        book.Of("async.queue").ShouldBe(new ItemStatus("async.queue", ProgressStatus.Skipped, StatusSource.Topic, false, null, null));
        book.Of("async.await").Status.ShouldBe(ProgressStatus.Doing);
        book.Of("async.gather").Source.ShouldBe(StatusSource.Evidence);
        book.Of("async").Source.ShouldBe(StatusSource.Mark);
    }

    [Fact]
    public void A_topic_without_a_mark_follows_its_skills()
    {
        var none = ProgressBook.Build(Framework, StatusOf([], []), []);
        var some = ProgressBook.Build(Framework, StatusOf([], [Code("tools.ruff")]), []);
        var all = ProgressBook.Build(Framework, StatusOf([], [Code("tools.ruff")]), [Mark("tools.precommit", ProgressStatus.Skipped)]);

        none.Of("tools").Status.ShouldBe(ProgressStatus.Todo);
        some.Of("tools").Status.ShouldBe(ProgressStatus.Doing);
        all.Of("tools").Status.ShouldBe(ProgressStatus.Done);
        all.Of("tools").Source.ShouldBe(StatusSource.Skills);
        Path(all).Stages[3].Count.Progress.ShouldBe(1.0);
    }
}

public sealed class NextStepsTests
{
    private static NextSteps Next(IEnumerable<SelfAssessment> assessments, IEnumerable<ProgressMark> marks, string[] roles, int limit = 10)
    {
        var status = StatusOf(assessments, []);
        var book = ProgressBook.Build(Framework, status, marks);
        var plan = GapPlan.Build(Framework, status, roles.Select(Role).ToList(), book);
        var progress = RoadmapProgress.Compute(Framework, Framework.FindRoadmap("path")!, book);
        return NextSteps.Compute(Framework, progress, status, book, plan, limit);
    }

    [Fact]
    public void Items_whose_topic_lacks_a_prerequisite_wait_and_items_in_progress_come_first()
    {
        var next = Next([], [new ProgressMark(Me, "python", "basics.classes", ProgressStatus.Doing, Now)], ["backend"]);

        next.Steps.Select(s => (s.Item.Id, s.Reason, s.Stage)).ShouldBe(
        [
            ("basics.classes", NextReason.InProgress, 1),
            ("basics.syntax", NextReason.Gap, 1),
            ("basics.functions", NextReason.Gap, 1),
            ("tools", NextReason.Gap, 4),
        ]);
        next.Blocked.Select(b => (b.Item.Id, string.Join(",", b.Missing))).ShouldBe(
        [
            ("web.routes", "basics"),
            ("web.middleware", "basics"),
            ("async.await", "basics"),
            ("async.gather", "basics"),
            ("async.queue", "basics"),
        ]);
    }

    [Fact]
    public void Once_the_prerequisite_is_met_gap_topics_come_before_the_roadmaps_order()
    {
        var next = Next(
            [Assess("basics", Level.Beginner)],
            [new ProgressMark(Me, "python", "basics.classes", ProgressStatus.Doing, Now)],
            ["data-eng"],
            limit: 5);

        // data-eng: basics (Beginner → Intermediate) and async (None → Beginner) are gaps, web and tools are not.
        next.Steps.Select(s => (s.Item.Id, s.Reason)).ShouldBe(
        [
            ("basics.classes", NextReason.InProgress),
            ("basics.syntax", NextReason.Gap),
            ("basics.functions", NextReason.Gap),
            ("async.await", NextReason.Gap),
            ("async.gather", NextReason.Gap),
        ]);
        next.Blocked.ShouldBeEmpty();
        Next([Assess("basics", Level.Beginner)], [], ["data-eng"]).Steps.Select(s => s.Item.Id).TakeLast(3)
            .ShouldBe(["web.routes", "web.middleware", "tools"]);
    }

    [Fact]
    public void A_prerequisite_marked_done_or_skipped_is_met_and_done_items_are_not_proposed()
    {
        var next = Next([], [new ProgressMark(Me, "python", "basics", ProgressStatus.Skipped, Now)], []);

        next.Blocked.ShouldBeEmpty();
        next.Steps.Select(s => s.Item.Id).ShouldBe(
            ["web.routes", "web.middleware", "async.await", "async.gather", "async.queue", "tools"]);
        next.Steps.ShouldAllBe(s => s.Reason == NextReason.Order);
    }
}
