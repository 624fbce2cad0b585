using System.Net;
using Skillprint.Store;

namespace Skillprint.Server;

/// <summary>
/// What the server takes from its configuration (environment variables, command line, appsettings):
/// <list type="bullet">
/// <item><c>SKILLPRINT_DB</c>: the store, as for every command (a SQLite path or a PostgreSQL connection string).</item>
/// <item><c>Skillprint:MaxRequestBodyBytes</c>: the largest request body accepted (default 1 MiB).</item>
/// <item><c>Skillprint:MaxPushBodyBytes</c>: the largest push (`scan --push`) accepted, counted after
/// decompression (default 64 MiB): one repository's hits come in one request, so that the endpoint
/// replaces them in one transaction.</item>
/// <item><c>Skillprint:ForwardedHeaders:KnownProxies</c>: addresses of reverse proxies whose
/// X-Forwarded-For and X-Forwarded-Proto are believed; none by default, so the headers are ignored.</item>
/// <item><c>Skillprint:SignInPermitsPerMinute</c>: sign-in attempts allowed per client address and minute (default 10).</item>
/// </list>
/// </summary>
public sealed record ServerSettings(
    StoreLocation Store,
    long MaxRequestBodyBytes,
    IReadOnlyList<IPAddress> KnownProxies,
    int SignInPermitsPerMinute,
    long MaxPushBodyBytes = ServerSettings.DefaultMaxPushBodyBytes)
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public const long DefaultMaxPushBodyBytes = 64 * 1024 * 1024;

    public const int DefaultSignInPermitsPerMinute = 10;

    /// <summary>Reads the settings; a value that is not usable is an error naming its key.</summary>
    public static ServerSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var store = StoreLocation.Resolve(configuration[StoreLocation.EnvironmentVariable], name => configuration[name]);
        var proxies = new List<IPAddress>();
        foreach (var entry in configuration.GetSection("Skillprint:ForwardedHeaders:KnownProxies").GetChildren())
        {
            proxies.Add(IPAddress.TryParse(entry.Value, out var address)
                ? address
                : throw new InvalidOperationException($"{entry.Path}: '{entry.Value}' is not an IP address"));
        }

        return new ServerSettings(
            store,
            Positive(configuration, "Skillprint:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes),
            proxies,
            (int)Positive(configuration, "Skillprint:SignInPermitsPerMinute", DefaultSignInPermitsPerMinute),
            Positive(configuration, "Skillprint:MaxPushBodyBytes", DefaultMaxPushBodyBytes));
    }

    private static long Positive(IConfiguration configuration, string key, long fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{key}: '{text}' is not a positive whole number");
    }
}
