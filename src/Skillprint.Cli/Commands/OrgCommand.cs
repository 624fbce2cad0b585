using System.CommandLine;
using Skillprint.Core.Export;
using Skillprint.Core.Teams;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint org bus-factor [--format markdown|json|csv]`: the organisation's bus factor
/// per skill, over everyone in the store.</summary>
internal static class OrgCommand
{
    public static Command Create(CliApp app)
    {
        var org = new Command("org", "The whole organisation: everyone in the store and every team.")
        {
            BusFactor(app),
        };
        app.Examples(org, "skillprint org bus-factor");
        return org;
    }

    private static Command BusFactor(CliApp app)
    {
        var format = CliApp.CreateFormatOption("markdown", "json", "csv");
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("bus-factor", "Per skill, how many people hold it (Intermediate or above in its topic with code of the last 12 months), who when three or fewer, and the teams where one member holds it.")
        {
            format,
            framework,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            using var store = app.OpenStore(parsed);
            var report = await new OrgReportService(store, store, store, app.Context.Time).BusFactorAsync(fw, cancel);
            switch (CliApp.FormatOf(parsed, format))
            {
                case "json":
                    app.WriteJson(report);
                    break;
                case "csv":
                    OrgBusFactorExport.WriteCsv(report, app.Context.Out.Profile.Out.Writer);
                    break;
                default:
                    app.WriteRaw(OrgBusFactorExport.Markdown(report));
                    break;
            }

            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint org bus-factor", "skillprint org bus-factor --format csv > bus-factor.csv");
        return command;
    }
}
