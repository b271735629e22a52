using HealingNetwork.ServiceDefaults.Errors;
using Microsoft.Extensions.Configuration;

namespace HealingNetwork.Directory.Api;

/// <summary>Who may run admin operations: the subjects listed in configuration `Auth:Admins`.</summary>
public sealed class AdminPolicy(IConfiguration configuration)
{
    private readonly HashSet<string> _admins =
        (configuration.GetSection("Auth:Admins").Get<string[]>() ?? []).ToHashSet(StringComparer.Ordinal);

    public void Require(string callerId)
    {
        if (!_admins.Contains(callerId)) throw DomainException.PermissionDenied("Only an administrator can do this.");
    }
}
