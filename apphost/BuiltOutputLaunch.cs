using System.Reflection;

namespace HealingNetwork.AppHost;

/// <summary>
/// Starts a project resource from its build output (<c>dotnet exec bin/{Configuration}/net10.0/{Project}.dll</c>)
/// instead of Aspire's default <c>dotnet run --project … --no-build</c>. The default first starts the .NET CLI
/// and evaluates the project with MSBuild to find what to run, about 2 s per service on this 2-core machine,
/// and each service waits for the one before it; the CLI process then stays alive beside the service
/// (about 120 MB each). An IDE debug session still launches the project itself: the arguments are
/// owned by the project launch configuration and withheld then. When the output is missing (the
/// AppHost was built alone, or in another configuration) the default launch is kept.
/// </summary>
internal static class BuiltOutputLaunch
{
    /// <summary>The AppHost's own build configuration; the AppHost's build builds the services in the same one.</summary>
    private static readonly string Configuration =
        typeof(BuiltOutputLaunch).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static IResourceBuilder<ProjectResource> FromBuildOutput(this IResourceBuilder<ProjectResource> project)
    {
        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        var name = Path.GetFileNameWithoutExtension(projectPath);
        var assembly = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", Configuration, "net10.0", name + ".dll");
        if (!File.Exists(assembly)) return project;
        // Evaluation API (ASPIREEXTENSION001) in Aspire 13.6, pinned in Directory.Packages.props.
#pragma warning disable ASPIREEXTENSION001
        return project.WithLaunchToolArgs(context =>
        {
            context.Args.Add("exec");
            context.Args.Add(assembly);
        }, ownedByLaunchConfigurationType: "project", showInCommandLine: false);
#pragma warning restore ASPIREEXTENSION001
    }
}
