using Skillprint.Core.Scanning;

namespace Skillprint.Core.Repositories;

/// <summary>A scanned repository as `repo list` shows it: its id, name (the remote's owner/name
/// when it has one), where it was last scanned from, its remote, when its last complete scan
/// ended, and how many files and hits the store keeps of it.</summary>
public sealed record RepositorySummary(
    long Id,
    string Name,
    string Root,
    RepositoryKind Kind,
    string? Remote,
    DateTimeOffset? LastScan,
    int Files,
    int Hits);

/// <summary>The store as the repository service needs it (implemented by Skillprint.Store).</summary>
public interface IRepositoryStore
{
    Task<IReadOnlyList<RepositorySummary>> ListRepositorySummariesAsync(CancellationToken cancel = default);

    /// <summary>Removes the repository with its files, hits and dismissals; false when there is none.</summary>
    Task<bool> RemoveRepositoryAsync(long id, CancellationToken cancel = default);
}

/// <summary>Which repositories a name, a path or an id given by a person means.</summary>
public sealed class RepositoryService(IRepositoryStore store)
{
    public Task<IReadOnlyList<RepositorySummary>> ListAsync(CancellationToken cancel = default) => store.ListRepositorySummariesAsync(cancel);

    /// <summary>The repositories <paramref name="text"/> names: an id ("3"), a name ("pallets/click",
    /// any case) or a root path (made absolute by the caller). Several when a name is shared.</summary>
    public async Task<IReadOnlyList<RepositorySummary>> FindAsync(string text, string? fullPath, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = await ListAsync(cancel);
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return all.Where(r => r.Id == id).ToList();
        }

        var byRoot = fullPath is null ? [] : all.Where(r => string.Equals(Path.TrimEndingDirectorySeparator(r.Root), Path.TrimEndingDirectorySeparator(fullPath), StringComparison.Ordinal)).ToList();
        return byRoot.Count > 0 ? byRoot : all.Where(r => string.Equals(r.Name, trimmed, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public Task<bool> RemoveAsync(RepositorySummary repository, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return store.RemoveRepositoryAsync(repository.Id, cancel);
    }
}
