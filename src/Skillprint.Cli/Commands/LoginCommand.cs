using System.CommandLine;
using System.Net;
using Skillprint.Cli.Client;

namespace Skillprint.Cli.Commands;

/// <summary>
/// `skillprint login URL --token-stdin` and `skillprint logout`: the server `scan --push` sends to,
/// with a personal access token (made by `token create --scope write` or the API), kept in the
/// user's config folder (see <see cref="LoginFile"/>). The token is checked against the server
/// before anything is saved, and never printed.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(CliApp app)
    {
        var url = new Argument<string>("URL") { Description = "The server's address, as `skillprint serve` listens (https:// for a server on another machine)." };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read the token (sp_...) from the first line of standard input: one made by `skillprint token create --scope write` on the server, or through its API." };
        var command = new Command("login", "Keep a server and a token for `scan --push`, in $XDG_CONFIG_HOME/skillprint/server.json (else ~/.config/skillprint), readable by you alone. The token is checked against the server first; a login that fails saves nothing.")
        {
            url,
            tokenStdin,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var server = ServerClient.NormalizeUrl(parsed.GetValue(url)!);
            if (!parsed.GetValue(tokenStdin))
            {
                throw new UsageException("login needs a token: pipe it in with --token-stdin", $"printf '%s\\n' \"$TOKEN\" | skillprint login {server} --token-stdin (make one on the server: skillprint token create --name laptop --scope write)");
            }

            var token = app.Context.In?.ReadLine()?.Trim();
            if (string.IsNullOrEmpty(token))
            {
                throw new UsageException("--token-stdin: standard input has no line", $"printf '%s\\n' \"$TOKEN\" | skillprint login {server} --token-stdin");
            }

            if (IsCleartextToAnotherMachine(server))
            {
                app.Context.Error.WriteLine($"warning: {server} is plain http to another machine: the token travels unencrypted; prefer https://");
            }

            var login = new ServerLogin(server, token);
            ServerIdentity who;
            using (var client = new ServerClient(login, TimeSpan.FromSeconds(30)))
            {
                who = await client.WhoAmIAsync(cancel);
            }

            LoginFile.Write(app.Context, login);
            app.Context.Out.Profile.Out.Writer.WriteLine($"Logged in to {server} as {who.Email} ({who.Role.ToLowerInvariant()}); kept in {LoginFile.PathOf(app.Context)}.");
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint token create --name laptop --scope write | skillprint login http://127.0.0.1:5080 --token-stdin", "skillprint login https://skillprint.example.org --token-stdin < token.txt");
        return command;
    }

    public static Command CreateLogout(CliApp app)
    {
        var command = new Command("logout", "Forget the server and token `skillprint login` kept (the token itself stays valid on the server until revoked there: skillprint token revoke ID).");
        command.SetAction(parsed =>
        {
            var output = app.Context.Out.Profile.Out.Writer;
            string? server;
            try
            {
                server = LoginFile.Read(app.Context)?.Url;
            }
            catch (CommandFailedException)
            {
                server = null; // a damaged file is removed all the same
            }

            if (!LoginFile.Delete(app.Context))
            {
                output.WriteLine("Not logged in.");
                return ExitCodes.Ok;
            }

            output.WriteLine(server is null ? "Logged out." : $"Logged out of {server}.");
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint logout");
        return command;
    }

    private static bool IsCleartextToAnotherMachine(string server)
    {
        var uri = new Uri(server);
        return uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !(IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
    }
}
