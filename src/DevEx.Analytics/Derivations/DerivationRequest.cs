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

    public DerivationRequest Merge(DerivationRequest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var reason = Reason == other.Reason ? Reason : Reason + "; " + other.Reason;
        return IsFull || other.IsFull
            ? new DerivationRequest(reason)
            : For(reason, Repos!.Concat(other.Repos!), Services!.Concat(other.Services!));
    }
}
