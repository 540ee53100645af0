using DevEx.Analytics.Tickets;

namespace DevEx.Analytics.Tests.Tickets;

/// <summary>Status categories: an override beats the source's category, which beats the default name rules.</summary>
public sealed class TicketStatusMapperTests
{
    private static readonly TicketStatusMapper Mapper = new(
        new TicketOptions { StatusCategories = new() { ["OPS"] = new() { ["In Review"] = "active" } } },
        [("OPS", "In Review", "indeterminate"), ("OPS", "Ready for QA", "indeterminate"), ("OPS", "Doing", "indeterminate"),
         ("OPS", "Shipped", "done"), ("OPS", "Icebox", "new")]);

    [Theory]
    [InlineData("In Review", "active", "override DevEx:Tickets:StatusCategories:OPS:In Review")] // the source says indeterminate -> wait
    [InlineData("in review", "active", "override DevEx:Tickets:StatusCategories:OPS:in review")] // names compare case-insensitively
    [InlineData("Ready for QA", "wait", "source category 'indeterminate', name contains 'qa'")]
    [InlineData("Doing", "active", "source category 'indeterminate'")]
    [InlineData("Shipped", "done", "source category 'done'")]
    [InlineData("Icebox", "backlog", "source category 'new'")]
    [InlineData("Code Review", "wait", "default rule: contains 'review'")]
    [InlineData("On Hold", "wait", "default rule: contains 'on hold'")]
    [InlineData("Closed", "done", "default rule: name is 'closed'")]
    [InlineData("Selected for Development", "backlog", "default rule: name is 'selected for development'")]
    [InlineData("In Progress", "active", "default rule: name is 'in progress'")]
    [InlineData("Triage", "active", TicketStatusMapper.FallbackReason)]
    public void Category_and_reason(string status, string category, string reason)
    {
        var mapping = Mapper.Map("OPS", status);
        Assert.Equal((category, reason), (mapping.Category, mapping.Reason));
        Assert.Equal(reason == TicketStatusMapper.FallbackReason, mapping.Unmapped);
    }

    [Fact]
    public void Override_applies_only_to_its_project()
    {
        Assert.Equal(("wait", "default rule: contains 'review'"), (Mapper.Map("WEB", "In Review").Category, Mapper.Map("WEB", "In Review").Reason));
    }

    [Fact]
    public void Blocked_pattern_is_configurable()
    {
        Assert.True(Mapper.IsBlocked("Blocked by vendor"));
        Assert.False(new TicketStatusMapper(new TicketOptions { BlockedPattern = "^impeded$" }, []).IsBlocked("Blocked"));
    }

    [Fact]
    public void An_override_outside_the_four_categories_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            new TicketStatusMapper(new TicketOptions { StatusCategories = new() { ["OPS"] = new() { ["Doing"] = "busy" } } }, []));
    }
}
