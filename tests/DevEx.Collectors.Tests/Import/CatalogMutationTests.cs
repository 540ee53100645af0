using System.Text;
using DevEx.Collectors.Catalog;

namespace DevEx.Collectors.Tests.Import;

/// <summary>
/// Seeded mutations of a catalog file of three entities (a Group, a User, a Component): however one is broken, the
/// import never throws, every entity is imported or rejected, and the other two are imported.
/// </summary>
public sealed class CatalogMutationTests : IDisposable
{
    private const int Seeds = 2;

    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    /// <summary>The three entities, named with <paramref name="n"/> so that each case's rows can be told apart.</summary>
    private static string[] Entities(int n) =>
    [
        $"""
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: payments-{n}
          annotations:
            devex.dev/timezone: Europe/Berlin
            devex.dev/working-hours: Mon-Fri 09:00-17:00
        spec:
          type: team
          children: []
        """,
        $"""
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata:
          name: ana-{n}
          annotations:
            github.com/user-login: ana-gh-{n}
            devex.dev/aliases: ana-{n}@old.example
        spec:
          profile:
            email: ana-{n}@example.com
          memberOf: [payments-{n}]
        """,
        $"""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: checkout-{n}
          annotations:
            github.com/project-slug: acme/checkout-{n}
        spec:
          type: service
          lifecycle: production
          owner: group:default/payments-{n}
        """,
    ];

    [Fact]
    public void Every_broken_entity_is_imported_or_rejected_and_the_other_two_are_imported()
    {
        var n = 0;
        var failures = new List<string>();
        foreach (var mutation in Enum.GetValues<Mutation>())
        {
            for (var seed = 0; seed < (mutation == Mutation.HugeString ? 1 : Seeds); seed++)
            {
                n++;
                var random = new Random(n);
                var entities = Entities(n);
                var broken = random.Next(entities.Length);
                var parts = entities.Select((e, i) => i == broken ? YamlMutator.Mutate(e, mutation, random) : Encoding.UTF8.GetBytes(e));
                var file = parts.Aggregate((a, b) => [.. a, .. "\n---\n"u8.ToArray(), .. b]);

                // Read as the folder import reads a file: UTF-8, invalid bytes replaced.
                using var reader = new StreamReader(new MemoryStream(file), Encoding.UTF8);
                DevEx.Collectors.Import.ImportFileSummary? summary = null;
                var crash = Record.Exception(() => summary = new CatalogImporter(db.Database, db.Clock).Import(reader, $"catalog-{n}.yaml"));
                if (crash is not null)
                {
                    failures.Add($"{mutation} seed {seed} (entity {broken}): {crash}");
                    continue;
                }

                var kept = new[]
                {
                    db.Scalar<long>($"SELECT count(*) FROM teams WHERE id = 'payments-{n}'"),
                    db.Scalar<long>($"SELECT count(*) FROM people WHERE id = 'ana-{n}'"),
                    db.Scalar<long>($"SELECT count(*) FROM services WHERE id = 'checkout-{n}'"),
                };
                if (summary!.Imported + summary.Rejected != 3 || kept.Where((_, i) => i != broken).Any(k => k != 1))
                {
                    failures.Add($"{mutation} seed {seed} (entity {broken}): {summary.Imported} imported, {summary.Rejected} rejected, "
                        + $"kept {string.Join(",", kept)}; {string.Join("; ", summary.Rejects.Select(r => $"{r.Line}: {r.Reason}"))}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
