namespace DevEx.Server.Webhooks;

/// <summary>
/// A delivery processed now: its event and action and the rows it wrote. 202 with <c>Derivation = "queued"</c> when it
/// wrote rows (metrics follow once the queued derivation has run), 200 when there was nothing to write (a ping).
/// </summary>
internal sealed record WebhookProcessed(string Delivery, string Event, string? Action, string Outcome, int Rows, string? Derivation = null);

/// <summary>200 for a delivery already processed: nothing is written again.</summary>
internal sealed record WebhookDuplicate(string Delivery, bool Duplicate);

/// <summary>202 for an event the service does not map: acknowledged, nothing written.</summary>
internal sealed record WebhookIgnored(string Delivery, string Event, string Outcome);
