using HealingNetwork.Profiles.V1;
using HealingNetwork.Testing;
using Microsoft.AspNetCore.Hosting;

namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>
/// One in-process system (Directory, Profiles, Matching) per test class: starting one is not free,
/// and tests isolate themselves by using fresh user ids.
/// </summary>
public class SystemFixture : IAsyncLifetime
{
    private readonly Action<IWebHostBuilder>? _configureHosts;
    private TestSystem? _system;

    public SystemFixture() : this(null) { }

    protected SystemFixture(Action<IWebHostBuilder>? configureHosts) => _configureHosts = configureHosts;

    public TestSystem System => _system ?? throw new InvalidOperationException("The system has not started.");

    public ProfileService.ProfileServiceClient Profiles => System.Profiles;

    /// <summary>Creates <paramref name="profile"/> (or the sample nature client) as <paramref name="owner"/>.</summary>
    public async Task<Profile> CreateAsync(string owner, Profile? profile = null) =>
        await Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = profile ?? Samples.NatureClient() }, Tokens.As(owner));

    public Task InitializeAsync()
    {
        _system = new TestSystem(configureHosts: _configureHosts);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}
