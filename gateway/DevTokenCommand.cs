using HealingNetwork.ServiceDefaults.Identity;

namespace HealingNetwork.Gateway;

/// <summary>
/// `dotnet run --project gateway -- token --sub alice [--hours 12]`: prints a development bearer
/// token signed with the key the AppHost generated (.data/dev-signing-key) or `Auth:SigningKey`.
/// </summary>
public static class DevTokenCommand
{
    public static bool TryRun(string[] args, IConfiguration configuration, string contentRoot)
    {
        if (args.Length == 0 || args[0] != "token") return false;
        var sub = Option(args, "--sub") ?? "dev-user";
        var hours = double.Parse(Option(args, "--hours") ?? "12", System.Globalization.CultureInfo.InvariantCulture);
        var key = configuration["Auth:SigningKey"] ?? DevSigningKey.ReadOrCreate(DevSigningKey.DefaultPath(contentRoot));
        Console.WriteLine(DevTokenIssuer.Mint(key, sub, TimeSpan.FromHours(hours)));
        return true;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
