using System.Text;
using DevEx.Reports.Csv;
using DevEx.Server.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Personal;

/// <summary>
/// The /api/v1/me answers as CSV (<c>?format=csv</c>): RFC 4180, snake_case headers, raw values, as a panel's CSV is
/// written; the pull requests as one table, <c>list</c> saying which (<c>open</c>: yours, <c>review-requested</c>: on you).
/// </summary>
internal static class MeCsv
{
    public static FileContentHttpResult MeetingLoad(MyMeetingLoad load) => File(
        $"my-meeting-load-{load.From:yyyy-MM-dd}.csv",
        ["week", "working_hours", "meeting_hours", "meeting_load", "focus_hours", "fragmented_hours", "meeting_free_days", "longest_focus_hours"],
        load.Weeks.Select(w => new object?[] { w.Week, w.WorkingHours, w.MeetingHours, w.MeetingLoad, w.FocusHours, w.FragmentedHours, w.MeetingFreeDays, w.LongestFocusHours }));

    public static FileContentHttpResult PullRequests(MyPullRequests pulls) => File(
        "my-pull-requests.csv",
        ["list", "repo", "number", "title", "url", "author", "since", "waiting_hours", "waiting_for"],
        pulls.Open.Select(p => new object?[] { "open", p.Repo, p.Number, p.Title, p.Url, p.Author, p.ReadyAt, p.WaitingHours, p.WaitingFor })
            .Concat(pulls.ReviewRequests.Select(r => new object?[] { "review-requested", r.Repo, r.Number, r.Title, r.Url, r.Author, r.RequestedAt, r.WaitingHours, "your review" })));

    private static FileContentHttpResult File(string name, string[] header, IEnumerable<object?[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(CsvField.Write)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(v => CsvField.Write(Format.Raw(v)))).Append("\r\n");
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }
}
