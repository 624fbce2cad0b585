using System.Data.Common;
using System.Diagnostics.Metrics;
using Dapper;
using Skillprint.Core;
using Skillprint.Core.Audit;
using Skillprint.Core.Evidence;
using Skillprint.Core.Growth;
using Skillprint.Core.People;
using Skillprint.Core.Status;
using Skillprint.Store.Engines;
using Skillprint.Store.Migrations;

namespace Skillprint.Store;

/// <summary>The one database of Skillprint: people and their emails, self-assessments and manual
/// evidence (and, in the schema already, scans and practice). Open it with <see cref="Open"/>;
/// every failure is a <see cref="StoreException"/> with a one-line message. Every write that spans
/// rows is one transaction. Each operation takes a pooled connection of its own, so one store may
/// be shared between threads and requests.
/// Times are kept in UTC to the microsecond.</summary>
public sealed partial class SkillprintStore : IGrowthStore, IPeopleStore, IDisposable, IAsyncDisposable
{
    /// <summary>Every table with a person_id column; joining two persons moves their rows.
    /// (audit_events names persons as subject_id and actor_id; a merge moves those too, but they are
    /// no data a person holds, so they never stop a merge.)</summary>
    internal static readonly string[] PersonTables =
        ["person_emails", "self_assessments", "manual_evidence", "person_roles", "progress_marks", "card_reviews", "hit_dismissals", "users", "access_tokens", "team_people", "identity_links"];

    /// <summary>The store's meter (System.Diagnostics.Metrics) and its counter of write
    /// transactions tried again after losing a race (a deadlock, a serialization failure, a unique
    /// key taken by a concurrent writer).</summary>
    public const string MeterName = "Skillprint.Store";

    public const string RetriesInstrument = "skillprint.store.retries";

    private static readonly Meter StoreMeter = new(MeterName);

    private static readonly Counter<long> Retries = StoreMeter.CreateCounter<long>(RetriesInstrument, description: "write transactions tried again after losing a race");

    /// <summary>How many times a write transaction that lost a race runs before its error stands.</summary>
    private const int WriteAttempts = 3;

    private readonly StoreLocation location;

    private SkillprintStore(StoreLocation location, int schemaVersion)
    {
        this.location = location;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The schema version this build of Skillprint creates and reads.</summary>
    public static int LatestSchemaVersion => MigrationCatalog.Latest;

    public StoreLocation Location => location;

    public int SchemaVersion { get; }

    /// <summary>Opens (and creates, with its folder, when missing) the database and applies the
    /// migrations it lacks: for a local SQLite file the CLI owns, and for `skillprint db migrate`.</summary>
    public static SkillprintStore Open(StoreLocation location) => Open(location, MigrationCatalog.All);

    /// <summary>Opens a database that must already be at this build's schema, and changes no
    /// schema: a shared PostgreSQL database is migrated by an explicit step, never by surprise.
    /// An older schema is a <see cref="StoreFault.NeedsMigration"/> error.</summary>
    public static SkillprintStore OpenExisting(StoreLocation location) => Open(location, MigrationCatalog.All, migrate: false);

    /// <summary>The schema version the database is at (0 for an empty one), without changing it.</summary>
    public static int ReadSchemaVersion(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        using StoreDatabase database = location.Engine == StoreEngine.Sqlite ? SqliteDatabase.Open(location) : PostgresDatabase.Open(location);
        try
        {
            return database.ReadSchemaVersion(null) ?? 0;
        }
        catch (Exception e) when (database.Translate(e) is { } fault && !ReferenceEquals(fault, e))
        {
            throw fault;
        }
    }

    /// <summary>Opens the database once to check it (SQLite's quick check) and to bring or find its
    /// schema at this build's version. Every operation after that takes a connection of its own
    /// from the pool, so one store serves many threads and requests at once.</summary>
    internal static SkillprintStore Open(StoreLocation location, IReadOnlyList<Migration> migrations, bool migrate = true)
    {
        ArgumentNullException.ThrowIfNull(location);
        using StoreDatabase database = location.Engine == StoreEngine.Sqlite
            ? SqliteDatabase.Open(location)
            : PostgresDatabase.Open(location);
        try
        {
            if (!migrate)
            {
                var current = database.ReadSchemaVersion(null) ?? 0;
                if (current < migrations[^1].Version)
                {
                    throw new StoreException(
                        StoreFault.NeedsMigration,
                        $"the database at {location.Display} is at schema version {current} and this Skillprint needs {migrations[^1].Version}; run 'skillprint db migrate' first");
                }
            }

            var version = Migrator.Apply(database, migrations);
            return new SkillprintStore(location, version);
        }
        catch (Exception e) when (database.Translate(e) is { } fault && !ReferenceEquals(fault, e))
        {
            throw fault;
        }
    }

    // --- Persons --------------------------------------------------------------------------

    /// <summary>The person with this email, created (with it as primary email) when unknown.</summary>
    public Task<Person> EnsurePersonAsync(string email, CancellationToken cancel = default)
    {
        var normalized = NormalizeEmail(email);
        return WriteAsync(async (db, transaction) => await LoadPersonAsync(db, await EnsurePersonIdAsync(db, normalized, transaction), transaction), cancel);
    }

    /// <summary>The person with this email, or null when no one has it.</summary>
    public Task<Person?> FindPersonAsync(string email, CancellationToken cancel = default)
    {
        var normalized = NormalizeEmail(email);
        return ReadAsync(async db => await FindPersonIdAsync(db, normalized, null) is { } id ? await LoadPersonAsync(db, id, null) : null, cancel);
    }

    /// <summary>The person with this id, or null when there is none.</summary>
    public Task<Person?> GetPersonAsync(PersonId person, CancellationToken cancel = default) =>
        ReadAsync(db => TryLoadPersonAsync(db, person.Value, null), cancel);

    /// <summary>
    /// Makes <paramref name="email"/> one more email of <paramref name="person"/>. An email no one
    /// has, or one whose person holds nothing else, is claimed. An email of another person who holds
    /// data (self-assessments, evidence, roles, marks, reviews, dismissals) is refused, saying whose
    /// it is and what they hold, unless <paramref name="merge"/> is set: then that person's data
    /// moves over and that person is gone. Two people who both have a server account are never
    /// merged (<see cref="ClaimOutcome.BothHaveAccounts"/>): a person has one account.
    /// </summary>
    public Task<EmailClaim> ClaimEmailAsync(PersonId person, string email, bool merge, CancellationToken cancel = default)
    {
        var other = NormalizeEmail(email);
        return WriteAsync(
            async (db, transaction) =>
            {
                var connection = db.Connection;
                var personId = (await RequirePersonAsync(db, person, transaction)).Id.Value;
                var otherId = await FindPersonIdAsync(db, other, transaction);
                if (otherId is null)
                {
                    await connection.ExecuteAsync(
                        "INSERT INTO person_emails (email, person_id) VALUES (@other, @personId)",
                        new { other, personId },
                        transaction);
                    await AuditAsync(db, transaction, AuditAction.EmailAdd, personId, other, null);
                    return new EmailClaim(ClaimOutcome.Claimed, await LoadPersonAsync(db, personId, transaction), null, NoRows);
                }

                if (otherId == personId)
                {
                    return new EmailClaim(ClaimOutcome.AlreadyYours, await LoadPersonAsync(db, personId, transaction), null, NoRows);
                }

                var owner = await LoadPersonAsync(db, otherId.Value, transaction);
                var held = await HeldRowsAsync(db, otherId.Value, transaction);
                var accounts = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM users WHERE person_id IN (@personId, @otherId)", new { personId, otherId }, transaction);
                if (accounts == 2)
                {
                    return new EmailClaim(ClaimOutcome.BothHaveAccounts, await LoadPersonAsync(db, personId, transaction), owner, held);
                }

                if (held.Count > 0 && !merge)
                {
                    return new EmailClaim(ClaimOutcome.Refused, await LoadPersonAsync(db, personId, transaction), owner, held);
                }

                await DropSharedTeamPlacesAsync(db, personId, otherId.Value, transaction);
                foreach (var table in PersonTables)
                {
                    await connection.ExecuteAsync(
                        $"UPDATE {table} SET person_id = @personId WHERE person_id = @otherId",
                        new { personId, otherId },
                        transaction);
                }

                await connection.ExecuteAsync("DELETE FROM persons WHERE id = @otherId", new { otherId }, transaction);
                // The log of the person who is gone becomes the log of the one who holds their data now.
                await connection.ExecuteAsync("UPDATE audit_events SET subject_id = @personId WHERE subject_id = @otherId", new { personId, otherId }, transaction);
                await connection.ExecuteAsync("UPDATE audit_events SET actor_id = @personId WHERE actor_id = @otherId", new { personId, otherId }, transaction);
                await AuditAsync(
                    db,
                    transaction,
                    held.Count > 0 ? AuditAction.PersonMerge : AuditAction.EmailAdd,
                    personId,
                    other,
                    held.Count > 0 ? $"person {otherId} ({owner.PrimaryEmail}) joined: " + string.Join(", ", held.Select(h => $"{h.Key} {h.Value}")) : $"from person {otherId}, who held nothing else");
                return new EmailClaim(held.Count > 0 ? ClaimOutcome.Merged : ClaimOutcome.Claimed, await LoadPersonAsync(db, personId, transaction), owner, held);
            },
            cancel);
    }

    /// <summary>Takes <paramref name="email"/> from <paramref name="person"/>: the code it wrote stops
    /// counting for them. Their only email cannot be taken; when it was their primary email, the
    /// next one becomes primary.</summary>
    public Task<EmailClaim> UnclaimEmailAsync(PersonId person, string email, CancellationToken cancel = default)
    {
        var other = NormalizeEmail(email);
        return WriteAsync(
            async (db, transaction) =>
            {
                var connection = db.Connection;
                var current = await RequirePersonAsync(db, person, transaction);
                var ownerId = await FindPersonIdAsync(db, other, transaction);
                if (ownerId != person.Value)
                {
                    var owner = ownerId is { } id ? await LoadPersonAsync(db, id, transaction) : null;
                    return new EmailClaim(ClaimOutcome.NotYours, current, owner, NoRows);
                }

                if (current.Emails.Count == 1)
                {
                    return new EmailClaim(ClaimOutcome.Refused, current, null, NoRows);
                }

                await connection.ExecuteAsync("DELETE FROM person_emails WHERE email = @other", new { other }, transaction);
                if (string.Equals(current.PrimaryEmail, other, StringComparison.Ordinal))
                {
                    var next = current.Emails.First(e => !string.Equals(e, other, StringComparison.Ordinal));
                    await connection.ExecuteAsync("UPDATE persons SET primary_email = @next WHERE id = @personId", new { next, personId = person.Value }, transaction);
                }

                await AuditAsync(db, transaction, AuditAction.EmailRemove, person.Value, other, null);

                return new EmailClaim(ClaimOutcome.Unclaimed, await LoadPersonAsync(db, person.Value, transaction), null, NoRows);
            },
            cancel);
    }

    private static readonly IReadOnlyDictionary<string, int> NoRows = new Dictionary<string, int>();

    /// <summary>How many rows of each table (other than emails) belong to the person: what a merge moves.</summary>
    private static async Task<IReadOnlyDictionary<string, int>> HeldRowsAsync(StoreDatabase db, long personId, DbTransaction transaction)
    {
        var held = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in PersonTables.Where(t => !string.Equals(t, "person_emails", StringComparison.Ordinal)))
        {
            var count = await db.Connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE person_id = @personId", new { personId }, transaction);
            if (count > 0)
            {
                held[table] = (int)count;
            }
        }

        return held;
    }

    public Task<IReadOnlyList<Person>> ListPersonsAsync(CancellationToken cancel = default) =>
        ReadAsync(db => LoadPersonsAsync(db, "1 = 1", null), cancel);

    /// <summary>The persons <paramref name="where"/> (over <c>p</c>, the persons table) selects,
    /// each with every email, in id order.</summary>
    private static async Task<IReadOnlyList<Person>> LoadPersonsAsync(StoreDatabase db, string where, object? parameters)
    {
        var rows = await db.Connection.QueryAsync<(long Id, string Primary, string Email)>(
            $"""
            SELECT p.id, p.primary_email, e.email FROM persons AS p JOIN person_emails AS e ON e.person_id = p.id
            WHERE {where}
            ORDER BY p.id, e.id
            """,
            parameters);
        return rows.GroupBy(row => row.Id).Select(group => ToPerson(group.Key, group.First().Primary, group.Select(row => row.Email))).ToList();
    }

    // --- Self-assessments -----------------------------------------------------------------

    /// <summary>Records a self-assessment of <paramref name="person"/> (a new row; history is never
    /// overwritten) and returns it as stored: with the person's primary email (the record's own
    /// Person is not read), the time in UTC to the microsecond.</summary>
    public Task<SelfAssessment> AddSelfAssessmentAsync(PersonId person, SelfAssessment assessment, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        RequireId(assessment.Framework, "framework");
        RequireId(assessment.Topic, "topic");
        if (!Enum.IsDefined(assessment.Level))
        {
            throw new StoreException(StoreFault.InvalidInput, $"'{(int)assessment.Level}' is not a level");
        }

        return WriteAsync(
            async (db, transaction) =>
            {
                var primary = (await RequirePersonAsync(db, person, transaction)).PrimaryEmail;
                await db.Connection.ExecuteAsync(
                    """
                    INSERT INTO self_assessments (person_id, framework, topic, level, note, at)
                    VALUES (@personId, @Framework, @Topic, @Level, @Note, @At)
                    """,
                    new
                    {
                        personId = person.Value,
                        assessment.Framework,
                        assessment.Topic,
                        Level = assessment.Level.ToString(),
                        assessment.Note,
                        At = db.Time(assessment.At),
                    },
                    transaction);
                await AuditAsync(db, transaction, AuditAction.AssessmentAdd, person.Value, $"{assessment.Framework}/{assessment.Topic}", $"level {assessment.Level}");
                return assessment with { Person = primary, At = StoredTime.Normalize(assessment.At) };
            },
            cancel);
    }

    /// <summary>Every self-assessment of the person in the framework, oldest first; only one
    /// topic's when <paramref name="topic"/> is given.</summary>
    public Task<IReadOnlyList<SelfAssessment>> GetSelfAssessmentsAsync(PersonId person, string framework, string? topic = null, CancellationToken cancel = default) =>
        ReadAsync<IReadOnlyList<SelfAssessment>>(
            async db =>
            {
                if (await TryLoadPersonAsync(db, person.Value, null) is not { } found)
                {
                    return [];
                }

                var rows = await db.Connection.QueryAsync<AssessmentRow>(
                    """
                    SELECT framework AS Framework, topic AS Topic, level AS Level, note AS Note, at AS At
                    FROM self_assessments
                    WHERE person_id = @personId AND framework = @framework AND (@topic IS NULL OR topic = @topic)
                    ORDER BY at, id
                    """,
                    new { personId = person.Value, framework, topic });
                return rows.Select(row => new SelfAssessment(
                    found.PrimaryEmail,
                    row.Framework,
                    row.Topic,
                    ReadLevel(row.Level),
                    row.Note,
                    StoredTime.Read(row.At, "self_assessments.at"))).ToList();
            },
            cancel);

    /// <summary>The current self-assessed level per topic: the latest assessment of each topic.</summary>
    public async Task<IReadOnlyDictionary<string, SelfAssessment>> GetCurrentLevelsAsync(PersonId person, string framework, CancellationToken cancel = default)
    {
        var current = new Dictionary<string, SelfAssessment>(StringComparer.Ordinal);
        foreach (var assessment in await GetSelfAssessmentsAsync(person, framework, null, cancel))
        {
            current[assessment.Topic] = assessment;
        }

        return current;
    }

    // --- Manual evidence ------------------------------------------------------------------

    /// <summary>Records evidence of <paramref name="person"/> entered by hand and returns its id
    /// (the record's Id and Person are not read).</summary>
    public Task<long> AddManualEvidenceAsync(PersonId person, ManualEvidence evidence, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        RequireId(evidence.Framework, "framework");
        RequireId(evidence.Topic, "topic");
        return WriteAsync(
            async (db, transaction) =>
            {
                await RequirePersonAsync(db, person, transaction);
                var id = await db.Connection.ExecuteScalarAsync<long>(
                    """
                    INSERT INTO manual_evidence (person_id, framework, topic, skill, link, note, at)
                    VALUES (@personId, @Framework, @Topic, @Skill, @Link, @Note, @At)
                    RETURNING id
                    """,
                    new
                    {
                        personId = person.Value,
                        evidence.Framework,
                        evidence.Topic,
                        evidence.Skill,
                        evidence.Link,
                        evidence.Note,
                        At = db.Time(evidence.At),
                    },
                    transaction);
                await AuditAsync(db, transaction, AuditAction.EvidenceAdd, person.Value, $"{evidence.Framework}/{evidence.Topic}", $"manual evidence {id}" + (evidence.Skill is { } skill ? $" of {skill}" : ""));
                return id;
            },
            cancel);
    }

    /// <summary>The person's manual evidence in the framework that is not removed, oldest first;
    /// only one topic's when <paramref name="topic"/> is given.</summary>
    public Task<IReadOnlyList<ManualEvidence>> ListManualEvidenceAsync(PersonId person, string framework, string? topic = null, CancellationToken cancel = default) =>
        ReadAsync<IReadOnlyList<ManualEvidence>>(
            async db =>
            {
                if (await TryLoadPersonAsync(db, person.Value, null) is not { } found)
                {
                    return [];
                }

                var rows = await db.Connection.QueryAsync<EvidenceRow>(
                    """
                    SELECT id AS Id, framework AS Framework, topic AS Topic, skill AS Skill, link AS Link,
                           note AS Note, at AS At
                    FROM manual_evidence
                    WHERE person_id = @personId AND framework = @framework AND (@topic IS NULL OR topic = @topic)
                      AND removed_at IS NULL
                    ORDER BY at, id
                    """,
                    new { personId = person.Value, framework, topic });
                return rows.Select(row => new ManualEvidence(
                    row.Id,
                    found.PrimaryEmail,
                    row.Framework,
                    row.Topic,
                    row.Skill,
                    row.Link,
                    row.Note,
                    StoredTime.Read(row.At, "manual_evidence.at"))).ToList();
            },
            cancel);

    // --- Settings -------------------------------------------------------------------------

    public string? GetSetting(string key) => Read(db =>
        db.Connection.QuerySingleOrDefault<string?>("SELECT value FROM settings WHERE key = @key", new { key }));

    /// <summary>Sets a setting; null removes it.</summary>
    public void SetSetting(string key, string? value)
    {
        RequireId(key, "setting");
        Write((db, transaction) => value is null
            ? db.Connection.Execute("DELETE FROM settings WHERE key = @key", new { key }, transaction)
            : db.Connection.Execute(
                "INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                new { key, value },
                transaction));
    }

    /// <summary>Closes the idle pooled connections to the database: after this, a SQLite file is no
    /// longer held open by this store.</summary>
    public void Dispose() => StoreDatabase.ClosePool(location);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    // --- Plumbing -------------------------------------------------------------------------

    /// <summary>Runs <paramref name="work"/> in one write transaction on a connection of its own:
    /// all of it is stored or none.</summary>
    /// <remarks>A write that lost a race with another session (both adding the same new email on
    /// PostgreSQL) is run once more, when it sees the other session's row.</remarks>
    internal T Write<T>(Func<StoreDatabase, DbTransaction, T> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            StoreDatabase? db = null;
            try
            {
                db = StoreDatabase.Connect(location);
                using var transaction = db.BeginWrite();
                var result = work(db, transaction);
                transaction.Commit();
                return result;
            }
            catch (Exception e) when (attempt < WriteAttempts && db is not null && db.IsLostRace(e))
            {
                // The transaction is rolled back; try again, a bounded number of times.
                Retries.Add(1);
            }
            catch (Exception e) when (Translate(db, e) is { } fault && !ReferenceEquals(fault, e))
            {
                throw fault;
            }
            finally
            {
                db?.Dispose();
            }
        }
    }

    internal T Read<T>(Func<StoreDatabase, T> work)
    {
        StoreDatabase? db = null;
        try
        {
            db = StoreDatabase.Connect(location);
            return work(db);
        }
        catch (Exception e) when (Translate(db, e) is { } fault && !ReferenceEquals(fault, e))
        {
            throw fault;
        }
        finally
        {
            db?.Dispose();
        }
    }

    /// <summary><see cref="Write{T}"/> without blocking a thread on the database.</summary>
    internal async Task<T> WriteAsync<T>(Func<StoreDatabase, DbTransaction, Task<T>> work, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            StoreDatabase? db = null;
            try
            {
                db = await StoreDatabase.ConnectAsync(location, cancel).ConfigureAwait(false);
                await using var transaction = await db.BeginWriteAsync(cancel).ConfigureAwait(false);
                var result = await work(db, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancel).ConfigureAwait(false);
                return result;
            }
            catch (Exception e) when (attempt < WriteAttempts && db is not null && db.IsLostRace(e))
            {
                // The transaction is rolled back; try again, a bounded number of times.
                Retries.Add(1);
            }
            catch (Exception e) when (Translate(db, e) is { } fault && !ReferenceEquals(fault, e))
            {
                throw fault;
            }
            finally
            {
                if (db is not null)
                {
                    await db.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary><see cref="Read{T}"/> without blocking a thread on the database.</summary>
    internal async Task<T> ReadAsync<T>(Func<StoreDatabase, Task<T>> work, CancellationToken cancel)
    {
        StoreDatabase? db = null;
        try
        {
            db = await StoreDatabase.ConnectAsync(location, cancel).ConfigureAwait(false);
            return await work(db).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(db, e) is { } fault && !ReferenceEquals(fault, e))
        {
            throw fault;
        }
        finally
        {
            if (db is not null)
            {
                await db.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The condition "<paramref name="column"/> is one of the list @<paramref name="parameter"/>":
    /// Dapper hands a list to Npgsql as one array parameter, which PostgreSQL reads with ANY; for
    /// SQLite it expands the list into IN (...).</summary>
    internal string InList(string column, string parameter) =>
        location.Engine == StoreEngine.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>A connection of this store's own, for tests that reach below the store's API.</summary>
    internal StoreDatabase Connect() => StoreDatabase.Connect(location);

    /// <summary>The store's error for a failure; a connection that failed to open has already
    /// translated its own.</summary>
    private static StoreException? Translate(StoreDatabase? db, Exception error) =>
        error as StoreException ?? db?.Translate(error);

    internal static async Task<long> EnsurePersonIdAsync(StoreDatabase db, string email, DbTransaction transaction)
    {
        if (await FindPersonIdAsync(db, email, transaction) is { } existing)
        {
            return existing;
        }

        var connection = db.Connection;
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO persons (primary_email) VALUES (@email) RETURNING id",
            new { email },
            transaction);
        await connection.ExecuteAsync(
            "INSERT INTO person_emails (email, person_id) VALUES (@email, @id)",
            new { email, id },
            transaction);
        return id;
    }

    private static Task<long?> FindPersonIdAsync(StoreDatabase db, string email, DbTransaction? transaction) =>
        db.Connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT person_id FROM person_emails WHERE email = @email",
            new { email },
            transaction);

    /// <summary>The person, or an <see cref="StoreFault.InvalidInput"/> error when there is none:
    /// a write names an existing person, it never creates one by the way.</summary>
    internal static async Task<Person> RequirePersonAsync(StoreDatabase db, PersonId person, DbTransaction transaction) =>
        await TryLoadPersonAsync(db, person.Value, transaction)
            ?? throw new StoreException(StoreFault.InvalidInput, $"there is no person {person}");

    private static async Task<Person> LoadPersonAsync(StoreDatabase db, long id, DbTransaction? transaction) =>
        await TryLoadPersonAsync(db, id, transaction)
            ?? throw new StoreException(StoreFault.Corrupted, $"{db.Location.Display}: person {id} has no email");

    internal static async Task<Person?> TryLoadPersonAsync(StoreDatabase db, long id, DbTransaction? transaction)
    {
        var rows = (await db.Connection.QueryAsync<(string Primary, string Email)>(
            """
            SELECT p.primary_email, e.email FROM persons AS p JOIN person_emails AS e ON e.person_id = p.id
            WHERE p.id = @id ORDER BY e.id
            """,
            new { id },
            transaction)).ToList();
        return rows.Count == 0 ? null : ToPerson(id, rows[0].Primary, rows.Select(row => row.Email));
    }

    private static Person ToPerson(long id, string primary, IEnumerable<string> emails)
    {
        var all = new List<string> { primary };
        all.AddRange(emails.Where(e => !string.Equals(e, primary, StringComparison.Ordinal)));
        return new Person(new PersonId(id), primary, all);
    }

    /// <summary>Emails are compared without case (as git's .mailmap does) and kept in lower case.</summary>
    internal static string NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Any(char.IsWhiteSpace))
        {
            throw new StoreException(StoreFault.InvalidInput, $"'{email}' is not an email address");
        }

        return trimmed.ToLowerInvariant();
    }

    private static void RequireId(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StoreException(StoreFault.InvalidInput, $"the {what} id is empty");
        }
    }

    private Level ReadLevel(string text) =>
        Enum.TryParse<Level>(text, ignoreCase: false, out var level) && Enum.IsDefined(level)
            ? level
            : throw new StoreException(StoreFault.Corrupted, $"{location.Display}: '{text}' is not a level");

    private sealed class AssessmentRow
    {
        public string Framework { get; set; } = "";

        public string Topic { get; set; } = "";

        public string Level { get; set; } = "";

        public string? Note { get; set; }

        public object At { get; set; } = "";
    }

    private sealed class EvidenceRow
    {
        public long Id { get; set; }

        public string Framework { get; set; } = "";

        public string Topic { get; set; } = "";

        public string? Skill { get; set; }

        public string? Link { get; set; }

        public string? Note { get; set; }

        public object At { get; set; } = "";
    }
}
