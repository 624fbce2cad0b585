using Skillprint.Core.People;
using Skillprint.Core.Evidence;
using Dapper;
using Skillprint.Core;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;
using Skillprint.Core.Status;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What the store promises for the growth loop (roles, marks, reviews, evidence history),
/// run against each engine (see the two classes at the end).</summary>
public abstract class GrowthStoreTests : IDisposable
{
    private const string Framework = "python";
    private const string Ada = "ada@example.org";

    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);

    protected GrowthStoreTests(EngineHarness harness)
    {
        Harness = harness;
    }

    protected EngineHarness Harness { get; }

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Roles_are_set_once_listed_in_order_and_given_up_with_their_history_kept()
    {
        using var store = SkillprintStore.Open(Harness.Location);

        store.AddRole(Ada, Framework, "backend-developer", Monday).ShouldBeTrue();
        store.AddRole(Ada, Framework, "api-developer", Monday.AddDays(1)).ShouldBeTrue();
        store.AddRole(Ada, Framework, "backend-developer", Monday.AddDays(2)).ShouldBeFalse();
        store.AddRole(Ada, "rust", "backend-developer", Monday).ShouldBeTrue();

        store.ListRoles(Ada, Framework).Select(r => r.Role).ShouldBe(["backend-developer", "api-developer"]);
        store.RemoveRole(Ada, Framework, "backend-developer", Monday.AddDays(3)).ShouldBeTrue();
        store.RemoveRole(Ada, Framework, "backend-developer", Monday.AddDays(4)).ShouldBeFalse();
        store.RemoveRole("nobody@example.org", Framework, "api-developer", Monday).ShouldBeFalse();

        store.ListRoles(Ada, Framework).Select(r => r.Role).ShouldBe(["api-developer"]);
        var history = store.GetRoleHistory(Ada, Framework);
        history.Select(r => (r.Role, r.SetAt, r.RemovedAt)).ShouldBe(
        [
            ("backend-developer", Monday, (DateTimeOffset?)Monday.AddDays(3)),
            ("api-developer", Monday.AddDays(1), null),
        ]);
        history.ShouldAllBe(r => r.Person == Ada && r.Framework == Framework);

        store.AddRole(Ada, Framework, "backend-developer", Monday.AddDays(5)).ShouldBeTrue();
        store.ListRoles(Ada, Framework).Select(r => r.Role).ShouldBe(["api-developer", "backend-developer"]);
        store.GetRoleHistory(Ada, Framework).Count.ShouldBe(3);
    }

    [Fact]
    public void Marks_keep_their_history_oldest_first_and_filter_by_item()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        store.AddProgressMark(new ProgressMark(Ada, Framework, "async.queue", ProgressStatus.Done, Monday.AddDays(2)));
        var first = store.AddProgressMark(new ProgressMark("ADA@example.org", Framework, "async.queue", ProgressStatus.Doing, Monday.AddTicks(17)));
        store.AddProgressMark(new ProgressMark(Ada, Framework, "typing", ProgressStatus.Skipped, Monday.AddDays(1)));
        store.AddProgressMark(new ProgressMark(Ada, "rust", "async.queue", ProgressStatus.Todo, Monday));

        first.Person.ShouldBe(Ada);
        first.At.ShouldBe(Monday.AddTicks(10));
        store.GetProgressMarks(Ada, Framework).Select(m => (m.Item, m.Status)).ShouldBe(
        [
            ("async.queue", ProgressStatus.Doing),
            ("typing", ProgressStatus.Skipped),
            ("async.queue", ProgressStatus.Done),
        ]);
        store.GetProgressMarks(Ada, Framework, "async.queue").Select(m => m.At).ShouldBe([Monday.AddTicks(10), Monday.AddDays(2)]);
        store.GetProgressMarks("nobody@example.org", Framework).ShouldBeEmpty();
        store.FindPerson("nobody@example.org").ShouldBeNull();
    }

    [Fact]
    public void A_review_reads_back_with_its_memory_before_and_after_exactly()
    {
        var scheduler = new FsrsScheduler(FsrsOptions.Default with { EnableFuzz = false });
        var before = CardMemory.New(Monday);
        var learning = scheduler.Review(before, Rating.Good, Monday);
        var review = scheduler.Review(learning, Rating.Good, learning.Due);
        using (var store = SkillprintStore.Open(Harness.Location))
        {
            store.AddCardReview(new CardReview(Ada, Framework, "async.queue-question", Rating.Good, Monday, before, learning));
            store.AddCardReview(new CardReview(Ada, Framework, "async.queue-question", Rating.Good, learning.Due, learning, review));
            store.AddCardReview(new CardReview(Ada, Framework, "typing.any", Rating.Again, Monday.AddDays(1), before, before));
        }

        using var reopened = SkillprintStore.Open(Harness.Location);
        var log = reopened.GetCardReviews(Ada, Framework, "async.queue-question");
        log.Count.ShouldBe(2);
        log[0].Before.ShouldBe(before);
        log[0].After.ShouldBe(learning);
        log[1].After.ShouldBe(review);
        log[1].After.Stability.ShouldBe(review.Stability);
        log[1].After.Difficulty.ShouldBe(review.Difficulty);
        log[1].Rating.ShouldBe(Rating.Good);
        reopened.GetCardReviews(Ada, Framework).Select(r => r.Card).ShouldBe(["async.queue-question", "async.queue-question", "typing.any"]);

        using var raw = Harness.OpenRaw();
        var due = raw.ExecuteScalar<object>("SELECT due_after FROM card_reviews WHERE rating = 3 ORDER BY id DESC LIMIT 1")!;
        StoredTime.Read(due, "due_after").ShouldBe(review.Due);
    }

    [Fact]
    public void A_review_with_a_damaged_state_is_a_corruption_error_naming_the_row()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        store.AddCardReview(new CardReview(Ada, Framework, "c", Rating.Hard, Monday, CardMemory.New(Monday), CardMemory.New(Monday)));
        using (var raw = Harness.OpenRaw())
        {
            raw.Execute("UPDATE card_reviews SET state_after = '{\"state\": \"Lost\"}'");
        }

        var error = Should.Throw<StoreException>(() => store.GetCardReviews(Ada, Framework));
        error.Fault.ShouldBe(StoreFault.Corrupted);
        error.Message.ShouldContain("card_reviews row");
        error.Message.ShouldContain("state_after");
    }

    [Fact]
    public void Manual_evidence_history_keeps_removed_entries_with_their_removal_time()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var talk = store.AddManualEvidence(new ManualEvidence(0, Ada, Framework, "async", "async.queue", null, "talk", Monday));
        store.AddManualEvidence(new ManualEvidence(0, Ada, Framework, "typing", null, "https://example.org", "course", Monday.AddDays(1)));
        store.RemoveManualEvidence(Ada, talk, Monday.AddDays(5)).Outcome.ShouldBe(EvidenceOutcome.Done);

        var history = store.GetManualEvidenceHistory(Ada, Framework);
        history.Select(h => (h.Evidence.Note, h.RemovedAt)).ShouldBe([("talk", (DateTimeOffset?)Monday.AddDays(5)), ("course", null)]);
        history[0].Evidence.Skill.ShouldBe("async.queue");
        store.ListManualEvidence(Ada, Framework).ShouldHaveSingleItem().Note.ShouldBe("course");
    }

    [Fact]
    public void Joining_two_persons_joins_their_roles_marks_and_reviews()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        const string work = "ada@work.example";
        store.AddRole(work, Framework, "qa-engineer", Monday);
        store.AddProgressMark(new ProgressMark(work, Framework, "testing", ProgressStatus.Done, Monday));
        store.AddCardReview(new CardReview(work, Framework, "c", Rating.Easy, Monday, CardMemory.New(Monday), CardMemory.New(Monday)));

        store.ClaimEmail(Ada, work, merge: true);

        store.ListRoles(Ada, Framework).ShouldHaveSingleItem().Person.ShouldBe(Ada);
        store.GetProgressMarks(Ada, Framework).ShouldHaveSingleItem().Item.ShouldBe("testing");
        store.GetCardReviews(Ada, Framework).ShouldHaveSingleItem().Rating.ShouldBe(Rating.Easy);
    }

    [Fact]
    public async Task Empty_ids_are_refused_before_anything_is_written()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = (await store.EnsurePersonAsync(Ada)).Id;

        (await Should.ThrowAsync<StoreException>(async () => await store.AddRoleAsync(ada, Framework, " ", Monday))).Fault.ShouldBe(StoreFault.InvalidInput);
        (await Should.ThrowAsync<StoreException>(async () => await store.AddProgressMarkAsync(ada, new ProgressMark(Ada, Framework, "", ProgressStatus.Done, Monday))))
            .Fault.ShouldBe(StoreFault.InvalidInput);
        (await Should.ThrowAsync<StoreException>(async () => await store.AddCardReviewAsync(ada, new CardReview(Ada, Framework, "c", (Rating)7, Monday, CardMemory.New(Monday), CardMemory.New(Monday)))))
            .Message.ShouldContain("not a rating");
        (await store.GetRoleHistoryAsync(ada, Framework)).ShouldBeEmpty();
        (await store.GetProgressMarksAsync(ada, Framework)).ShouldBeEmpty();
        (await store.GetCardReviewsAsync(ada, Framework)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_write_for_a_person_the_store_does_not_have_is_refused_and_creates_no_one()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var nobody = new PersonId(987_654);

        var error = await Should.ThrowAsync<StoreException>(async () => await store.AddRoleAsync(nobody, Framework, "backend-developer", Monday));
        error.Fault.ShouldBe(StoreFault.InvalidInput);
        error.Message.ShouldBe("there is no person 987654");
        await Should.ThrowAsync<StoreException>(async () => await store.AddProgressMarkAsync(nobody, new ProgressMark(Ada, Framework, "async", ProgressStatus.Done, Monday)));
        (await store.DismissHitAsync(nobody, 1, Monday)).Outcome.ShouldBe(EvidenceOutcome.NotFound);
        (await store.ListPersonsAsync()).ShouldBeEmpty();
        (await store.GetRoleHistoryAsync(nobody, Framework)).ShouldBeEmpty();
        (await store.RemoveRoleAsync(nobody, Framework, "backend-developer", Monday)).ShouldBeFalse();
    }

    [Fact]
    public async Task One_store_serves_many_writes_and_reads_at_once_and_loses_none()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var people = new List<PersonId>();
        foreach (var n in Enumerable.Range(0, 4))
        {
            people.Add((await store.EnsurePersonAsync($"p{n}@example.org")).Id);
        }

        // 4 people x 10 marks, written and read back from many tasks at the same time: each
        // operation takes its own pooled connection, none waits for a lock in this process.
        var work = people.SelectMany(person => Enumerable.Range(0, 10).Select(async i =>
        {
            await store.AddProgressMarkAsync(person, new ProgressMark("", Framework, $"item-{i}", ProgressStatus.Doing, Monday.AddMinutes(i)));
            return (await store.GetProgressMarksAsync(person, Framework, $"item-{i}")).Count;
        })).ToList();
        var seen = await Task.WhenAll(work);

        seen.ShouldAllBe(count => count == 1);
        foreach (var person in people)
        {
            (await store.GetProgressMarksAsync(person, Framework)).Select(m => m.Item).Order(StringComparer.Ordinal)
                .ShouldBe(Enumerable.Range(0, 10).Select(i => $"item-{i}").Order(StringComparer.Ordinal));
        }
    }
}

public sealed class SqliteGrowthStoreTests() : GrowthStoreTests(new SqliteHarness());

public sealed class PostgresGrowthStoreTests() : GrowthStoreTests(new PostgresHarness());
