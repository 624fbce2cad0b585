using System.Runtime.CompilerServices;

namespace Skillprint.Core.Tests.Importing;

/// <summary>The seed notes of ../shared/seeds, found from the repository root (the folder holding
/// Skillprint.slnx), copied into a temporary folder as Markdown notes.</summary>
internal static class SeedNotes
{
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile)! })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Skillprint.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Skillprint.slnx not found above the test assembly or the working folder");
    }

    /// <summary>The seed whose file name starts with <paramref name="number"/> ("004").</summary>
    public static string SeedPath(string number)
    {
        var seeds = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "seeds"));
        var matches = Directory.GetFiles(seeds, $"{number}_*.txt");
        matches.Length.ShouldBe(1, $"one seed {number}_*.txt in {seeds}");
        return matches[0];
    }

    /// <summary>Copies a seed into <paramref name="folder"/> as <paramref name="fileName"/>.</summary>
    public static string CopySeed(string number, string folder, string fileName)
    {
        var target = Path.Combine(folder, fileName);
        File.Copy(SeedPath(number), target);
        return target;
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("skillprint-md-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // left for the system's temporary folder clean-up
        }
    }
}
