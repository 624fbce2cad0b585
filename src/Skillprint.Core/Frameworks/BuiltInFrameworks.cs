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

    /// <summary>Loads one built-in framework by name; an unknown name is an error in the result.</summary>
    public static FrameworkLoadResult Load(string name) => FrameworkLoader.Load(new EmbeddedFrameworkSource(name));
}
