using System.Runtime.CompilerServices;

namespace Skillprint.Core.Tests.Importing;

/// <summary>The notes of tests/Notes (see its README.md), found from the repository root (the folder
/// holding Skillprint.slnx), copied into a temporary folder to be imported.</summary>
internal static class NoteFixtures
{
    /// <summary>A staged roadmap note: 10 stages, 10 tasks, 4 challenges, 5 questions, stored as mojibake.</summary>
    public const string StagedRoadmap = "staged-roadmap.md";

    /// <summary>A profile note: front matter (description, tags, group) and five paragraphs.</summary>
    public const string Profile = "profile.md";

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

    /// <summary>Copies the note <paramref name="name"/> of tests/Notes into <paramref name="folder"/> as
    /// <paramref name="fileName"/>.</summary>
    public static string Copy(string name, string folder, string fileName)
    {
        var source = Path.Combine(RepositoryRoot(), "tests", "Notes", name);
        File.Exists(source).ShouldBeTrue($"the note {source} is missing");
        var target = Path.Combine(folder, fileName);
        File.Copy(source, target);
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
