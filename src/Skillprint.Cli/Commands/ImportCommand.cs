using System.CommandLine;
using Skillprint.Core.Importing;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint import FILE.md [--out DIR]`: a Markdown note into a draft framework folder.</summary>
internal static class ImportCommand
{
    public static Command Create(CliApp app)
    {
        var note = new Argument<string>("FILE.md") { Description = "A Markdown note with YAML front matter (a Dendron or Obsidian note)." };
        var output = new Option<string?>("--out")
        {
            Description = "The folder to write the draft framework into (default: beside the note, named after it: notes/python.md gives notes/python). A folder from an earlier import is replaced; any other non-empty folder is left alone.",
            HelpName = "DIR",
        };
        var command = new Command("import", "Read a Markdown note (front matter, headings, tables, question lists, code blocks) into a draft framework folder that you can edit and check with 'skillprint framework validate'.")
        {
            note,
            output,
        };
        command.SetAction(parsed => Run(app, parsed.GetValue(note)!, parsed.GetValue(output)));
        app.Examples(command, "skillprint import notes/python-roadmap.md", "skillprint import notes/python-roadmap.md --out frameworks/python-draft");
        return command;
    }

    private static int Run(CliApp app, string note, string? output)
    {
        var path = app.Context.FullPath(note);
        if (!File.Exists(path))
        {
            throw new UsageException(Directory.Exists(path) ? $"'{note}' is a folder; give a Markdown note (FILE.md)" : $"no such file: {note}");
        }

        var result = MarkdownImport.Run(path, output is null ? null : app.Context.FullPath(output));
        foreach (var warning in result.Warnings)
        {
            app.Context.Error.WriteLine($"warning: {Shown(app, warning.ToString())}");
        }

        if (!result.Succeeded || result.Draft is null)
        {
            foreach (var error in result.Errors)
            {
                app.Context.Error.WriteLine(Shown(app, error.ToString()));
            }

            app.Context.Error.WriteLine($"error: {note} was not imported ({result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")})");
            return ExitCodes.Failure;
        }

        var draft = result.Draft;
        // A bare folder name could be read as a framework id (python): shown as a path, ./python.
        var folder = Shown(app, result.OutputDirectory);
        folder = Path.IsPathRooted(folder) || folder.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? folder : $".{Path.DirectorySeparatorChar}{folder}";
        var writer = app.Context.Out.Profile.Out.Writer;
        writer.WriteLine(
            $"{(result.Status == ImportStatus.Replaced ? "Replaced" : "Wrote")} the draft framework '{draft.Id}' in {folder}: " +
            $"{draft.Topics.Count} topics, {draft.Roadmaps.Sum(r => r.Stages.Count)} roadmap stages, {draft.Practice.Tasks.Count} tasks, " +
            $"{draft.Practice.Challenges.Count} challenges, {draft.Practice.Cards.Count} questions.");
        writer.WriteLine($"Edit it, then check it: skillprint framework validate {folder}");
        return ExitCodes.Ok;
    }

    /// <summary>Paths under the current directory are shown relative to it, as the user would type them.</summary>
    private static string Shown(CliApp app, string text)
    {
        var here = app.Context.CurrentDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return text.StartsWith(here, StringComparison.Ordinal) ? text[here.Length..] : text;
    }
}
