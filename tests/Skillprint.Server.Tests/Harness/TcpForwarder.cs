using System.Net;
using System.Net.Sockets;

namespace Skillprint.Server.Tests.Harness;

/// <summary>
/// A TCP relay on a loopback port to a real server (PostgreSQL), which a test can cut (every
/// connection dropped, new ones refused: the database gone, as far as the server can tell) and
/// bring back on the same port, without stopping the shared PostgreSQL server.
/// </summary>
public sealed class TcpForwarder : IDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> open = [];
    private readonly Lock gate = new();
    private TcpListener? listener;
    private CancellationTokenSource? running;

    public TcpForwarder(string host, int port)
    {
        target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public void Start()
    {
        running = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        var token = running.Token;
        var accepting = listener;
        _ = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await accepting.AcceptTcpClientAsync(token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = RelayAsync(client, token);
            }
        });
    }

    /// <summary>Drops every connection and refuses new ones until <see cref="Start"/>.</summary>
    public void Cut()
    {
        running?.Cancel();
        listener?.Stop();
        lock (gate)
        {
            foreach (var client in open)
            {
                try
                {
                    client.Client?.LingerState = new LingerOption(true, 0); // a reset, as a dead server gives
                }
                catch (ObjectDisposedException)
                {
                    // Closed by its relay already.
                }

                client.Dispose();
            }

            open.Clear();
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken token)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(target, token);
            lock (gate)
            {
                open.Add(client);
                open.Add(server);
            }

            using var both = CancellationTokenSource.CreateLinkedTokenSource(token);
            var up = client.GetStream().CopyToAsync(server.GetStream(), both.Token);
            var down = server.GetStream().CopyToAsync(client.GetStream(), both.Token);
            await Task.WhenAny(up, down);
            await both.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The relay ends with either side.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public void Dispose() => Cut();
}
