using System.Runtime.CompilerServices;

namespace Skillprint.Core.Tests.Frameworks;

/// <summary>The folders of framework fixtures, found beside this source file.</summary>
internal static class FixtureFolders
{
    public static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>Broken frameworks: one folder per case, each with an expected.txt.</summary>
    public static string Broken => Path.Join(Here(), "Fixtures");

    /// <summary>The complete example of docs/framework-format.md.</summary>
    public static string Example => Path.Join(Here(), "Example");

    /// <summary>The repository root (holding content/ and docs/).</summary>
    public static string Repository => Path.GetFullPath(Path.Join(Here(), "..", "..", ".."));
}
