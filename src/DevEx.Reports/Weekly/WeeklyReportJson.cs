using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace DevEx.Reports.Weekly;

/// <summary>JSON the way the API writes it: camelCase, NodaTime values as ISO text.</summary>
public static class WeeklyReportJson
{
    public static JsonSerializerOptions Options { get; } =
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    public static string Write(WeeklyReport report) => JsonSerializer.Serialize(report, Options);
}
