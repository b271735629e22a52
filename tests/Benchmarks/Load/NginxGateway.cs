using System.Diagnostics;
using System.Globalization;

namespace HealingNetwork.Benchmarks.Load;

/// <summary>
/// nginx with grpc_pass as the peer gateway: the same routes as the YARP gateway (by gRPC service
/// name), h2c on one loopback port, keep-alive upstreams to the services' HTTP/2 ports. The
/// config lives in a temp prefix; nginx runs in the foreground as a child process.
/// </summary>
public sealed class NginxGateway : IDisposable
{
    private readonly Process _process;
    private readonly string _prefix;
    private readonly string _config;

    public int Port { get; }

    /// <summary>The master and its workers.</summary>
    public IReadOnlyList<int> Pids => [_process.Id, .. ServiceMemory.Children(_process.Id)];

    private NginxGateway(Process process, string prefix, string config, int port)
    {
        _process = process;
        _prefix = prefix;
        _config = config;
        Port = port;
    }

    public static bool IsInstalled => File.Exists("/usr/sbin/nginx");

    public static async Task<NginxGateway> StartAsync(int port, int directoryPort, int profilesPort, int matchingPort)
    {
        var prefix = Path.Combine(Path.GetTempPath(), "healing-bench-nginx-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        string P(int p) => p.ToString(CultureInfo.InvariantCulture);
        var config = $$"""
            worker_processes auto;
            error_log {{prefix}}/logs/error.log warn;
            pid {{prefix}}/nginx.pid;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{prefix}}/body;
              proxy_temp_path {{prefix}}/proxy;
              fastcgi_temp_path {{prefix}}/fastcgi;
              uwsgi_temp_path {{prefix}}/uwsgi;
              scgi_temp_path {{prefix}}/scgi;
              http2_max_concurrent_streams 256;
              # nginx closes a connection (GOAWAY) after 1,000 requests by default; YARP does not,
              # and calls racing that GOAWAY failed, so both keep their connections.
              keepalive_requests 1000000;
              upstream directory { server 127.0.0.1:{{P(directoryPort)}}; keepalive 64; keepalive_requests 1000000; }
              upstream profiles { server 127.0.0.1:{{P(profilesPort)}}; keepalive 64; keepalive_requests 1000000; }
              upstream matching { server 127.0.0.1:{{P(matchingPort)}}; keepalive 64; keepalive_requests 1000000; }
              server {
                listen 127.0.0.1:{{P(port)}} http2;
                client_max_body_size 1m;
                location /healing.directory.v1.DirectoryService/ { grpc_pass grpc://directory; }
                location /healing.directory.v1.AvailabilityService/ { grpc_pass grpc://directory; }
                location /healing.profiles.v1.ProfileService/ { grpc_pass grpc://profiles; }
                location /healing.matching.v1.MatchingService/ { grpc_pass grpc://matching; }
              }
            }
            """;
        var configPath = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-p", prefix, "-c", configPath, "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start");
        using var probe = new System.Net.Sockets.TcpClient();
        for (var i = 0; i < 50 && !probe.Connected; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("nginx exited: " + await process.StandardError.ReadToEndAsync());
            try { await probe.ConnectAsync("127.0.0.1", port); } catch (System.Net.Sockets.SocketException) { await Task.Delay(100); }
        }
        return new NginxGateway(process, prefix, configPath, port);
    }

    public void Dispose()
    {
        // "-s stop" lets the master stop its workers; killing the master would orphan them.
        using (var stop = Process.Start("/usr/sbin/nginx", ["-p", _prefix, "-c", _config, "-s", "stop"])) stop?.WaitForExit(5_000);
        if (!_process.WaitForExit(5_000)) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        try { System.IO.Directory.Delete(_prefix, recursive: true); } catch (IOException) { }
    }
}
