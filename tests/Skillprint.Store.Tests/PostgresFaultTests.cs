using Skillprint.Core.People;
using Npgsql;
using Skillprint.Core;
using Skillprint.Core.Status;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What a person meets with PostgreSQL: a server that is not there, a database or schema
/// that does not exist, a session that may only read.</summary>
public sealed class PostgresFaultTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly PostgresHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void A_server_that_is_not_listening_is_reported_as_unreachable()
    {
        // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
        var location = StoreLocation.Postgres("Host=127.0.0.1;Port=1;Username=postgres;Timeout=5");

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(location));

        error.Fault.ShouldBe(StoreFault.Unreachable);
        error.Message.ShouldStartWith("cannot reach PostgreSQL at 127.0.0.1:1: ");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void The_check_of_a_server_that_answers_knows_the_schema_version()
    {
        using (var store = SkillprintStore.Open(harness.Location))
        {
            store.SetSetting("key", "value");
        }

        var result = StoreCheck.Run(harness.Location);

        result.Problems.ShouldBeEmpty();
        result.Engine.ShouldBe(StoreEngine.Postgres);
        result.SchemaVersion.ShouldBe(SkillprintStore.LatestSchemaVersion);
    }

    [Fact]
    public void The_check_of_a_schema_without_skillprint_tables_says_so_and_of_no_server_fails()
    {
        StoreCheck.Run(harness.Location).Problems.ShouldBe(["it holds no Skillprint schema (there is no schema_version table)"]);

        var error = Should.Throw<StoreException>(() => StoreCheck.Run(StoreLocation.Postgres("Host=127.0.0.1;Port=1;Username=postgres;Timeout=5")));
        error.Fault.ShouldBe(StoreFault.Unreachable);
    }

    [Fact]
    public void A_database_that_does_not_exist_is_named()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresHarness.ServerConnectionString()) { Database = "no_such_database_here" };

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(StoreLocation.Postgres(builder.ConnectionString)));

        error.Fault.ShouldBe(StoreFault.InvalidLocation);
        error.Message.ShouldEndWith(": database \"no_such_database_here\" does not exist");
    }

    [Fact]
    public void A_search_path_naming_no_schema_is_named()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresHarness.ServerConnectionString()) { SearchPath = "no_such_schema_here" };

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(StoreLocation.Postgres(builder.ConnectionString)));

        error.Fault.ShouldBe(StoreFault.InvalidLocation);
        error.Message.ShouldEndWith("the schema 'no_such_schema_here' does not exist; create it or change Search Path");
    }

    [Fact]
    public void A_read_only_session_can_read_but_a_write_is_refused_and_nothing_is_lost()
    {
        using (var store = SkillprintStore.Open(harness.Location))
        {
            store.AddSelfAssessment(new SelfAssessment("ada@example.org", "python", "async", Level.Intermediate, null, Monday));
        }

        var readOnly = new NpgsqlConnectionStringBuilder(harness.ConnectionString) { Options = "-c default_transaction_read_only=on" };
        var location = StoreLocation.Postgres(readOnly.ConnectionString);
        StoreException error;
        using (var store = SkillprintStore.Open(location))
        {
            store.GetCurrentLevels("ada@example.org", "python")["async"].Level.ShouldBe(Level.Intermediate);
            error = Should.Throw<StoreException>(() =>
                store.AddSelfAssessment(new SelfAssessment("ada@example.org", "python", "async", Level.Expert, null, Monday.AddDays(1))));
        }

        error.Fault.ShouldBe(StoreFault.ReadOnly);
        error.Message.ShouldBe($"cannot write to {location.Display}: read-only");
        using var reopened = SkillprintStore.Open(harness.Location);
        reopened.GetSelfAssessments("ada@example.org", "python").ShouldHaveSingleItem().Level.ShouldBe(Level.Intermediate);
    }

    [Fact]
    public async Task Two_sessions_adding_the_same_new_person_end_with_one_person()
    {
        using var store = SkillprintStore.Open(harness.Location);
        using var other = (NpgsqlConnection)harness.OpenRaw();
        using (var begin = new NpgsqlCommand(
            """
            BEGIN;
            INSERT INTO persons (primary_email) VALUES ('ada@example.org');
            INSERT INTO person_emails (email, person_id) SELECT 'ada@example.org', id FROM persons;
            """,
            other))
        {
            begin.ExecuteNonQuery();
        }

        // The store's insert waits on the other session's uncommitted row, which then commits.
        var adding = Task.Run(() => store.AddSelfAssessment(
            new SelfAssessment("ada@example.org", "python", "async", Level.Beginner, null, Monday)));
        await Task.Delay(300);
        using (var commit = new NpgsqlCommand("COMMIT", other))
        {
            commit.ExecuteNonQuery();
        }

        await adding.WaitAsync(TimeSpan.FromSeconds(10));
        store.ListPersons().ShouldHaveSingleItem().PrimaryEmail.ShouldBe("ada@example.org");
        store.GetSelfAssessments("ada@example.org", "python").ShouldHaveSingleItem();
    }

    [Fact]
    public void Each_test_schema_holds_its_own_tables()
    {
        using var store = SkillprintStore.Open(harness.Location);
        using var raw = harness.OpenRaw();
        using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name = 'schema_version'",
            (NpgsqlConnection)raw);
        command.Parameters.AddWithValue("schema", harness.Schema);

        ((long)command.ExecuteScalar()!).ShouldBe(1);
        store.Location.Display.ShouldEndWith($"(schema {harness.Schema})");
    }
}
