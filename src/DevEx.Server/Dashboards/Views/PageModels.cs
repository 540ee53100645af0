namespace DevEx.Server.Dashboards.Views;

// The models the page components render: display-ready text and links, built by internal code from definitions, filters
// and data. Public only because a Razor component is a public class and its parameters must be as visible as it is.

/// <summary>What the layout around every page shows: title, intro, the dashboards menu, the filter form (null: none), problems, footer.</summary>
public sealed record PageFrame(string Title, string? Intro, IReadOnlyList<MenuLink> Menu, FilterForm? Filters,
    IReadOnlyList<DefinitionProblemModel> Problems, PageFooter Footer, bool MyWeekLink = false);

/// <summary>One entry of the dashboards menu; <see cref="Current"/> marks the page shown.</summary>
public sealed record MenuLink(string Href, string Title, bool Current);

/// <summary>A dashboard file that was not loaded and why.</summary>
public sealed record DefinitionProblemModel(string File, string Reason);

/// <summary>The window the page covers and the previous one its trends compare with (ISO dates; the last day inclusive).</summary>
public sealed record PageFooter(string From, string Last, string Zone, string PreviousFrom, string PreviousLast, string DataQualityHref);

/// <summary>The GET form of the filters; <see cref="Report"/> the team's weekly report downloads, when a team is chosen.</summary>
public sealed record FilterForm(IReadOnlyList<Choice> Teams, IReadOnlyList<Choice> Services, string? Repo, string From, string To,
    IReadOnlyList<Choice> Intervals, ReportDownloads? Report);

/// <summary>An option of a select.</summary>
public sealed record Choice(string Value, string Text, bool Selected);

/// <summary>The team's last full week as a download in each format.</summary>
public sealed record ReportDownloads(string Week, IReadOnlyList<ReportDownload> Links);

/// <summary>One format of the weekly report: the file name offered, the link, the label.</summary>
public sealed record ReportDownload(string File, string Href, string Label);

/// <summary>A dashboard in the list of all dashboards.</summary>
public sealed record DashboardListItem(string Id, string Title, string? Description, int Panels);

/// <summary>
/// An explain listing: <see cref="Total"/> rows found, <see cref="Shown"/> of them in <see cref="Rows"/>, and the same
/// listing as JSON at <see cref="ApiHref"/> (with the page's filters; <see cref="ApiPath"/> without its query).
/// </summary>
public sealed record ExplainListingModel(int Total, int Shown, string ApiHref, string ApiPath, IReadOnlyList<string> Headers,
    IReadOnlyList<ExplainRowModel> Rows);

/// <summary>A listing row: its id (the anchor other pages link to) and its cells.</summary>
public sealed record ExplainRowModel(string Id, IReadOnlyList<TableCellModel> Cells);
