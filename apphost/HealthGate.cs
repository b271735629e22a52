using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealingNetwork.AppHost;

/// <summary>
/// Starts a resource once a service it needs answers its /health (or the store answers PING),
/// polled every 100 ms. Aspire's <c>WaitFor</c> waits for the same thing but learns of it from its
/// resource health monitor, which re-checks a resource that is not yet healthy after 1 s, then 2, 3,
/// 4 and 5 s: a service healthy 2.2 s after launch is seen at 3 s, one healthy at 3.1 s is seen at
/// 6 s. The services here start one after another (started together they compete for the two cores
/// and all become healthy later, tests/Benchmarks startup), so that delay was paid at every step.
/// <para>
/// The dependency is still declared with <c>WaitForStart</c>, so the dashboard shows it and a
/// dependency that fails to start fails this resource too; one that exits before it is healthy does
/// the same here.
/// </para>
/// </summary>
internal static class HealthGate
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits for a service's /health (on its HTTP/1.1 "health" endpoint) to answer 200.</summary>
    public static IResourceBuilder<T> WaitForHealthy<T>(this IResourceBuilder<T> resource, IResourceBuilder<ProjectResource> dependency)
        where T : IResourceWithWaitSupport
    {
        var health = dependency.GetEndpoint("health");
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return resource.WaitFor(dependency, () => new Uri(health.Url + "/health"), (url, ct) => IsHealthyAsync(client, url, ct));
    }

    /// <summary>
    /// Waits for the embedded store to answer PING. Until then a service's first connection is
    /// refused and StackExchange.Redis retries only after its reconnect backoff (seconds), so a
    /// service started beside a store still recovering its data became healthy seconds after the store.
    /// </summary>
    public static IResourceBuilder<T> WaitForStore<T>(this IResourceBuilder<T> resource, IResourceBuilder<ProjectResource> store)
        where T : IResourceWithWaitSupport
    {
        var endpoint = store.GetEndpoint("tcp");
        return resource.WaitFor(store, () => new Uri($"tcp://{endpoint.Host}:{endpoint.Port}"), AnswersPingAsync);
    }

    private static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> resource, IResourceBuilder<ProjectResource> dependency,
        Func<Uri> address, Func<Uri, CancellationToken, Task<bool>> isReady)
        where T : IResourceWithWaitSupport
    {
        resource.WaitForStart(dependency);
        resource.ApplicationBuilder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource.Resource, async (started, cancellationToken) =>
        {
            var notifications = started.Services.GetRequiredService<ResourceNotificationService>();
            var logger = started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource.Resource);
            var url = address(); // endpoints are allocated by now
            logger.LogInformation("Waiting for {Dependency} to be ready ({Url}).", dependency.Resource.Name, url);
            while (!await isReady(url, cancellationToken))
            {
                if (notifications.TryGetCurrentState(dependency.Resource.Name, out var current)
                    && KnownResourceStates.TerminalStates.Contains(current.Snapshot.State?.Text))
                {
                    throw new DistributedApplicationException(
                        $"'{dependency.Resource.Name}' stopped ({current.Snapshot.State?.Text}) before it was ready; '{resource.Resource.Name}' needs it.");
                }
                await Task.Delay(PollEvery, cancellationToken);
            }
        });
        return resource;
    }

    private static async Task<bool> AnswersPingAsync(Uri address, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(address.Host, address.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var reply = new byte[5];
            var read = 0;
            while (read < reply.Length && await stream.ReadAsync(reply.AsMemory(read), timeout.Token) is var n and > 0) read += n;
            return reply.AsSpan(0, read).SequenceEqual("+PONG"u8);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false; // not listening yet
        }
        catch (IOException)
        {
            return false; // the connection closed
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // listening but too busy to answer within 5 s
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // listening but too busy to answer within the client's timeout
        }
    }
}
