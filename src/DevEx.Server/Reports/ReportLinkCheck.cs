using Microsoft.Extensions.Options;

namespace DevEx.Server.Reports;

/// <summary>
/// Warns at start when webhooks are configured without <c>DevEx:Reports:PublicUrl</c>: their chat messages would carry
/// no link to the report (the service cannot guess the address people reach it at).
/// </summary>
internal sealed class ReportLinkCheck(IOptions<ReportOptions> options, ILogger<ReportLinkCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Webhooks.Count > 0 && string.IsNullOrWhiteSpace(o.PublicUrl))
        {
            logger.LogWarning("{Teams} report webhooks are configured but DevEx:Reports:PublicUrl is not: their chat messages will have no link to the report",
                o.Webhooks.Count);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
