using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Skillprint.Core.Frameworks;
using Skillprint.Store;

namespace Skillprint.Bench;

/// <summary>
/// The web pages' weight and my page's render time (issue 13): a PostgreSQL store seeded as the load
/// benchmark seeds it, with 20,000 code hits per person by default; the real server on a loopback
/// port; one person signed in through the API's session. Every page's size as sent (no images: the
/// pages have none), and gzipped; then my page (<c>GET /</c>) and, beside it in the same run,
/// <c>GET /api/v1/me/status</c> (the same status as JSON) and <c>GET /healthz</c>, one request at a
/// time after a warm-up, with p50 and p99. Targets: a page at most 150 KB, my page under 50 ms.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- pages --pg CONNECTION [--people N]
/// [--hits N] [--requests N]</c>. The database named by CONNECTION is the benchmark's: its users and
/// tokens are replaced.
/// </summary>
internal static class PagesBenchmark
{
    private const string Password = "load-benchmark-password";
    private const int PageBudget = 150 * 1024;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? pg = null;
        var people = 10;
        var hits = 200_000;
        var requests = 200;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--pg" when value is not null: pg = value; i++; break;
                case "--people" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0: people = n; i++; break;
                case "--hits" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0: hits = n; i++; break;
                case "--requests" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0: requests = n; i++; break;
                default:
                    error.WriteLine($"pages: unknown or incomplete option '{args[i]}'");
                    return 2;
            }
        }

        if (pg is null)
        {
            error.WriteLine("pages: give --pg \"Host=127.0.0.1;Port=PORT;Username=postgres;Database=NAME\" (a database of its own: it is seeded, and its users and tokens replaced)");
            return 2;
        }

        var framework = BuiltInFrameworks.Load("python").Framework!;
        LoadBenchmark.Seed(StoreLocation.Resolve(pg, _ => null), framework, people, hits, output);
        using var server = LoadBenchmark.StartServer(pg);
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(server.Address),
        };
        var email = "p1@load.example";
        var signIn = client.PostAsJsonAsync("/api/v1/session", new { email, password = Password }).GetAwaiter().GetResult();
        if (!signIn.IsSuccessStatusCode)
        {
            error.WriteLine($"pages: signing in as {email} failed: {(int)signIn.StatusCode}");
            return 1;
        }

        output.WriteLine($"store: {people:N0} people, {hits:N0} code hits ({hits / people:N0} per person); signed in as {email}");
        output.WriteLine();
        output.WriteLine($"{"page",-34} {"bytes",10} {"gzipped",10}  (target at most {PageBudget / 1024} KB)");
        var over = 0;
        foreach (var path in Pages(framework))
        {
            var body = client.GetByteArrayAsync(path).GetAwaiter().GetResult();
            over += body.Length > PageBudget ? 1 : 0;
            output.WriteLine($"{path,-34} {body.Length,10:N0} {Gzipped(body),10:N0}{(body.Length > PageBudget ? "  over" : "")}");
        }

        output.WriteLine();
        output.WriteLine($"{requests} requests one at a time after {requests / 10} not counted, client and server on the same machine:");
        output.WriteLine($"{"request",-26} {"p50 ms",8} {"p99 ms",8} {"mean ms",8}");
        var page = Time(client, "/", requests);
        var api = Time(client, "/api/v1/me/status", requests);
        var health = Time(client, "/healthz", requests);
        foreach (var (name, t) in new[] { ("GET / (my page)", page), ("GET /api/v1/me/status", api), ("GET /healthz", health) })
        {
            output.WriteLine($"{name,-26} {t.P50,8:0.0} {t.P99,8:0.0} {t.Mean,8:0.0}");
        }

        output.WriteLine($"my page / API status (p50): {page.P50 / api.P50:0.00}x; my page p50 {page.P50:0.0} ms (target under 50 ms); {over} page(s) over {PageBudget / 1024} KB");
        return 0;
    }

    private static IEnumerable<string> Pages(Framework framework) =>
    [
        "/", "/topics/" + framework.Topics[0].Id, "/gaps", "/roadmaps", "/roadmaps/" + framework.Roadmaps[0].Id,
        "/practice", "/history", "/framework", "/settings",
    ];

    private static int Gzipped(byte[] body)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return (int)packed.Length;
    }

    private static (double P50, double P99, double Mean) Time(HttpClient client, string path, int requests)
    {
        for (var i = 0; i < requests / 10; i++)
        {
            Fetch(client, path);
        }

        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            Fetch(client, path);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[requests / 2], times[Math.Min(requests - 1, (int)Math.Ceiling(requests * 0.99) - 1)], times.Average());
    }

    private static void Fetch(HttpClient client, string path)
    {
        using var response = client.GetAsync(path).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }
}
