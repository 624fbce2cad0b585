using System.CommandLine;
using Skillprint.Core.People;
using Spectre.Console;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint person list [--format table|json]`: the people this store knows and their emails.</summary>
internal static class PersonListCommand
{
    public static Command Create(CliApp app)
    {
        var format = CliApp.CreateFormatOption("table", "json");
        var command = new Command("list", "List the people this store knows, each with their emails (the primary one first).")
        {
            format,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            using var store = app.OpenStore(parsed);
            var people = await new PeopleService(store).ListAsync(cancel);
            if (string.Equals(CliApp.FormatOf(parsed, format), "json", StringComparison.Ordinal))
            {
                app.WriteJson(people);
                return ExitCodes.Ok;
            }

            if (people.Count == 0)
            {
                app.Context.Out.WriteLine("No one yet: a person is recorded by their first assessment, evidence, role or alias.");
                return ExitCodes.Ok;
            }

            var table = new Table();
            table.AddColumn("Id");
            table.AddColumn("Person");
            table.AddColumn("Other emails");
            foreach (var person in people)
            {
                table.AddRow(new Text($"{person.Id}"), new Text(person.PrimaryEmail), new Text(string.Join(", ", person.Emails.Skip(1))));
            }

            app.Context.Out.Write(table);
            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint person list", "skillprint person list --format json");
        return command;
    }
}
