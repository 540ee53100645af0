namespace DevEx.Analytics.Derivations;

/// <summary>
/// Why a derivation is wanted, and over what: the whole organisation (<see cref="IsFull"/>), or only what depends on
/// some repositories and services (a webhook or a sync that touched them). Requests that wait while another run is in
/// progress are merged into one (<see cref="Merge"/>): scopes unite (a full request absorbs any other) and the reasons
/// are kept together, so a log line says what the run stood for.
/// </summary>
public sealed record DerivationRequest(string Reason)
{
    /// <summary>Repositories whose source rows changed; null for a full derivation.</summary>
    public IReadOnlySet<string>? Repos { get; private init; }

    /// <summary>Services whose source rows changed (deployments, incidents); null for a full derivation.</summary>
    public IReadOnlySet<string>? Services { get; private init; }

    public bool IsFull => Repos is null;

    /// <summary>Re-derive what depends on <paramref name="repos"/> and <paramref name="services"/> (see DerivationScope).</summary>
    public static DerivationRequest For(string reason, IEnumerable<string> repos, IEnumerable<string>? services = null) => new(reason)
    {
        Repos = repos.ToHashSet(StringComparer.Ordinal),
        Services = (services ?? []).ToHashSet(StringComparer.Ordinal),
    };

    /// <summary>How many requests this one stands for.</summary>
    public int Merged { get; private init; } = 1;

    public DerivationRequest Merge(DerivationRequest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        // Under a stream of webhooks hundreds of requests can wait together: the reason names the first few only.
        var merged = Merged + other.Merged;
        var reason = Reason == other.Reason ? Reason
            : merged <= MaxReasons ? Reason + "; " + other.Reason
            : merged == MaxReasons + 1 ? Reason + "; ..."
            : Reason;
        var request = IsFull || other.IsFull
            ? new DerivationRequest(reason)
            : For(reason, Repos!.Concat(other.Repos!), Services!.Concat(other.Services!));
        return request with { Merged = merged };
    }

    private const int MaxReasons = 5;
}
