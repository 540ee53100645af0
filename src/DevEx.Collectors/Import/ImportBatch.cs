using DevEx.Store.Rows;
using DevEx.Store.Writing;
using DuckDB.NET.Data;

namespace DevEx.Collectors.Import;

/// <summary>Rows collected from import lines, written together in one transaction.</summary>
internal sealed class ImportBatch
{
    public List<RepositoryRow> Repositories { get; } = [];
    public List<CommitRow> Commits { get; } = [];
    public List<PullRequestRow> PullRequests { get; } = [];
    public List<PullRequestCommitRow> PullRequestCommits { get; } = [];
    public List<ReviewRow> Reviews { get; } = [];
    public List<ReviewRequestRow> ReviewRequests { get; } = [];
    public List<PipelineRunRow> PipelineRuns { get; } = [];
    public List<DeploymentRow> Deployments { get; } = [];
    public List<IncidentRow> Incidents { get; } = [];
    public List<TicketRow> Tickets { get; } = [];
    public List<TicketTransitionRow> TicketTransitions { get; } = [];

    public int Count => Repositories.Count + Commits.Count + PullRequests.Count + PipelineRuns.Count
        + Deployments.Count + Incidents.Count + Tickets.Count;

    /// <summary>Rows written including child rows (reviews, review requests, PR commits, ticket transitions).</summary>
    public int RowCount => Count + PullRequestCommits.Count + Reviews.Count + ReviewRequests.Count + TicketTransitions.Count;

    /// <summary>Adds another batch's rows after this one's.</summary>
    public void Append(ImportBatch other)
    {
        var lists = Lists;
        var others = other.Lists;
        for (var i = 0; i < lists.Length; i++)
        {
            foreach (var item in others[i])
            {
                lists[i].Add(item);
            }
        }
    }

    /// <summary>The current length of every list, to roll a half-mapped record back to.</summary>
    public int[] Mark()
    {
        var lists = Lists;
        var mark = new int[lists.Length];
        for (var i = 0; i < lists.Length; i++)
        {
            mark[i] = lists[i].Count;
        }
        return mark;
    }

    public void Rollback(int[] mark)
    {
        var lists = Lists;
        for (var i = 0; i < lists.Length; i++)
        {
            while (lists[i].Count > mark[i])
            {
                lists[i].RemoveAt(lists[i].Count - 1);
            }
        }
    }

    private System.Collections.IList[] Lists => lists ??=
        [Repositories, Commits, PullRequests, PullRequestCommits, Reviews, ReviewRequests, PipelineRuns, Deployments, Incidents,
            Tickets, TicketTransitions];

    private System.Collections.IList[]? lists;

    public void Write(DuckDBConnection connection)
    {
        TableWriter.Upsert(connection, Tables.Repositories, Repositories);
        TableWriter.Upsert(connection, Tables.Commits, Commits);
        TableWriter.Upsert(connection, Tables.PullRequests, PullRequests);
        TableWriter.ReplaceChildren(connection, Tables.PullRequestKeys, PullRequests, Tables.PullRequestCommits, PullRequestCommits);
        TableWriter.ReplaceChildren(connection, Tables.PullRequestKeys, PullRequests, Tables.Reviews, Reviews);
        TableWriter.ReplaceChildren(connection, Tables.PullRequestKeys, PullRequests, Tables.ReviewRequests, ReviewRequests);
        TableWriter.Upsert(connection, Tables.PipelineRuns, PipelineRuns);
        TableWriter.Upsert(connection, Tables.Deployments, Deployments);
        TableWriter.Upsert(connection, Tables.Incidents, Incidents);
        TableWriter.Upsert(connection, Tables.Tickets, Tickets);
        TableWriter.ReplaceChildren(connection, Tables.TicketKeys, Tickets, Tables.TicketTransitions, TicketTransitions);
    }
}
