namespace Skillprint.Core.Growth;

/// <summary>A role a person chose as a target, from <see cref="SetAt"/> until <see cref="RemovedAt"/>
/// (null while it holds). A person may hold several roles at once.</summary>
public sealed record RoleChoice(string Person, string Framework, string Role, DateTimeOffset SetAt, DateTimeOffset? RemovedAt, string? Grade = null);
