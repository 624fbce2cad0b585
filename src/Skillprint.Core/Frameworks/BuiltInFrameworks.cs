namespace Skillprint.Core.Frameworks;

/// <summary>The frameworks embedded in Skillprint at build time (the folders of <c>content/</c>).</summary>
public static class BuiltInFrameworks
{
    /// <summary>The name of each built-in framework (its folder under <c>content/</c>), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = EmbeddedFrameworkSource.ResourcePaths()
        .Select(path => path.Split('/'))
        .Where(parts => parts.Length == 3 && parts[0] == "content" && parts[2] == "framework.yaml")
        .Select(parts => parts[1])
        .Order(StringComparer.Ordinal)
        .ToList();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<FrameworkLoadResult>> Loaded = new(StringComparer.Ordinal);

    /// <summary>Loads one built-in framework by name; an unknown name is an error in the result.
    /// The built-in frameworks cannot change while the process runs, so each is loaded once per
    /// process (the catalogue a server and every command share); the result is immutable. Across
    /// processes the loaded framework is kept in the user's <see cref="FrameworkCache"/>, so a
    /// command parses and validates the text only when this build's text has no entry yet.</summary>
    public static FrameworkLoadResult Load(string name) =>
        Loaded.GetOrAdd(name, key => new Lazy<FrameworkLoadResult>(() => LoadOnce(new EmbeddedFrameworkSource(key)))).Value;

    private static FrameworkLoadResult LoadOnce(EmbeddedFrameworkSource source) =>
        FrameworkCache.ForUser(Environment.GetEnvironmentVariable) is { } cache
            ? cache.Load(source).Result
            : FrameworkLoader.Load(source);
}
