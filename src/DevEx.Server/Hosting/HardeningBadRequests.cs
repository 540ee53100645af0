using Microsoft.AspNetCore.Diagnostics;

namespace DevEx.Server.Hosting;

/// <summary>
/// A request the server itself refused while the endpoint read it (Kestrel's <see cref="BadHttpRequestException"/>: a body
/// over its limit, a malformed chunk, a client too slow) is answered with that status as a problem, not as a 500.
/// </summary>
internal sealed class HardeningBadRequests(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is not { } refused)
        {
            return false;
        }
        context.Response.StatusCode = refused.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = refused.StatusCode,
                Title = refused.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                Detail = refused.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"The body is over this endpoint's limit ({RequestLimitOptions.Section} in docs/security.md)."
                    : refused.Message,
            },
        });
    }

    private static BadHttpRequestException? Find(Exception? exception) => exception switch
    {
        null => null,
        BadHttpRequestException refused => refused,
        AggregateException all => all.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        _ => Find(exception.InnerException),
    };
}
