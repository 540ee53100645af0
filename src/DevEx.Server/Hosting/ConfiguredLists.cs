using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

/// <summary>
/// Configured lists replace the defaults in code. The configuration binder fills a list the options object already
/// holds by adding to it, so <c>DevEx:Metrics:HotfixLabels: ["urgent"]</c> over the default <c>["hotfix"]</c> gave
/// both; after binding, every list property whose key the section sets holds exactly the configured items (in order).
/// A list the section does not set keeps its default; one set empty (<c>[]</c> in JSON, an empty environment variable) is
/// empty, which is how a rule such as the hotfix labels is switched off. docs/configuration.md says so for every list setting.
/// </summary>
internal static class ConfiguredLists
{
    /// <summary>Binds <paramref name="section"/> as <c>BindConfiguration</c> does, with configured lists replacing the defaults.</summary>
    public static OptionsBuilder<T> BindConfigurationReplacingLists<T>(this OptionsBuilder<T> builder, string section) where T : class =>
        builder.BindConfiguration(section)
            .PostConfigure<IConfiguration>((options, configuration) => Replace(options, configuration.GetSection(section), configuration));

    /// <summary>Sets each list property of <paramref name="options"/> that <paramref name="section"/> configures to the configured items.</summary>
    internal static void Replace(object options, IConfigurationSection section, IConfiguration root)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || ItemType(property.PropertyType) is not { } itemType
                || property.GetValue(options) is not IList { IsReadOnly: false } list)
            {
                continue;
            }
            var configured = section.GetSection(property.Name);
            if (!configured.GetChildren().Any() && !SetEmpty(configured, root))
            {
                continue;
            }
            // The binder's own reading of the items (types, nested objects), into a fresh list that has no defaults.
            var items = (IList?)configured.Get(typeof(List<>).MakeGenericType(itemType)) ?? Array.Empty<object>();
            list.Clear();
            foreach (var item in items)
            {
                list.Add(item);
            }
        }
    }

    /// <summary>
    /// The key is set without items: an empty value (an environment variable or argument), or a JSON <c>[]</c>, which
    /// the JSON provider stores as the key with a null value (so <see cref="IConfigurationSection.Exists"/> says no).
    /// </summary>
    private static bool SetEmpty(IConfigurationSection configured, IConfiguration root) =>
        configured.Value is not null
        || (root is IConfigurationRoot withProviders && withProviders.Providers.Any(p => p.TryGet(configured.Path, out _)));

    /// <summary>T of an <c>IList&lt;T&gt;</c> or <c>List&lt;T&gt;</c> property; null for anything else (strings, dictionaries).</summary>
    private static Type? ItemType(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IList<>) || type.GetGenericTypeDefinition() == typeof(List<>))
            ? type.GetGenericArguments()[0]
            : null;
}
