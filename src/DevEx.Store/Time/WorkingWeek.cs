using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace DevEx.Store.Time;

/// <summary>
/// Working hours of a team or person, written as in the catalog annotation <c>devex.dev/working-hours</c>:
/// "Mon-Fri 09:00-17:00", or several parts separated by commas ("Mon-Thu 08:00-16:00, Fri 08:00-12:00").
/// End times are exclusive; "24:00" means midnight at the end of the day.
/// </summary>
public sealed partial class WorkingWeek
{
    public const string DefaultText = "Mon-Fri 09:00-17:00";

    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private readonly (LocalTime Start, Period Length)?[] days = new (LocalTime, Period)?[7];

    private WorkingWeek(string text) => Text = text;

    public static WorkingWeek Default { get; } = Parse(DefaultText);

    public string Text { get; }

    /// <summary>The working span of a weekday, or null when it is not a working day.</summary>
    public (LocalTime Start, Period Length)? On(IsoDayOfWeek day) => days[(int)day - 1];

    [GeneratedRegex(@"^\s*(?<from>[A-Za-z]{3})(\s*-\s*(?<to>[A-Za-z]{3}))?\s+(?<start>\d{1,2}:\d{2})\s*-\s*(?<end>\d{1,2}:\d{2})\s*$")]
    private static partial Regex PartPattern();

    public static bool TryParse(string? text, out WorkingWeek week, out string error)
    {
        week = new WorkingWeek(text ?? "");
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "working hours are empty";
            return false;
        }
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = PartPattern().Match(part);
            if (!match.Success)
            {
                error = $"'{part.Trim()}' is not like 'Mon-Fri 09:00-17:00'";
                return false;
            }
            var from = Array.IndexOf(DayNames, match.Groups["from"].Value.ToLowerInvariant());
            var to = match.Groups["to"].Success ? Array.IndexOf(DayNames, match.Groups["to"].Value.ToLowerInvariant()) : from;
            if (from < 0 || to < 0 || to < from)
            {
                error = $"'{part.Trim()}' names unknown or reversed days (use Mon Tue Wed Thu Fri Sat Sun)";
                return false;
            }
            if (!TryMinutes(match.Groups["start"].Value, out var start) || !TryMinutes(match.Groups["end"].Value, out var end) || end <= start)
            {
                error = $"'{part.Trim()}' has an invalid time range (HH:mm-HH:mm, end after start, at most 24:00)";
                return false;
            }
            for (var day = from; day <= to; day++)
            {
                week.days[day] = (LocalTime.Midnight.PlusMinutes(start), Period.FromMinutes(end - start));
            }
        }
        return true;
    }

    public static WorkingWeek Parse(string text) =>
        TryParse(text, out var week, out var error) ? week : throw new FormatException($"Invalid working hours '{text}': {error}");

    private static bool TryMinutes(string text, out int minutes)
    {
        var parts = text.Split(':');
        minutes = 0;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mins)
            || mins > 59 || hours > 24 || (hours == 24 && mins > 0))
        {
            return false;
        }
        minutes = hours * 60 + mins;
        return true;
    }
}
