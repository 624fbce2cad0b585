using System.Data.Common;
using Dapper;
using Skillprint.Core.Audit;
using Skillprint.Core.Identities;
using Skillprint.Core.People;
using Skillprint.Store.Engines;

namespace Skillprint.Store;

/// <summary>
/// Identities (migration 11): the author emails of stored code hits. One that is no person's email
/// is unclaimed: its hits are kept and count for no one until an admin links it to a person, which
/// adds the email to the person's (person_emails) and records the link (identity_links), so that
/// unlinking takes away exactly what linking added.
/// </summary>
public sealed partial class SkillprintStore : IIdentityStore
{
    private const string IdentityCondition =
        """
        h.author_email IS NOT NULL AND h.author_email <> ''
        AND (@email IS NULL OR h.author_email = @email)
        AND (NOT EXISTS (SELECT 1 FROM person_emails AS e WHERE e.email = h.author_email)
             OR (@withLinked AND EXISTS (SELECT 1 FROM identity_links AS l WHERE l.email = h.author_email)))
        """;

    public Task<IReadOnlyList<Identity>> ListIdentitiesAsync(bool withLinked, CancellationToken cancel = default) =>
        ReadAsync(db => LoadIdentitiesAsync(db, null, withLinked, null, cancel), cancel);

    public Task<Identity> LinkIdentityAsync(string email, PersonId person, DateTimeOffset at, CancellationToken cancel = default)
    {
        var normalized = NormalizeEmail(email);
        return WriteAsync(
            async (db, transaction) =>
            {
                await RequirePersonAsync(db, person, transaction);
                if (await FindPersonIdAsync(db, normalized, transaction) is { } owner)
                {
                    var whose = owner == person.Value ? "theirs" : $"person {owner}'s";
                    throw new IdentityException($"{normalized} is not unclaimed: it is {whose} already");
                }

                var found = await LoadIdentitiesAsync(db, transaction, withLinked: false, normalized, cancel);
                if (found.Count == 0)
                {
                    throw new IdentityException($"no code evidence is written under {normalized}; to give someone an email, use 'person alias'");
                }

                await db.Connection.ExecuteAsync(new CommandDefinition("DELETE FROM identity_links WHERE email = @normalized", new { normalized }, transaction, cancellationToken: cancel));
                await db.Connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO person_emails (email, person_id) VALUES (@normalized, @personId)", new { normalized, personId = person.Value }, transaction, cancellationToken: cancel));
                await db.Connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO identity_links (email, person_id, linked_at) VALUES (@normalized, @personId, @at)",
                    new { normalized, personId = person.Value, at = db.Time(at) },
                    transaction,
                    cancellationToken: cancel));
                await AuditAsync(db, transaction, AuditAction.IdentityLink, person.Value, normalized, null);
                return (await LoadIdentitiesAsync(db, transaction, withLinked: true, normalized, cancel)).Single();
            },
            cancel);
    }

    public Task<Identity> UnlinkIdentityAsync(string email, CancellationToken cancel = default)
    {
        var normalized = NormalizeEmail(email);
        return WriteAsync(
            async (db, transaction) =>
            {
                var linked = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    SELECT COUNT(*) FROM identity_links AS l JOIN person_emails AS e ON e.email = l.email
                    JOIN persons AS p ON p.id = e.person_id
                    WHERE l.email = @normalized AND p.primary_email <> l.email
                    """,
                    new { normalized },
                    transaction,
                    cancellationToken: cancel));
                if (linked == 0)
                {
                    throw new IdentityException($"{normalized} was not linked by 'identity link'; nothing changed");
                }

                var owner = await FindPersonIdAsync(db, normalized, transaction);
                await AuditAsync(db, transaction, AuditAction.IdentityUnlink, owner, normalized, null);

                await db.Connection.ExecuteAsync(new CommandDefinition("DELETE FROM person_emails WHERE email = @normalized", new { normalized }, transaction, cancellationToken: cancel));
                await db.Connection.ExecuteAsync(new CommandDefinition("DELETE FROM identity_links WHERE email = @normalized", new { normalized }, transaction, cancellationToken: cancel));
                return (await LoadIdentitiesAsync(db, transaction, withLinked: false, normalized, cancel)).Single();
            },
            cancel);
    }

    private static async Task<IReadOnlyList<Identity>> LoadIdentitiesAsync(StoreDatabase db, DbTransaction? transaction, bool withLinked, string? email, CancellationToken cancel)
    {
        var parameters = new { withLinked, email };
        var rows = await db.Connection.QueryAsync<IdentityRow>(new CommandDefinition(
            $"""
            SELECT h.author_email AS Email, COUNT(*) AS Hits, MIN(h.committed_at) AS FirstSeen, MAX(h.committed_at) AS LastSeen
            FROM hits AS h WHERE {IdentityCondition}
            GROUP BY h.author_email ORDER BY h.author_email
            """,
            parameters,
            transaction,
            cancellationToken: cancel));
        var repositories = (await db.Connection.QueryAsync<(string Email, string Name)>(new CommandDefinition(
            $"""
            SELECT DISTINCT h.author_email, r.name FROM hits AS h JOIN files AS f ON f.id = h.file_id JOIN repositories AS r ON r.id = f.repository_id
            WHERE {IdentityCondition}
            """,
            parameters,
            transaction,
            cancellationToken: cancel))).ToLookup(row => row.Email, row => row.Name, StringComparer.Ordinal);
        var links = (await db.Connection.QueryAsync<LinkRow>(new CommandDefinition(
            """
            SELECT l.email AS Email, p.primary_email AS Person, l.linked_at AS LinkedAt
            FROM identity_links AS l JOIN person_emails AS e ON e.email = l.email JOIN persons AS p ON p.id = e.person_id
            WHERE @email IS NULL OR l.email = @email
            """,
            parameters,
            transaction,
            cancellationToken: cancel))).ToDictionary(row => row.Email, StringComparer.Ordinal);
        return rows.Select(row =>
        {
            var link = links.GetValueOrDefault(row.Email);
            return new Identity(
                row.Email,
                (int)row.Hits,
                StoredTime.ReadOptional(row.FirstSeen, "hits.committed_at"),
                StoredTime.ReadOptional(row.LastSeen, "hits.committed_at"),
                repositories[row.Email].Order(StringComparer.Ordinal).ToList(),
                link?.Person,
                link is null ? null : StoredTime.Read(link.LinkedAt, "identity_links.linked_at"));
        }).ToList();
    }

    private sealed class IdentityRow
    {
        public string Email { get; set; } = "";

        public long Hits { get; set; }

        public object? FirstSeen { get; set; }

        public object? LastSeen { get; set; }
    }

    private sealed class LinkRow
    {
        public string Email { get; set; } = "";

        public string Person { get; set; } = "";

        public object LinkedAt { get; set; } = "";
    }
}
