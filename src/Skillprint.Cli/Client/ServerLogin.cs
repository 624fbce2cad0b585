using System.Text.Json;

namespace Skillprint.Cli.Client;

/// <summary>The server `skillprint login` saved: its base URL and a personal access token.</summary>
internal sealed record ServerLogin(string Url, string Token)
{
    /// <summary>Never the token: a record's own text would print it.</summary>
    public override string ToString() => Url;
}

/// <summary>
/// Where the login is kept: <c>$XDG_CONFIG_HOME/skillprint/server.json</c>, else
/// <c>~/.config/skillprint/server.json</c>; the folder only its owner may enter (0700), the file only
/// its owner may read (0600). The file is written whole (a new file renamed over the old one), so a
/// login cut off midway leaves the previous one.
/// </summary>
internal static class LoginFile
{
    public const string FileName = "server.json";

    private const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathOf(CliContext context)
    {
        var config = context.GetVariable("XDG_CONFIG_HOME");
        if (config is null || !Path.IsPathRooted(config))
        {
            var home = context.GetVariable("HOME")
                ?? throw new CommandFailedException("neither XDG_CONFIG_HOME nor HOME is set: no place to keep the login");
            config = Path.Combine(home, ".config");
        }

        return Path.Combine(config, "skillprint", FileName);
    }

    /// <summary>The saved login, or null when there is none.</summary>
    public static ServerLogin? Read(CliContext context)
    {
        var path = PathOf(context);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var login = JsonSerializer.Deserialize<ServerLogin>(File.ReadAllText(path), Json);
            return login is { Url.Length: > 0, Token.Length: > 0 }
                ? login
                : throw new CommandFailedException($"{path}: no url and token in it; log in again: skillprint login URL --token-stdin");
        }
        catch (JsonException error)
        {
            throw new CommandFailedException($"{path}:{error.LineNumber + 1}: not a login file ({error.Message}); log in again: skillprint login URL --token-stdin");
        }
    }

    public static void Write(CliContext context, ServerLogin login)
    {
        var path = PathOf(context);
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, FolderPermissions);
            File.SetUnixFileMode(folder, FolderPermissions); // a folder made before, by hand or by another tool
        }

        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, login, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes the login; false when there was none.</summary>
    public static bool Delete(CliContext context)
    {
        var path = PathOf(context);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
