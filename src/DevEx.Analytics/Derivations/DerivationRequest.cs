namespace DevEx.Analytics.Derivations;

/// <summary>
/// Why a derivation is wanted. Requests that wait while another run is in progress are merged into one
/// (<see cref="Merge"/>): the reasons are kept together, so a log line says what the run stood for.
/// </summary>
public sealed record DerivationRequest(string Reason)
{
    public DerivationRequest Merge(DerivationRequest other) =>
        new(Reason == other.Reason ? Reason : Reason + "; " + other.Reason);
}
