using System.Net;
using System.Net.Http.Headers;
using DevEx.Collectors.Import;
using DevEx.Collectors.Sync;
using DevEx.Store.State;

namespace DevEx.Collectors.Calendar;

/// <summary>
/// Fetches each configured person's iCalendar feed with a conditional GET (ETag / Last-Modified kept in sync_state, so
/// an unchanged feed costs a 304 even after a restart) and imports what changed. A feed that fails is reported and the
/// others still run; feed URLs are secrets (Google and Outlook put a token in them) and are never logged. Each run
/// takes a new "calendar-feeds" client from the factory (<see cref="Http.CollectorHttpClients.CalendarFeeds"/>): a
/// client held by this process-long collector would keep its connections and their DNS answers for ever.
/// </summary>
public sealed class CalendarFeedCollector(CalendarOptions options, IHttpClientFactory clients, CalendarImporter importer, SyncStateStore cursors)
    : ISyncSource
{
    public const string SourceName = "calendar";

    public string Name => SourceName;

    public bool IsConfigured => options.Feeds.Count > 0;

    public string Schedule => options.Schedule;

    public async Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var (rows, requests, notModified) = (0L, 0L, 0L);
        var failures = new List<string>();
        var http = clients.CreateClient(Http.CollectorHttpClients.CalendarFeeds);
        foreach (var (email, url) in options.Feeds.OrderBy(f => f.Key, StringComparer.OrdinalIgnoreCase))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (lastModified, etag) = cursors.GetWithETag(SourceName, email, "feed");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (etag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }
            if (lastModified is not null && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var since))
            {
                request.Headers.IfModifiedSince = since;
            }
            requests++;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    notModified++;
                    progress.Report($"{email}: unchanged");
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{email}: HTTP {(int)response.StatusCode}");
                    continue;
                }
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var summary = importer.Import(email, text, $"feed:{email}");
                rows += summary.Imported;
                cursors.Set(SourceName, email, "feed", response.Content.Headers.LastModified?.ToString("R"), response.Headers.ETag?.ToString());
                progress.Report($"{email}: {summary.Imported} occurrences, {summary.Rejected} rejected");
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{email}: {e.Message}");
            }
            catch (Polly.Timeout.TimeoutRejectedException)
            {
                failures.Add($"{email}: no response within the attempt timeout, retries included");
            }
        }
        if (failures.Count > 0 && failures.Count == options.Feeds.Count)
        {
            throw new InvalidOperationException("Every calendar feed failed: " + string.Join("; ", failures));
        }
        return new SyncOutcome(rows, requests, notModified, failures.Count > 0 ? string.Join("; ", failures) : null);
    }
}
