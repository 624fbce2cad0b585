namespace Skillprint.Core.Status;

/// <summary>What a person says of their own level in a topic, at a moment. History is kept: a new
/// assessment never replaces an old one, the latest one is the current self-assessed level.</summary>
public sealed record SelfAssessment(
    string Person,
    string Framework,
    string Topic,
    Level Level,
    string? Note,
    DateTimeOffset At);

/// <summary>Evidence that code cannot show (a talk, a course, a review), entered by hand, for a topic
/// or for one skill of it.</summary>
public sealed record ManualEvidence(
    long Id,
    string Person,
    string Framework,
    string Topic,
    string? Skill,
    string? Link,
    string? Note,
    DateTimeOffset At);
