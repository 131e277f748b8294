using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Releng.Jobs.Http;

/// <summary>
/// One HTTP policy for every service: a project User-Agent, a per-service concurrency bound, per-attempt and total
/// timeouts, and retries with jitter for requests that are safe to repeat. A write is retried only on 429, where
/// the server says it did not process the request; anything else on a write is reported, never repeated blindly. Every attempt is counted per service (<see cref="RequestCounter"/>).
/// </summary>
public static class HttpSetup
{
    public static string UserAgent { get; } =
        $"releng-jobs/{typeof(HttpSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"} (+https://pagure.io/releng)";

    private static readonly HttpStatusCode[] TransientStatuses =
    [
        HttpStatusCode.RequestTimeout, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout,
    ];

    /// <summary>Adds the policy to a named or typed client (Refit clients included).</summary>
    public static IHttpClientBuilder AddRelengPolicy(this IHttpClientBuilder builder, HttpOptions? settings = null)
    {
        settings ??= HttpOptions.Default;
        var gate = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        builder.ConfigureHttpClient(client =>
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            // Timeouts belong to the resilience pipeline, which knows about attempts.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddHttpMessageHandler(() => new ConcurrencyLimitHandler(gate));
        builder.AddResilienceHandler("releng", pipeline =>
        {
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(Longest(args.Context.GetRequestMessage(), settings.TotalTimeout, settings)),
            });
            if (settings.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage(), args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, settings)),
                });
            }
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(Longest(args.Context.GetRequestMessage(), settings.AttemptTimeout, settings)),
            });
        });
        // Innermost, so every attempt is counted under the client's name (the service's name).
        builder.Services.TryAddSingleton<RequestCounter>();
        var service = builder.Name;
        builder.AddHttpMessageHandler(provider => new RequestCountingHandler(provider.GetRequiredService<RequestCounter>(), service));
        return builder;
    }

    private static TimeSpan Longest(HttpRequestMessage? request, TimeSpan timeout, HttpOptions settings) =>
        request?.IsSynchronousWrite() == true && settings.SynchronousWriteTimeout > timeout ? settings.SynchronousWriteTimeout : timeout;

    internal static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        request ??= outcome.Result?.RequestMessage;
        if (request is null)
        {
            return false;
        }
        if (outcome.Exception is not null)
        {
            return request.IsIdempotent() && !HttpFailure.IsTls(outcome.Exception)
                && outcome.Exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException;
        }
        if (outcome.Result is not { } response)
        {
            return false;
        }
        return response.StatusCode == HttpStatusCode.TooManyRequests
            || (request.IsIdempotent() && TransientStatuses.Contains(response.StatusCode));
    }

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, HttpOptions settings)
    {
        var header = outcome.Result?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null)
        {
            return null; // the strategy's own backoff with jitter
        }
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > settings.MaxRetryAfter ? settings.MaxRetryAfter : wait;
    }
}
