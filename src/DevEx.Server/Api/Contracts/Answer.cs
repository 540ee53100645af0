using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Api.Contracts;

/// <summary>
/// The typed result of a read endpoint: its problem (400 or 404, naming the parameter) or 200 with the named response.
/// Typed as <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c> so that the OpenAPI document names <typeparamref name="T"/>.
/// </summary>
internal static class Answer
{
    /// <summary>The problem when there is one; otherwise 200 with the value, computed only then.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkUnless<T>(ProblemHttpResult? problem, Func<T> value) =>
        problem is not null ? problem : TypedResults.Ok(value());

    /// <summary>As <see cref="OkUnless{T}"/>, the value awaited (a computation through the shared gate).</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> OkUnlessAsync<T>(ProblemHttpResult? problem, Func<Task<T>> value) =>
        problem is not null ? problem : TypedResults.Ok(await value().ConfigureAwait(false));
}
