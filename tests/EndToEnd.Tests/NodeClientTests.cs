using System.Diagnostics;
using System.Text.Json;
using HealingNetwork.Testing;
using HealingNetwork.Testing.System;

namespace HealingNetwork.EndToEnd.Tests;

/// <summary>
/// A client that is not .NET — Node's @grpc/grpc-js loading protos/ — calls all three services
/// through the gateway's single address (tests/NodeClient/call-all.js).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class NodeClientTests(RunningSystemFixture fixture)
{
    private static readonly string ClientFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "NodeClient"));

    [Fact]
    public async Task Node_grpc_js_client_calls_every_service_through_the_gateway()
    {
        if (!System.IO.Directory.Exists(Path.Combine(ClientFolder, "node_modules")))
            Assert.Equal(0, (await RunAsync("npm", "ci --no-audit --no-fund")).ExitCode);

        var (exit, output, error) = await RunAsync("node", $"call-all.js 127.0.0.1:{fixture.System.GatewayGrpcPort} {Tokens.For("node-user")}");

        Assert.True(exit == 0, $"node client failed: {error}");
        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.True(result.GetProperty("modalities").GetInt32() >= 60);
        var listingId = result.GetProperty("listing_id").GetString();
        Assert.Contains(listingId, result.GetProperty("matched_ids").EnumerateArray().Select(e => e.GetString()));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string command, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = ClientFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
