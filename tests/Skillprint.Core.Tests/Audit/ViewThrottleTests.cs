using Skillprint.Core.Audit;
using Skillprint.Core.People;
using Skillprint.Core.Tests.Status;
using static Skillprint.Core.Tests.Status.StatusFixture;

namespace Skillprint.Core.Tests.Audit;

/// <summary>A view is recorded once an hour per reader, action, target and subject.</summary>
public sealed class ViewThrottleTests
{
    private static readonly PersonId Ada = new(1);
    private static readonly PersonId Bob = new(2);

    [Fact]
    public void A_reader_s_view_is_recorded_once_an_hour_per_subject_and_target()
    {
        var time = new FixedTime(Now);
        var views = new ViewThrottle(time);
        var mo = AuditActor.Of(new PersonId(9));

        views.Unrecorded(mo, AuditAction.ViewTeamMatrix, "team 1", [PersonId.None, Ada, Bob, Ada]).ShouldBe([PersonId.None, Ada, Bob]);
        views.Unrecorded(mo, AuditAction.ViewTeamMatrix, "team 1", [PersonId.None, Ada, Bob]).ShouldBeEmpty("a refresh");
        views.Unrecorded(mo, AuditAction.ViewTeamMatrix, "team 2", [Ada]).ShouldBe([Ada], "another team's matrix");
        views.Unrecorded(AuditActor.Of(new PersonId(8)), AuditAction.ViewTeamMatrix, "team 1", [Ada]).ShouldBe([Ada], "another reader");

        time.Now = Now.AddMinutes(59);
        views.Unrecorded(mo, AuditAction.ViewTeamMatrix, "team 1", [Ada, new PersonId(3)]).ShouldBe([new PersonId(3)], "a new member");
        time.Now = Now.AddMinutes(61);
        views.Unrecorded(mo, AuditAction.ViewTeamMatrix, "team 1", [Ada, Bob]).ShouldBe([Ada, Bob], "an hour after they were recorded");
    }
}
