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
    IReadOnlyList<RepositorySummary> ListRepositorySummaries();

    /// <summary>Removes the repository with its files, hits and dismissals; false when there is none.</summary>
    bool RemoveRepository(long id);
}

/// <summary>Which repositories a name, a path or an id given by a person means.</summary>
public sealed class RepositoryService(IRepositoryStore store)
{
    public IReadOnlyList<RepositorySummary> List() => store.ListRepositorySummaries();

    /// <summary>The repositories <paramref name="text"/> names: an id ("3"), a name ("pallets/click",
    /// any case) or a root path (made absolute by the caller). Several when a name is shared.</summary>
    public IReadOnlyList<RepositorySummary> Find(string text, string? fullPath)
    {
        var all = List();
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return all.Where(r => r.Id == id).ToList();
        }

        var byRoot = fullPath is null ? [] : all.Where(r => string.Equals(Path.TrimEndingDirectorySeparator(r.Root), Path.TrimEndingDirectorySeparator(fullPath), StringComparison.Ordinal)).ToList();
        return byRoot.Count > 0 ? byRoot : all.Where(r => string.Equals(r.Name, trimmed, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public bool Remove(RepositorySummary repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return store.RemoveRepository(repository.Id);
    }
}
