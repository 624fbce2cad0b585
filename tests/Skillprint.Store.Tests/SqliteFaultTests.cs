using Dapper;
using Microsoft.Data.Sqlite;
using Skillprint.Core;
using Skillprint.Core.Status;
using Skillprint.Store.Engines;
using Skillprint.Store.Tests.Harness;

namespace Skillprint.Store.Tests;

/// <summary>What a person meets with a SQLite file: a missing folder, a damaged or foreign file,
/// a read-only file or folder. As root (where permission bits do not stop writes) the read-only
/// cases use chattr +i, which stops root too.</summary>
public sealed class SqliteFaultTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>A store whose last pages (self-assessments) are overwritten; its bytes after the damage.</summary>
    private byte[] StoreWithItsLastPagesOverwritten()
    {
        using (var store = SkillprintStore.Open(harness.Location))
        {
            for (var i = 0; i < 40; i++)
            {
                store.AddSelfAssessment(new SelfAssessment("ada@example.org", "python", $"topic-{i}", Level.Beginner, new string('x', 2000), Monday));
            }
        }

        using (var file = new FileStream(harness.DatabasePath, FileMode.Open, FileAccess.Write))
        {
            file.Position = file.Length - (8 * 4096);
            file.Write(Enumerable.Repeat((byte)0xA5, 8 * 4096).ToArray());
        }

        return File.ReadAllBytes(harness.DatabasePath);
    }

    [Fact]
    public void Opening_creates_the_missing_data_folder()
    {
        var location = StoreLocation.Sqlite(Path.Combine(harness.Folder, "a", "b", "c", "skillprint.db"));

        using var store = SkillprintStore.Open(location);

        File.Exists(location.Target).ShouldBeTrue();
        store.SchemaVersion.ShouldBe(SkillprintStore.LatestSchemaVersion);
    }

    [Fact]
    public void A_file_of_garbage_is_reported_as_not_a_skillprint_database_and_left_untouched()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(harness.DatabasePath)!);
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)((i * 37) + 11)).ToArray();
        File.WriteAllBytes(harness.DatabasePath, garbage);

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(harness.Location));

        error.Fault.ShouldBe(StoreFault.Corrupted);
        error.Message.ShouldBe($"{harness.DatabasePath} is not a Skillprint database or is corrupted");
        File.ReadAllBytes(harness.DatabasePath).ShouldBe(garbage);
    }

    [Fact]
    public void A_database_damaged_after_its_first_page_is_reported_as_corrupted()
    {
        using (var store = SkillprintStore.Open(harness.Location))
        {
            for (var i = 0; i < 20; i++)
            {
                store.AddSelfAssessment(new SelfAssessment("ada@example.org", "python", $"topic-{i}", Level.Beginner, new string('x', 2000), Monday));
            }
        }

        using (var file = new FileStream(harness.DatabasePath, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096; // page 1 (the schema) stays, every table page after it is overwritten
            var damage = Enumerable.Repeat((byte)0xA5, (int)file.Length - 4096).ToArray();
            file.Write(damage);
        }

        var error = Should.Throw<StoreException>(() =>
        {
            using var store = SkillprintStore.Open(harness.Location);
            store.GetSelfAssessments("ada@example.org", "python");
        });

        error.Fault.ShouldBe(StoreFault.Corrupted);
        error.Message.ShouldBe($"{harness.DatabasePath} is not a Skillprint database or is corrupted");
    }

    [Fact]
    public void A_database_with_damaged_pages_is_refused_when_opened_and_left_as_it_was()
    {
        // The settings table, written before the self-assessments, is intact: a write to it alone would go
        // through and mix new rows into a damaged file.
        var damaged = StoreWithItsLastPagesOverwritten();

        var error = Should.Throw<StoreException>(() =>
        {
            using var store = SkillprintStore.Open(harness.Location);
            store.SetSetting("written", "into a damaged file");
        });

        error.Fault.ShouldBe(StoreFault.Corrupted);
        error.Message.ShouldStartWith($"{harness.DatabasePath} is corrupted (SQLite's quick check: ");
        error.Message.ShouldEndWith("); nothing is written to it. Restore a backup or move the file away; 'skillprint db check' runs the full check");
        File.ReadAllBytes(harness.DatabasePath).ShouldBe(damaged);
    }

    [Fact]
    public void The_check_of_a_whole_database_finds_nothing_and_knows_its_schema_version()
    {
        using (var store = SkillprintStore.Open(harness.Location))
        {
            store.AddSelfAssessment(new SelfAssessment("ada@example.org", "python", "async", Level.Beginner, null, Monday));
        }

        var result = StoreCheck.Run(harness.Location);

        result.Problems.ShouldBeEmpty();
        result.Ok.ShouldBeTrue();
        result.Database.ShouldBe(harness.DatabasePath);
        result.SchemaVersion.ShouldBe(SkillprintStore.LatestSchemaVersion);
    }

    [Fact]
    public void The_check_of_a_damaged_database_lists_its_problems_and_changes_nothing()
    {
        var damaged = StoreWithItsLastPagesOverwritten();

        var result = StoreCheck.Run(harness.Location);

        result.Ok.ShouldBeFalse();
        result.Problems.ShouldNotBeEmpty();
        result.Problems.ShouldAllBe(problem => problem.Length > 0 && !problem.Contains('\n') && !problem.StartsWith("***"));
        File.ReadAllBytes(harness.DatabasePath).ShouldBe(damaged);
    }

    [Fact]
    public void The_check_of_a_missing_database_is_an_error_and_creates_nothing()
    {
        var error = Should.Throw<StoreException>(() => StoreCheck.Run(harness.Location));

        error.Message.ShouldBe($"there is no database at {harness.DatabasePath}");
        File.Exists(harness.DatabasePath).ShouldBeFalse();
    }

    [Fact]
    public void The_check_of_a_database_from_a_newer_skillprint_says_so()
    {
        using (var store = SkillprintStore.Open(harness.Location))
        {
            store.SetSetting("key", "value");
        }

        using (var raw = harness.OpenRaw())
        {
            raw.Execute("INSERT INTO schema_version (version, name) VALUES (999, 'from the future')");
        }

        var result = StoreCheck.Run(harness.Location);

        result.SchemaVersion.ShouldBe(999);
        result.Problems.ShouldBe([$"schema version 999 is newer than this Skillprint knows (up to {SkillprintStore.LatestSchemaVersion}); check it with a newer Skillprint"]);
    }

    [Fact]
    public void Another_programs_sqlite_database_is_not_taken_over()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(harness.DatabasePath)!);
        using (var other = harness.OpenRaw())
        {
            other.Execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')");
        }

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(harness.Location));

        error.Fault.ShouldBe(StoreFault.Corrupted);
        error.Message.ShouldBe($"{harness.DatabasePath} is not a Skillprint database or is corrupted");
        using var check = harness.OpenRaw();
        check.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ShouldBe(["notes"]);
    }

    [Fact]
    public void An_empty_file_becomes_a_new_store()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(harness.DatabasePath)!);
        File.WriteAllBytes(harness.DatabasePath, []);

        using var store = SkillprintStore.Open(harness.Location);

        store.SchemaVersion.ShouldBe(SkillprintStore.LatestSchemaVersion);
    }

    [Fact]
    public void A_folder_where_the_file_should_be_is_a_clear_error()
    {
        Directory.CreateDirectory(harness.DatabasePath);

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(harness.Location));

        error.Fault.ShouldBe(StoreFault.InvalidLocation);
        error.Message.ShouldBe($"{harness.DatabasePath} is a folder, not a database file");
    }

    [Fact]
    public void A_read_only_data_folder_without_a_database_cannot_be_written()
    {
        var folder = Path.GetDirectoryName(harness.DatabasePath)!;
        Directory.CreateDirectory(folder);

        StoreException error;
        using (SqliteHarness.MakeReadOnly(folder))
        {
            error = Should.Throw<StoreException>(() => SkillprintStore.Open(harness.Location));
        }

        error.Fault.ShouldBe(StoreFault.ReadOnly);
        error.Message.ShouldStartWith($"cannot write to {folder}: read-only");
        File.Exists(harness.DatabasePath).ShouldBeFalse();
    }

    [Fact]
    public void A_data_folder_that_cannot_be_created_is_reported_as_read_only()
    {
        var parent = harness.Folder;
        var location = StoreLocation.Sqlite(Path.Combine(parent, "skillprint", "skillprint.db"));

        StoreException error;
        using (SqliteHarness.MakeReadOnly(parent))
        {
            error = Should.Throw<StoreException>(() => SkillprintStore.Open(location));
        }

        error.Fault.ShouldBe(StoreFault.ReadOnly);
        error.Message.ShouldBe($"cannot write to {parent}: read-only (cannot create the folder {Path.Combine(parent, "skillprint")})");
    }

    [Fact]
    public void A_read_only_database_file_can_be_read_but_a_write_is_refused_and_nothing_is_lost()
    {
        using (var store = SkillprintStore.Open(harness.Location))
        {
            store.AddSelfAssessment(new SelfAssessment("ada@example.org", "python", "async", Level.Intermediate, null, Monday));
        }

        StoreException error;
        using (SqliteHarness.MakeReadOnly(harness.DatabasePath))
        {
            using var store = SkillprintStore.Open(harness.Location);
            store.GetCurrentLevels("ada@example.org", "python")["async"].Level.ShouldBe(Level.Intermediate);
            error = Should.Throw<StoreException>(() =>
                store.AddSelfAssessment(new SelfAssessment("ada@example.org", "python", "async", Level.Expert, null, Monday.AddDays(1))));
        }

        error.Fault.ShouldBe(StoreFault.ReadOnly);
        error.Message.ShouldBe($"cannot write to {harness.DatabasePath}: read-only");
        using var reopened = SkillprintStore.Open(harness.Location);
        reopened.GetSelfAssessments("ada@example.org", "python").ShouldHaveSingleItem().Level.ShouldBe(Level.Intermediate);
    }

    [Fact]
    public void A_database_in_a_read_only_folder_can_be_read_but_a_write_is_refused()
    {
        using (var store = SkillprintStore.Open(harness.Location))
        {
            store.AddSelfAssessment(new SelfAssessment("ada@example.org", "python", "async", Level.Intermediate, null, Monday));
        }

        var folder = Path.GetDirectoryName(harness.DatabasePath)!;
        StoreException error;
        using (SqliteHarness.MakeReadOnly(folder))
        {
            using var store = SkillprintStore.Open(harness.Location);
            store.GetCurrentLevels("ada@example.org", "python")["async"].Level.ShouldBe(Level.Intermediate);
            error = Should.Throw<StoreException>(() =>
                store.AddSelfAssessment(new SelfAssessment("ada@example.org", "python", "async", Level.Expert, null, Monday.AddDays(1))));
        }

        error.Fault.ShouldBe(StoreFault.ReadOnly);
        error.Message.ShouldStartWith($"cannot write to {folder}: read-only");
        using var reopened = SkillprintStore.Open(harness.Location);
        reopened.GetSelfAssessments("ada@example.org", "python").ShouldHaveSingleItem().Level.ShouldBe(Level.Intermediate);
    }

    [Fact]
    public void The_default_busy_timeout_is_a_few_seconds_and_bounds_the_wait_for_a_lock()
    {
        StoreLocation.DefaultBusyTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        var location = StoreLocation.Sqlite(harness.DatabasePath);
        location.BusyTimeout.ShouldBe(StoreLocation.DefaultBusyTimeout);

        using var store = SkillprintStore.Open(location);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (harness.HoldWriteLock())
        {
            Should.Throw<StoreException>(() => store.SetSetting("key", "value")).Fault.ShouldBe(StoreFault.Locked);
        }

        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(4.5));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void Opening_a_new_store_while_another_process_is_creating_it_reports_the_lock()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(harness.DatabasePath)!);
        using (harness.OpenRaw())
        {
            // The file exists and is empty: a first open has to migrate, and another process holds the lock.
        }

        using var holder = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False");
        holder.Open();
        holder.Execute("BEGIN IMMEDIATE; CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)");

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(harness.Location));

        error.Fault.ShouldBe(StoreFault.Locked);
        error.Message.ShouldStartWith($"the database at {harness.DatabasePath} is locked by another process");
    }

    [Fact]
    public void A_store_stamped_as_checked_and_damaged_right_after_is_refused()
    {
        using (var store = SkillprintStore.Open(harness.Location))
        {
            store.SetSetting("written", "by Skillprint");
        }

        CheckedStamp.Holds(harness.DatabasePath).ShouldBeTrue();
        var damaged = StoreWithItsLastPagesOverwritten();

        CheckedStamp.Holds(harness.DatabasePath).ShouldBeFalse();
        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(harness.Location));
        error.Message.ShouldStartWith($"{harness.DatabasePath} is corrupted (SQLite's quick check: ");
        File.ReadAllBytes(harness.DatabasePath).ShouldBe(damaged);
    }

    [Fact]
    public void An_unchanged_store_is_not_read_through_again_but_db_check_still_reads_it()
    {
        // Damage written with the file's size, inode and time put back: the one change the stamp
        // cannot see (git's index has the same limit). Opening trusts the stamp; db check does not.
        StoreWithItsLastPagesOverwritten();
        DamageKeepingTheStamp();

        using (var store = SkillprintStore.Open(harness.Location))
        {
            store.SchemaVersion.ShouldBe(SkillprintStore.LatestSchemaVersion);
        }

        StoreCheck.Run(harness.Location).Problems.ShouldNotBeEmpty();
    }

    public static TheoryData<string> StampsNotToTrust() => ["no side file", "garbage", "another size", "side file not newer than the store"];

    [Theory]
    [MemberData(nameof(StampsNotToTrust))]
    public void A_stamp_that_does_not_hold_makes_the_check_run(string what)
    {
        StoreWithItsLastPagesOverwritten();
        DamageKeepingTheStamp();
        var side = CheckedStamp.SideFile(harness.DatabasePath);
        switch (what)
        {
            case "no side file":
                File.Delete(side);
                break;
            case "garbage":
                File.WriteAllText(side, "skillprint-quick-check 1 x y z\n");
                break;
            case "another size":
                var parts = File.ReadAllText(side).Split(' ');
                parts[2] = (long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 4096).ToString(System.Globalization.CultureInfo.InvariantCulture);
                File.WriteAllText(side, string.Join(' ', parts));
                break;
            default:
                File.SetLastWriteTimeUtc(side, File.GetLastWriteTimeUtc(harness.DatabasePath).AddSeconds(-1));
                break;
        }

        var error = Should.Throw<StoreException>(() => SkillprintStore.Open(harness.Location));
        error.Fault.ShouldBe(StoreFault.Corrupted);
    }

    /// <summary>After <see cref="StoreWithItsLastPagesOverwritten"/> (which stamped the whole store
    /// before damaging it): the store's modification time put back to the stamped one, to the
    /// nanosecond, with touch(1).</summary>
    private void DamageKeepingTheStamp()
    {
        var stamped = File.ReadAllText(CheckedStamp.SideFile(harness.DatabasePath)).Split(' ');
        var nanoseconds = long.Parse(stamped[3], System.Globalization.CultureInfo.InvariantCulture);
        var touch = System.Diagnostics.Process.Start("touch", ["-m", "-d", $"@{nanoseconds / 1_000_000_000}.{nanoseconds % 1_000_000_000:D9}", harness.DatabasePath])!;
        touch.WaitForExit();
        touch.ExitCode.ShouldBe(0);
        CheckedStamp.Holds(harness.DatabasePath).ShouldBeTrue();
    }
}
