using Dapper;
using Skillprint.Core.Accounts;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What the store promises for accounts and tokens (migration 8), on each engine (the two
/// classes at the end): users belong to persons, tokens are kept by hash only and only their owner
/// (or an admin) revokes them, failed sign-ins lock an account.</summary>
public abstract class AccountStoreTests : IDisposable
{
    private const string Ada = "ada@example.org";
    private const string Bob = "bob@example.org";

    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);

    protected AccountStoreTests(EngineHarness harness)
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
    public async Task A_user_is_a_person_with_a_role_found_by_any_of_their_emails()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        store.ClaimEmail(Ada, "ada@work.example.org", merge: false);

        var ada = await store.AddUserAsync("ADA@example.org ", AccountRole.Admin, "hash-1", mustChangePassword: true, Monday, default);
        var again = await store.AddUserAsync(Ada, AccountRole.Member, "hash-2", mustChangePassword: false, Monday, default);
        var bob = await store.AddUserAsync(Bob, AccountRole.Member, "hash-3", mustChangePassword: false, Monday, default);

        ada.ShouldNotBeNull();
        ada.ShouldBe(new Account(store.FindPerson(Ada)!.Id, Ada, AccountRole.Admin, true, 0, null, Monday));
        again.ShouldBeNull("a person is a user once");
        bob.ShouldNotBeNull().PersonId.ShouldBe(store.FindPerson(Bob)!.Id, "an unknown email becomes a person");
        var byOtherEmail = await store.FindUserAsync("ada@work.example.org", default);
        byOtherEmail.ShouldNotBeNull().Account.ShouldBe(ada);
        byOtherEmail.PasswordHash.ShouldBe("hash-1");
        (await store.FindUserAsync("nobody@example.org", default)).ShouldBeNull();
        (await store.ListUsersAsync(default)).Select(a => a.Email).ShouldBe([Ada, Bob]);
        (await store.GetUserAsync(bob.PersonId, default)).ShouldBe(bob);
    }

    [Fact]
    public async Task The_failure_that_reaches_the_limit_locks_the_account_and_a_sign_in_clears_it()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = (await store.AddUserAsync(Ada, AccountRole.Member, "hash", false, Monday, default))!;
        var until = Monday.AddMinutes(15);

        (await store.RecordFailedSignInAsync(ada.PersonId, 3, until, default)).FailedSignIns.ShouldBe(1);
        (await store.RecordFailedSignInAsync(ada.PersonId, 3, until, default)).LockedUntil.ShouldBeNull();
        var locked = await store.RecordFailedSignInAsync(ada.PersonId, 3, until, default);

        locked.LockedUntil.ShouldBe(until);
        locked.FailedSignIns.ShouldBe(0);
        await store.RecordSignInAsync(ada.PersonId, default);
        var cleared = (await store.GetUserAsync(ada.PersonId, default))!;
        cleared.LockedUntil.ShouldBeNull();
        cleared.FailedSignIns.ShouldBe(0);
    }

    [Fact]
    public async Task A_token_is_kept_by_its_hash_found_while_active_and_revoked_only_by_its_owner_or_an_admin()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = (await store.AddUserAsync(Ada, AccountRole.Member, "hash", false, Monday, default))!;
        var bob = (await store.AddUserAsync(Bob, AccountRole.Member, "hash", false, Monday, default))!;
        var secret = Secrets.NewTokenSecret();

        var token = await store.AddTokenAsync(ada.PersonId, "laptop", TokenScope.Read, Secrets.HashToken(secret), Secrets.PrefixOf(secret), Monday, Monday.AddDays(30), default);

        token.ShouldBe(new AccessToken(token.Id, ada.PersonId, Ada, "laptop", TokenScope.Read, secret[..10], Monday, Monday.AddDays(30), null, null));
        using (var raw = Harness.OpenRaw())
        {
            var kept = raw.Query<string>("SELECT name || ' ' || secret_hash || ' ' || prefix FROM access_tokens").ShouldHaveSingleItem();
            kept.ShouldNotContain(secret, customMessage: "the secret itself is never stored");
        }

        var holder = await store.UseTokenAsync(Secrets.HashToken(secret), Monday.AddHours(1), default);
        holder.ShouldNotBeNull().Account.ShouldBe(ada);
        holder.Token.LastUsedAt.ShouldBe(Monday.AddHours(1));
        (await store.ListTokensAsync(ada.PersonId, default)).ShouldHaveSingleItem().LastUsedAt.ShouldBe(Monday.AddHours(1));
        (await store.UseTokenAsync(Secrets.HashToken(secret), Monday.AddDays(31), default)).ShouldBeNull("expired");
        (await store.UseTokenAsync(Secrets.HashToken(secret + "x"), Monday, default)).ShouldBeNull("unknown");

        (await store.RevokeTokenAsync(token.Id, bob.PersonId, Monday.AddHours(2), default)).ShouldBeNull("not Bob's token");
        (await store.UseTokenAsync(Secrets.HashToken(secret), Monday.AddHours(3), default)).ShouldNotBeNull();
        (await store.RevokeTokenAsync(token.Id, ada.PersonId, Monday.AddHours(4), default)).ShouldNotBeNull().RevokedAt.ShouldBe(Monday.AddHours(4));
        (await store.RevokeTokenAsync(token.Id, null, Monday.AddHours(5), default)).ShouldNotBeNull().RevokedAt.ShouldBe(Monday.AddHours(4), "the first revocation is kept");
        (await store.UseTokenAsync(Secrets.HashToken(secret), Monday.AddHours(6), default)).ShouldBeNull("revoked");
        (await store.ListTokensAsync(bob.PersonId, default)).ShouldBeEmpty();
        (await store.ListTokensAsync(null, default)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Account_operations_work_beside_the_store_s_own_connection_from_many_tasks()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = (await store.AddUserAsync(Ada, AccountRole.Member, "hash", false, Monday, default))!;

        var created = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            store.AddTokenAsync(ada.PersonId, $"t{i}", TokenScope.Write, $"hash-{i}", "sp_", Monday, null, default)));

        created.Select(t => t.Id).Distinct().Count().ShouldBe(16);
        (await store.ListTokensAsync(ada.PersonId, default)).Count.ShouldBe(16);
        store.ListPersons().ShouldHaveSingleItem().PrimaryEmail.ShouldBe(Ada);
    }
}

public sealed class SqliteAccountStoreTests() : AccountStoreTests(new SqliteHarness());

public sealed class PostgresAccountStoreTests() : AccountStoreTests(new PostgresHarness());
