using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace HealingNetwork.ServiceDefaults.Resilience;

/// <summary>
/// When a downstream service keeps failing, stop calling it for a moment. Settings come from
/// `Resilience:CircuitBreaker:*`; the defaults open the circuit when at least half of at least 10
/// calls in 10 s failed, and let one trial call through after 2 s (so a restarted service is used
/// again within about 2 s of becoming healthy).
/// </summary>
public sealed class CircuitBreakerSettings
{
    public double FailureRatio { get; set; } = 0.5;
    public int MinimumThroughput { get; set; } = 10;
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// One Polly circuit breaker per downstream service address, shared by every gRPC client that
/// calls it (Directory and Availability live at one address, so they open and close together).
/// A failure is a call that ran into its deadline (a hung or overloaded service: the case a breaker
/// is for), a connection that broke mid-call (HttpRequestException), an HTTP 5xx, or a
/// trailers-only gRPC UNAVAILABLE. A gRPC error status in trailers (NOT_FOUND, …) is the service
/// answering, so it is not one. A service that refuses connections never reaches this far:
/// grpc-dotnet's subchannel fails those calls at once and reconnects with backoff by itself.
/// </summary>
public sealed class DownstreamCircuitBreakers(IOptions<CircuitBreakerSettings> settings, ILogger<DownstreamCircuitBreakers> logger)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The breaker for one downstream address ("host:port").</summary>
    public ResiliencePipeline<HttpResponseMessage> For(string authority) => _pipelines.GetOrAdd(authority, Build);

    private ResiliencePipeline<HttpResponseMessage> Build(string authority)
    {
        var s = settings.Value;
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = s.FailureRatio,
                MinimumThroughput = s.MinimumThroughput,
                SamplingDuration = s.SamplingDuration,
                BreakDuration = s.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
                OnOpened = args =>
                {
                    logger.LogWarning("Circuit to {Downstream} opened for {BreakDuration} after repeated failures", authority, args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogInformation("Circuit to {Downstream} half-open: trying one call", authority);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Circuit to {Downstream} closed: calls flow again", authority);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>True when an attempt shows the downstream service is not answering.</summary>
    public static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or DownstreamDeadlineException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500
            || (response.Headers.TryGetValues("grpc-status", out var status) && status.FirstOrDefault() == "14"),
        _ => false,
    };
}

/// <summary>
/// Sends each call through the downstream service's circuit breaker. While the circuit is open the
/// call never leaves the process: it gets an immediate trailers-only gRPC UNAVAILABLE, which the
/// caller handles like any other UNAVAILABLE (a read may be retried; a write is not, and was not sent).
/// </summary>
public sealed class CircuitBreakerHandler(ResiliencePipeline<HttpResponseMessage> breaker, string downstream) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await breaker.ExecuteAsync(
                static async (state, token) =>
                {
                    try
                    {
                        return await state.Handler.SendInnerAsync(state.Request, token);
                    }
                    catch (OperationCanceledException ex) when (DeadlinePassed(state.Request, state.Started))
                    {
                        throw new DownstreamDeadlineException(ex);
                    }
                },
                (Handler: this, Request: request, Started: Stopwatch.GetTimestamp()), cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            return GrpcUnavailable(request, $"{downstream} is failing; calls to it are paused for a moment (circuit open)");
        }
        catch (DownstreamDeadlineException ex)
        {
            // Counted by the breaker; the caller sees the cancellation grpc-dotnet turns into DEADLINE_EXCEEDED.
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
    }

    /// <summary>
    /// True when a cancelled call had run for (nearly) its whole gRPC deadline, i.e. the deadline
    /// cancelled it rather than the caller. The deadline travels in the `grpc-timeout` header.
    /// </summary>
    public static bool DeadlinePassed(HttpRequestMessage request, long started) =>
        request.Headers.TryGetValues("grpc-timeout", out var values)
        && GrpcTimeout(values.FirstOrDefault()) is { } timeout
        && Stopwatch.GetElapsedTime(started) >= timeout * 0.9;

    /// <summary>Parses a `grpc-timeout` value: up to 8 digits and a unit (H, M, S, m, u, n).</summary>
    public static TimeSpan? GrpcTimeout(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 2
            || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return null;
        return value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => null,
        };
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>
    /// A gRPC "trailers-only" answer: HTTP 200, application/grpc, grpc-status 14 in the headers, and
    /// a negative retry pushback so the client's retry policy does not hammer an open circuit.
    /// </summary>
    private static HttpResponseMessage GrpcUnavailable(HttpRequestMessage request, string message)
    {
        var response = new HttpResponseMessage(global::System.Net.HttpStatusCode.OK)
        {
            RequestMessage = request, Version = global::System.Net.HttpVersion.Version20, Content = new ByteArrayContent([]),
        };
        response.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        response.Headers.Add("grpc-status", "14");
        response.Headers.Add("grpc-message", Uri.EscapeDataString(message));
        response.Headers.Add("grpc-retry-pushback-ms", "-1");
        return response;
    }
}

/// <summary>A downstream call cut by its deadline, as the breaker counts it (the caller gets the original cancellation).</summary>
public sealed class DownstreamDeadlineException(OperationCanceledException inner)
    : Exception("The downstream call ran into its deadline.", inner);
