using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using HealingNetwork.Testing;

namespace HealingNetwork.Testing.System;

/// <summary>
/// The AppHost started by Aspire's testing builder on free ports with its own data folder: the
/// embedded store, the three services and the gateway, exactly as `dotnet run --project apphost`.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    public const string SigningKey = Tokens.SigningKey;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    private readonly DistributedApplication _app;

    private readonly IReadOnlyDictionary<string, int> _ports;

    public int GatewayHttpPort => _ports["GatewayHttp"];
    public int GatewayGrpcPort => _ports["GatewayGrpc"];
    public string DataRoot { get; }

    /// <summary>True when the caller gave no data folder: this system made one and deletes it when disposed.</summary>
    private readonly bool _ownsDataRoot;

    private RunningSystem(DistributedApplication app, IReadOnlyDictionary<string, int> ports, string dataRoot, bool ownsDataRoot)
    {
        _app = app;
        _ports = ports;
        DataRoot = dataRoot;
        _ownsDataRoot = ownsDataRoot;
    }

    /// <param name="configure">Changes to the model before it starts (e.g. a resource's environment).</param>
    /// <param name="settings">AppHost configuration read while the model is described (e.g. ConnectionStrings:redis).</param>
    /// <param name="extraArgs">More AppHost overrides as `--Key=value`.</param>
    public static async Task<RunningSystem> StartAsync(
        string? dataRoot = null, CancellationToken cancellationToken = default, Action<IDistributedApplicationTestingBuilder>? configure = null,
        IReadOnlyDictionary<string, string>? settings = null, IReadOnlyList<string>? extraArgs = null)
    {
        // Test processes start systems side by side, each on ports that were free when chosen; another
        // process can bind one between the check and our resource binding it. Our gateway then never
        // listens while the health probe may still be answered on a port that is not ours (seen in
        // CI: "healthy", then connection refused on the gateway's gRPC port). That start is thrown
        // away and the system started again on new ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(dataRoot, cancellationToken, configure, settings, extraArgs);
            }
            catch (PortTakenException ex) when (attempt < 3)
            {
                Console.Error.WriteLine($"RunningSystem: start {attempt} discarded ({ex.Message}); starting again on new ports.");
            }
        }
    }

    private sealed class PortTakenException(string message) : Exception(message);

    private static async Task<RunningSystem> StartOnceAsync(
        string? dataRoot, CancellationToken cancellationToken, Action<IDistributedApplicationTestingBuilder>? configure,
        IReadOnlyDictionary<string, string>? settings, IReadOnlyList<string>? extraArgs)
    {
        var ownsDataRoot = dataRoot is null;
        dataRoot ??= TempFolder.New("healing-e2e");
        var ports = new[] { "Store", "GatewayHttp", "GatewayGrpc", "directory", "profiles", "matching", "directoryHealth", "profilesHealth", "matchingHealth" }
            .ToDictionary(name => name, _ => TestStore.FreePort());
        string[] args =
        [
            $"--DataRoot={dataRoot}",
            $"--Auth:SigningKey={SigningKey}",
            "--Directory:SeedListings=0",
            .. ports.Select(p => $"--Ports:{p.Key}={p.Value}"),
            .. extraArgs ?? [],
            .. (settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"),
        ];
        // Bounded, so a start that stalls (a loaded CI machine, a port taken) fails the test instead of hanging the run.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args, timeout.Token);
        configure?.Invoke(builder);
        var app = await builder.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
            foreach (var name in new[] { "GatewayGrpc", "GatewayHttp" })
                if (!await AcceptsAsync(ports[name], timeout.Token))
                    throw new PortTakenException($"the gateway is reported healthy but nothing listens on its {name} port {ports[name]}");
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Say why: which resource never became healthy and what it printed. A bare
            // TaskCanceledException left a CI failure without a cause.
            var report = await DescribeAsync(app);
            await StopQuietlyAsync(app);
            if (ownsDataRoot) TempFolder.DeleteQuietly(dataRoot);
            throw new TimeoutException($"The system did not become healthy within {StartTimeout:g}.\n{report}", ex);
        }
        catch
        {
            await StopQuietlyAsync(app);
            if (ownsDataRoot) TempFolder.DeleteQuietly(dataRoot);
            throw;
        }
        return new RunningSystem(app, ports, dataRoot, ownsDataRoot);
    }

    /// <summary>A service's own HTTP/2 port (directory, profiles, matching), bypassing the gateway.</summary>
    public int ServicePort(string service) => _ports[service];

    /// <summary>gRPC to the gateway's single address (HTTP/2 cleartext).</summary>
    public GrpcChannel GatewayChannel() => GrpcChannel.ForAddress($"http://127.0.0.1:{GatewayGrpcPort}");

    /// <summary>REST to the gateway.</summary>
    public HttpClient GatewayHttp() => new() { BaseAddress = new Uri($"http://127.0.0.1:{GatewayHttpPort}") };

    /// <summary>The store's connection string ("host:port") as the services get it.</summary>
    public async Task<string> StoreConnectionStringAsync(CancellationToken cancellationToken = default) =>
        await _app.GetConnectionStringAsync("redis", cancellationToken) ?? throw new InvalidOperationException("no redis connection string");

    /// <summary>SIGKILL of a resource's process (e.g. "directory"), as a crash would; Aspire does not restart it by itself.</summary>
    public void Kill(string resource)
    {
        if (!_app.ResourceNotifications.TryGetCurrentState(resource, out _))
            throw new InvalidOperationException($"unknown resource '{resource}'");
        ProcessTree.Kill(ProcessId(resource) ?? throw new InvalidOperationException($"'{resource}' has no process id (not running?)"));
    }

    /// <summary>The process Aspire started for a resource (the service's `dotnet exec`, apphost/BuiltOutputLaunch.cs), if it runs.</summary>
    private int? ProcessId(string resource) =>
        _app.ResourceNotifications.TryGetCurrentState(resource, out var state)
        && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// Waits until Aspire has seen a killed resource stop. A start command sent before that races
    /// the orchestrator's own bookkeeping of the dead process and can end in "failed to start".
    /// </summary>
    public Task WaitUntilStoppedAsync(string resource, CancellationToken cancellationToken = default) =>
        _app.ResourceNotifications.WaitForResourceAsync(resource, StoppedStates, cancellationToken);

    private static readonly string[] StoppedStates = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];

    /// <summary>Stops a resource gracefully through Aspire's "resource-stop" command.</summary>
    public Task StopResourceAsync(string resource, CancellationToken cancellationToken = default) =>
        CommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);

    /// <summary>
    /// Starts a stopped or crashed resource again and waits until its health check passes. A start
    /// the orchestrator reports as failed (e.g. the dead process's port not yet released) is tried
    /// again, up to three times.
    /// </summary>
    public async Task StartResourceAsync(string resource, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CommandAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
                return;
            }
            catch (DistributedApplicationException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    /// <summary>Waits until Aspire sees a resource in one of the given states ("Exited", "Finished", "Running", ...).</summary>
    public Task WaitForStateAsync(string resource, IEnumerable<string> states, CancellationToken cancellationToken = default) =>
        _app.ResourceNotifications.WaitForResourceAsync(resource, states, cancellationToken);

    private async Task CommandAsync(string resource, string command, CancellationToken cancellationToken)
    {
        var result = await _app.ResourceCommands.ExecuteCommandAsync(resource, command, cancellationToken);
        if (!result.Success) throw new InvalidOperationException($"{command} on '{resource}' failed: {result.Message}");
    }

    /// <summary>
    /// Stops the system and waits until every process of it has exited. Aspire's stop returns before
    /// its services have exited; a service may go on shutting down for seconds afterwards, still
    /// holding its data (e.g. the Lucene write lock), and a test that starts the system again on the
    /// same data folder must not race it. Stragglers are killed after 30 s.
    /// Then the data folder is deleted, if this system made it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var processes = Processes();
        await StopQuietlyAsync(_app);
        var deadline = Stopwatch.StartNew();
        while (processes.Any(IsRunning) && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
        foreach (var process in processes)
        {
            if (IsRunning(process)) ProcessTree.Kill(process.Id);
            process.Dispose();
        }
        if (_ownsDataRoot) TempFolder.DeleteQuietly(DataRoot);
    }

    private static readonly string[] Resources = ["store", "directory", "profiles", "matching", "gateway"];

    /// <summary>Every process of the running resources (with their children, e.g. under a `dotnet run` launcher).</summary>
    private List<Process> Processes()
    {
        var result = new List<Process>();
        foreach (var resource in Resources)
        {
            if (ProcessId(resource) is not { } pid) continue;
            foreach (var id in ProcessTree.TreeOf(pid))
            {
                try { result.Add(Process.GetProcessById(id)); }
                catch (ArgumentException) { } // already gone
            }
        }
        return result;
    }

    private static bool IsRunning(Process process)
    {
        try { return !process.HasExited; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>Whether a TCP connection to the port on loopback is accepted (a few tries over ~3 s).</summary>
    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 6; i++)
        {
            try
            {
                using var client = new global::System.Net.Sockets.TcpClient();
                await client.ConnectAsync(global::System.Net.IPAddress.Loopback, port, cancellationToken);
                return true;
            }
            catch (global::System.Net.Sockets.SocketException)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
        return false;
    }

    /// <summary>Each resource's state and health, and the last lines of its log (read for at most 10 s in all).</summary>
    private static async Task<string> DescribeAsync(DistributedApplication app)
    {
        const int Lines = 40;
        var text = new global::System.Text.StringBuilder();
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var resource in Resources)
        {
            var snapshot = app.ResourceNotifications.TryGetCurrentState(resource, out var state) ? state.Snapshot : null;
            text.Append(CultureInfo.InvariantCulture,
                $"--- {resource}: state {snapshot?.State?.Text ?? "unknown"}, health {snapshot?.HealthStatus?.ToString() ?? "none"}, exit code {snapshot?.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}\n");
            var tail = new Queue<string>();
            try
            {
                await foreach (var batch in logs.GetAllAsync(state?.ResourceId ?? resource).WithCancellation(budget.Token))
                    foreach (var line in batch)
                    {
                        if (tail.Count == Lines) tail.Dequeue();
                        tail.Enqueue((line.IsErrorMessage ? "! " : "  ") + line.Content);
                    }
            }
            catch (OperationCanceledException)
            {
                tail.Enqueue("  (log read cut short)");
            }
            foreach (var line in tail) text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Stops the app within a bounded time; a stop that stalls must not hang the test run.</summary>
    private static async Task StopQuietlyAsync(DistributedApplication app)
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        try { await app.StopAsync(timeout.Token); }
        catch (OperationCanceledException) { }
        finally { await app.DisposeAsync(); }
    }
}
