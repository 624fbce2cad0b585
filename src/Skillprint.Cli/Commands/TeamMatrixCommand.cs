using System.CommandLine;
using Skillprint.Core.Export;
using Skillprint.Core.Teams;

namespace Skillprint.Cli.Commands;

/// <summary>`skillprint team matrix TEAM [--role ROLE] [--format markdown|json|csv]`.</summary>
internal static class TeamMatrixCommand
{
    public static Command Create(CliApp app)
    {
        var which = TeamCommand.TeamArgument();
        var role = new Option<string?>("--role") { Description = "Also count, per target of this role (see 'skillprint role list'), how many members meet it.", HelpName = "ROLE" };
        var grade = new Option<string?>("--grade") { Description = "With --role: the role's targets at this seniority grade (junior, mid, senior, staff).", HelpName = "GRADE" };
        var track = new Option<string?>("--track") { Description = "Only the topics of this track (see 'skillprint framework show'), their skills and the role's targets in them.", HelpName = "TRACK" };
        var format = CliApp.CreateFormatOption("markdown", "json", "csv");
        var framework = CliApp.CreateFrameworkOption();
        var command = new Command("matrix", "The team's competency matrix: members × topics (evidenced and self level, strength), per skill its bus factor (members holding it at Intermediate or above with code of the last 12 months), knowledge islands (skills one member holds), and a role's targets against the team.")
        {
            which,
            role,
            grade,
            track,
            format,
            framework,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            var fw = FrameworkChoice.Load(app.Context, parsed.GetValue(framework));
            var target = parsed.GetValue(role) is { } id ? GrowthSupport.Role(fw, id) : null;
            try
            {
                TeamMatrix.TopicsOf(fw, target, parsed.GetValue(track), parsed.GetValue(grade));
            }
            catch (MatrixFilterException wrong)
            {
                throw new UsageException(wrong.Message[(wrong.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..], $"see 'skillprint framework show {fw.Id}'");
            }

            using var store = app.OpenStore(parsed);
            var team = await TeamCommand.Service(app, store).FindAsync(parsed.GetValue(which)!, cancel);
            var matrix = await new TeamMatrixService(store, store, store, app.Context.Time)
                .ComputeAsync(fw, team.Id, MatrixReader.Local, target, parsed.GetValue(track), parsed.GetValue(grade), cancel);
            switch (CliApp.FormatOf(parsed, format))
            {
                case "json":
                    app.WriteJson(matrix);
                    break;
                case "csv":
                    TeamMatrixExport.WriteCsv(matrix, app.Context.Out.Profile.Out.Writer);
                    break;
                default:
                    app.WriteRaw(TeamMatrixExport.Markdown(matrix));
                    break;
            }

            return ExitCodes.Ok;
        });
        app.Examples(command, "skillprint team matrix platform", "skillprint team matrix platform --role backend-developer --grade senior", "skillprint team matrix platform --track data --format json", "skillprint team matrix 3 --format csv > platform.csv");
        return command;
    }
}
