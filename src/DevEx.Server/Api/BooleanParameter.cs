using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Api;

/// <summary>An optional true/false query parameter, read by hand so that a bad value gets a problem naming the parameter.</summary>
internal static class BooleanParameter
{
    /// <summary>Null (and the value) when the text is absent, true or false (any case); otherwise the 400 problem.</summary>
    public static ProblemHttpResult? TryParse(string? text, string name, out bool? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (bool.TryParse(text.Trim(), out var parsed))
        {
            value = parsed;
            return null;
        }
        return Problems.BadRequest(name, $"'{name}' must be true or false, not '{text}'.");
    }
}
