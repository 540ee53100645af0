namespace DevEx.Collectors.Catalog;

/// <summary>
/// A Backstage entity reference, <c>[kind:][namespace/]name</c>, completed with the default kind of the field it is
/// written in and the namespace of the entity that writes it. Backstage compares references lower-cased:
/// <see cref="Key"/> is that form, <c>kind:namespace/name</c>.
/// </summary>
internal sealed record EntityReference(string Kind, string Namespace, string Name)
{
    public string Key => $"{Kind}:{Namespace}/{Name}".ToLowerInvariant();

    public static string KeyOf(string kind, string @namespace, string name) => new EntityReference(kind, @namespace, name).Key;

    /// <summary>
    /// Parses as Backstage's parseEntityRef does: the kind is what comes before the first ':' (unless a '/' comes
    /// first), the namespace what comes before the first '/', and no part may be empty. Null with
    /// <paramref name="error"/> when the text is not a reference, or names no kind and the field has no default kind.
    /// </summary>
    public static EntityReference? Parse(string text, string? defaultKind, string defaultNamespace, out string? error)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && slash < colon)
        {
            colon = -1; // a ':' inside the namespace or name part is not a kind separator
        }
        var kind = colon < 0 ? null : text[..colon];
        var @namespace = slash < 0 ? null : text[(colon + 1)..slash];
        var name = text[(Math.Max(colon, slash) + 1)..];
        if (kind?.Length == 0 || @namespace?.Length == 0 || name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
        {
            error = $"'{text}' is not an entity reference of the form [<kind>:][<namespace>/]<name>";
            return null;
        }
        if ((kind ?? defaultKind) is not { } resolvedKind)
        {
            error = $"'{text}' names no kind (write it as kind:{text}, e.g. component:{text})";
            return null;
        }
        error = null;
        return new EntityReference(resolvedKind, @namespace ?? defaultNamespace, name);
    }
}
