using System.Globalization;
using System.Reflection;

namespace Skillprint.Store.Migrations;

/// <summary>One numbered step of the schema, as a script per engine.</summary>
internal sealed record Migration(int Version, string Name, string SqliteScript, string PostgresScript)
{
    public string ScriptFor(StoreEngine engine) => engine == StoreEngine.Sqlite ? SqliteScript : PostgresScript;
}

/// <summary>The migrations embedded in this assembly (Migrations/Sqlite and Migrations/Postgres,
/// files named NNNN_name.sql); both folders must hold the same numbers, 1 up without a gap.</summary>
internal static class MigrationCatalog
{
    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(Load);

    public static IReadOnlyList<Migration> All => Embedded.Value;

    public static int Latest => All[^1].Version;

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var sqlite = Scripts(assembly, "Sqlite");
        var postgres = Scripts(assembly, "Postgres");
        var versions = sqlite.Keys.Union(postgres.Keys).Order().ToList();
        var migrations = new List<Migration>();
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            if (version != i + 1)
            {
                throw new InvalidOperationException($"migration {i + 1} is missing (found {version} next)");
            }

            if (!sqlite.TryGetValue(version, out var s) || !postgres.TryGetValue(version, out var p))
            {
                throw new InvalidOperationException($"migration {version} exists for one engine only");
            }

            if (!string.Equals(s.Name, p.Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"migration {version} is named '{s.Name}' for SQLite and '{p.Name}' for PostgreSQL");
            }

            migrations.Add(new Migration(version, s.Name, s.Script, p.Script));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException("no migrations are embedded in Skillprint.Store");
        }

        return migrations;
    }

    private static Dictionary<int, (string Name, string Script)> Scripts(Assembly assembly, string engine)
    {
        var prefix = $"migrations/{engine}/";
        var scripts = new Dictionary<int, (string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalized = resource.Replace('\\', '/');
            if (!normalized.StartsWith(prefix, StringComparison.Ordinal) || !normalized.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = normalized[prefix.Length..^".sql".Length];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"migration file '{normalized}' is not named NNNN_name.sql");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(version, (fileName[(underscore + 1)..], reader.ReadToEnd()));
        }

        return scripts;
    }
}
