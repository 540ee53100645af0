using DevEx.Analytics.Derivations;
using DevEx.Collectors.GitHub;
using DevEx.Collectors.GitHub.Mapping;
using DevEx.Collectors.GitHub.Webhooks;
using DevEx.Server.Derivation;
using DevEx.Store;
using DevEx.Store.Reading;
using DevEx.Store.State;
using DevEx.Store.Writing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace DevEx.Server.Webhooks;

internal enum WebhookDisposition
{
    Processed,
    Duplicate,
    Ignored,
    Failed,
}

internal sealed record WebhookResult(WebhookDisposition Disposition, string Delivery, string Event, string? Action = null, int Rows = 0, string? Error = null,
    DerivationRequest? Derivation = null, string? OwedDerivation = null);

/// <summary>
/// Processes a verified delivery once: the delivery record, the rows and the raw payload are written in one
/// transaction (<see cref="DuckDbDatabase.Write{T}"/>), so a delivery is either wholly processed or not at all, and a redelivery of a
/// processed one changes nothing. A delivery that failed may be redelivered (after a fix) and is processed then.
/// A delivery that wrote rows requests a derivation from <see cref="DerivationQueueService"/> and returns: the request never
/// waits for it (GitHub gives a delivery 10 s, a derivation of a large org takes longer), metrics follow shortly after.
/// </summary>
internal sealed class GitHubWebhookProcessor(
    DuckDbDatabase database,
    DerivationQueueService derivations,
    RawPayloadStore rawPayloads,
    IOptions<GitHubOptions> options,
    IClock clock,
    ILogger<GitHubWebhookProcessor> logger)
{
    private static readonly Duration PruneEvery = Duration.FromHours(1);
    private Instant lastPrune = Instant.MinValue;

    public WebhookResult Process(string delivery, string eventName, string body)
    {
        var now = clock.GetCurrentInstant();
        var result = Record(delivery, eventName, body, now);
        logger.LogInformation("GitHub webhook {Delivery} ({Event} {Action}): {Disposition}, {Rows} rows{Error}",
            delivery, eventName, result.Action, result.Disposition, result.Rows, result.Error is null ? "" : ": " + result.Error);
        if (result is { Disposition: WebhookDisposition.Processed, Rows: > 0, Derivation: { } derivation, OwedDerivation: { } owedId })
        {
            derivations.Request(derivation, owedId);
            PruneRawPayloads(now);
        }
        return result;
    }

    // One write: the delivery record, its rows and its raw payload commit together or not at all.
    private WebhookResult Record(string delivery, string eventName, string body, Instant now) =>
        database.Write((connection, _) =>
        {
            var seen = WebhookDeliveryLog.Outcome(connection, delivery);
            if (seen is not null && !seen.StartsWith("failed", StringComparison.Ordinal))
            {
                return new WebhookResult(WebhookDisposition.Duplicate, delivery, eventName);
            }
            if (eventName == "ping")
            {
                WebhookDeliveryLog.Save(connection, delivery, eventName, now, "processed");
                return new WebhookResult(WebhookDisposition.Processed, delivery, eventName);
            }
            if (!WebhookEventMapper.Events.Contains(eventName))
            {
                WebhookDeliveryLog.Save(connection, delivery, eventName, now, "ignored");
                return new WebhookResult(WebhookDisposition.Ignored, delivery, eventName);
            }
            SourceBatch batch;
            string? action;
            try
            {
                // Mapping only reads: a payload it rejects has written nothing, so the failure is recorded in the same write.
                (batch, action) = WebhookEventMapper.Map(eventName, body, new StoredGitHubRows(connection), options.Value);
            }
            catch (WebhookPayloadException e)
            {
                WebhookDeliveryLog.Save(connection, delivery, eventName, now, "failed: " + e.Message);
                return new WebhookResult(WebhookDisposition.Failed, delivery, eventName, Error: e.Message);
            }
            var derivation = Derivation($"webhook {delivery} ({eventName})", batch, new StoredGitHubRows(connection));
            batch.AddRawPayload(eventName, delivery, body, now);
            batch.Write(connection);
            WebhookDeliveryLog.Save(connection, delivery, eventName, now, "processed");
            // The derivation the 202 promises, recorded with the rows: it survives a stop, a crash or a failed run.
            var owedId = batch.RowCount > 0
                ? OwedDerivationStore.Insert(connection, derivation.Reason, derivation.Repos, derivation.Services, now)
                : null;
            return new WebhookResult(WebhookDisposition.Processed, delivery, eventName, action, batch.RowCount, Derivation: derivation,
                OwedDerivation: owedId);
        });

    /// <summary>
    /// What the delivery calls for: re-deriving its repository and the services its deployments and incidents belong
    /// to (before and after, for an incident it moves or removes). Read before the rows are written.
    /// </summary>
    private static DerivationRequest Derivation(string reason, SourceBatch batch, StoredGitHubRows stored)
    {
        if (batch.Tickets.Count > 0 || batch.TicketTransitions.Count > 0)
        {
            return new DerivationRequest(reason); // ticket statuses feed every ticket's figures: derive them all
        }
        var repos = batch.Repositories.Select(r => r.Repo).Concat(batch.Deployments.Select(d => d.Repo).OfType<string>());
        var services = batch.Deployments.Select(d => d.Service).Concat(batch.Incidents.Select(i => i.Service))
            .Concat(stored.IncidentServices(batch.Incidents.Select(i => i.Id).Concat(batch.RemovedIncidents.Select(r => r.Id))));
        return DerivationRequest.For(reason, repos, services);
    }

    /// <summary>Raw payloads are pruned at most hourly, on the back of a processed delivery.</summary>
    private void PruneRawPayloads(Instant now)
    {
        if (now - lastPrune < PruneEvery)
        {
            return;
        }
        lastPrune = now;
        rawPayloads.Prune(now);
    }
}
