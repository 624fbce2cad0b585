using System.Net;
using System.Net.Sockets;

namespace Skillprint.Cli.Tests;

/// <summary>
/// `skillprint serve` of a <see cref="CliRunner"/>'s store, run in-process on a free loopback port
/// (real Kestrel) until disposed; <see cref="StartAsync"/> returns once /healthz answers.
/// </summary>
public sealed class ServedStore : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();

    private ServedStore(CliRunner cli)
    {
        Url = $"http://127.0.0.1:{FreePort()}";
        Serving = Task.Run(() => cli.RunWith(null, stop.Token, "serve", "--urls", Url));
    }

    /// <summary>The server's address, without a trailing slash.</summary>
    public string Url { get; }

    /// <summary>The run of `serve`: its exit code and what it printed, once stopped.</summary>
    public Task<CliResult> Serving { get; }

    public static async Task<ServedStore> StartAsync(CliRunner cli)
    {
        var served = new ServedStore(cli);
        using var client = new HttpClient { BaseAddress = new Uri(served.Url) };
        (await Poll(client, served.Serving)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return served;
    }

    /// <summary>Stops the server and waits for `serve` to end.</summary>
    public async Task<CliResult> StopAsync()
    {
        await stop.CancelAsync();
        return await Serving.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Serving.IsCompleted)
        {
            await StopAsync();
        }

        stop.Dispose();
    }

    /// <summary>Asks for /healthz until the server answers (or `serve` ends early, or 20 s pass).</summary>
    public static async Task<HttpResponseMessage> Poll(HttpClient client, Task<CliResult> serving)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (serving.IsCompleted)
            {
                throw new InvalidOperationException("serve ended early: " + serving.Result);
            }

            try
            {
                return await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("serve did not answer within 20 s");
    }

    /// <summary>A loopback port no one listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
