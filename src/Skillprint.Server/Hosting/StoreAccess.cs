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
    private SkillprintStore? accounts;

    public StoreLocation Location => settings.Store;

    /// <summary>Opens the store for one piece of work (dispose it when done).</summary>
    public SkillprintStore Open() => SkillprintStore.OpenExisting(settings.Store);

    /// <summary>The accounts part of the store, opened once and shared: each of its operations
    /// takes a connection of its own from the pool, so it holds none between requests. A store that
    /// could not be opened (down, not migrated) is tried again on the next call.</summary>
    public IAccountStore Accounts()
    {
        lock (gate)
        {
            return accounts ??= SkillprintStore.OpenExisting(settings.Store);
        }
    }

    /// <summary>The schema version the store is at, read without changing anything.</summary>
    public Task<int> ReadSchemaVersionAsync(CancellationToken cancellation) =>
        Task.Run(() => SkillprintStore.ReadSchemaVersion(settings.Store), cancellation);

    public void Dispose()
    {
        lock (gate)
        {
            accounts?.Dispose();
            accounts = null;
        }
    }
}
