using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Importing;

/// <summary>What <see cref="MarkdownImport.Run"/> did.</summary>
public enum ImportStatus
{
    /// <summary>A new draft folder was written.</summary>
    Created,

    /// <summary>A folder written by an earlier import of a note was replaced by the new draft.</summary>
    Replaced,

    /// <summary>Nothing was written; the errors say why.</summary>
    Failed,
}

/// <summary>The outcome of importing a note. <see cref="Errors"/> is empty unless
/// <see cref="Status"/> is <see cref="ImportStatus.Failed"/>; <see cref="Warnings"/> are things the
/// person should look at in the draft (a challenge level guessed from its place, for instance).</summary>
public sealed record ImportResult(
    ImportStatus Status,
    string OutputDirectory,
    DraftFramework? Draft,
    IReadOnlyList<ImportProblem> Errors,
    IReadOnlyList<ImportProblem> Warnings)
{
    public bool Succeeded => Status != ImportStatus.Failed;
}

/// <summary>
/// <c>skillprint import FILE.md [--out DIR]</c>: turns a Markdown note with front matter (a Dendron or
/// Obsidian note such as seeds 001 and 004) into a draft framework folder that loads without errors,
/// for the person to edit and validate. The mapping is documented in docs/markdown-import.md.
/// </summary>
public static class MarkdownImport
{
    /// <summary>The file that marks a folder as written by an import: only such a folder is ever replaced.
    /// The loader skips files whose names start with '.'.</summary>
    public const string MarkerFileName = ".skillprint-import";

    /// <summary>Reads a note's text into a draft, without touching the disk. <paramref name="path"/> names
    /// the note in errors and gives the framework its id when the note has no title.</summary>
    public static ImportReadResult Read(string markdown, string path) => NoteReader.Read(markdown, path);

    /// <summary>The folder a note is imported into by default: beside it, named after it without its
    /// extension (notes/python.md gives notes/python).</summary>
    public static string DefaultOutputDirectory(string notePath)
    {
        var full = Path.GetFullPath(notePath);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full));
    }

    /// <summary>
    /// Imports <paramref name="notePath"/> into <paramref name="outputDirectory"/> (by default
    /// <see cref="DefaultOutputDirectory"/>). The draft is written into a temporary folder beside the
    /// target, loaded with <see cref="FrameworkLoader"/>, and only then moved into place. An existing
    /// folder is replaced only when it holds <see cref="MarkerFileName"/> (an earlier import) or is empty.
    /// Never throws for a file problem: the result carries the error with its place.
    /// </summary>
    public static ImportResult Run(string notePath, string? outputDirectory = null)
    {
        string target;
        try
        {
            target = Path.GetFullPath(outputDirectory ?? DefaultOutputDirectory(notePath));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Failed(outputDirectory ?? notePath, $"not a usable path: {e.Message}");
        }

        string markdown;
        try
        {
            if (Directory.Exists(notePath))
            {
                return Failed(target, notePath, "is a folder; give a Markdown note (FILE.md)");
            }

            markdown = File.ReadAllText(notePath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(target, notePath, "does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(target, notePath, $"cannot be read: {e.Message}");
        }

        var read = Read(markdown, notePath);
        if (read.Draft is not { } draft)
        {
            return new ImportResult(ImportStatus.Failed, target, null, read.Errors, []);
        }

        var replacing = false;
        if (Directory.Exists(target))
        {
            replacing = File.Exists(Path.Combine(target, MarkerFileName));
            if (!replacing && Directory.EnumerateFileSystemEntries(target).Any())
            {
                return Failed(target, target, $"exists and is not an earlier import (it has no {MarkerFileName}); choose another folder with --out, or remove it");
            }
        }
        else if (File.Exists(target))
        {
            return Failed(target, target, "is a file; choose a folder with --out");
        }

        var parent = Path.GetDirectoryName(target)!;
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.import-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            DraftWriter.WriteTo(draft, staging);
            File.WriteAllText(
                Path.Combine(staging, MarkerFileName),
                $"Written by `skillprint import {Path.GetFileName(notePath)}`. While this file is here, importing the note again replaces this folder; delete it to keep your edits safe from that.\n");

            var load = FrameworkLoader.LoadFolder(staging);
            if (!load.Succeeded)
            {
                TryDeleteFolder(staging);
                var errors = load.Errors
                    .Select(e => new ImportProblem(Path.Combine(target, e.Path), e.Line, e.Column, $"the draft does not load: {e.Message}"))
                    .ToList();
                return new ImportResult(ImportStatus.Failed, target, draft, errors, draft.Warnings);
            }

            if (Directory.Exists(target))
            {
                var old = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{Guid.NewGuid():N}");
                Directory.Move(target, old);
                Directory.Move(staging, target);
                TryDeleteFolder(old);
            }
            else
            {
                Directory.Move(staging, target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDeleteFolder(staging);
            return Failed(target, target, $"cannot be written: {e.Message}");
        }

        return new ImportResult(replacing ? ImportStatus.Replaced : ImportStatus.Created, target, draft, [], draft.Warnings);
    }

    private static ImportResult Failed(string target, string path, string message) =>
        new(ImportStatus.Failed, target, null, [new ImportProblem(path, 0, 0, message)], []);

    private static ImportResult Failed(string path, string message) => Failed(path, path, message);

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a leftover temporary folder (its name starts with '.') harms nothing
        }
    }
}
