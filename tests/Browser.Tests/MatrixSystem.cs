namespace HealingNetwork.Browser.Tests;

/// <summary>The running system with a limit high enough for the matrix's rapid calls.</summary>
public sealed class MatrixSystem : RunningSystem
{
    protected override int PermitsPerSecond => 1000;
}
