using Microsoft.AspNetCore.Mvc;
using Skillprint.Core;
using Skillprint.Core.Evidence;
using Skillprint.Core.Frameworks;
using Skillprint.Core.Repositories;
using Skillprint.Core.Status;
using Skillprint.Server.Hosting;

namespace Skillprint.Server.Web.Pages;

/// <summary>A topic: why my level is what it is, its skills by level with the places that show
/// them (linked to the code on its host), and a form to assess myself.</summary>
public sealed class TopicModel(StoreAccess store, TimeProvider time) : SkillprintPage(store, time)
{
    public const int MaxNoteLength = 2000;
    public const int PlacesShown = 10;

    private Dictionary<long, string?> links = [];

    public Topic Topic { get; private set; } = null!;

    public TopicExplanation Explanation { get; private set; } = null!;

    public string? Error { get; private set; }

    /// <summary>The link to a code place on its host, or null when its remote is not on a known host.</summary>
    public string? LinkOf(EvidenceItem item) => item?.Id is { } id ? links.GetValueOrDefault(id) : null;

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssessAsync(string id, string? level, string? note)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!Levels.TryParse(level, out var value) || value == Level.None)
        {
            Error = $"level: '{level}' is not one of Beginner, Intermediate, Advanced, Expert.";
        }
        else if (text?.Length > MaxNoteLength)
        {
            Error = $"note: at most {MaxNoteLength} characters ({text.Length} given).";
        }

        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var me = await MeAsync();
        await Store.AddSelfAssessmentAsync(me.Id, new SelfAssessment(me.PrimaryEmail, Framework.Id, Topic.Id, value, text, Time.GetUtcNow()), HttpContext.RequestAborted);
        Notice = $"You assessed yourself {value} in {Topic.Name}.";
        return RedirectToPage(new { id = Topic.Id });
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (Framework.FindTopic(id) is not { } topic)
        {
            return false;
        }

        var cancel = HttpContext.RequestAborted;
        var me = await MeAsync();
        var service = new StatusService(Store, Time);
        var status = await service.ComputeAsync(Framework, me, cancel: cancel);
        Topic = topic;
        Explanation = service.Explain(Framework, topic, status);

        // The commit of each code place, and the remote of its repository, make its link.
        var remotes = (await new RepositoryService(Store).ListAsync(cancel))
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Remote, StringComparer.Ordinal);
        links = (await new EvidenceService(Store, Time).CodeHitsAsync(Framework.Id, me, allAuthors: false, cancel: cancel))
            .Where(hit => string.Equals(hit.Topic, topic.Id, StringComparison.Ordinal))
            .ToDictionary(hit => hit.Id, hit => CodeLinks.BlobUrl(remotes.GetValueOrDefault(hit.Repository), hit.Commit, hit.Path, hit.Line, hit.EndLine));
        return true;
    }
}
