using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.Rows;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class ReviewMapperTests
{
    [Fact]
    public void A_webhook_review_state_written_lowercase_is_stored_uppercase()
    {
        // pull_request_review/submitted.payload.json: "state": "commented" (REST writes COMMENTED).
        var review = Read<PullRequestReview>("github-webhooks/pull_request_review/submitted.payload.json", "review");

        Assert.Equal(new ReviewRow("Codertocat/Hello-World", 2, "Codertocat", "COMMENTED", At("2019-05-15T15:20:38Z")),
            ReviewMapper.Map("Codertocat/Hello-World", 2, review));
    }

    [Fact]
    public void A_pending_review_has_no_submitted_time_and_is_left_out()
    {
        var review = Parse<PullRequestReview>("""{"id": 81, "user": {"login": "hubot"}, "state": "PENDING"}""");

        Assert.Null(ReviewMapper.Map("octocat/Hello-World", 12, review));
    }
}
