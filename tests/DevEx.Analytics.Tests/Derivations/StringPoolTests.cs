using DevEx.Analytics.Derivations;

namespace DevEx.Analytics.Tests.Derivations;

public sealed class StringPoolTests
{
    [Fact]
    public void Equal_strings_read_from_different_rows_come_back_as_the_first_instance()
    {
        var pool = new StringPool();
        var first = new string("acme/payments".AsSpan());
        var second = new string("acme/payments".AsSpan());

        Assert.Same(first, pool.Get(first));
        Assert.Same(first, pool.Get(second));
        Assert.Equal("acme/billing", pool.Get("acme/billing"));
        Assert.Null(pool.GetOrNull(null));
    }
}
