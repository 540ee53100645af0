using DevEx.Store.Rows;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>Pull request review → reviews row. REST writes states upper-case, webhooks lower-case: stored upper-case.</summary>
public static class ReviewMapper
{
    /// <summary>The row, or null for a pending review (not submitted yet: it has no submitted_at and nobody saw it).</summary>
    public static ReviewRow? Map(string repo, int number, PullRequestReview review)
    {
        var state = review.State.StringValue?.ToUpperInvariant();
        var submittedAt = GitHubMapping.ToInstantOrNull(review.SubmittedAt);
        if (submittedAt is null || string.IsNullOrEmpty(state) || state == "PENDING")
        {
            return null;
        }
        return new ReviewRow(repo, number, GitHubMapping.Identity(review.User?.Login, null, null), state, submittedAt.Value);
    }
}
