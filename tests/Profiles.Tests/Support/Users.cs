namespace HealingNetwork.Profiles.Tests.Support;

/// <summary>Fresh user ids, so tests sharing one store never see each other's profiles.</summary>
public static class Users
{
    public static string Fresh(string name) => $"{name}-{Guid.NewGuid():N}";
}
