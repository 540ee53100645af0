namespace DevEx.SampleOrg;

/// <summary>The seven NDJSON files of the import format, open for the whole run, and the record serialisers.</summary>
internal sealed class SampleOutput : IDisposable
{
    private readonly NdjsonWriter repositories;
    private readonly NdjsonWriter commits;
    private readonly NdjsonWriter pullRequests;
    private readonly NdjsonWriter pipelineRuns;
    private readonly NdjsonWriter deployments;
    private readonly NdjsonWriter incidents;
    private readonly NdjsonWriter tickets;

    public SampleOutput(string directory)
    {
        repositories = new NdjsonWriter(Path.Combine(directory, "repositories.ndjson"));
        commits = new NdjsonWriter(Path.Combine(directory, "commits.ndjson"));
        pullRequests = new NdjsonWriter(Path.Combine(directory, "pull_requests.ndjson"));
        pipelineRuns = new NdjsonWriter(Path.Combine(directory, "pipeline_runs.ndjson"));
        deployments = new NdjsonWriter(Path.Combine(directory, "deployments.ndjson"));
        incidents = new NdjsonWriter(Path.Combine(directory, "incidents.ndjson"));
        tickets = new NdjsonWriter(Path.Combine(directory, "tickets.ndjson"));
    }

    public int Repositories => repositories.Count;

    public int Commits => commits.Count;

    public int PullRequests => pullRequests.Count;

    public int PipelineRuns => pipelineRuns.Count;

    public int Deployments => deployments.Count;

    public int Incidents => incidents.Count;

    public int Tickets => tickets.Count;

    public void Write(SampleRepository repository)
    {
        var json = repositories.BeginRecord();
        json.WriteString("repo", repository.FullName);
        json.WriteString("defaultBranch", repository.DefaultBranch);
        json.WriteString("url", repository.Url);
        repositories.EndRecord();
    }

    public void Write(CommitRecord commit)
    {
        var json = commits.BeginRecord();
        json.WriteString("repo", commit.Repo);
        json.WriteString("sha", commit.Sha);
        json.Strings("parents", commit.Parents);
        json.WriteString("author", commit.Author);
        json.Timestamp("authoredAt", commit.AuthoredAt);
        json.Timestamp("committedAt", commit.CommittedAt);
        json.WriteString("message", commit.Message);
        commits.EndRecord();
    }

    public void Write(PullRequestRecord pr)
    {
        var json = pullRequests.BeginRecord();
        json.WriteString("repo", pr.Repo);
        json.WriteNumber("number", pr.Number);
        json.WriteString("author", pr.Author);
        json.Timestamp("createdAt", pr.CreatedAt);
        json.OptionalTimestamp("readyAt", pr.ReadyAt);
        if (pr.Draft)
        {
            json.WriteBoolean("draft", true);
        }
        json.OptionalTimestamp("mergedAt", pr.MergedAt);
        json.OptionalTimestamp("closedAt", pr.ClosedAt);
        json.OptionalString("mergeCommitSha", pr.MergeCommitSha);
        json.WriteString("headBranch", pr.HeadBranch);
        json.WriteString("baseBranch", pr.BaseBranch);
        json.WriteString("title", pr.Title);
        json.Strings("labels", pr.Labels);
        json.Strings("commits", pr.Commits);
        json.OptionalNumber("additions", pr.Additions);
        json.OptionalNumber("deletions", pr.Deletions);
        json.WriteStartArray("reviewRequests");
        foreach (var request in pr.ReviewRequests)
        {
            json.WriteStartObject();
            json.WriteString("reviewer", request.Reviewer);
            json.Timestamp("requestedAt", request.RequestedAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("reviews");
        foreach (var review in pr.Reviews)
        {
            json.WriteStartObject();
            json.WriteString("reviewer", review.Reviewer);
            json.WriteString("state", review.State);
            json.Timestamp("submittedAt", review.SubmittedAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        pullRequests.EndRecord();
    }

    public void Write(PipelineRunRecord run)
    {
        var json = pipelineRuns.BeginRecord();
        json.WriteString("repo", run.Repo);
        json.WriteString("id", run.Id);
        json.WriteString("workflow", run.Workflow);
        json.WriteString("sha", run.Sha);
        json.WriteString("branch", run.Branch);
        json.WriteString("event", run.Event);
        json.Timestamp("createdAt", run.CreatedAt);
        json.OptionalTimestamp("startedAt", run.StartedAt);
        json.OptionalTimestamp("completedAt", run.CompletedAt);
        if (run.Conclusion is null)
        {
            json.WriteNull("conclusion");
        }
        else
        {
            json.WriteString("conclusion", run.Conclusion);
        }
        json.WriteNumber("attempt", run.Attempt);
        pipelineRuns.EndRecord();
    }

    public void Write(DeploymentRecord deployment)
    {
        var json = deployments.BeginRecord();
        json.WriteString("id", deployment.Id);
        json.WriteString("service", deployment.Service);
        json.WriteString("repo", deployment.Repo);
        json.WriteString("environment", deployment.Environment);
        json.WriteString("sha", deployment.Sha);
        json.Timestamp("createdAt", deployment.CreatedAt);
        json.Timestamp("finishedAt", deployment.FinishedAt);
        json.WriteString("status", deployment.Status);
        deployments.EndRecord();
    }

    public void Write(IncidentRecord incident)
    {
        var json = incidents.BeginRecord();
        json.WriteString("id", incident.Id);
        json.WriteString("service", incident.Service);
        json.Timestamp("openedAt", incident.OpenedAt);
        json.OptionalTimestamp("resolvedAt", incident.ResolvedAt);
        json.WriteString("title", incident.Title);
        json.WriteString("severity", incident.Severity);
        if (incident.CausedByKind is not null)
        {
            json.WriteStartObject("causedBy");
            json.WriteString(incident.CausedByKind, incident.CausedByValue);
            json.WriteEndObject();
        }
        incidents.EndRecord();
    }

    public void Write(TicketRecord ticket)
    {
        var json = tickets.BeginRecord();
        json.WriteString("key", ticket.Key);
        json.WriteString("project", ticket.Project);
        json.WriteString("type", ticket.Type);
        json.Timestamp("createdAt", ticket.CreatedAt);
        json.OptionalTimestamp("resolvedAt", ticket.ResolvedAt);
        json.WriteString("title", ticket.Title);
        json.WriteString("assignee", ticket.Assignee);
        json.WriteString("team", ticket.Team);
        json.Strings("labels", ticket.Labels);
        json.WriteStartArray("transitions");
        foreach (var transition in ticket.Transitions)
        {
            json.WriteStartObject();
            json.Timestamp("at", transition.At);
            json.WriteString("from", transition.From);
            json.WriteString("to", transition.To);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        tickets.EndRecord();
    }

    public void Dispose()
    {
        repositories.Dispose();
        commits.Dispose();
        pullRequests.Dispose();
        pipelineRuns.Dispose();
        deployments.Dispose();
        incidents.Dispose();
        tickets.Dispose();
    }
}
