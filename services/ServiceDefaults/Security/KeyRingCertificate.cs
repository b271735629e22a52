using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HealingNetwork.ServiceDefaults.Security;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest
/// (<c>ProtectKeysWithCertificate</c>): the keys that encrypt profiles live in the store, so
/// without it a copy of the store alone would be enough to read every story. Production supplies
/// one (<c>DataProtection:KeyCertificate</c>, a PFX path, with
/// <c>DataProtection:KeyCertificatePassword</c>); the AppHost generates a self-signed one into
/// .data/ for local runs, the way it generates the dev signing key. Keep it out of the store's backups.
/// </summary>
public static class KeyRingCertificate
{
    /// <summary>The PFX at <paramref name="path"/>, created (self-signed RSA 3072, private to this user) when missing.</summary>
    public static string CreateIfMissing(string path)
    {
        if (File.Exists(path)) return path;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=HealingNetwork key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pfx));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: everyone uses that one.
            File.Delete(temporary);
        }
        return path;
    }

    /// <summary>Loads the PFX with its private key (needed to read the key ring back).</summary>
    public static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
}
