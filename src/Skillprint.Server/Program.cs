using Skillprint.Server;

// The Skillprint server on its own (`dotnet Skillprint.Server.dll`); `skillprint serve` hosts the
// same application from the command line. Configuration: SKILLPRINT_DB (the store), ASPNETCORE_URLS
// or --urls, and the Skillprint:* settings described in ServerSettings.
var app = ServerApp.Build(args);
await app.RunAsync();

/// <summary>The entry point, named for WebApplicationFactory in the tests.</summary>
public sealed partial class Program;
