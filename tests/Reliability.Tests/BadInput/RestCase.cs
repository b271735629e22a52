using System.Text;

namespace HealingNetwork.Reliability.Tests.BadInput;

/// <summary>One bad REST/JSON request to the gateway.</summary>
public sealed record RestCase(string Name, HttpMethod Method, string Path, byte[]? Body, string? Authorization, string ContentType = "application/json")
{
    public static RestCase Json(string name, HttpMethod method, string path, string? body, string? authorization) =>
        new(name, method, path, body is null ? null : Encoding.UTF8.GetBytes(body), authorization);

    public override string ToString() => $"{Method} {(Path.Length > 80 ? Path[..80] + "…" : Path)}: {Name}";
}
