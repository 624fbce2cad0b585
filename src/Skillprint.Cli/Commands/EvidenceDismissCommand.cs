using System.CommandLine;
using Skillprint.Cli.Rendering;
using Skillprint.Core.Evidence;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint evidence dismiss ID...`: code hits a person does not stand behind.</summary>
internal static class EvidenceDismissCommand
{
    public static Command Create(CliApp app)
    {
        var ids = EvidenceChanges.CreateIdsArgument("Ids of code hits");
        var person = CliApp.CreatePersonOption();
        var command = new Command("dismiss", "Dismiss code hits you do not stand behind (generated code, a copied snippet): each stops counting as your evidence, also when a rescan finds it again. Undo with `skillprint evidence restore`.")
        {
            ids,
            person,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var refs = EvidenceChanges.Parse(parsed.GetValue(ids) ?? []);
            using var store = app.OpenStore(parsed);
            // A dismissal is recorded under the person (created here, as the CLI's local user, when the
            // hit is under an email no person has yet).
            var actor = await CliApp.WriterAsync(store, app.Person(parsed, person), cancel);
            var changes = await new EvidenceService(store, app.Context.Time).DismissAsync(actor.Id, refs, cancel);
            return EvidenceChanges.Report(app, changes, "Dismissed", "already dismissed");
        });
        app.Examples(command, "skillprint evidence list --skill async.queue", "skillprint evidence dismiss h42", "skillprint evidence restore h42");
        return command;
    }
}
