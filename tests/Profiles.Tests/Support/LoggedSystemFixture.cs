using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>A system whose three services log everything, down to Trace, into <see cref="Logs"/>.</summary>
public sealed class LoggedSystemFixture : SystemFixture
{
    public LoggedSystemFixture() : this(new CapturedLogs()) { }

    private LoggedSystemFixture(CapturedLogs logs) : base(host => Capture(host, logs)) => Logs = logs;

    public CapturedLogs Logs { get; }

    private static void Capture(IWebHostBuilder host, CapturedLogs logs) =>
        host.ConfigureServices(services => services.AddLogging(logging =>
        {
            logging.AddProvider(logs);
            logging.SetMinimumLevel(LogLevel.Trace);
            // A rule for this provider wins over the category rules from appsettings.
            logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        }));
}
