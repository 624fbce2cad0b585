using Skillprint.Core.People;
using Dapper;
using Skillprint.Core.Growth;
using Skillprint.Core.History;
using Skillprint.Core.Practice;
using Skillprint.Core.Roadmaps;
using Skillprint.Core.Status;
using Skillprint.Store.Engines;

namespace Skillprint.Store;

/// <summary>The growth loop (issue 5): target roles, roadmap marks, practice reviews, and the
/// history of manual evidence. Every one keeps its history: a change is a new row (or, for a role
/// given up, its removed_at), never an overwrite.</summary>
public sealed partial class SkillprintStore
{
    // --- Roles ----------------------------------------------------------------------------

    /// <summary>Makes <paramref name="role"/> one of the person's target roles from
    /// <paramref name="at"/>, at <paramref name="grade"/> (null: the role's own targets); false (and
    /// nothing written) when it already is one at that grade. Another grade of a held role replaces
    /// it (the old choice stays in the history as given up).</summary>
    public Task<bool> AddRoleAsync(PersonId person, string framework, string role, DateTimeOffset at, string? grade = null, CancellationToken cancel = default)
    {
        RequireId(framework, "framework");
        RequireId(role, "role");
        return WriteAsync(
            async (db, transaction) =>
            {
                await RequirePersonAsync(db, person, transaction);
                var personId = person.Value;
                var same = await db.Connection.ExecuteScalarAsync<long>(
                    """
                    SELECT COUNT(*) FROM person_roles WHERE person_id = @personId AND framework = @framework AND role = @role AND removed_at IS NULL
                      AND (grade = @grade OR (grade IS NULL AND @grade IS NULL))
                    """,
                    new { personId, framework, role, grade },
                    transaction);
                if (same > 0)
                {
                    return false;
                }

                await db.Connection.ExecuteAsync(
                    "UPDATE person_roles SET removed_at = @at WHERE person_id = @personId AND framework = @framework AND role = @role AND removed_at IS NULL",
                    new { personId, framework, role, at = db.Time(at) },
                    transaction);
                await db.Connection.ExecuteAsync(
                    "INSERT INTO person_roles (person_id, framework, role, set_at, grade) VALUES (@personId, @framework, @role, @at, @grade)",
                    new { personId, framework, role, at = db.Time(at), grade },
                    transaction);
                return true;
            },
            cancel);
    }

    /// <summary>Gives up a target role at <paramref name="at"/> (the row stays, for history); false
    /// when the person does not hold it.</summary>
    public Task<bool> RemoveRoleAsync(PersonId person, string framework, string role, DateTimeOffset at, CancellationToken cancel = default) =>
        WriteAsync(
            async (db, transaction) => await db.Connection.ExecuteAsync(
                "UPDATE person_roles SET removed_at = @at WHERE person_id = @personId AND framework = @framework AND role = @role AND removed_at IS NULL",
                new { personId = person.Value, framework, role, at = db.Time(at) },
                transaction) > 0,
            cancel);

    /// <summary>The person's target roles now, in the order they were set.</summary>
    public async Task<IReadOnlyList<RoleChoice>> ListRolesAsync(PersonId person, string framework, CancellationToken cancel = default) =>
        (await GetRoleHistoryAsync(person, framework, cancel)).Where(r => r.RemovedAt is null).ToList();

    /// <summary>Every role the person set in the framework, held or given up, oldest first.</summary>
    public Task<IReadOnlyList<RoleChoice>> GetRoleHistoryAsync(PersonId person, string framework, CancellationToken cancel = default) =>
        ReadPersonsAsync(person, async (db, primary) => (await db.Connection.QueryAsync<RoleRow>(
                """
                SELECT framework AS Framework, role AS Role, set_at AS SetAt, removed_at AS RemovedAt, grade AS Grade
                FROM person_roles WHERE person_id = @personId AND framework = @framework
                ORDER BY set_at, id
                """,
                new { personId = person.Value, framework }))
            .Select(row => new RoleChoice(
                primary,
                row.Framework,
                row.Role,
                StoredTime.Read(row.SetAt, "person_roles.set_at"),
                StoredTime.ReadOptional(row.RemovedAt, "person_roles.removed_at"),
                row.Grade))
            .ToList(),
            cancel);

    // --- Roadmap marks --------------------------------------------------------------------

    /// <summary>Records a mark of <paramref name="person"/> on a topic or skill (a new row; the latest
    /// mark of an item holds) and returns it as stored.</summary>
    public Task<ProgressMark> AddProgressMarkAsync(PersonId person, ProgressMark mark, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        RequireId(mark.Framework, "framework");
        RequireId(mark.Item, "item");
        if (!Enum.IsDefined(mark.Status))
        {
            throw new StoreException(StoreFault.InvalidInput, $"'{(int)mark.Status}' is not a progress status");
        }

        return WriteAsync(
            async (db, transaction) =>
            {
                var primary = (await RequirePersonAsync(db, person, transaction)).PrimaryEmail;
                await db.Connection.ExecuteAsync(
                    "INSERT INTO progress_marks (person_id, framework, item, status, at) VALUES (@personId, @Framework, @Item, @status, @at)",
                    new { personId = person.Value, mark.Framework, mark.Item, status = mark.Status.Name(), at = db.Time(mark.At) },
                    transaction);
                return mark with { Person = primary, At = StoredTime.Normalize(mark.At) };
            },
            cancel);
    }

    /// <summary>Every mark of the person in the framework, oldest first (marks at the same time in the
    /// order they were made); only one item's when <paramref name="item"/> is given.</summary>
    public Task<IReadOnlyList<ProgressMark>> GetProgressMarksAsync(PersonId person, string framework, string? item = null, CancellationToken cancel = default) =>
        ReadPersonsAsync(person, async (db, primary) => (await db.Connection.QueryAsync<MarkRow>(
                """
                SELECT framework AS Framework, item AS Item, status AS Status, at AS At
                FROM progress_marks
                WHERE person_id = @personId AND framework = @framework AND (@item IS NULL OR item = @item)
                ORDER BY at, id
                """,
                new { personId = person.Value, framework, item }))
            .Select(row => new ProgressMark(primary, row.Framework, row.Item, ReadStatus(row.Status), StoredTime.Read(row.At, "progress_marks.at")))
            .ToList(),
            cancel);

    // --- Practice reviews -----------------------------------------------------------------

    /// <summary>Logs one review of a card by <paramref name="person"/> with the memory before and
    /// after it, and returns it as stored (the review time in UTC to the microsecond).</summary>
    public Task<CardReview> AddCardReviewAsync(PersonId person, CardReview review, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        RequireId(review.Framework, "framework");
        RequireId(review.Card, "card");
        if (!Enum.IsDefined(review.Rating))
        {
            throw new StoreException(StoreFault.InvalidInput, $"'{(int)review.Rating}' is not a rating (1-4)");
        }

        return WriteAsync(
            async (db, transaction) =>
            {
                var primary = (await RequirePersonAsync(db, person, transaction)).PrimaryEmail;
                await db.Connection.ExecuteAsync(
                    """
                    INSERT INTO card_reviews (person_id, framework, card, rating, reviewed_at, due_after, state_before, state_after)
                    VALUES (@personId, @Framework, @Card, @rating, @at, @due, @before, @after)
                    """,
                    new
                    {
                        personId = person.Value,
                        review.Framework,
                        review.Card,
                        rating = (int)review.Rating,
                        at = db.Time(review.At),
                        due = db.Time(review.After.Due),
                        before = CardMemoryJson.Write(review.Before),
                        after = CardMemoryJson.Write(review.After),
                    },
                    transaction);
                return review with { Person = primary, At = StoredTime.Normalize(review.At) };
            },
            cancel);
    }

    /// <summary>Every review of the person in the framework, oldest first; only one card's when
    /// <paramref name="card"/> is given.</summary>
    public Task<IReadOnlyList<CardReview>> GetCardReviewsAsync(PersonId person, string framework, string? card = null, CancellationToken cancel = default) =>
        ReadPersonsAsync(person, async (db, primary) => (await db.Connection.QueryAsync<ReviewRow>(
                """
                SELECT id AS Id, framework AS Framework, card AS Card, rating AS Rating, reviewed_at AS At,
                       state_before AS Before, state_after AS After
                FROM card_reviews
                WHERE person_id = @personId AND framework = @framework AND (@card IS NULL OR card = @card)
                ORDER BY reviewed_at, id
                """,
                new { personId = person.Value, framework, card }))
            .Select(row => new CardReview(
                primary,
                row.Framework,
                row.Card,
                row.Rating is >= 1 and <= 4
                    ? (Rating)row.Rating
                    : throw new StoreException(StoreFault.Corrupted, $"{Location.Display}: card_reviews row {row.Id} has rating {row.Rating}"),
                StoredTime.Read(row.At, "card_reviews.reviewed_at"),
                ReadMemory(row.Before, row.Id, "state_before"),
                ReadMemory(row.After, row.Id, "state_after")))
            .ToList(),
            cancel);

    // --- Manual evidence history ----------------------------------------------------------

    /// <summary>Every manual evidence row of the person in the framework, removed ones included (with
    /// the time of removal), oldest first.</summary>
    public Task<IReadOnlyList<ManualEvidenceEntry>> GetManualEvidenceHistoryAsync(PersonId person, string framework, CancellationToken cancel = default) =>
        ReadPersonsAsync(person, async (db, primary) => (await db.Connection.QueryAsync<EvidenceHistoryRow>(
                """
                SELECT id AS Id, framework AS Framework, topic AS Topic, skill AS Skill, link AS Link,
                       note AS Note, at AS At, removed_at AS RemovedAt
                FROM manual_evidence
                WHERE person_id = @personId AND framework = @framework
                ORDER BY at, id
                """,
                new { personId = person.Value, framework }))
            .Select(row => new ManualEvidenceEntry(
                new ManualEvidence(row.Id, primary, row.Framework, row.Topic, row.Skill, row.Link, row.Note, StoredTime.Read(row.At, "manual_evidence.at")),
                StoredTime.ReadOptional(row.RemovedAt, "manual_evidence.removed_at")))
            .ToList(),
            cancel);

    /// <summary>Reads rows of one person, given their primary email; nothing for a person the store does not have.</summary>
    private Task<IReadOnlyList<T>> ReadPersonsAsync<T>(PersonId person, Func<StoreDatabase, string, Task<List<T>>> read, CancellationToken cancel) =>
        ReadAsync<IReadOnlyList<T>>(
            async db => await TryLoadPersonAsync(db, person.Value, null) is { } found ? await read(db, found.PrimaryEmail) : [],
            cancel);

    private ProgressStatus ReadStatus(string text) =>
        ProgressStatuses.TryParse(text, out var status)
            ? status
            : throw new StoreException(StoreFault.Corrupted, $"{Location.Display}: '{text}' is not a progress status");

    private CardMemory ReadMemory(string json, long id, string column) =>
        CardMemoryJson.Read(json, out var problem)
            ?? throw new StoreException(StoreFault.Corrupted, $"{Location.Display}: card_reviews row {id}, {column}: {problem}");

    private sealed class RoleRow
    {
        public string Framework { get; set; } = "";

        public string Role { get; set; } = "";

        public object SetAt { get; set; } = "";

        public object? RemovedAt { get; set; }

        public string? Grade { get; set; }
    }

    private sealed class MarkRow
    {
        public string Framework { get; set; } = "";

        public string Item { get; set; } = "";

        public string Status { get; set; } = "";

        public object At { get; set; } = "";
    }

    private sealed class ReviewRow
    {
        public long Id { get; set; }

        public string Framework { get; set; } = "";

        public string Card { get; set; } = "";

        public long Rating { get; set; }

        public object At { get; set; } = "";

        public string Before { get; set; } = "";

        public string After { get; set; } = "";
    }

    private sealed class EvidenceHistoryRow
    {
        public long Id { get; set; }

        public string Framework { get; set; } = "";

        public string Topic { get; set; } = "";

        public string? Skill { get; set; }

        public string? Link { get; set; }

        public string? Note { get; set; }

        public object At { get; set; } = "";

        public object? RemovedAt { get; set; }
    }
}
