using DevEx.Collectors.Import;

namespace DevEx.Server.Api.Contracts;

/// <summary>The response of POST /api/v1/import/{kind}: what was imported and rejected, and what the derivation then built.</summary>
internal sealed record ImportReceipt(string Kind, int Imported, int Rejected, IReadOnlyList<ImportReject> Rejects, ImportDerivation Derivation);

/// <summary>The derivation run after an import: production deployments and changes derived, and how long it took.</summary>
internal sealed record ImportDerivation(int ProductionDeployments, int Changes, long ElapsedMs);
