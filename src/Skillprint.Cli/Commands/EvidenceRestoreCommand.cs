using System.CommandLine;
using Skillprint.Cli.Rendering;
using Skillprint.Core.Evidence;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint evidence restore ID...`: undoes a dismissal (h ids) or a removal (m ids).</summary>
internal static class EvidenceRestoreCommand
{
    public static Command Create(CliApp app)
    {
        var ids = EvidenceChanges.CreateIdsArgument("Ids of dismissed code hits or removed manual evidence");
        var person = CliApp.CreatePersonOption();
        var command = new Command("restore", "Undo a dismissal or a removal: the code hit or the evidence you entered counts again.")
        {
            ids,
            person,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var refs = EvidenceChanges.Parse(parsed.GetValue(ids) ?? []);
            using var store = app.OpenStore(parsed);
            var email = app.Person(parsed, person);
            var actor = refs.Any(r => r.Source == EvidenceSource.Code)
                ? await CliApp.WriterAsync(store, email, cancel)
                : await CliApp.ReaderAsync(store, email, cancel);
            var changes = await new EvidenceService(store, app.Context.Time).RestoreAsync(actor.Id, refs, cancel);
            return EvidenceChanges.Report(app, changes, "Restored", "not dismissed or removed");
        });
        app.Examples(command, "skillprint evidence list --dismissed", "skillprint evidence restore h42 m4");
        return command;
    }
}
