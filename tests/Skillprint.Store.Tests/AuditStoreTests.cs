using Dapper;
using Skillprint.Core;
using Skillprint.Core.Accounts;
using Skillprint.Core.Audit;
using Skillprint.Core.Evidence;
using Skillprint.Core.Identities;
using Skillprint.Core.People;
using Skillprint.Core.Privacy;
using Skillprint.Core.Status;
using Skillprint.Core.Teams;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What the store promises for the audit log (migration 13), on each engine: a change
/// writes its event in its own transaction (one event, or with the change gone none), events name
/// the actor of the moment, a person's log is read newest first a page at a time, a merge moves the
/// log with the data, and nothing secret is in it.</summary>
public abstract class AuditStoreTests(EngineHarness harness) : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);

    public void Dispose()
    {
        harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_self_assessment_writes_exactly_one_event_about_the_person_by_the_local_cli()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = await store.EnsurePersonAsync("ada@example.org");

        await store.AddSelfAssessmentAsync(ada.Id, new SelfAssessment("", "python", "async", Level.Advanced, "private note", Monday));

        var e = (await store.ListAllAuditEventsAsync(10)).ShouldHaveSingleItem();
        e.Action.ShouldBe(AuditAction.AssessmentAdd);
        e.ActorKind.ShouldBe(AuditActorKind.Local);
        e.Actor.ShouldBeNull();
        e.Subject.ShouldBe("ada@example.org");
        e.Target.ShouldBe("python/async");
        e.Detail.ShouldBe("level Advanced");
        (e.At - DateTimeOffset.UtcNow).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(5), "the time it was written, not the assessment's own");
        (await store.ListAuditEventsAsync(ada.Id, 10)).ShouldHaveSingleItem().Id.ShouldBe(e.Id);
    }

    [Fact]
    public async Task A_change_whose_event_cannot_be_written_is_not_stored_either()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = await store.EnsurePersonAsync("ada@example.org");
        using (var raw = harness.OpenRaw())
        {
            raw.Execute("ALTER TABLE audit_events RENAME TO audit_events_away");
        }

        await Should.ThrowAsync<StoreException>(() => store.AddSelfAssessmentAsync(ada.Id, new SelfAssessment("", "python", "async", Level.Advanced, null, Monday)));
        await Should.ThrowAsync<StoreException>(() => store.AddTeamAsync("platform", Monday));

        using (var raw = harness.OpenRaw())
        {
            raw.Execute("ALTER TABLE audit_events_away RENAME TO audit_events");
        }

        (await store.GetSelfAssessmentsAsync(ada.Id, "python")).ShouldBeEmpty("the assessment went back with its event");
        (await store.ListTeamsAsync()).ShouldBeEmpty();
        (await store.ListAllAuditEventsAsync(10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_change_that_fails_or_changes_nothing_writes_no_event()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = await store.EnsurePersonAsync("ada@example.org");
        var team = (await store.AddTeamAsync("platform", Monday))!;
        var before = (await store.ListAllAuditEventsAsync(10)).Count;

        await Should.ThrowAsync<StoreException>(() => store.AddTeamPersonAsync(team.Id, new PersonId(ada.Id.Value + 100), TeamRole.Member));
        (await store.AddTeamPersonAsync(team.Id + 100, ada.Id, TeamRole.Member)).ShouldBeNull();
        (await store.RemoveTeamPersonAsync(team.Id, ada.Id, TeamRole.Member)).ShouldBeFalse();
        (await store.RevokeTokenAsync(999, null, Monday, default)).ShouldBeNull();
        await Should.ThrowAsync<IdentityException>(() => store.LinkIdentityAsync("nobody@example.org", ada.Id, Monday));
        (await store.AddTeamAsync("PLATFORM", Monday)).ShouldBeNull();

        (await store.ListAllAuditEventsAsync(10)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Events_name_the_current_actor_and_each_change_of_the_list_is_recorded()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var admin = (await store.AddUserAsync("root@example.org", AccountRole.Admin, "password-hash", false, Monday, default))!;
        var ada = await store.EnsurePersonAsync("ada@example.org");
        var added = (await store.ListAuditEventsAsync(admin.PersonId, 10)).ShouldHaveSingleItem();
        (added.Action, added.Target, added.Detail).ShouldBe((AuditAction.UserAdd, "root@example.org", "admin"));
        using (AuditActor.Use(AuditActor.Of(admin.PersonId)))
        {
            var team = (await store.AddTeamAsync("platform", Monday))!;
            await store.AddTeamPersonAsync(team.Id, ada.Id, TeamRole.Member);
            await store.AddTeamPersonAsync(team.Id, ada.Id, TeamRole.Manager);
            await store.RemoveTeamPersonAsync(team.Id, ada.Id, TeamRole.Manager);
            var token = await store.AddTokenAsync(ada.Id, "laptop", TokenScope.Write, "secret-hash-value", "spk_abcd", Monday, null, default);
            await store.RevokeTokenAsync(token.Id, null, Monday, default);
            await store.ClaimEmailAsync(ada.Id, "ada@work.example.org", merge: false);
            await store.UnclaimEmailAsync(ada.Id, "ada@work.example.org");
            await store.SetSettingsAsync(new OrgSettings(MembersSeeTeamMatrix: false));
            await store.AddManualEvidenceAsync(ada.Id, new ManualEvidence(0, "", "python", "async", null, "https://example.org/talk", "gave a talk", Monday));
            await store.RemoveTeamAsync(team.Id);
        }

        var all = (await store.ListAllAuditEventsAsync(50)).Where(e => e.Id > added.Id).ToList();
        all.Select(e => e.Action).Reverse().ShouldBe([
            AuditAction.TeamAdd, AuditAction.TeamPersonAdd, AuditAction.TeamPersonAdd, AuditAction.TeamPersonRemove,
            AuditAction.TokenCreate, AuditAction.TokenRevoke, AuditAction.EmailAdd, AuditAction.EmailRemove,
            AuditAction.SettingsChange, AuditAction.EvidenceAdd, AuditAction.TeamRemove, AuditAction.TeamPersonRemove]);
        all.ShouldAllBe(e => e.ActorKind == AuditActorKind.Person && e.Actor == "root@example.org");
        all.Select(e => e.Id).ShouldBeInOrder(SortDirection.Descending);
        var mine = await store.ListAuditEventsAsync(ada.Id, 50);
        mine.Count.ShouldBe(9, "the team's own add and remove and the setting are about no one");
        mine.ShouldAllBe(e => e.Subject == "ada@example.org");
        foreach (var e in all)
        {
            $"{e.Target} {e.Detail}".ShouldNotContain("secret-hash-value");
            $"{e.Target} {e.Detail}".ShouldNotContain("spk_abcd");
            $"{e.Target} {e.Detail}".ShouldNotContain("password-hash");
        }
    }

    [Fact]
    public async Task A_team_token_is_the_actor_of_its_push_and_each_author_finds_it_in_their_log()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = await store.EnsurePersonAsync("ada@example.org");
        var team = (await store.AddTeamAsync("platform", Monday))!;
        var push = new EvidencePush("python", "git:https://example.org/repo.git", "repo", null, [
            new PushedHit("async", "async.await", "app.py", 3, 3, "Ada@example.org", "abc", Monday, "await fetch()"),
            new PushedHit("async", "async.await", "app.py", 9, 9, "eve@example.org", "abc", Monday, "await fetch()"),
        ]);

        using (AuditActor.Use(AuditActor.OfTeamToken(42)))
        {
            await store.ReplaceTeamPushedEvidenceAsync(team.Id, push, Monday);
        }

        var pushes = (await store.ListAllAuditEventsAsync(10)).Where(e => e.Action == AuditAction.Push).ToList();
        pushes.Count.ShouldBe(2, "one for the push, one for ada (eve is no one's email)");
        pushes.ShouldAllBe(e => e.ActorKind == AuditActorKind.TeamToken && e.ActorTokenId == 42 && e.Actor == null && e.Target == "repo");
        var adas = (await store.ListAuditEventsAsync(ada.Id, 10)).ShouldHaveSingleItem();
        adas.Detail.ShouldBe("team push: 1 of your hits");
        pushes.ShouldAllBe(e => !(e.Detail ?? "").Contains("await fetch"));

        var repository = (await store.ListRepositorySummariesAsync()).ShouldHaveSingleItem();
        (await store.RemoveRepositoryAsync(repository.Id)).ShouldBeTrue();
        (await store.RemoveRepositoryAsync(repository.Id)).ShouldBeFalse();
        var removed = (await store.ListAllAuditEventsAsync(10)).Where(e => e.Action == AuditAction.RepositoryRemove).ShouldHaveSingleItem();
        (removed.ActorKind, removed.Subject, removed.Target).ShouldBe((AuditActorKind.Local, null, "repo"));
    }

    [Fact]
    public async Task A_persons_log_reads_newest_first_a_page_at_a_time()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = await store.EnsurePersonAsync("ada@example.org");
        var bob = await store.EnsurePersonAsync("bob@example.org");
        foreach (var topic in new[] { "async", "typing", "testing", "packaging", "decorators" })
        {
            await store.AddSelfAssessmentAsync(ada.Id, new SelfAssessment("", "python", topic, Level.Beginner, null, Monday));
            await store.AddSelfAssessmentAsync(bob.Id, new SelfAssessment("", "python", topic, Level.Beginner, null, Monday));
        }

        var first = await store.ListAuditEventsAsync(ada.Id, 2);
        first.Select(e => e.Target).ShouldBe(["python/decorators", "python/packaging"]);
        var second = await store.ListAuditEventsAsync(ada.Id, 2, first[^1].Id);
        second.Select(e => e.Target).ShouldBe(["python/testing", "python/typing"]);
        var log = await new AuditService(store).ReadAsync(ada, 2, second[^1].Id);
        log.Events.Select(e => e.Target).ShouldBe(["python/async"]);
        log.Next.ShouldBeNull();
        (await new AuditService(store).ReadAsync(null, 3, null)).Next.ShouldNotBeNull();
        await Should.ThrowAsync<StoreException>(() => store.ListAllAuditEventsAsync(0));
    }

    [Fact]
    public async Task A_merge_moves_the_log_with_the_data_and_is_an_event_itself()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = await store.EnsurePersonAsync("ada@example.org");
        var old = await store.EnsurePersonAsync("ada@old.example.org");
        await store.AddSelfAssessmentAsync(old.Id, new SelfAssessment("", "python", "async", Level.Beginner, null, Monday));

        (await store.ClaimEmailAsync(ada.Id, "ada@old.example.org", merge: true)).Outcome.ShouldBe(ClaimOutcome.Merged);

        var log = await store.ListAuditEventsAsync(ada.Id, 10);
        log.Select(e => e.Action).ShouldBe([AuditAction.PersonMerge, AuditAction.AssessmentAdd]);
        log[0].Detail.ShouldBe($"person {old.Id} (ada@old.example.org) joined: self_assessments 1");
    }

    [Fact]
    public async Task A_view_is_recorded_for_each_other_person_and_never_for_the_reader_themselves()
    {
        using var store = SkillprintStore.Open(harness.Location);
        var ada = await store.EnsurePersonAsync("ada@example.org");
        var bob = await store.EnsurePersonAsync("bob@example.org");

        using (AuditActor.Use(AuditActor.Of(ada.Id)))
        {
            await store.RecordViewsAsync(AuditAction.ViewTeamMatrix, [ada.Id, bob.Id], "team 7", "platform, python", alsoUnattributed: true);
            await store.RecordViewsAsync(AuditAction.ViewPerson, [ada.Id], "status", "python");
        }

        var all = await store.ListAllAuditEventsAsync(10);
        all.Select(e => e.Subject).ShouldBe(["bob@example.org", null]);
        all.ShouldAllBe(e => e.Action == AuditAction.ViewTeamMatrix && e.Actor == "ada@example.org" && e.Target == "team 7");
        (await store.ListAuditEventsAsync(ada.Id, 10)).ShouldBeEmpty();
    }
}

public sealed class SqliteAuditStoreTests() : AuditStoreTests(new SqliteHarness());

public sealed class PostgresAuditStoreTests() : AuditStoreTests(new PostgresHarness());
