using System.Data.Common;
using System.Globalization;
using Dapper;
using Skillprint.Core.Audit;
using Skillprint.Store.Engines;
using Skillprint.Core.Accounts;
using Skillprint.Core.People;

namespace Skillprint.Store;

/// <summary>
/// Users and personal access tokens (migration 8): async, each operation on a pooled connection of
/// its own, as the rest of the store. A token is looked up by the SHA-256 of its secret; the secret
/// is never stored.
/// </summary>
public sealed partial class SkillprintStore : IAccountStore
{
    /// <summary>A token's last use is written at most once a minute, so that reading with a token is
    /// not a write on every request.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private const string AccountColumns =
        """
        u.person_id AS PersonId, p.primary_email AS Email, u.role AS Role, u.must_change_password AS MustChangePassword,
        u.failed_sign_ins AS FailedSignIns, u.locked_until AS LockedUntil, u.created_at AS CreatedAt, u.password_hash AS PasswordHash
        """;

    private const string TokenColumns =
        """
        t.id AS Id, t.person_id AS PersonId, p.primary_email AS Email, t.name AS Name, t.scope AS Scope, t.prefix AS Prefix,
        t.created_at AS CreatedAt, t.expires_at AS ExpiresAt, t.last_used_at AS LastUsedAt, t.revoked_at AS RevokedAt, t.team_id AS TeamId
        """;

    public async Task<Account?> AddUserAsync(string email, AccountRole role, string passwordHash, bool mustChangePassword, DateTimeOffset at, CancellationToken cancellation)
    {
        var normalized = NormalizeEmail(email);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        return await WriteAsync(
            async (db, transaction) =>
            {
                var personId = await db.Connection.QuerySingleOrDefaultAsync<long?>(
                    new CommandDefinition("SELECT person_id FROM person_emails WHERE email = @normalized", new { normalized }, transaction, cancellationToken: cancellation));
                if (personId is null)
                {
                    personId = await db.Connection.ExecuteScalarAsync<long>(
                        new CommandDefinition("INSERT INTO persons (primary_email) VALUES (@normalized) RETURNING id", new { normalized }, transaction, cancellationToken: cancellation));
                    await db.Connection.ExecuteAsync(
                        new CommandDefinition("INSERT INTO person_emails (email, person_id) VALUES (@normalized, @personId)", new { normalized, personId }, transaction, cancellationToken: cancellation));
                }

                var added = await db.Connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO users (person_id, role, password_hash, must_change_password, created_at)
                    VALUES (@personId, @role, @passwordHash, @mustChangePassword, @at)
                    ON CONFLICT (person_id) DO NOTHING
                    """,
                    new { personId, role = RoleText(role), passwordHash, mustChangePassword, at = db.Time(at) },
                    transaction,
                    cancellationToken: cancellation));
                if (added == 0)
                {
                    return null;
                }

                await AuditAsync(db, transaction, AuditAction.UserAdd, personId, normalized, RoleText(role));
                return (await LoadAccountAsync(db.Connection, transaction, "u.person_id = @personId", new { personId = personId.Value }, cancellation))?.Account;
            },
            cancellation);
    }

    public Task<AccountCredentials?> FindUserAsync(string email, CancellationToken cancellation)
    {
        var normalized = NormalizeEmail(email);
        return ReadAsync(
            db => LoadAccountAsync(db.Connection, null, "u.person_id = (SELECT person_id FROM person_emails WHERE email = @normalized)", new { normalized }, cancellation),
            cancellation);
    }

    public async Task<Account?> GetUserAsync(PersonId personId, CancellationToken cancellation) =>
        (await ReadAsync(db => LoadAccountAsync(db.Connection, null, "u.person_id = @personId", new { personId = personId.Value }, cancellation), cancellation))?.Account;

    public Task<IReadOnlyList<Account>> ListUsersAsync(CancellationToken cancellation) =>
        ReadAsync<IReadOnlyList<Account>>(
            async db =>
            {
                var rows = await db.Connection.QueryAsync<AccountRow>(new CommandDefinition(
                    $"SELECT {AccountColumns} FROM users AS u JOIN persons AS p ON p.id = u.person_id ORDER BY u.person_id",
                    cancellationToken: cancellation));
                return rows.Select(row => row.ToAccount().Account).ToList();
            },
            cancellation);

    public Task<Account> RecordFailedSignInAsync(PersonId personId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellation) =>
        WriteAsync(
            async (db, transaction) =>
            {
                // The failure that reaches the limit locks the account and starts the count again.
                await db.Connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE users SET
                        locked_until = CASE WHEN failed_sign_ins + 1 >= @maxFailures THEN @lockUntil ELSE locked_until END,
                        failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @maxFailures THEN 0 ELSE failed_sign_ins + 1 END
                    WHERE person_id = @personId
                    """,
                    new { personId = personId.Value, maxFailures, lockUntil = db.Time(lockUntil) },
                    transaction,
                    cancellationToken: cancellation));
                return (await LoadAccountAsync(db.Connection, transaction, "u.person_id = @personId", new { personId = personId.Value }, cancellation))?.Account
                    ?? throw new StoreException(StoreFault.InvalidInput, $"person {personId} is not a user");
            },
            cancellation);

    public Task RecordSignInAsync(PersonId personId, CancellationToken cancellation) =>
        WriteAsync(
            (db, transaction) => db.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE person_id = @personId",
                new { personId = personId.Value },
                transaction,
                cancellationToken: cancellation)),
            cancellation);

    public Task SetPasswordAsync(PersonId personId, string passwordHash, bool mustChangePassword, CancellationToken cancellation) =>
        WriteAsync(
            (db, transaction) => db.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE users SET password_hash = @passwordHash, must_change_password = @mustChangePassword,
                    failed_sign_ins = 0, locked_until = NULL
                WHERE person_id = @personId
                """,
                new { personId = personId.Value, passwordHash, mustChangePassword },
                transaction,
                cancellationToken: cancellation)),
            cancellation);

    public Task<AccessToken> AddTokenAsync(PersonId personId, string name, TokenScope scope, string secretHash, string prefix, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellation) =>
        WriteAsync(
            async (db, transaction) =>
            {
                var id = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO access_tokens (person_id, name, scope, secret_hash, prefix, created_at, expires_at)
                    VALUES (@personId, @name, @scope, @secretHash, @prefix, @at, @expiresAt)
                    RETURNING id
                    """,
                    new { personId = personId.Value, name, scope = ScopeText(scope), secretHash, prefix, at = db.Time(at), expiresAt = db.Time(expiresAt) },
                    transaction,
                    cancellationToken: cancellation));
                await AuditAsync(db, transaction, AuditAction.TokenCreate, personId.Value, $"token {id}", $"'{name}', {ScopeText(scope)}");
                return (await LoadTokensAsync(db.Connection, transaction, "t.id = @id", new { id }, cancellation)).Single();
            },
            cancellation);

    public Task<AccessToken> AddTeamTokenAsync(long teamId, PersonId createdBy, string name, string secretHash, string prefix, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellation) =>
        WriteAsync(
            async (db, transaction) =>
            {
                await RequirePersonAsync(db, createdBy, transaction);
                var id = await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    INSERT INTO access_tokens (person_id, name, scope, secret_hash, prefix, created_at, expires_at, team_id)
                    SELECT @createdBy, @name, 'push', @secretHash, @prefix, @at, @expiresAt, t.id FROM teams AS t WHERE t.id = @teamId
                    RETURNING id
                    """,
                    new { createdBy = createdBy.Value, name, secretHash, prefix, at = db.Time(at), expiresAt = db.Time(expiresAt), teamId },
                    transaction,
                    cancellationToken: cancellation))
                    ?? throw new StoreException(StoreFault.InvalidInput, $"there is no team {teamId}");
                await AuditAsync(db, transaction, AuditAction.TokenCreate, null, $"token {id}", $"'{name}', push for team {teamId}");
                return (await LoadTokensAsync(db.Connection, transaction, "t.id = @id", new { id }, cancellation)).Single();
            },
            cancellation);

    public Task<IReadOnlyList<AccessToken>> ListTokensAsync(PersonId? personId, CancellationToken cancellation) =>
        ReadAsync(
            db => LoadTokensAsync(db.Connection, null, "(@personId IS NULL OR t.person_id = @personId)", new { personId = personId?.Value }, cancellation),
            cancellation);

    public async Task<TokenHolder?> UseTokenAsync(string secretHash, DateTimeOffset at, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretHash);
        var found = await ReadAsync(
            async db =>
            {
                var tokens = await LoadTokensAsync(
                    db.Connection,
                    null,
                    "t.secret_hash = @secretHash AND (t.team_id IS NULL OR EXISTS (SELECT 1 FROM teams AS team WHERE team.id = t.team_id))",
                    new { secretHash },
                    cancellation);
                if (tokens.Count == 0 || !tokens[0].IsActive(at))
                {
                    return null;
                }

                var account = await LoadAccountAsync(db.Connection, null, "u.person_id = @PersonId", new { PersonId = tokens[0].PersonId.Value }, cancellation);
                return account is null ? null : new TokenHolder(account.Account, tokens[0]);
            },
            cancellation);
        if (found is null || (found.Token.LastUsedAt is { } last && at - last < LastUseResolution))
        {
            return found;
        }

        var id = found.Token.Id;
        await WriteAsync(
            (db, transaction) => db.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE access_tokens SET last_used_at = @at WHERE id = @id",
                new { id, at = db.Time(at) },
                transaction,
                cancellationToken: cancellation)),
            cancellation);
        return found with { Token = found.Token with { LastUsedAt = StoredTime.Normalize(at) } };
    }

    public Task<AccessToken?> RevokeTokenAsync(long tokenId, PersonId? ownerId, DateTimeOffset at, CancellationToken cancellation) =>
        WriteAsync(
            async (db, transaction) =>
            {
                var changed = await db.Connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE access_tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @tokenId AND (@ownerId IS NULL OR person_id = @ownerId)",
                    new { tokenId, ownerId = ownerId?.Value, at = db.Time(at) },
                    transaction,
                    cancellationToken: cancellation));
                if (changed == 0)
                {
                    return null;
                }

                var token = (await LoadTokensAsync(db.Connection, transaction, "t.id = @tokenId", new { tokenId }, cancellation)).Single();
                await AuditAsync(db, transaction, AuditAction.TokenRevoke, token.TeamId is null ? token.PersonId.Value : null, $"token {tokenId}", token.TeamId is { } team ? $"'{token.Name}', push for team {team}" : $"'{token.Name}'");
                return token;
            },
            cancellation);

    // --- Plumbing -------------------------------------------------------------------------

    private static async Task<AccountCredentials?> LoadAccountAsync(DbConnection connection, DbTransaction? transaction, string where, object parameters, CancellationToken cancellation)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountColumns} FROM users AS u JOIN persons AS p ON p.id = u.person_id WHERE {where}",
            parameters,
            transaction,
            cancellationToken: cancellation));
        return row?.ToAccount();
    }

    private static async Task<IReadOnlyList<AccessToken>> LoadTokensAsync(DbConnection connection, DbTransaction? transaction, string where, object parameters, CancellationToken cancellation)
    {
        var rows = await connection.QueryAsync<TokenRow>(new CommandDefinition(
            $"SELECT {TokenColumns} FROM access_tokens AS t JOIN persons AS p ON p.id = t.person_id WHERE {where} ORDER BY t.id DESC",
            parameters,
            transaction,
            cancellationToken: cancellation));
        return rows.Select(row => row.ToToken()).ToList();
    }

    /// <summary>A write that returns nothing of its own (a row count is ignored).</summary>
    private async Task WriteAsync(Func<StoreDatabase, DbTransaction, Task<int>> work, CancellationToken cancellation) =>
        await WriteAsync<int>(work, cancellation);

    private static string RoleText(AccountRole role) => role switch
    {
        AccountRole.Admin => "admin",
        AccountRole.Member => "member",
        _ => throw new StoreException(StoreFault.InvalidInput, $"'{(int)role}' is not a role"),
    };

    private static string ScopeText(TokenScope scope) => scope switch
    {
        TokenScope.Read => "read",
        TokenScope.Write => "write",
        TokenScope.Push => "push",
        _ => throw new StoreException(StoreFault.InvalidInput, $"'{(int)scope}' is not a token scope"),
    };

    private sealed class AccountRow
    {
        public long PersonId { get; set; }

        public string Email { get; set; } = "";

        public string Role { get; set; } = "";

        public bool MustChangePassword { get; set; }

        public long FailedSignIns { get; set; }

        public object? LockedUntil { get; set; }

        public object CreatedAt { get; set; } = "";

        public string PasswordHash { get; set; } = "";

        public AccountCredentials ToAccount() => new(
            new Account(
                new PersonId(PersonId),
                Email,
                Role switch
                {
                    "admin" => AccountRole.Admin,
                    "member" => AccountRole.Member,
                    _ => throw new StoreException(StoreFault.Corrupted, $"users.role of person {PersonId} is '{Role}'"),
                },
                MustChangePassword,
                (int)FailedSignIns,
                StoredTime.ReadOptional(LockedUntil, "users.locked_until"),
                StoredTime.Read(CreatedAt, "users.created_at")),
            PasswordHash);
    }

    private sealed class TokenRow
    {
        public long Id { get; set; }

        public long PersonId { get; set; }

        public string Email { get; set; } = "";

        public string Name { get; set; } = "";

        public string Scope { get; set; } = "";

        public string Prefix { get; set; } = "";

        public object CreatedAt { get; set; } = "";

        public object? ExpiresAt { get; set; }

        public object? LastUsedAt { get; set; }

        public object? RevokedAt { get; set; }

        public long? TeamId { get; set; }

        public AccessToken ToToken() => new(
            Id,
            new PersonId(PersonId),
            Email,
            Name,
            Scope switch
            {
                "read" => TokenScope.Read,
                "write" => TokenScope.Write,
                "push" => TokenScope.Push,
                _ => throw new StoreException(StoreFault.Corrupted, $"access_tokens.scope of token {Id} is '{Scope}'"),
            },
            Prefix,
            StoredTime.Read(CreatedAt, "access_tokens.created_at"),
            StoredTime.ReadOptional(ExpiresAt, "access_tokens.expires_at"),
            StoredTime.ReadOptional(LastUsedAt, "access_tokens.last_used_at"),
            StoredTime.ReadOptional(RevokedAt, "access_tokens.revoked_at"),
            TeamId);
    }
}
