using System.Runtime.CompilerServices;
using Skillprint.Core.Frameworks;

namespace Skillprint.Cli;

/// <summary>
/// Turns what the user typed for a framework (a built-in id such as <c>python</c>, or a folder)
/// into a loaded framework, or into the one-line error the user sees. A framework read from a
/// folder is named by that folder in messages, never by its id: a folder may hold a framework whose id
/// is a built-in one's, and naming it by id would point the user to the built-in framework.
/// </summary>
internal static class FrameworkChoice
{
    public const string DefaultId = "python";

    /// <summary>The folder each framework read from a folder was given as, as the user typed it.</summary>
    private static readonly ConditionalWeakTable<Framework, string> Folders = new();

    public static Framework Load(CliContext context, string? idOrPath)
    {
        var wanted = string.IsNullOrWhiteSpace(idOrPath) ? DefaultId : idOrPath.Trim();
        FrameworkLoadResult result;
        if (BuiltInFrameworks.Names.Contains(wanted, StringComparer.Ordinal))
        {
            result = BuiltInFrameworks.Load(wanted);
        }
        else if (Directory.Exists(context.FullPath(wanted)))
        {
            result = FrameworkLoader.Load(new FolderFrameworkSource(context.FullPath(wanted)));
        }
        else
        {
            throw new UsageException(
                $"no framework '{wanted}': not a built-in framework and not a folder",
                $"built-in frameworks: {string.Join(", ", BuiltInFrameworks.Names)}; or give the path of a framework folder");
        }

        if (result.Framework is null)
        {
            var first = result.Errors.Count > 0 ? result.Errors[0].ToDisplayString() : "unknown error";
            var more = result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more problems)" : "";
            var builtIn = BuiltInFrameworks.Names.Contains(wanted, StringComparer.Ordinal);
            var described = builtIn ? $"the {result.Origin}" : $"the framework in {wanted}";
            var hint = builtIn ? "" : $"; see 'skillprint framework validate {wanted}'";
            throw new CommandFailedException($"cannot load {described}: {first}{more}{hint}");
        }

        if (!BuiltInFrameworks.Names.Contains(wanted, StringComparer.Ordinal))
        {
            Folders.AddOrUpdate(result.Framework, wanted);
        }

        return result.Framework;
    }

    /// <summary>How a message names the framework: "framework 'python'", or "the framework in FOLDER".</summary>
    public static string Describe(Framework framework) =>
        Folders.TryGetValue(framework, out var folder) ? $"the framework in {folder}" : $"framework '{framework.Id}'";

    /// <summary>What to type to choose this framework again: its id, or the folder it was read from.</summary>
    public static string Argument(Framework framework) =>
        Folders.TryGetValue(framework, out var folder) ? folder : framework.Id;

    /// <summary>A topic by id (any case), or a usage error listing the valid ids.</summary>
    public static Topic Topic(Framework framework, string id)
    {
        var topic = framework.FindTopic(id.Trim())
            ?? framework.Topics.FirstOrDefault(t => string.Equals(t.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
        return topic ?? throw new UsageException(
            $"unknown topic '{id}' in {Describe(framework)}",
            $"topics: {string.Join(", ", framework.Topics.Select(t => t.Id))}");
    }

    /// <summary>
    /// "TOPIC" or "TOPIC/SKILL", the skill by its full id (async.queue) or its name within the topic
    /// (queue); a usage error naming the valid values otherwise.
    /// </summary>
    public static (Topic Topic, Skill? Skill) TopicAndSkill(Framework framework, string target)
    {
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var topic = Topic(framework, slash < 0 ? target : target[..slash]);
        if (slash < 0)
        {
            return (topic, null);
        }

        var skillId = target[(slash + 1)..].Trim();
        var skill = topic.FindSkill(skillId) ?? topic.FindSkill($"{topic.Id}.{skillId}");
        return skill is not null
            ? (topic, skill)
            : throw new UsageException(
                $"unknown skill '{skillId}' in topic '{topic.Id}'",
                $"skills of {topic.Id}: {string.Join(", ", topic.Skills.Select(s => s.Id))}");
    }
}
