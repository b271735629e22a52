using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace HealingNetwork.Directory.Storage.Search;

/// <summary>
/// Catches the index up at start-up (or rebuilds it when missing), then polls the change feed so
/// writes made by other replicas, or interrupted before indexing, become searchable within a second.
/// </summary>
public sealed class SearchIndexFeedWorker(SearchIndexFeed feed, ILogger<SearchIndexFeedWorker> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await feed.CatchUpAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Search index catch-up waiting for the store: {Reason}", ex.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
