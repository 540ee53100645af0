using DevEx.Store.State;

namespace DevEx.Server.Audit;

internal static class AuditRegistration
{
    public static IServiceCollection AddDevExAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditTrail>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => o.RetentionDays >= 1, "DevEx:Audit:RetentionDays must be 1 or more").ValidateOnStart();
        return services;
    }

    /// <summary>After authentication, so that each entry names who asked.</summary>
    public static WebApplication UseDevExAudit(this WebApplication app)
    {
        var trail = app.Services.GetRequiredService<AuditTrail>();
        app.Use((context, next) => trail.InvokeAsync(context, next));
        return app;
    }
}
