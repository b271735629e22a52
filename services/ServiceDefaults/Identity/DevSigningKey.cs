using System.Security.Cryptography;

namespace HealingNetwork.ServiceDefaults.Identity;

/// <summary>
/// The local development signing key: generated once into .data/dev-signing-key (git-ignored) by
/// the AppHost, read by the token command. Production uses an OIDC authority instead.
/// </summary>
public static class DevSigningKey
{
    /// <summary>.data/dev-signing-key beside the folder that holds <paramref name="projectDirectory"/>.</summary>
    public static string DefaultPath(string projectDirectory) =>
        Path.GetFullPath(Path.Combine(projectDirectory, "..", ".data", "dev-signing-key"));

    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        return key;
    }
}
