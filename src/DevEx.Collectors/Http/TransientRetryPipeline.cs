using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace DevEx.Collectors.Http;

/// <summary>
/// The resilience pipeline of a plain HTTP client (Jira, calendar feeds, report webhooks): 5xx, 408, 429, connection
/// failures and attempt timeouts are retried <see cref="HttpRetryOptions.MaxRetries"/> times, waiting what Retry-After
/// asks (capped) or backing off exponentially with jitter; each attempt is bounded by
/// <see cref="HttpRetryOptions.AttemptTimeout"/>. Waits run on the <see cref="TimeProvider"/> in DI, so tests never
/// sleep. Only the client, method and host are logged: headers hold credentials, and a feed's or a webhook's path or
/// query is its secret.
/// </summary>
public static class TransientRetryPipeline
{
    /// <param name="configure">Adjusts the shared options for this client (the webhook's own attempts and backoff).</param>
    public static IHttpResiliencePipelineBuilder AddTransientRetry(
        this IHttpClientBuilder client, Action<IServiceProvider, HttpRetryOptions>? configure = null) =>
        client.AddResilienceHandler(client.Name + "-retry", (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            var shared = services.GetService<IOptions<HttpRetryOptions>>()?.Value ?? new HttpRetryOptions();
            var options = new HttpRetryOptions
            {
                MaxRetries = shared.MaxRetries,
                BaseDelay = shared.BaseDelay,
                MaxRetryAfter = shared.MaxRetryAfter,
                AttemptTimeout = shared.AttemptTimeout,
                UseJitter = shared.UseJitter,
            };
            configure?.Invoke(services, options);
            var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
            var jitter = options.UseJitter ? services.GetService<BackoffJitter>() ?? BackoffJitter.Shared : BackoffJitter.None;
            var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(TransientRetryPipeline).FullName!) ?? NullLogger.Instance;
            pipeline.TimeProvider = time;
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                        RetryDelays.RetryAfter(args.Outcome.Result?.Headers.RetryAfter, time, options.MaxRetryAfter)
                        ?? RetryDelays.Backoff(options, jitter, args.AttemptNumber + 1)),
                    OnRetry = args =>
                    {
                        var request = args.Context.GetRequestMessage();
                        logger.LogWarning("{Client} {Method} {Host} failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay}",
                            client.Name, request?.Method, request?.RequestUri?.Host, Failure(args.Outcome),
                            args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay);
                        return default;
                    },
                });
            }
            pipeline.AddTimeout(options.AttemptTimeout);
        });

    /// <summary>What went wrong with an attempt, without anything secret in it.</summary>
    public static string Failure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "unknown";
}
