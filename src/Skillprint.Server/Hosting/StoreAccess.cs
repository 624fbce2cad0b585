using Skillprint.Core.Teams;
using Skillprint.Core.Accounts;
using Skillprint.Store;

namespace Skillprint.Server.Hosting;

/// <summary>
/// The server's way to its store. The server never migrates: a store at an older schema answers
/// 503 until `skillprint db migrate` has run (`skillprint serve` migrates a local SQLite file first,
/// as every command does with its own file).
/// </summary>
public sealed class StoreAccess(ServerSettings settings) : IDisposable
{
    private readonly Lock gate = new();
    private SkillprintStore? store;

    public StoreLocation Location => settings.Store;

    /// <summary>The store, opened once (checked at this server's schema) and shared by every
    /// request: each of its operations takes a connection of its own from the pool, so it holds
    /// none between requests. A store that could not be opened (down, not migrated) is tried again
    /// on the next call, so the server recovers without a restart.</summary>
    public SkillprintStore Store()
    {
        lock (gate)
        {
            return store ??= SkillprintStore.OpenExisting(settings.Store);
        }
    }

    public IAccountStore Accounts() => Store();

    /// <summary>The code standings kept between team matrices and reports; each is checked against
    /// the store's evidence stamp before use, so a push shows at the next request.</summary>
    public CodeStandingCache Standings { get; } = new(TimeProvider.System);

    /// <summary>The views the audit log holds already for the hour (a refresh is not recorded again).</summary>
    public Skillprint.Core.Audit.ViewThrottle Views { get; } = new(TimeProvider.System);

    /// <summary>The schema version the store is at, read without changing anything.</summary>
    public Task<int> ReadSchemaVersionAsync(CancellationToken cancellation) =>
        Task.Run(() => SkillprintStore.ReadSchemaVersion(settings.Store), cancellation);

    public void Dispose()
    {
        lock (gate)
        {
            store?.Dispose();
            store = null;
        }
    }
}
