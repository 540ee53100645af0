using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.Rows;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class RepositoryMapperTests
{
    [Fact]
    public void A_repository_is_keyed_by_its_full_name()
    {
        var repository = Read<Repository>("github-webhooks/reallyfastci/webhook-push-to-master.json", "repository");

        Assert.Equal(new RepositoryRow("ailisp/gcbapp-buildconfig-example", "master", "https://github.com/ailisp/gcbapp-buildconfig-example", "github"),
            RepositoryMapper.Map(repository));
    }
}
