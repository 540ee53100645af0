using DevEx.Analytics.Derivations;

namespace DevEx.Analytics.Tests.Derivations;

/// <summary>Requests waiting together become one: scopes unite, and a full request absorbs a scoped one.</summary>
public sealed class DerivationRequestTests
{
    [Fact]
    public void Two_scoped_requests_merge_into_the_union_of_their_repositories_and_services()
    {
        var merged = DerivationRequest.For("webhook 1", ["acme/api"], ["api"]).Merge(DerivationRequest.For("webhook 2", ["acme/web", "acme/api"], []));

        Assert.False(merged.IsFull);
        Assert.Equal(["acme/api", "acme/web"], merged.Repos!.Order());
        Assert.Equal(["api"], merged.Services!.Order());
        Assert.Equal("webhook 1; webhook 2", merged.Reason);
    }

    [Fact]
    public void A_full_request_absorbs_a_scoped_one_either_way()
    {
        var scoped = DerivationRequest.For("webhook 1", ["acme/api"]);

        Assert.True(scoped.Merge(new DerivationRequest("sync github")).IsFull);
        Assert.True(new DerivationRequest("import").Merge(scoped).IsFull);
    }

    [Fact]
    public void Eight_requests_waiting_together_name_the_first_five()
    {
        var merged = Enumerable.Range(2, 7).Aggregate(DerivationRequest.For("r1", ["acme/api"]), (m, i) => m.Merge(DerivationRequest.For($"r{i}", ["acme/api"])));

        Assert.Equal((8, "r1; r2; r3; r4; r5; ..."), (merged.Merged, merged.Reason));
    }
}
