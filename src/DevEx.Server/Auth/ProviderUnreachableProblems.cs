using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Auth;

/// <summary>
/// A sign-in or bearer token the OpenID provider must be asked about, while the provider does not answer, is a 503
/// with Retry-After naming the provider and its setting, instead of a bare 500: the handlers read the provider's
/// discovery document (and signing keys) on first use and after a refresh interval, and throw when they cannot.
/// API keys and the sessions already signed in keep working.
/// </summary>
internal sealed class ProviderUnreachableProblems(IProblemDetailsService problems, IOptions<AuthOptions> options, ILogger<ProviderUnreachableProblems> logger)
    : IExceptionHandler
{
    /// <summary>The identity-model message of a discovery document that could not be read (IDX20803: Unable to obtain configuration from ...).</summary>
    private const string UnableToObtainConfiguration = "IDX20803";

    private const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnreachableProvider(exception))
        {
            return false;
        }
        var authority = options.Value.Oidc.Authority;
        var reason = exception.GetBaseException().Message;
        logger.LogError("The OpenID provider {Authority} does not answer: {Reason}", authority, reason);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The sign-in provider does not answer",
                Detail = $"DevEx could not read the OpenID configuration of {authority} ({AuthOptions.Section}:Oidc:Authority). "
                    + $"Try again in {RetryAfterSeconds} s; API keys keep working meanwhile.",
            },
        });
    }

    private static bool IsUnreachableProvider(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException && e.Message.StartsWith(UnableToObtainConfiguration, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
