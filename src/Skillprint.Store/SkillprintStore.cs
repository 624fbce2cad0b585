using System.Data.Common;
using Dapper;
using Skillprint.Core;
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
/// rows is one transaction. Calls are serialised, so one store may be shared between threads.
/// Times are kept in UTC to the microsecond.</summary>
public sealed partial class SkillprintStore : IGrowthStore, IPeopleStore, IDisposable, IAsyncDisposable
{
    /// <summary>Every table with a person_id column; joining two persons moves their rows.</summary>
    internal static readonly string[] PersonTables =
        ["person_emails", "self_assessments", "manual_evidence", "person_roles", "progress_marks", "card_reviews", "hit_dismissals", "users", "access_tokens"];

    private readonly StoreDatabase database;
    private readonly Lock gate = new();

    private SkillprintStore(StoreDatabase database, int schemaVersion)
    {
        this.database = database;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The schema version this build of Skillprint creates and reads.</summary>
    public static int LatestSchemaVersion => MigrationCatalog.Latest;

    public StoreLocation Location => database.Location;

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

    internal static SkillprintStore Open(StoreLocation location, IReadOnlyList<Migration> migrations, bool migrate = true)
    {
        ArgumentNullException.ThrowIfNull(location);
        StoreDatabase database = location.Engine == StoreEngine.Sqlite
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
            return new SkillprintStore(database, version);
        }
        catch (Exception e)
        {
            database.Dispose();
            if (database.Translate(e) is { } fault && !ReferenceEquals(fault, e))
            {
                throw fault;
            }

            throw;
        }
    }

    // --- Persons --------------------------------------------------------------------------

    /// <summary>The person with this email, created (with it as primary email) when unknown.</summary>
    public Person EnsurePerson(string email)
    {
        var normalized = NormalizeEmail(email);
        return Write(transaction => LoadPerson(EnsurePersonId(normalized, transaction), transaction));
    }

    /// <summary>The person with this email, or null when no one has it.</summary>
    public Person? FindPerson(string email)
    {
        var normalized = NormalizeEmail(email);
        return Read(() => FindPersonId(normalized, null) is { } id ? LoadPerson(id, null) : null);
    }

    /// <summary>
    /// Makes <paramref name="email"/> one more email of the person who has <paramref name="person"/>
    /// (created when unknown). An email no one has, or one whose person holds nothing else, is
    /// claimed. An email of another person who holds data (self-assessments, evidence, roles, marks,
    /// reviews, dismissals) is refused, saying whose it is and what they hold, unless
    /// <paramref name="merge"/> is set: then that person's data moves over and that person is gone.
    /// </summary>
    public EmailClaim ClaimEmail(string person, string email, bool merge)
    {
        var main = NormalizeEmail(person);
        var other = NormalizeEmail(email);
        return Write(transaction =>
        {
            var connection = database.Connection;
            var personId = EnsurePersonId(main, transaction);
            var otherId = FindPersonId(other, transaction);
            if (otherId is null)
            {
                connection.Execute(
                    "INSERT INTO person_emails (email, person_id) VALUES (@other, @personId)",
                    new { other, personId },
                    transaction);
                return new EmailClaim(ClaimOutcome.Claimed, LoadPerson(personId, transaction), null, NoRows);
            }

            if (otherId == personId)
            {
                return new EmailClaim(ClaimOutcome.AlreadyYours, LoadPerson(personId, transaction), null, NoRows);
            }

            var owner = LoadPerson(otherId.Value, transaction);
            var held = HeldRows(otherId.Value, transaction);
            if (held.Count > 0 && !merge)
            {
                return new EmailClaim(ClaimOutcome.Refused, LoadPerson(personId, transaction), owner, held);
            }

            foreach (var table in PersonTables)
            {
                connection.Execute(
                    $"UPDATE {table} SET person_id = @personId WHERE person_id = @otherId",
                    new { personId, otherId },
                    transaction);
            }

            connection.Execute("DELETE FROM persons WHERE id = @otherId", new { otherId }, transaction);
            return new EmailClaim(held.Count > 0 ? ClaimOutcome.Merged : ClaimOutcome.Claimed, LoadPerson(personId, transaction), owner, held);
        });
    }

    /// <summary>Takes <paramref name="email"/> from the person who has <paramref name="person"/>: the
    /// code it wrote stops counting for them. Their only email cannot be taken; when it was their
    /// primary email, the next one becomes primary.</summary>
    public EmailClaim UnclaimEmail(string person, string email)
    {
        var main = NormalizeEmail(person);
        var other = NormalizeEmail(email);
        return Write(transaction =>
        {
            var connection = database.Connection;
            if (FindPersonId(main, transaction) is not { } personId || FindPersonId(other, transaction) != personId)
            {
                var owner = FindPersonId(other, transaction) is { } ownerId ? LoadPerson(ownerId, transaction) : null;
                var me = FindPersonId(main, transaction) is { } id ? LoadPerson(id, transaction) : new Person(0, main, [main]);
                return new EmailClaim(ClaimOutcome.NotYours, me, owner, NoRows);
            }

            var current = LoadPerson(personId, transaction);
            if (current.Emails.Count == 1)
            {
                return new EmailClaim(ClaimOutcome.Refused, current, null, NoRows);
            }

            connection.Execute("DELETE FROM person_emails WHERE email = @other", new { other }, transaction);
            if (string.Equals(current.PrimaryEmail, other, StringComparison.Ordinal))
            {
                var next = current.Emails.First(e => !string.Equals(e, other, StringComparison.Ordinal));
                connection.Execute("UPDATE persons SET primary_email = @next WHERE id = @personId", new { next, personId }, transaction);
            }

            return new EmailClaim(ClaimOutcome.Unclaimed, LoadPerson(personId, transaction), null, NoRows);
        });
    }

    private static readonly IReadOnlyDictionary<string, int> NoRows = new Dictionary<string, int>();

    /// <summary>How many rows of each table (other than emails) belong to the person: what a merge moves.</summary>
    private IReadOnlyDictionary<string, int> HeldRows(long personId, DbTransaction transaction)
    {
        var held = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in PersonTables.Where(t => !string.Equals(t, "person_emails", StringComparison.Ordinal)))
        {
            var count = database.Connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table} WHERE person_id = @personId", new { personId }, transaction);
            if (count > 0)
            {
                held[table] = (int)count;
            }
        }

        return held;
    }

    public IReadOnlyList<Person> ListPersons() => Read(() =>
    {
        var ids = database.Connection.Query<long>("SELECT id FROM persons ORDER BY id");
        return ids.Select(id => LoadPerson(id, null)).ToList();
    });

    // --- Self-assessments -----------------------------------------------------------------

    /// <summary>Records a self-assessment (a new row; history is never overwritten) and returns it
    /// as stored: the person's primary email, the time in UTC to the microsecond.</summary>
    public SelfAssessment AddSelfAssessment(SelfAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var email = NormalizeEmail(assessment.Person);
        RequireId(assessment.Framework, "framework");
        RequireId(assessment.Topic, "topic");
        if (!Enum.IsDefined(assessment.Level))
        {
            throw new StoreException(StoreFault.InvalidInput, $"'{(int)assessment.Level}' is not a level");
        }

        return Write(transaction =>
        {
            var personId = EnsurePersonId(email, transaction);
            database.Connection.Execute(
                """
                INSERT INTO self_assessments (person_id, framework, topic, level, note, at)
                VALUES (@personId, @Framework, @Topic, @Level, @Note, @At)
                """,
                new
                {
                    personId,
                    assessment.Framework,
                    assessment.Topic,
                    Level = assessment.Level.ToString(),
                    assessment.Note,
                    At = database.Time(assessment.At),
                },
                transaction);
            var primary = LoadPerson(personId, transaction).PrimaryEmail;
            return assessment with { Person = primary, At = StoredTime.Normalize(assessment.At) };
        });
    }

    /// <summary>Every self-assessment of the person (any of their emails) in the framework, oldest
    /// first; only one topic's when <paramref name="topic"/> is given.</summary>
    public IReadOnlyList<SelfAssessment> GetSelfAssessments(string person, string framework, string? topic = null)
    {
        var email = NormalizeEmail(person);
        return Read(() =>
        {
            if (FindPersonId(email, null) is not { } personId)
            {
                return [];
            }

            var primary = LoadPerson(personId, null).PrimaryEmail;
            var rows = database.Connection.Query<AssessmentRow>(
                """
                SELECT framework AS Framework, topic AS Topic, level AS Level, note AS Note, at AS At
                FROM self_assessments
                WHERE person_id = @personId AND framework = @framework AND (@topic IS NULL OR topic = @topic)
                ORDER BY at, id
                """,
                new { personId, framework, topic });
            return rows.Select(row => new SelfAssessment(
                primary,
                row.Framework,
                row.Topic,
                ReadLevel(row.Level),
                row.Note,
                StoredTime.Read(row.At, "self_assessments.at"))).ToList();
        });
    }

    /// <summary>The current self-assessed level per topic: the latest assessment of each topic.</summary>
    public IReadOnlyDictionary<string, SelfAssessment> GetCurrentLevels(string person, string framework)
    {
        var current = new Dictionary<string, SelfAssessment>(StringComparer.Ordinal);
        foreach (var assessment in GetSelfAssessments(person, framework))
        {
            current[assessment.Topic] = assessment;
        }

        return current;
    }

    // --- Manual evidence ------------------------------------------------------------------

    /// <summary>Records evidence entered by hand and returns its id (the Id given is ignored).</summary>
    public long AddManualEvidence(ManualEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var email = NormalizeEmail(evidence.Person);
        RequireId(evidence.Framework, "framework");
        RequireId(evidence.Topic, "topic");
        return Write(transaction =>
        {
            var personId = EnsurePersonId(email, transaction);
            return database.Connection.ExecuteScalar<long>(
                """
                INSERT INTO manual_evidence (person_id, framework, topic, skill, link, note, at)
                VALUES (@personId, @Framework, @Topic, @Skill, @Link, @Note, @At)
                RETURNING id
                """,
                new
                {
                    personId,
                    evidence.Framework,
                    evidence.Topic,
                    evidence.Skill,
                    evidence.Link,
                    evidence.Note,
                    At = database.Time(evidence.At),
                },
                transaction);
        });
    }

    /// <summary>The person's manual evidence in the framework that is not removed, oldest first;
    /// only one topic's when <paramref name="topic"/> is given.</summary>
    public IReadOnlyList<ManualEvidence> ListManualEvidence(string person, string framework, string? topic = null)
    {
        var email = NormalizeEmail(person);
        return Read(() =>
        {
            if (FindPersonId(email, null) is not { } personId)
            {
                return [];
            }

            var primary = LoadPerson(personId, null).PrimaryEmail;
            var rows = database.Connection.Query<EvidenceRow>(
                """
                SELECT id AS Id, framework AS Framework, topic AS Topic, skill AS Skill, link AS Link,
                       note AS Note, at AS At
                FROM manual_evidence
                WHERE person_id = @personId AND framework = @framework AND (@topic IS NULL OR topic = @topic)
                  AND removed_at IS NULL
                ORDER BY at, id
                """,
                new { personId, framework, topic });
            return rows.Select(row => new ManualEvidence(
                row.Id,
                primary,
                row.Framework,
                row.Topic,
                row.Skill,
                row.Link,
                row.Note,
                StoredTime.Read(row.At, "manual_evidence.at"))).ToList();
        });
    }

    // --- Settings -------------------------------------------------------------------------

    public string? GetSetting(string key) => Read(() =>
        database.Connection.QuerySingleOrDefault<string?>("SELECT value FROM settings WHERE key = @key", new { key }));

    /// <summary>Sets a setting; null removes it.</summary>
    public void SetSetting(string key, string? value)
    {
        RequireId(key, "setting");
        Write(transaction => value is null
            ? database.Connection.Execute("DELETE FROM settings WHERE key = @key", new { key }, transaction)
            : database.Connection.Execute(
                "INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                new { key, value },
                transaction));
    }

    public void Dispose() => database.Dispose();

    public ValueTask DisposeAsync() => database.DisposeAsync();

    // --- Plumbing -------------------------------------------------------------------------

    /// <summary>Runs <paramref name="work"/> in one write transaction: all of it is stored or none.</summary>
    /// <remarks>A write that lost a race with another session (both adding the same new email on
    /// PostgreSQL) is run once more, when it sees the other session's row.</remarks>
    internal T Write<T>(Func<DbTransaction, T> work)
    {
        lock (gate)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var transaction = database.BeginWrite();
                    var result = work(transaction);
                    transaction.Commit();
                    return result;
                }
                catch (Exception e) when (attempt == 1 && database.IsLostRace(e))
                {
                    // The transaction is rolled back; try again.
                }
                catch (Exception e) when (database.Translate(e) is { } fault && !ReferenceEquals(fault, e))
                {
                    throw fault;
                }
            }
        }
    }

    internal T Read<T>(Func<T> work)
    {
        lock (gate)
        {
            try
            {
                return work();
            }
            catch (Exception e) when (database.Translate(e) is { } fault && !ReferenceEquals(fault, e))
            {
                throw fault;
            }
        }
    }

    internal StoreDatabase Database => database;

    internal long EnsurePersonId(string email, DbTransaction transaction)
    {
        if (FindPersonId(email, transaction) is { } existing)
        {
            return existing;
        }

        var connection = database.Connection;
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO persons (primary_email) VALUES (@email) RETURNING id",
            new { email },
            transaction);
        connection.Execute(
            "INSERT INTO person_emails (email, person_id) VALUES (@email, @id)",
            new { email, id },
            transaction);
        return id;
    }

    private long? FindPersonId(string email, DbTransaction? transaction) =>
        database.Connection.QuerySingleOrDefault<long?>(
            "SELECT person_id FROM person_emails WHERE email = @email",
            new { email },
            transaction);

    private Person LoadPerson(long id, DbTransaction? transaction)
    {
        var rows = database.Connection.Query<(string Primary, string Email)>(
            """
            SELECT p.primary_email, e.email FROM persons AS p JOIN person_emails AS e ON e.person_id = p.id
            WHERE p.id = @id ORDER BY e.id
            """,
            new { id },
            transaction).ToList();
        if (rows.Count == 0)
        {
            throw new StoreException(StoreFault.Corrupted, $"{database.Location.Display}: person {id} has no email");
        }

        var primary = rows[0].Primary;
        var emails = new List<string> { primary };
        emails.AddRange(rows.Select(row => row.Email).Where(e => !string.Equals(e, primary, StringComparison.Ordinal)));
        return new Person(id, primary, emails);
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
            : throw new StoreException(StoreFault.Corrupted, $"{database.Location.Display}: '{text}' is not a level");

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
