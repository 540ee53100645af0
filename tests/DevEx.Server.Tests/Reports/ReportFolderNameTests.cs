using DevEx.Server.Reports;

namespace DevEx.Server.Tests.Reports;

/// <summary>
/// A team's folder and job id: Backstage names ([A-Za-z0-9] runs joined by single - _ .) as they are, anything else
/// made safe and told apart by a hash, so two teams never share a folder or a job.
/// </summary>
public sealed class ReportFolderNameTests
{
    [Theory]
    [InlineData("core")]
    [InlineData("Core-Platform_2.eu")]
    public void Backstage_names_are_kept(string team) => Assert.Equal(team, ReportFileWriter.SafeName(team));

    [Theory]
    [InlineData("a b", "a_b")]
    [InlineData("a/b", "a_b")]
    [InlineData("..", "_")]
    [InlineData("-core", "_core")]
    [InlineData("a__b", "a_b")]
    public void Other_ids_never_share_a_name_with_a_backstage_name_or_each_other(string team, string other)
    {
        var safe = ReportFileWriter.SafeName(team);
        Assert.NotEqual(safe, ReportFileWriter.SafeName(other));
        Assert.StartsWith("_", safe); // no Backstage name starts with '_'
        Assert.DoesNotContain('/', safe);
        Assert.NotEqual(ReportScheduling.JobId(team), ReportScheduling.JobId(other));
    }

    [Fact]
    public void Unsafe_ids_that_differ_only_in_unsafe_characters_get_different_names() =>
        Assert.NotEqual(ReportFileWriter.SafeName("a b"), ReportFileWriter.SafeName("a/b"));
}
