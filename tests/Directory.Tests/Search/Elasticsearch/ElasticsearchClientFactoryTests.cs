using System.Net;
using System.Net.Sockets;
using System.Text;
using Elastic.Clients.Elasticsearch;
using HealingNetwork.Directory.Storage.Search;
using Xunit;

namespace HealingNetwork.Directory.Tests.Search.Elasticsearch;

/// <summary>
/// <see cref="ElasticsearchListingIndex.CreateClient"/> against a local HTTP listener, so the real
/// client and transport (not a test handler) show what reaches the wire.
/// </summary>
public sealed class ElasticsearchClientFactoryTests
{
    [Fact]
    public async Task Credentials_in_the_url_become_basic_authentication()
    {
        var authorization = await AuthorizationSentFor(port => $"http://elastic:p%40ss%20word@127.0.0.1:{port}");

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:p@ss word")), authorization);
    }

    [Fact]
    public async Task A_url_without_credentials_sends_no_authorization()
    {
        Assert.Null(await AuthorizationSentFor(port => $"http://127.0.0.1:{port}"));
    }

    private static async Task<string?> AuthorizationSentFor(Func<int, string> connectionString)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var client = ElasticsearchListingIndex.CreateClient(connectionString(port));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var request = client.CountAsync(new CountRequest("healing-listings"), timeout.Token);
        var context = await listener.GetContextAsync().WaitAsync(timeout.Token);
        var authorization = context.Request.Headers["Authorization"];
        context.Response.AddHeader("X-Elastic-Product", "Elasticsearch");
        context.Response.ContentType = "application/json";
        var body = Encoding.UTF8.GetBytes("""{"count":0,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}""");
        await context.Response.OutputStream.WriteAsync(body, timeout.Token);
        context.Response.Close();

        Assert.True((await request).IsValidResponse);
        return authorization;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
