using DevEx.Store.Reading;
using NodaTime;

namespace DevEx.Analytics.Derivations;

/// <summary>A successful production deployment with everything derived about it.</summary>
internal sealed class DerivedDeployment(DeploymentInfo source, string? repo, string? ownerTeam)
{
    public DeploymentInfo Source { get; } = source;
    public string Id => Source.Id;
    public string Service => Source.Service;
    public string? Repo { get; } = repo;
    public string? OwnerTeam { get; } = ownerTeam;
    public Instant FinishedAt => Source.FinishedAt;

    public DerivedDeployment? Previous { get; set; }
    public DerivedDeployment? Next { get; set; }
    public bool ShaKnown { get; set; }
    public bool IsRollback { get; set; }
    public IReadOnlyList<string> ChangeSet { get; set; } = [];

    /// <summary>
    /// The changes whose lead time ends here: this is the first deployment containing them. Every property of the
    /// deployment read from its changes (change count, rework by revert or hotfix, the revert rule) reads these, not the
    /// ancestry change set, which on interleaved release lines also holds changes an earlier deployment shipped.
    /// </summary>
    public List<DerivedChange> AttributedChanges { get; } = [];

    public string? FailureMethod { get; set; }
    public string? FailureEvidence { get; set; }
    public bool Failed => FailureMethod is not null;
    public string? ReworkReason { get; set; }
    public DerivedDeployment? Recovery { get; set; }

    public void MarkFailed(string method, string evidence)
    {
        FailureMethod ??= method;
        FailureEvidence ??= evidence;
    }
}

/// <summary>A change (a merged pull request, or a commit outside any pull request) of one service.</summary>
internal sealed class DerivedChange(string service, string kind, string repo, string reference)
{
    public string Service { get; } = service;
    public string Kind { get; } = kind;
    public string Repo { get; } = repo;
    public string Ref { get; } = reference;
    public PullRequestInfo? PullRequest { get; init; }
    public CommitInfo? Commit { get; init; }
    public Instant StartedAt { get; set; }
    public string StartSource { get; set; } = "";
    public DerivedDeployment? Deployment { get; set; }
    public bool IsRevert { get; set; }
    public bool IsHotfix { get; set; }

    public string Key => $"{Service}|{Kind}|{Ref}";
}
