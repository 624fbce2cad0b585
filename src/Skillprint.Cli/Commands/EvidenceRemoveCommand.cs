using System.CommandLine;
using Skillprint.Cli.Rendering;
using Skillprint.Core.Evidence;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint evidence remove ID...`: evidence entered by hand that no longer holds.</summary>
internal static class EvidenceRemoveCommand
{
    public static Command Create(CliApp app)
    {
        var ids = EvidenceChanges.CreateIdsArgument("Ids of evidence you entered by hand");
        var person = CliApp.CreatePersonOption();
        var command = new Command("remove", "Remove evidence you entered by hand (a typo, a wrong topic): it stops counting; its history stays and `skillprint evidence restore` brings it back.")
        {
            ids,
            person,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var refs = EvidenceChanges.Parse(parsed.GetValue(ids) ?? []);
            using var store = app.OpenStore(parsed);
            var actor = await CliApp.ReaderAsync(store, app.Person(parsed, person), cancel);
            var changes = await new EvidenceService(store, app.Context.Time).RemoveAsync(actor.Id, refs, cancel);
            return EvidenceChanges.Report(app, changes, "Removed", "already removed");
        });
        app.Examples(command, "skillprint evidence list", "skillprint evidence remove m4", "skillprint evidence restore m4");
        return command;
    }
}
