using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// Maps one import record to rows, per IMPORT-FORMAT.md. Throws <see cref="ImportLineException"/> with the
/// reason when the record breaks a rule; nothing of a rejected record is added to the batch.
/// </summary>
internal static class ImportRecordMapper
{
    private static readonly string[] ReviewStates = ["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"];
    private static readonly string[] Conclusions = ["success", "failure", "cancelled", "skipped", "timed_out", "neutral", "action_required", "stale"];
    private static readonly string[] DeploymentStatuses = ["success", "failure", "cancelled"];

    /// <summary>How far before its ticket's creation a transition may lie and still be taken as clock skew.</summary>
    internal static readonly Duration TransitionSkew = Duration.FromHours(24);

    public static void Map(ImportKind kind, JsonRecord record, SourceBatch batch, string source, Instant importedAt)
    {
        switch (kind)
        {
            case ImportKind.Repositories:
                batch.Repositories.Add(new RepositoryRow(Repo(record), record.OptionalString("defaultBranch"), record.OptionalString("url"), source));
                break;
            case ImportKind.Commits:
                batch.Commits.Add(Commit(record, source));
                break;
            case ImportKind.PullRequests:
                PullRequest(record, batch, source);
                break;
            case ImportKind.PipelineRuns:
                batch.PipelineRuns.Add(PipelineRun(record, source));
                break;
            case ImportKind.Deployments:
                batch.Deployments.Add(Deployment(record, source));
                break;
            case ImportKind.Incidents:
                batch.Incidents.Add(Incident(record, source));
                break;
            case ImportKind.Tickets:
                Ticket(record, batch, source);
                break;
            case ImportKind.RepositoryFiles:
                RepositoryFileVersionMapper.Map(Repo(record), record, batch, source, importedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static string Repo(JsonRecord record)
    {
        var repo = record.RequiredName("repo");
        var slash = repo.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == repo.Length - 1 || repo.IndexOf('/', slash + 1) >= 0)
        {
            throw new ImportLineException($"field 'repo' must be \"owner/name\", got '{repo}'");
        }
        return repo;
    }

    private static CommitRow Commit(JsonRecord record, string source)
    {
        var repo = Repo(record);
        var sha = record.RequiredString("sha");
        var parents = record.StringArray("parents", required: true);
        return new CommitRow(repo, sha, parents, record.RequiredName("author"), record.RequiredInstant("authoredAt"),
            record.OptionalInstant("committedAt"), record.OptionalString("message"), source);
    }

    private static void PullRequest(JsonRecord record, SourceBatch batch, string source)
    {
        var repo = Repo(record);
        var number = record.RequiredInt("number");
        if (number <= 0)
        {
            throw new ImportLineException($"field 'number' must be positive, got {number}");
        }
        var row = new PullRequestRow(repo, number, record.RequiredName("author"), record.RequiredInstant("createdAt"),
            record.OptionalInstant("readyAt"), record.OptionalInstant("mergedAt"), record.OptionalInstant("closedAt"),
            record.OptionalString("mergeCommitSha"), record.OptionalName("headBranch"), record.OptionalName("baseBranch"),
            record.OptionalString("title"), record.StringArray("labels", pooled: true), record.OptionalInt("additions"),
            record.OptionalInt("deletions"), record.OptionalString("url"), source,
            // Seeding cuts off what has not happened yet: a pull request that leaves draft after now is a draft now.
            record.OptionalBool("draft") ?? record.IsCutOff("readyAt"));
        var commits = record.StringArray("commits").Distinct(StringComparer.Ordinal)
            .Select(sha => new PullRequestCommitRow(repo, number, sha)).ToList();
        var requests = record.ObjectArray("reviewRequests")
            .Where(r => !r.IsCutOff("requestedAt"))
            .Select(r => new ReviewRequestRow(repo, number, r.RequiredName("reviewer"), r.OptionalInstant("requestedAt") ?? row.CreatedAt))
            .ToList();
        var reviews = record.ObjectArray("reviews")
            .Where(r => !r.IsCutOff("submittedAt"))
            .Select(r => new ReviewRow(repo, number, r.RequiredName("reviewer"),
                r.RequiredEnum("state", ReviewStates), r.RequiredInstant("submittedAt")))
            .ToList();
        batch.PullRequests.Add(row);
        batch.PullRequestCommits.AddRange(commits);
        batch.ReviewRequests.AddRange(requests);
        batch.Reviews.AddRange(reviews);
    }

    private static PipelineRunRow PipelineRun(JsonRecord record, string source)
    {
        var attempt = record.OptionalInt("attempt") ?? 1;
        if (attempt < 1)
        {
            throw new ImportLineException($"field 'attempt' must be 1 or more, got {attempt}");
        }
        return new PipelineRunRow(Repo(record), record.RequiredString("id"), record.RequiredName("workflow"),
            record.RequiredString("sha"), record.OptionalName("branch"), record.OptionalName("event"),
            record.RequiredInstant("createdAt"), record.OptionalInstant("startedAt"), record.OptionalInstant("completedAt"),
            record.IsCutOff("completedAt") ? null : record.OptionalEnum("conclusion", Conclusions), attempt, source);
    }

    private static DeploymentRow Deployment(JsonRecord record, string source)
    {
        var repo = record.OptionalName("repo") is null ? null : Repo(record);
        return new DeploymentRow(record.RequiredString("id"), record.RequiredName("service"), repo,
            record.RequiredName("environment"), record.RequiredString("sha"), record.OptionalInstant("createdAt"),
            record.RequiredInstant("finishedAt"), record.RequiredEnum("status", DeploymentStatuses), source,
            record.OptionalString("ref"), record.OptionalString("releaseName"));
    }

    private static IncidentRow Incident(JsonRecord record, string source)
    {
        var causedBy = record.OptionalObject("causedBy");
        var pr = causedBy?.OptionalString("pr");
        if (pr is not null && !PullRequestReference.TryParse(pr, out _, out _))
        {
            throw new ImportLineException($"field 'causedBy.pr' must be \"owner/name#123\", got '{pr}'");
        }
        var opened = record.RequiredInstant("openedAt");
        var resolved = record.OptionalInstant("resolvedAt");
        if (resolved < opened)
        {
            throw new ImportLineException("field 'resolvedAt' is before 'openedAt'");
        }
        var causedByChange = record.OptionalBool("causedByChange");
        if (causedByChange == false && causedBy is not null)
        {
            throw new ImportLineException("field 'causedByChange' is false but 'causedBy' names a cause");
        }
        return new IncidentRow(record.RequiredString("id"), record.RequiredName("service"), opened, resolved,
            record.OptionalString("title"), record.OptionalString("severity"), causedBy?.OptionalString("deployment"),
            causedBy?.OptionalString("sha"), pr, source, causedByChange, CausedByChangeReason(causedByChange, record));
    }

    /// <summary>Where causedByChange came from: "import field", or "import field: " and the line's own causedByChangeReason.</summary>
    private static string? CausedByChangeReason(bool? causedByChange, JsonRecord record) =>
        causedByChange is null ? null
        : record.OptionalString("causedByChangeReason") is { } reason ? $"import field: {reason}"
        : "import field";

    /// <summary>
    /// A ticket and its status history. Repairs and rejects, in this order:
    /// <list type="number">
    /// <item>A transition whose <c>at</c> is not a valid timestamp, or that lacks <c>at</c> or <c>to</c>, rejects
    /// the whole line; the reason names the field, e.g. <c>transitions[2].at</c>.</item>
    /// <item><c>resolvedAt</c> before <c>createdAt</c> rejects the line.</item>
    /// <item>Seeding only: a ticket created after the cut-off is skipped; transitions after it are dropped and a
    /// <c>resolvedAt</c> after it reads as null (still open).</item>
    /// <item>A transition up to 24 h before <c>createdAt</c> is clock skew: clamped to <c>createdAt</c>. One more than
    /// 24 h before rejects the line (the history cannot belong to this ticket as written).</item>
    /// <item>Transitions are sorted by <c>at</c>, stably (equal times keep their written order).</item>
    /// <item>Exact duplicates (same <c>at</c>, <c>from</c> and <c>to</c>, after clamping) are dropped, the first kept.</item>
    /// <item>What remains is numbered <c>seq</c> 0..n-1. A <c>from</c> that differs from the previous <c>to</c> is
    /// kept as written: the derivation reads only <c>to</c>.</item>
    /// </list>
    /// </summary>
    private static void Ticket(JsonRecord record, SourceBatch batch, string source)
    {
        var key = record.RequiredString("key");
        var project = record.RequiredName("project");
        var type = record.RequiredName("type");
        var created = record.RequiredInstant("createdAt");
        var written = new List<(Instant At, string? From, string To)>(record.ArrayLength("transitions"));
        var index = 0;
        foreach (var transition in record.ObjectArray("transitions"))
        {
            var stamped = transition.RequiredItemInstant("at", "transitions", index);
            var to = transition.OptionalName("to") is { Length: > 0 } status
                ? status
                : throw new ImportLineException($"required field 'transitions[{index}].to' is missing or empty");
            var from = transition.OptionalName("from");
            index++;
            if (stamped is not { } at)
            {
                continue; // after the seeding cut-off: not happened yet
            }
            if (at < created)
            {
                if (created - at > TransitionSkew)
                {
                    throw new ImportLineException(
                        $"field 'transitions[{index - 1}].at' is {(created - at).TotalHours:0.#} h before 'createdAt' (at most 24 h is taken as clock skew)");
                }
                at = created; // clock skew: clamped
            }
            written.Add((at, from, to));
        }
        var resolved = record.OptionalInstant("resolvedAt");
        if (resolved < created)
        {
            throw new ImportLineException("field 'resolvedAt' is before 'createdAt'");
        }
        var transitions = Numbered(key, written);
        batch.Tickets.Add(new TicketRow(key, project, type, created, resolved, record.OptionalString("title"),
            record.OptionalName("assignee"), record.OptionalName("team"), record.StringArray("labels", pooled: true), source));
        batch.TicketTransitions.AddRange(transitions);
    }

    /// <summary>The transitions sorted by time (stably), exact duplicates dropped (the first kept), numbered 0..n-1.</summary>
    private static List<TicketTransitionRow> Numbered(string key, List<(Instant At, string? From, string To)> written)
    {
        var transitions = new List<TicketTransitionRow>(written.Count);
        if (written.Count > ManyTransitions)
        {
            var seen = new HashSet<(Instant, string?, string)>();
            foreach (var (at, from, to) in written.OrderBy(t => t.At)) // OrderBy is stable
            {
                if (seen.Add((at, from, to)))
                {
                    transitions.Add(new TicketTransitionRow(key, transitions.Count, at, from, to));
                }
            }
            return transitions;
        }
        foreach (var (at, from, to) in SortedByTime(written))
        {
            if (!Contains(transitions, at, from, to))
            {
                transitions.Add(new TicketTransitionRow(key, transitions.Count, at, from, to));
            }
        }
        return transitions;
    }

    // Above this many, sorting and de-duplicating in place (quadratic) would cost more than the allocations it saves.
    private const int ManyTransitions = 64;

    private static bool Contains(List<TicketTransitionRow> transitions, Instant at, string? from, string to)
    {
        foreach (var t in transitions)
        {
            if (t.At == at && t.FromStatus == from && t.ToStatus == to)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Sorts by time, stably (equal times keep their written order), in place: a ticket has a handful of
    /// transitions, written in order almost always, so an insertion sort does no work where OrderBy allocated.
    /// </summary>
    private static List<(Instant At, string? From, string To)> SortedByTime(List<(Instant At, string? From, string To)> written)
    {
        for (var i = 1; i < written.Count; i++)
        {
            var item = written[i];
            var j = i - 1;
            while (j >= 0 && written[j].At > item.At)
            {
                written[j + 1] = written[j];
                j--;
            }
            written[j + 1] = item;
        }
        return written;
    }
}
