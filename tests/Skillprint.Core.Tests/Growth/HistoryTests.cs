using Skillprint.Core.Growth;
using Skillprint.Core.History;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;
using Skillprint.Core.Status;
using static Skillprint.Core.Tests.Growth.GrowthFixture;

namespace Skillprint.Core.Tests.Growth;

public sealed class HistoryTests
{
    private static readonly DateTimeOffset Day1 = Now.AddDays(-30);

    private static HistoryInputs Inputs()
    {
        var scheduler = new FsrsScheduler(FsrsOptions.Default with { EnableFuzz = false });
        var before = CardMemory.New(Day1.AddDays(3));
        var after = scheduler.Review(before, Rating.Good, Day1.AddDays(3));
        return new HistoryInputs(
            [
                new SelfAssessment(Me, "python", "async", Level.Beginner, "first try", Day1),
                new SelfAssessment(Me, "python", "async", Level.Intermediate, null, Day1.AddDays(20)),
                new SelfAssessment(Me, "python", "web", Level.Beginner, null, Day1.AddDays(1)),
            ],
            [
                new ManualEvidenceEntry(new ManualEvidence(1, Me, "python", "web", "web.routes", null, "course", Day1.AddDays(2)), Day1.AddDays(26)),
            ],
            [Code("async.await", daysAgo: 28), Code("async.await", daysAgo: 2), Code("async.gather", daysAgo: 5)],
            [new RoleChoice(Me, "python", "backend", Day1, null)],
            [new ProgressMark(Me, "python", "async.queue", ProgressStatus.Doing, Day1.AddDays(22))],
            [new CardReview(Me, "python", "async.c1", Rating.Good, Day1.AddDays(3), before, after)]);
    }

    [Fact]
    public void The_timeline_holds_every_kind_of_event_oldest_first()
    {
        var events = Timeline.Build(Framework, Inputs());

        events.Select(e => (e.Kind, e.Topic, e.Item)).ShouldBe(
        [
            (HistoryKind.Assessment, "async", null),
            (HistoryKind.Role, null, "backend"),
            (HistoryKind.Assessment, "web", null),
            (HistoryKind.Evidence, "web", "web.routes"), // at the same time as the next: evidence by hand first
            (HistoryKind.CodeEvidence, "async", "async.await"), // the first hit only
            (HistoryKind.Review, "async", "async.c1"),
            (HistoryKind.Assessment, "async", null),
            (HistoryKind.Mark, "async", "async.queue"),
            (HistoryKind.CodeEvidence, "async", "async.gather"),
            (HistoryKind.EvidenceRemoved, "web", "web.routes"),
        ]);
        events[0].Text.ShouldBe("assessed Async at Beginner (first try)");
        events[5].Text.ShouldBe("reviewed card async.c1: Good, Learning → Learning, next in 10 min");
        events[7].Text.ShouldBe("marked queue (async.queue) doing");
        events.Select(e => e.At).ShouldBeInOrder();
    }

    [Fact]
    public void The_timeline_of_one_topic_leaves_the_others_and_roles_out()
    {
        var events = Timeline.Build(Framework, Inputs(), "web");

        events.Select(e => e.Kind).ShouldBe([HistoryKind.Assessment, HistoryKind.Evidence, HistoryKind.EvidenceRemoved]);
    }

    [Fact]
    public void Changes_since_a_date_show_the_levels_then_and_now_and_the_events_after_it()
    {
        var inputs = Inputs();
        var current = inputs.CodeEvidence.ToList();

        var changes = StatusChanges.Compute(Framework, inputs, current, Day1.AddDays(10), new Status.FixedTime(Now));

        changes.Topics.Select(t => t.Topic).ShouldBe(["web", "async"]);
        var async = changes.Topics.Single(t => t.Topic == "async");
        (async.SelfLevelBefore, async.SelfLevel).ShouldBe((Level.Beginner, Level.Intermediate));
        // async.await alone evidences Beginner; async.gather (5 days ago) adds an Intermediate skill, which
        // is enough in this fixture's framework.
        (async.EvidencedLevelBefore, async.EvidencedLevel).ShouldBe((Level.Beginner, Level.Intermediate));
        async.Events.Select(e => e.Kind).ShouldBe([HistoryKind.Assessment, HistoryKind.Mark, HistoryKind.CodeEvidence]);
        var web = changes.Topics.Single(t => t.Topic == "web");
        web.LevelMoved.ShouldBeFalse();
        web.Events.ShouldHaveSingleItem().Kind.ShouldBe(HistoryKind.EvidenceRemoved);
        changes.Other.ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_moved_after_the_last_event()
    {
        var inputs = Inputs();

        var changes = StatusChanges.Compute(Framework, inputs, inputs.CodeEvidence.ToList(), Now, new Status.FixedTime(Now));

        changes.Topics.ShouldBeEmpty();
        changes.Other.ShouldBeEmpty();
    }

    [Fact]
    public void Intervals_read_as_minutes_hours_or_days()
    {
        Timeline.Interval(TimeSpan.FromMinutes(10)).ShouldBe("10 min");
        Timeline.Interval(TimeSpan.FromHours(5.5)).ShouldBe("5 h");
        Timeline.Interval(TimeSpan.FromDays(12.7)).ShouldBe("12 d");
    }

    [Fact]
    public void The_calendar_counts_reviews_assessments_and_evidence_per_day_in_53_weeks_from_a_monday()
    {
        var events = Timeline.Build(Framework, Inputs());
        var last = DateOnly.FromDateTime(Now.UtcDateTime);

        var calendar = ActivityCalendar.Build(events, last);

        calendar.First.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        calendar.Last.ShouldBe(last);
        ((calendar.Days.Count + 6) / 7).ShouldBe(ActivityCalendar.Weeks);
        calendar.Days.Select(d => d.Day).ShouldBe(Enumerable.Range(0, calendar.Days.Count).Select(calendar.First.AddDays));
        var first = calendar.Days.Single(d => d.Day == DateOnly.FromDateTime(Day1.UtcDateTime));
        (first.Assessments, first.Reviews, first.Evidence).ShouldBe((1, 0, 0)); // the role chosen that day is not activity
        calendar.Days.Single(d => d.Day == DateOnly.FromDateTime(Day1.AddDays(3).UtcDateTime)).Reviews.ShouldBe(1);
        // Evidence: the manual entry and the first hit of each skill; the mark and the removal are not counted.
        calendar.Days.Sum(d => d.Evidence).ShouldBe(3);
        calendar.Days.Sum(d => d.Total).ShouldBe(7);
        calendar.Busiest.ShouldBe(2); // the entry by hand and the first async.await hit fell on the same day
    }

    [Fact]
    public void The_calendar_leaves_out_what_is_older_than_its_first_day()
    {
        var events = Timeline.Build(Framework, Inputs());

        var calendar = ActivityCalendar.Build(events, DateOnly.FromDateTime(Now.AddYears(2).UtcDateTime));

        calendar.Days.Sum(d => d.Total).ShouldBe(0);
    }

    [Fact]
    public void Month_ends_run_from_the_oldest_month_to_now()
    {
        var now = new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero);

        LevelCurve.MonthEnds(now, 2).ShouldBe(
        [
            new DateTimeOffset(2026, 1, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(TimeSpan.TicksPerSecond - 1),
            new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero).AddTicks(TimeSpan.TicksPerSecond - 1),
            now,
        ]);
    }

    [Fact]
    public void A_topic_curve_shows_its_levels_as_they_stood_at_each_month_end()
    {
        var inputs = Inputs();

        var curves = LevelCurve.Build(Framework, inputs, inputs.CodeEvidence.ToList(), Now);

        curves.Select(c => c.Topic).ShouldBe(["async", "web"], ignoreOrder: true);
        var async = curves.Single(c => c.Topic == "async");
        async.Points.Count.ShouldBe(13);
        async.Points[^1].At.ShouldBe(DateOnly.FromDateTime(Now.UtcDateTime));
        (async.Points[0].Self, async.Points[0].Evidenced).ShouldBe((Level.None, Level.None));
        (async.Points[^1].Self, async.Points[^1].Evidenced).ShouldBe((Level.Intermediate, Level.Intermediate));
        async.Points.Select(p => p.Self).ShouldBeInOrder(); // assessed Beginner, then Intermediate: it never went down
        var web = curves.Single(c => c.Topic == "web");
        // The evidence entered by hand was removed four days ago: the web topic is self-assessed only now.
        (web.Points[^1].Self, web.Points[^1].Evidenced).ShouldBe((Level.Beginner, Level.None));
    }
}
