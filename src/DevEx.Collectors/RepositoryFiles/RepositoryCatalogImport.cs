using DevEx.Collectors.Catalog;
using DevEx.Store;
using DevEx.Store.Writing;
using NodaTime;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.RepositoryFiles;

/// <summary>What importing a repository's catalog files did.</summary>
public sealed record RepositoryCatalogSummary(int Files, int Imported, int Rejected, int LinkedServices, IReadOnlyList<string> Notes)
{
    public static readonly RepositoryCatalogSummary None = new(0, 0, 0, 0, []);
}

/// <summary>
/// Feeds a repository's catalog files to the catalog import (<see cref="CatalogImporter"/>, source
/// <c>github:owner/name/path</c> or <c>git:owner/name/path</c>), then links each Component they declare without a
/// <c>github.com/project-slug</c> annotation to the repository (<see cref="RepositoryServiceLinks"/>).
/// </summary>
public sealed class RepositoryCatalogImport(DuckDbDatabase database, IClock clock)
{
    private const string SlugAnnotation = "github.com/project-slug";

    public RepositoryCatalogSummary Import(string repo, string sourcePrefix, CatalogFiles catalog)
    {
        var importer = new CatalogImporter(database, clock);
        var imported = 0;
        var rejected = 0;
        var unslugged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in catalog.Files)
        {
            var summary = importer.Import(new StringReader(file.Text), $"{sourcePrefix}{repo}/{file.Path}");
            imported += summary.Imported;
            rejected += summary.Rejected;
            unslugged.UnionWith(ComponentsWithoutSlug(file.Text));
        }
        var linked = RepositoryServiceLinks.Link(database, repo, unslugged);
        var removed = RemoveGoneFiles(repo, sourcePrefix, catalog);
        var notes = removed.Count == 0 ? catalog.Notes
            : [.. catalog.Notes, $"{removed.Count} entities of catalog files no longer in the repository removed: {string.Join(", ", removed)}"];
        return new RepositoryCatalogSummary(catalog.Files.Count, imported, rejected, linked, notes);
    }

    /// <summary>
    /// The entities of this repository's catalog files (sources <c>PREFIXowner/name/PATH</c>) that are no longer read: a
    /// deleted catalog-info.yaml, or a file a Location stopped naming.
    /// </summary>
    private IReadOnlyList<string> RemoveGoneFiles(string repo, string sourcePrefix, CatalogFiles catalog)
    {
        var prefix = $"{sourcePrefix}{repo}/";
        return CatalogSourceRemoval.RemoveSourcesOtherThan(database, prefix, catalog.Files.Select(f => prefix + f.Path).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The names of the text's Component entities that carry no project-slug annotation.</summary>
    internal static IReadOnlyList<string> ComponentsWithoutSlug(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or ArgumentException or InvalidOperationException or FormatException)
        {
            return []; // the import rejected it already, document by document
        }
        var names = new List<string>();
        foreach (var root in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
        {
            if (!string.Equals(Scalar(root, "kind"), "Component", StringComparison.OrdinalIgnoreCase)
                || Child(root, "metadata") is not YamlMappingNode metadata
                || Scalar(metadata, "name") is not { Length: > 0 } name)
            {
                continue;
            }
            if (Child(metadata, "annotations") is not YamlMappingNode annotations || Scalar(annotations, SlugAnnotation) is not { Length: > 0 })
            {
                names.Add(name);
            }
        }
        return names;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
