using Dapper;
using Skillprint.Core.Accounts;
using Skillprint.Core.Evidence;
using Skillprint.Core.Identities;
using Skillprint.Core.Scanning;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What the store promises a team's CI push (issue 14), on each engine: every author's hits
/// are kept, an author who is no one's email stays as an unclaimed identity until an admin links it,
/// a link can be undone, and a team's push token dies with its team.</summary>
public abstract class TeamPushStoreContractTests : IDisposable
{
    private const string Framework = "python";
    private const string Ada = "ada@example.org";
    private const string Stranger = "ci-bot@laptop.local";
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);

    protected TeamPushStoreContractTests(EngineHarness harness)
    {
        Harness = harness;
    }

    protected EngineHarness Harness { get; }

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }

    private static PushedHit Hit(string skill, string path, int line, string? author) =>
        new(skill.Split('.')[0], skill, path, line, line, author, "c0ffee" + line, Monday.AddDays(line));

    private static EvidencePush Push(params PushedHit[] hits) => new(Framework, "root:abc123", "acme/api", null, hits);

    [Fact]
    public async Task A_team_push_keeps_every_authors_hits_and_an_unknown_author_as_an_unclaimed_identity()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = await store.EnsurePersonAsync(Ada);
        var team = (await store.AddTeamAsync("platform", Monday))!;
        var push = Push(Hit("async.queue", "app/main.py", 3, Ada), Hit("async.gather", "app/main.py", 9, " CI-Bot@Laptop.local "), Hit("typing.protocol", "app/types.py", 2, null));

        var first = await store.ReplaceTeamPushedEvidenceAsync(team.Id, push, Monday);
        var again = await store.ReplaceTeamPushedEvidenceAsync(team.Id, push, Monday.AddHours(1));

        first.ShouldBe(new PushResult("acme/api", 2, 1, Changed: true, Unclaimed: 1, EveryAuthor: true));
        again.ShouldBe(new PushResult("acme/api", 2, 1, Changed: false, Unclaimed: 1, EveryAuthor: true));
        (await store.ListCodeHitsAsync(new CodeHitQuery(Framework, ada.Emails))).Select(h => h.Skill).ShouldBe(["async.queue"]);
        var unclaimed = (await store.ListIdentitiesAsync(withLinked: false)).ShouldHaveSingleItem();
        unclaimed.ShouldBe(new Identity(Stranger, 1, Monday.AddDays(9), Monday.AddDays(9), ["acme/api"], null, null), new IdentityComparer());
    }

    [Fact]
    public async Task Linking_an_identity_makes_its_evidence_the_persons_and_unlinking_undoes_it()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = await store.EnsurePersonAsync(Ada);
        var team = (await store.AddTeamAsync("platform", Monday))!;
        await store.ReplaceTeamPushedEvidenceAsync(team.Id, Push(Hit("async.queue", "app/main.py", 3, Stranger)), Monday);

        var linked = await store.LinkIdentityAsync(Stranger, ada.Id, Monday.AddDays(1));

        linked.LinkedTo.ShouldBe(Ada);
        linked.LinkedAt.ShouldBe(Monday.AddDays(1));
        (await store.FindPersonAsync(Stranger))!.Id.ShouldBe(ada.Id);
        (await store.ListCodeHitsAsync(new CodeHitQuery(Framework, (await store.GetPersonAsync(ada.Id))!.Emails))).Select(h => h.Author).ShouldBe([Stranger]);
        (await store.ListIdentitiesAsync(withLinked: false)).ShouldBeEmpty();
        (await store.ListIdentitiesAsync(withLinked: true)).ShouldHaveSingleItem().LinkedTo.ShouldBe(Ada);

        var unlinked = await store.UnlinkIdentityAsync(Stranger);

        unlinked.LinkedTo.ShouldBeNull();
        (await store.FindPersonAsync(Stranger)).ShouldBeNull();
        (await store.GetPersonAsync(ada.Id))!.Emails.ShouldBe([Ada]);
        (await store.ListIdentitiesAsync(withLinked: false)).ShouldHaveSingleItem().Hits.ShouldBe(1, "unlinking keeps the evidence, unclaimed");
    }

    [Fact]
    public async Task A_link_is_refused_for_someones_email_or_one_with_no_evidence_and_an_alias_is_not_unlinked()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = await store.EnsurePersonAsync(Ada);
        var bo = await store.EnsurePersonAsync("bo@example.org");
        var team = (await store.AddTeamAsync("platform", Monday))!;
        await store.ReplaceTeamPushedEvidenceAsync(team.Id, Push(Hit("async.queue", "app/main.py", 3, "bo@example.org")), Monday);

        (await Should.ThrowAsync<IdentityException>(async () => await store.LinkIdentityAsync("bo@example.org", ada.Id, Monday)))
            .Message.ShouldBe($"bo@example.org is not unclaimed: it is person {bo.Id}'s already");
        (await Should.ThrowAsync<IdentityException>(async () => await store.LinkIdentityAsync("nobody@example.org", ada.Id, Monday)))
            .Message.ShouldStartWith("no code evidence is written under nobody@example.org");
        (await Should.ThrowAsync<IdentityException>(async () => await store.UnlinkIdentityAsync("bo@example.org")))
            .Message.ShouldBe("bo@example.org was not linked by 'identity link'; nothing changed");
        (await store.FindPersonAsync("bo@example.org"))!.Id.ShouldBe(bo.Id);
        (await store.FindPersonAsync("nobody@example.org")).ShouldBeNull();
    }

    [Fact]
    public async Task A_team_push_token_is_a_push_token_of_its_team_and_stops_working_with_the_team()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = await store.EnsurePersonAsync(Ada);
        var team = (await store.AddTeamAsync("platform", Monday))!;

        var token = await store.AddTeamTokenAsync(team.Id, ada.Id, "github-ci", "hash-1", "sp_abc", Monday, null, CancellationToken.None);

        (token.Scope, token.TeamId, token.PersonId).ShouldBe((TokenScope.Push, (long?)team.Id, ada.Id));
        (await store.UseTokenAsync("hash-1", Monday, CancellationToken.None)).ShouldBeNull("the creator has no account: a team token still needs one to speak through");
        await store.AddUserAsync(Ada, AccountRole.Member, "pbkdf2-hash", false, Monday, CancellationToken.None);
        (await store.UseTokenAsync("hash-1", Monday, CancellationToken.None))!.Token.TeamId.ShouldBe(team.Id);
        await store.RemoveTeamAsync(team.Id);
        (await store.UseTokenAsync("hash-1", Monday.AddMinutes(5), CancellationToken.None)).ShouldBeNull();
        await Should.ThrowAsync<StoreException>(async () => await store.AddTeamTokenAsync(team.Id, ada.Id, "late", "hash-2", "sp_def", Monday, null, CancellationToken.None));
        using var raw = Harness.OpenRaw();
        raw.ExecuteScalar<string>("SELECT scope FROM access_tokens WHERE secret_hash = 'hash-1'").ShouldBe("push");
    }

    private sealed class IdentityComparer : IEqualityComparer<Identity>
    {
        public bool Equals(Identity? x, Identity? y) =>
            x is not null && y is not null && x with { Repositories = [] } == y with { Repositories = [] } && x.Repositories.SequenceEqual(y.Repositories);

        public int GetHashCode(Identity obj) => obj.Email.GetHashCode(StringComparison.Ordinal);
    }
}

public sealed class SqliteTeamPushStoreContractTests() : TeamPushStoreContractTests(new SqliteHarness());

public sealed class PostgresTeamPushStoreContractTests() : TeamPushStoreContractTests(new PostgresHarness());
