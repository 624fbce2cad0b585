using System.Globalization;
using Npgsql;

namespace Skillprint.Store;

public enum StoreEngine
{
    Sqlite,
    Postgres,
}

/// <summary>Where the store lives: a SQLite file (the default) or a PostgreSQL database.
/// <see cref="Resolve(string?, Func{string, string?})"/> picks it the way the command line does:
/// the <c>--db</c> option, else the <c>SKILLPRINT_DB</c> variable, else the per-user data folder.</summary>
public sealed record StoreLocation
{
    public const string EnvironmentVariable = "SKILLPRINT_DB";

    /// <summary>How long a write waits for another process's lock before it gives up.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private StoreLocation(StoreEngine engine, string target, string source)
    {
        Engine = engine;
        Target = target;
        Source = source;
    }

    public StoreEngine Engine { get; }

    /// <summary>The full path of the SQLite file, or the Npgsql connection string.</summary>
    public string Target { get; }

    /// <summary>Where the location came from: "--db", "SKILLPRINT_DB" or "default".</summary>
    public string Source { get; }

    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;

    /// <summary>How to name the database to a person: the file path, or PostgreSQL's host, port,
    /// database and schema (never the password).</summary>
    public string Display => Engine == StoreEngine.Sqlite ? Target : DescribePostgres(Target);

    public static StoreLocation Sqlite(string path, string source = "path")
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new StoreException(StoreFault.InvalidLocation, $"{source}: the database path is empty");
        }

        return new StoreLocation(StoreEngine.Sqlite, Path.GetFullPath(path), source);
    }

    /// <summary>A PostgreSQL database by Npgsql connection string ("Host=...;Database=...") or URL
    /// ("postgresql://user:password@host:port/database?sslmode=require").</summary>
    public static StoreLocation Postgres(string connection, string source = "connection string")
    {
        var text = connection.Trim();
        string connectionString;
        if (IsPostgresUrl(text))
        {
            connectionString = PostgresUrl.ToConnectionString(text, source);
        }
        else
        {
            try
            {
                connectionString = new NpgsqlConnectionStringBuilder(text).ConnectionString;
            }
            catch (ArgumentException e)
            {
                throw new StoreException(
                    StoreFault.InvalidLocation,
                    $"{source} is not a valid PostgreSQL connection string: {e.Message}",
                    e);
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StoreException(StoreFault.InvalidLocation, $"{source}: the PostgreSQL connection string names no host (Host=...)");
        }

        return new StoreLocation(StoreEngine.Postgres, connectionString, source);
    }

    /// <summary>A path or a PostgreSQL connection string, told apart as SKILLPRINT_DB documents:
    /// text starting with postgres:// or postgresql://, or holding "Host=", is PostgreSQL.</summary>
    public static StoreLocation Parse(string text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new StoreException(StoreFault.InvalidLocation, $"{source}: the database location is empty");
        }

        var trimmed = text.Trim();
        if (IsPostgresUrl(trimmed) || trimmed.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(trimmed, source);
        }

        return Sqlite(ExpandHome(text, Environment.GetEnvironmentVariable), source);
    }

    /// <summary>The location the command line uses: <paramref name="dbOption"/> (the value of
    /// <c>--db</c>) when given, else SKILLPRINT_DB when set and not empty, else the default path.</summary>
    public static StoreLocation Resolve(string? dbOption, Func<string, string?> environment)
    {
        if (dbOption is not null)
        {
            return Parse(ExpandHome(dbOption, environment), "--db");
        }

        var variable = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return Parse(ExpandHome(variable, environment), EnvironmentVariable);
        }

        return Sqlite(DefaultPath(environment), "default");
    }

    public static StoreLocation Resolve(string? dbOption) =>
        Resolve(dbOption, Environment.GetEnvironmentVariable);

    /// <summary>$XDG_DATA_HOME/skillprint/skillprint.db, or ~/.local/share/skillprint/skillprint.db when
    /// XDG_DATA_HOME is unset or not absolute (the XDG Base Directory spec ignores relative values).</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome) || !Path.IsPathRooted(dataHome))
        {
            dataHome = Path.Combine(Home(environment), ".local", "share");
        }

        return Path.Combine(dataHome, "skillprint", "skillprint.db");
    }

    public override string ToString() => Display;

    private static bool IsPostgresUrl(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static string Home(Func<string, string?> environment)
    {
        var home = environment("HOME");
        return string.IsNullOrWhiteSpace(home)
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)
            : home;
    }

    private static string ExpandHome(string path, Func<string, string?> environment)
    {
        if (path == "~")
        {
            return Home(environment);
        }

        return path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Home(environment), path[2..])
            : path;
    }

    private static string DescribePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var port = builder.Port.ToString(CultureInfo.InvariantCulture);
        var database = builder.Database ?? builder.Username ?? "postgres";
        var text = $"PostgreSQL database {database} at {builder.Host}:{port}";
        return string.IsNullOrWhiteSpace(builder.SearchPath) ? text : $"{text} (schema {builder.SearchPath})";
    }
}
