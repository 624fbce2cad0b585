using Skillprint.Core.People;
using Skillprint.Core.Evidence;
using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Skillprint.Core;
using Skillprint.Core.Status;
using Skillprint.Store.Migrations;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What the store promises, run against each engine (see the two classes at the end).</summary>
public abstract class StoreContractTests : IDisposable
{
    private const string Framework = "python";
    private const string Ada = "ada@example.org";

    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 30, TimeSpan.Zero);

    protected StoreContractTests(EngineHarness harness)
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
    public void A_new_store_is_at_the_latest_schema_version()
    {
        using var store = SkillprintStore.Open(Harness.Location);

        store.SchemaVersion.ShouldBe(SkillprintStore.LatestSchemaVersion);
        using var raw = Harness.OpenRaw();
        raw.Query<int>("SELECT version FROM schema_version ORDER BY version")
            .ShouldBe(Enumerable.Range(1, SkillprintStore.LatestSchemaVersion));
    }

    [Fact]
    public void A_self_assessment_reads_back_equal()
    {
        var at = new DateTimeOffset(2025, 3, 3, 11, 15, 30, TimeSpan.FromHours(2)).AddTicks(1234560);
        var assessment = new SelfAssessment(Ada, Framework, "async", Level.Advanced, "wrote the crawler", at);

        using (var store = SkillprintStore.Open(Harness.Location))
        {
            store.AddSelfAssessment(assessment).ShouldBe(assessment);
        }

        using var reopened = SkillprintStore.Open(Harness.Location);
        var read = reopened.GetSelfAssessments(Ada, Framework).ShouldHaveSingleItem();
        read.ShouldBe(assessment);
        read.At.Offset.ShouldBe(TimeSpan.Zero);
        read.At.UtcDateTime.ShouldBe(new DateTime(2025, 3, 3, 9, 15, 30, DateTimeKind.Utc).AddTicks(1234560));
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond()
    {
        var at = Monday.AddTicks(1234567); // 123456.7 microseconds past the second

        using var store = SkillprintStore.Open(Harness.Location);
        var stored = store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, null, at));

        stored.At.ShouldBe(Monday.AddTicks(1234560));
        store.GetSelfAssessments(Ada, Framework).Single().At.ShouldBe(Monday.AddTicks(1234560));
    }

    [Fact]
    public void Self_assessments_keep_their_history_oldest_first_and_the_latest_is_current()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Intermediate, "second", Monday.AddDays(7)));
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, "first", Monday));
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "typing", Level.Expert, null, Monday.AddDays(1)));
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Advanced, "third", Monday.AddDays(30)));
        store.AddSelfAssessment(new SelfAssessment(Ada, "rust", "async", Level.None, null, Monday.AddDays(40)));
        store.AddSelfAssessment(new SelfAssessment("bob@example.org", Framework, "async", Level.Expert, null, Monday.AddDays(50)));

        store.GetSelfAssessments(Ada, Framework, "async").Select(a => a.Note).ShouldBe(["first", "second", "third"]);
        store.GetSelfAssessments(Ada, Framework).Count.ShouldBe(4);

        var current = store.GetCurrentLevels(Ada, Framework);
        current.Keys.Order(StringComparer.Ordinal).ShouldBe(["async", "typing"]);
        current["async"].Level.ShouldBe(Level.Advanced);
        current["typing"].Level.ShouldBe(Level.Expert);
        store.GetCurrentLevels(Ada, "rust")["async"].Level.ShouldBe(Level.None);
    }

    [Fact]
    public void Two_assessments_at_the_same_moment_keep_the_order_they_were_made_in()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, null, Monday));
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Expert, null, Monday));

        store.GetCurrentLevels(Ada, Framework)["async"].Level.ShouldBe(Level.Expert);
    }

    [Fact]
    public void An_unknown_person_has_no_assessments_and_no_evidence_and_reading_creates_nobody()
    {
        using var store = SkillprintStore.Open(Harness.Location);

        store.GetSelfAssessments("nobody@example.org", Framework).ShouldBeEmpty();
        store.GetCurrentLevels("nobody@example.org", Framework).ShouldBeEmpty();
        store.ListManualEvidence("nobody@example.org", Framework).ShouldBeEmpty();
        store.FindPerson("nobody@example.org").ShouldBeNull();
        store.ListPersons().ShouldBeEmpty();
    }

    [Fact]
    public void Manual_evidence_round_trips_filters_by_topic_and_is_removed_but_kept()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var talk = new ManualEvidence(0, Ada, Framework, "async", "asyncio-queue", "https://example.org/talk", "PyCon talk", Monday);
        var course = new ManualEvidence(0, Ada, Framework, "typing", null, null, "course", Monday.AddDays(2));
        var talkId = store.AddManualEvidence(talk);
        var courseId = store.AddManualEvidence(course);

        talkId.ShouldNotBe(courseId);
        store.ListManualEvidence(Ada, Framework).ShouldBe([talk with { Id = talkId }, course with { Id = courseId }]);
        store.ListManualEvidence(Ada, Framework, "typing").ShouldBe([course with { Id = courseId }]);
        store.ListManualEvidence(Ada, "rust").ShouldBeEmpty();

        store.RemoveManualEvidence(Ada, talkId, Monday.AddDays(3)).Outcome.ShouldBe(EvidenceOutcome.Done);
        store.RemoveManualEvidence(Ada, talkId, Monday.AddDays(4)).Outcome.ShouldBe(EvidenceOutcome.Unchanged);
        store.RemoveManualEvidence(Ada, 987654, Monday.AddDays(4)).Outcome.ShouldBe(EvidenceOutcome.NotFound);
        store.ListManualEvidence(Ada, Framework).ShouldBe([course with { Id = courseId }]);

        using var raw = Harness.OpenRaw();
        raw.ExecuteScalar<long>("SELECT COUNT(*) FROM manual_evidence WHERE removed_at IS NOT NULL").ShouldBe(1);
    }

    [Fact]
    public void Opening_without_migrating_refuses_an_older_schema_and_changes_nothing()
    {
        // A server opens a shared database with OpenExisting: it never migrates it by surprise.
        using (SkillprintStore.Open(Harness.Location, Migrations.MigrationCatalog.All.Take(2).ToList()))
        {
        }

        var error = Should.Throw<StoreException>(() => SkillprintStore.OpenExisting(Harness.Location));

        error.Fault.ShouldBe(StoreFault.NeedsMigration);
        error.Message.ShouldContain($"is at schema version 2 and this Skillprint needs {SkillprintStore.LatestSchemaVersion}; run 'skillprint db migrate' first");
        SkillprintStore.ReadSchemaVersion(Harness.Location).ShouldBe(2);

        using (var migrated = SkillprintStore.Open(Harness.Location))
        {
            migrated.SchemaVersion.ShouldBe(SkillprintStore.LatestSchemaVersion);
        }

        using var existing = SkillprintStore.OpenExisting(Harness.Location);
        existing.SchemaVersion.ShouldBe(SkillprintStore.LatestSchemaVersion);
    }

    [Fact]
    public void A_person_is_found_by_any_email_in_any_case()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var ada = store.EnsurePerson("Ada@Example.org ");

        ada.PrimaryEmail.ShouldBe(Ada);
        store.EnsurePerson("ADA@example.org").ShouldBe(ada);
        store.FindPerson(Ada).ShouldBe(ada);

        var joined = store.ClaimEmail(Ada, "ada.lovelace@work.example", merge: false).Person;
        joined.Id.ShouldBe(ada.Id);
        joined.Emails.ShouldBe([Ada, "ada.lovelace@work.example"]);
        store.FindPerson("Ada.Lovelace@work.example").ShouldBe(joined);
        store.ListPersons().ShouldBe([joined]);
    }

    [Fact]
    public void Joining_two_persons_joins_their_histories_and_keeps_the_first_primary_email()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        const string work = "ada@work.example";
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, "home", Monday));
        store.AddSelfAssessment(new SelfAssessment(work, Framework, "async", Level.Advanced, "work", Monday.AddDays(1)));
        store.AddManualEvidence(new ManualEvidence(0, work, Framework, "async", null, null, "talk", Monday));
        store.ListPersons().Count.ShouldBe(2);

        var joined = store.ClaimEmail(Ada, work, merge: true).Person;

        joined.Emails.ShouldBe([Ada, work]);
        store.ListPersons().ShouldBe([joined]);
        store.GetSelfAssessments(work, Framework).Select(a => (a.Person, a.Note)).ShouldBe([(Ada, "home"), (Ada, "work")]);
        store.GetCurrentLevels(Ada, Framework)["async"].Level.ShouldBe(Level.Advanced);
        store.ListManualEvidence(Ada, Framework).ShouldHaveSingleItem().Note.ShouldBe("talk");
        store.ClaimEmail(work, Ada, merge: false).Outcome.ShouldBe(ClaimOutcome.AlreadyYours);
    }

    [Fact]
    public void Claiming_an_email_of_a_person_with_data_is_refused_without_merge_and_unclaim_undoes_a_claim()
    {
        // Regression: `person alias EMAIL --person B`, EMAIL being A's, merged A into B silently.
        using var store = SkillprintStore.Open(Harness.Location);
        const string bo = "bo@example.org";
        store.AddSelfAssessment(new SelfAssessment(bo, Framework, "async", Level.Advanced, "mine", Monday));
        store.AddManualEvidence(new ManualEvidence(0, bo, Framework, "async", null, null, "talk", Monday));

        var refused = store.ClaimEmail(Ada, bo, merge: false);

        refused.Outcome.ShouldBe(ClaimOutcome.Refused);
        refused.Owner!.PrimaryEmail.ShouldBe(bo);
        refused.Held.ShouldBe(new Dictionary<string, int> { ["manual_evidence"] = 1, ["self_assessments"] = 1 });
        store.ListPersons().Count.ShouldBe(2);
        store.GetSelfAssessments(bo, Framework).ShouldHaveSingleItem().Person.ShouldBe(bo);

        // An email whose person holds nothing is simply claimed, and can be given back.
        store.EnsurePerson("ada@old.example");
        store.ClaimEmail(Ada, "ada@old.example", merge: false).Outcome.ShouldBe(ClaimOutcome.Claimed);
        store.FindPerson("ada@old.example")!.PrimaryEmail.ShouldBe(Ada);
        store.UnclaimEmail(Ada, "ada@old.example").Outcome.ShouldBe(ClaimOutcome.Unclaimed);
        store.FindPerson("ada@old.example").ShouldBeNull();
        store.UnclaimEmail(Ada, Ada).Outcome.ShouldBe(ClaimOutcome.Refused);
        store.UnclaimEmail(Ada, bo).Outcome.ShouldBe(ClaimOutcome.NotYours);

        var merged = store.ClaimEmail(Ada, bo, merge: true);
        merged.Outcome.ShouldBe(ClaimOutcome.Merged);
        merged.Person.Emails.ShouldBe([Ada, bo]);
        store.GetSelfAssessments(Ada, Framework).ShouldHaveSingleItem().Note.ShouldBe("mine");
    }

    [Fact]
    public void Every_table_that_refers_to_a_person_is_moved_when_persons_are_joined()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        using var db = store.Connect();

        db.TablesWithColumn("person_id").ShouldBe(SkillprintStore.PersonTables.Order(StringComparer.Ordinal), ignoreOrder: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two words@example.org")]
    public void A_bad_email_is_a_clear_store_error(string email)
    {
        using var store = SkillprintStore.Open(Harness.Location);

        var error = Should.Throw<StoreException>(() => store.EnsurePerson(email));
        error.Fault.ShouldBe(StoreFault.InvalidInput);
        error.Message.ShouldBe($"'{email}' is not an email address");
        Should.Throw<StoreException>(() =>
            store.AddSelfAssessment(new SelfAssessment(email, Framework, "async", Level.Beginner, null, Monday)));
        store.ListPersons().ShouldBeEmpty();
    }

    [Fact]
    public void Settings_are_set_replaced_and_removed()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        store.GetSetting("default-person").ShouldBeNull();

        store.SetSetting("default-person", Ada);
        store.SetSetting("default-person", "bob@example.org");
        store.GetSetting("default-person").ShouldBe("bob@example.org");

        store.SetSetting("default-person", null);
        store.GetSetting("default-person").ShouldBeNull();
    }

    [Fact]
    public void Reopening_applies_no_migration_twice_and_keeps_the_data()
    {
        using (var store = SkillprintStore.Open(Harness.Location))
        {
            store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, null, Monday));
        }

        for (var i = 0; i < 3; i++)
        {
            using var again = SkillprintStore.Open(Harness.Location);
            again.SchemaVersion.ShouldBe(SkillprintStore.LatestSchemaVersion);
            again.GetSelfAssessments(Ada, Framework).Count.ShouldBe(1);
        }

        using var raw = Harness.OpenRaw();
        raw.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_version").ShouldBe(SkillprintStore.LatestSchemaVersion);
    }

    [Fact]
    public void A_database_from_a_newer_skillprint_is_refused_and_left_alone()
    {
        using (var store = SkillprintStore.Open(Harness.Location))
        {
            store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, null, Monday));
        }

        var newer = SkillprintStore.LatestSchemaVersion + 7;
        using (var raw = Harness.OpenRaw())
        {
            raw.Execute("INSERT INTO schema_version (version, name) VALUES (@newer, 'from the future')", new { newer });
        }

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(Harness.Location));

        error.Fault.ShouldBe(StoreFault.TooNew);
        error.Message.ShouldBe(
            $"the database at {Harness.Location.Display} has schema version {newer}, but this Skillprint knows "
            + $"versions up to {SkillprintStore.LatestSchemaVersion}; open it with a newer Skillprint");
        using var check = Harness.OpenRaw();
        check.ExecuteScalar<long>("SELECT COUNT(*) FROM self_assessments").ShouldBe(1);
    }

    [Fact]
    public void A_failed_migration_leaves_the_previous_version_whole()
    {
        using (var store = SkillprintStore.Open(Harness.Location))
        {
            store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, null, Monday));
        }

        var next = SkillprintStore.LatestSchemaVersion + 1;
        const string broken = """
            CREATE TABLE half_made (id integer);
            INSERT INTO half_made (id) VALUES (1);
            UPDATE self_assessments SET note = 'changed by a broken migration';
            INSERT INTO no_such_table (id) VALUES (1);
            """;
        var migrations = MigrationCatalog.All.Append(new Migration(next, "broken", broken, broken)).ToList();

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(Harness.Location, migrations));

        error.Fault.ShouldBe(StoreFault.MigrationFailed);
        error.Message.ShouldStartWith(
            $"could not upgrade the database at {Harness.Location.Display} to schema version {next} (broken): ");
        error.Message.ShouldEndWith($"; it stays at version {SkillprintStore.LatestSchemaVersion}");
        error.Message.ShouldNotContain("\n");
        using (var raw = Harness.OpenRaw())
        {
            raw.ExecuteScalar<int>("SELECT MAX(version) FROM schema_version").ShouldBe(SkillprintStore.LatestSchemaVersion);
            TableExists(raw, "half_made").ShouldBeFalse();
        }

        using var reopened = SkillprintStore.Open(Harness.Location);
        reopened.GetSelfAssessments(Ada, Framework).ShouldHaveSingleItem().Note.ShouldBeNull();
    }

    [Fact]
    public void A_write_that_fails_half_way_leaves_no_rows_behind()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, null, Monday));

        Should.Throw<InvalidOperationException>(() => store.Write<int>((db, transaction) =>
        {
            var person = SkillprintStore.EnsurePersonIdAsync(db, "bob@example.org", transaction).GetAwaiter().GetResult();
            db.Connection.Execute(
                "INSERT INTO self_assessments (person_id, framework, topic, level, at) VALUES (@person, 'python', 'async', 'Expert', @at)",
                new { person, at = db.Time(Monday) },
                transaction);
            throw new InvalidOperationException("the process dies here");
        }));

        store.FindPerson("bob@example.org").ShouldBeNull();
        using var raw = Harness.OpenRaw();
        raw.ExecuteScalar<long>("SELECT COUNT(*) FROM self_assessments").ShouldBe(1);
        raw.ExecuteScalar<long>("SELECT COUNT(*) FROM persons").ShouldBe(1);
    }

    [Fact]
    public void A_writer_killed_mid_transaction_leaves_the_last_complete_state()
    {
        using (var store = SkillprintStore.Open(Harness.Location))
        {
            store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, null, Monday));
            store.SetSetting("kept", "yes");
        }

        var left = Harness.KillWriterMidTransaction(
            """
            INSERT INTO settings (key, value)
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
            SELECT 'partial-' || i, 'a value long enough to fill pages quickly, row ' || i FROM n
            """);

        using var reopened = SkillprintStore.Open(Harness.Location);
        using (var raw = Harness.OpenRaw())
        {
            raw.ExecuteScalar<long>("SELECT COUNT(*) FROM settings WHERE key LIKE 'partial-%'").ShouldBe(0, left);
        }

        reopened.GetSetting("kept").ShouldBe("yes");
        reopened.GetSelfAssessments(Ada, Framework).Count.ShouldBe(1);
        reopened.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Advanced, null, Monday.AddDays(1)));
        reopened.GetCurrentLevels(Ada, Framework)["async"].Level.ShouldBe(Level.Advanced);
    }

    [Fact]
    public void A_write_while_another_process_holds_the_lock_fails_within_the_busy_timeout()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Beginner, null, Monday));

        StoreException error;
        var clock = Stopwatch.StartNew();
        using (Harness.HoldWriteLock())
        {
            error = Should.Throw<StoreException>(() =>
                store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Expert, null, Monday.AddDays(1))));
        }

        clock.Stop();
        error.Fault.ShouldBe(StoreFault.Locked);
        error.Message.ShouldStartWith($"the database at {Harness.Location.Display} is locked by another process");
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(EngineHarness.TestBusyTimeout * 0.9);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));

        // Reads go on while the lock is held, and the write succeeds once it is released.
        store.GetCurrentLevels(Ada, Framework)["async"].Level.ShouldBe(Level.Beginner);
        store.AddSelfAssessment(new SelfAssessment(Ada, Framework, "async", Level.Expert, null, Monday.AddDays(1)));
        store.GetCurrentLevels(Ada, Framework)["async"].Level.ShouldBe(Level.Expert);
    }

    [Fact]
    public void The_scan_tables_hold_hits_and_drop_them_with_their_file()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        using var raw = Harness.OpenRaw();
        using var db = store.Connect();
        var at = db.Time(Monday);
        var repository = raw.ExecuteScalar<long>(
            "INSERT INTO repositories (root, name, kind, added_at) VALUES ('/src/domus', 'domus', 'git', @at) RETURNING id",
            new { at });
        var scan = raw.ExecuteScalar<long>(
            "INSERT INTO scans (repository_id, framework, state, started_at) VALUES (@repository, 'python', 'running', @at) RETURNING id",
            new { repository, at });
        var file = raw.ExecuteScalar<long>(
            "INSERT INTO files (repository_id, path, content_hash, size, scan_id) VALUES (@repository, 'app/main.py', 'abc', 120, @scan) RETURNING id",
            new { repository, scan });
        raw.Execute(
            """
            INSERT INTO hits (file_id, framework, topic, skill, line, end_line, snippet, author_email, commit_id, committed_at)
            VALUES (@file, 'python', 'async', 'asyncio-gather', 12, 14, 'await asyncio.gather(a, b)', @Ada, 'deadbeef', @at)
            """,
            new { file, Ada, at });

        Should.Throw<DbException>(() => raw.Execute(
            "INSERT INTO files (repository_id, path, content_hash, size, scan_id) VALUES (@repository, 'app/main.py', 'def', 1, @scan)",
            new { repository, scan }));
        raw.Execute("DELETE FROM files WHERE id = @file", new { file });
        raw.ExecuteScalar<long>("SELECT COUNT(*) FROM hits").ShouldBe(0);
    }

    [Fact]
    public void The_growth_tables_keep_roles_marks_and_reviews_and_refuse_unknown_values()
    {
        using var store = SkillprintStore.Open(Harness.Location);
        var person = store.EnsurePerson(Ada).Id.Value;
        using var raw = Harness.OpenRaw();
        using var db = store.Connect();
        var at = db.Time(Monday);
        raw.Execute(
            "INSERT INTO person_roles (person_id, framework, role, set_at) VALUES (@person, 'python', 'backend-developer', @at)",
            new { person, at });
        raw.Execute(
            "INSERT INTO progress_marks (person_id, framework, item, status, at) VALUES (@person, 'python', 'async', 'done', @at)",
            new { person, at });
        raw.Execute(
            """
            INSERT INTO card_reviews (person_id, framework, card, rating, reviewed_at, due_after, state_before, state_after)
            VALUES (@person, 'python', 'async-001', 3, @at, @at, '{}', '{"stability": 2.3}')
            """,
            new { person, at });

        Should.Throw<DbException>(() => raw.Execute(
            "INSERT INTO progress_marks (person_id, framework, item, status, at) VALUES (@person, 'python', 'async', 'finished', @at)",
            new { person, at }));
        Should.Throw<DbException>(() => raw.Execute(
            "INSERT INTO card_reviews (person_id, framework, card, rating, reviewed_at, due_after, state_before, state_after) VALUES (@person, 'python', 'c', 5, @at, @at, '{}', '{}')",
            new { person, at }));
        raw.ExecuteScalar<long>("SELECT COUNT(*) FROM progress_marks").ShouldBe(1);
        raw.ExecuteScalar<long>("SELECT COUNT(*) FROM card_reviews").ShouldBe(1);
    }

    private static bool TableExists(DbConnection connection, string table) =>
        connection.ExecuteScalar<long>(
            connection is Microsoft.Data.Sqlite.SqliteConnection
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @table",
            new { table }) > 0;
}

public sealed class SqliteStoreTests() : StoreContractTests(new SqliteHarness());

public sealed class PostgresStoreTests() : StoreContractTests(new PostgresHarness());
