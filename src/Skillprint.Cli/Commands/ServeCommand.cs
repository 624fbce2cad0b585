using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Skillprint.Server;
using Skillprint.Store;

namespace Skillprint.Cli.Commands;

/// <summary>
/// `skillprint serve [--urls URL...]`: the Skillprint server (REST API under /api/v1, OpenAPI,
/// accounts) over the same store as every command. The CLI hosts the server project in its own
/// process, so one `skillprint` does everything and picks the store the same way (--db,
/// SKILLPRINT_DB, the per-user file). A local SQLite file is migrated first, as every command does;
/// PostgreSQL must be migrated on purpose (`skillprint db migrate`).
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(CliApp app)
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Where to listen (default {DefaultUrl}: this machine only). Use http://0.0.0.0:5080 to listen on every interface, behind a TLS proxy.",
            HelpName = "URL",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Run the Skillprint server: the REST API under /api/v1 (OpenAPI at /openapi/v1.json, reference at /api), sign-in and tokens, /healthz. Stop it with Ctrl+C.")
        {
            urls,
        };
        command.SetAction(parsed =>
        {
            var listen = parsed.GetValue(urls) is { Length: > 0 } given ? given : [DefaultUrl];
            foreach (var url in listen)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new UsageException($"--urls: '{url}' is not an http:// or https:// URL", $"for example --urls {DefaultUrl}");
                }
            }

            StoreLocation location;
            using (var store = app.OpenStore(parsed))
            {
                location = store.Location;
            }

            var server = ServerApp.Build([], builder =>
            {
                builder.Configuration[StoreLocation.EnvironmentVariable] = location.Target;
                builder.WebHost.UseUrls(listen);
            });
            app.Context.Error.WriteLine($"skillprint: serving {location.Display} at {string.Join(", ", listen)} (Ctrl+C stops)");
            server.StartAsync(app.Context.Stopping).GetAwaiter().GetResult();
            server.WaitForShutdownAsync(app.Context.Stopping).GetAwaiter().GetResult();
            server.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint serve", "skillprint serve --urls http://0.0.0.0:5080 --db 'Host=db.example.org;Database=skillprint;Username=skillprint'");
        return command;
    }
}
