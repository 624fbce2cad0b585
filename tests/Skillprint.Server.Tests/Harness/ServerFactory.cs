using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skillprint.Core.Accounts;
using Skillprint.Server.Auth;
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

    /// <summary>Every line the server logged, at every level.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The client address every request comes from (none: TestServer's default, no address).</summary>
    public IPAddress? RemoteAddress { get; init; }

    /// <summary>Makes <paramref name="email"/> a user. The hash is made with few iterations to keep
    /// tests fast; the server reads the count from the hash, as it would any older hash.</summary>
    public async Task<Account> AddUserAsync(string email, AccountRole role, string password = Password)
    {
        using var store = SkillprintStore.OpenExisting(Store);
        return (await new AccountService(store, TimeProvider.System, passwordIterations: 1000).AddUserAsync(email, role, password, default)).Account;
    }

    public const string Password = "a-long-password-1";

    public async Task<string> TokenAsync(Core.People.PersonId personId, TokenScope scope)
    {
        using var store = SkillprintStore.OpenExisting(Store);
        return (await new AccountService(store, TimeProvider.System).CreateTokenAsync(personId, "test", scope, null, default)).Secret;
    }

    /// <summary>A client with a bearer token.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in with email and password (its cookies kept), and the session's CSRF token.</summary>
    public async Task<(HttpClient Client, SessionInfo Session)> SignedInAsync(string email, string password = Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/session", UriKind.Relative), new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var session = (await response.Content.ReadFromJsonAsync<SessionInfo>(Json))!;
        return (client, session);
    }

    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(new CollectingLogger(Logs)).AddFilter<CollectingLogger>(null, LogLevel.Trace));
        if (RemoteAddress is { } address)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(address)));
        }

        builder.UseSetting(StoreLocation.EnvironmentVariable, Store.Target);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Keeps every log line (category, level, message and exception) in memory.</summary>
public sealed class CollectingLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => new Named(lines, categoryName);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");

    public void Dispose()
    {
    }

    private sealed class Named(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>Gives every request a client address, as a real connection would have.</summary>
public sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate following) =>
        {
            context.Connection.RemoteIpAddress = address;
            return following(context);
        });
        next(app);
    };
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
