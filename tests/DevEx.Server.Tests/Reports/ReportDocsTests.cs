using System.Text.RegularExpressions;
using DevEx.Reports.Weekly;

namespace DevEx.Server.Tests.Reports;

/// <summary>What docs/reports.md and the README promise about the printed report is what the CSS and the print test do.</summary>
public sealed partial class ReportDocsTests
{
    [Fact]
    public void The_documented_print_width_is_the_width_the_css_prints_at()
    {
        var css = PrintWidth().Match(WeeklyReportHtml.Write(ChatMessageTests.Report("Core", []), []));
        Assert.True(css.Success, "the print styles set a max-width in mm");
        Assert.Equal("190", css.Groups["mm"].Value); // A4's 210 mm less @page margins of 10 mm at each side
        Assert.Contains($"content at most {css.Groups["mm"].Value} mm wide", Read("docs/reports.md"));
    }

    [Fact]
    public void The_readme_and_the_docs_promise_the_pages_the_print_test_allows()
    {
        // WeeklyReportBrowserTests requires one printed page, on A4 and on Letter.
        foreach (var file in new[] { "README.md", "docs/reports.md" })
        {
            var text = Read(file);
            Assert.Contains("one-page report", text);
            Assert.DoesNotContain("two-page", text);
        }
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, file));

    [GeneratedRegex(@"@media print\{body\{max-width:(?<mm>\d+)mm")]
    private static partial Regex PrintWidth();
}
