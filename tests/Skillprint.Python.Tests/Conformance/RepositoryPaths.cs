using System.Runtime.CompilerServices;

namespace Skillprint.Python.Tests.Conformance;

/// <summary>
/// Places in the source tree, found by walking up to Skillprint.slnx from the test binaries, or,
/// when they were built elsewhere (dotnet test --artifacts-path), from this source file.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
        FindRoot(AppContext.BaseDirectory) ?? FindRoot(Path.GetDirectoryName(ThisFile()) ?? "")
        ?? throw new InvalidOperationException("Skillprint.slnx not found above " + AppContext.BaseDirectory + " nor above " + ThisFile()));

    public static string Root => RootPath.Value;

    public static string DumpTool => Path.Combine(Root, "tools", "cpython_ast_dump.py");

    public static string ConformanceFolder => Path.Combine(Root, "tests", "Skillprint.Python.Tests", "Conformance");

    /// <summary>The standard library of a pyenv Python, e.g. "3.13.0" gives .../versions/3.13.0/lib/python3.13.</summary>
    public static string StandardLibrary(string version)
    {
        var pyenvRoot = Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        var shortVersion = string.Join('.', version.Split('.').Take(2));
        return Path.Combine(pyenvRoot, "versions", version, "lib", "python" + shortVersion);
    }

    private static string? FindRoot(string start)
    {
        for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Skillprint.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
