using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Skillprint.Store;

namespace Skillprint.Server.Tests.Harness;

/// <summary>
/// The real server (the same Program, pipeline and authentication) in memory, over a store of its
/// own: a fresh SQLite file in a temporary folder, migrated as `skillprint db migrate` would.
/// Settings given to the constructor are the server's configuration (Skillprint:*, SKILLPRINT_DB).
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public ServerFactory(StoreLocation store, IReadOnlyDictionary<string, string?>? settings = null, bool migrate = true)
    {
        Store = store;
        this.settings = settings ?? new Dictionary<string, string?>();
        if (migrate)
        {
            using var opened = SkillprintStore.Open(store);
        }
    }

    public StoreLocation Store { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting(StoreLocation.EnvironmentVariable, Store.Target);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>A temporary folder, deleted with what it holds.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "skillprint-server-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public StoreLocation SqliteStore(string name = "skillprint.db") => StoreLocation.Sqlite(System.IO.Path.Combine(Path, name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (SQLite's pool) goes with the temporary folder's next cleanup.
        }
    }
}
