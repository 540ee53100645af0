using DevEx.Collectors.Calendar;
using DevEx.Collectors.Sync;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

internal static class CalendarRegistration
{
    /// <summary>
    /// Calendar files and feeds: the importer (also used by folder imports) and the scheduled feed fetch, which takes the
    /// "calendar-feeds" client (<see cref="HttpClientRegistration"/>) from the factory at each run.
    /// </summary>
    public static IServiceCollection AddCalendarCollection(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>().BindConfigurationReplacingLists(CalendarOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CalendarOptions>>().Value);
        services.AddSingleton<CalendarImporter>();
        services.AddSingleton<ISyncSource>(sp => new CalendarFeedCollector(sp.GetRequiredService<CalendarOptions>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<CalendarImporter>(), sp.GetRequiredService<SyncStateStore>()));
        return services;
    }
}
