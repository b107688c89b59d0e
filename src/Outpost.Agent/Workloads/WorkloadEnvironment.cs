using System.Text;
using Outpost.Agent.Workloads.Spec;

namespace Outpost.Agent.Workloads;

/// <summary>The environment variables every workload process gets on top of the agent's own (docs/workloads.md).</summary>
internal static class WorkloadEnvironment
{
    /// <summary>Marks every workload process as started by the agent of this data folder (see OrphanReaper).</summary>
    public const string OwnerVariable = "OUTPOST_WORKLOAD_OWNER";

    public static string OwnerEntry(AgentPaths paths) => $"{OwnerVariable}={Path.GetFullPath(paths.DataDirectory)}";

    public static Dictionary<string, string> Build(string releaseId, ReleaseWorkload workload, AgentPaths paths, ProcessSpec process)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in process.Env)
        {
            environment[key] = value ?? "";
        }

        // After the spec's env: validation refuses OUTPOST_ names there, and the agent's values win regardless.
        environment["OUTPOST_RELEASE_ID"] = releaseId;
        environment["OUTPOST_RELEASE_DIR"] = workload.Directory;
        environment["OUTPOST_AGENT_SOCKET"] = paths.LocalApiSocket;
        environment[OwnerVariable] = Path.GetFullPath(paths.DataDirectory);
        foreach (var artifact in workload.Artifacts)
        {
            var path = Path.Combine(workload.Directory, artifact.Name);
            environment["OUTPOST_ARTIFACT_" + VariableName(artifact.Name)] = path;
            var kindVariable = artifact.Kind switch
            {
                "app" => "OUTPOST_APP_PATH",
                "model" => "OUTPOST_MODEL_PATH",
                "config" => "OUTPOST_CONFIG_PATH",
                _ => null,
            };
            if (kindVariable is not null)
            {
                environment.TryAdd(kindVariable, path);
            }
        }

        return environment;
    }

    /// <summary>Upper-cased, every character other than A-Z and 0-9 replaced by '_': <c>model-v2.onnx</c> → <c>MODEL_V2_ONNX</c>.</summary>
    public static string VariableName(string artifactName)
    {
        var name = new StringBuilder(artifactName.Length);
        foreach (var c in artifactName.ToUpperInvariant())
        {
            name.Append(c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_');
        }

        return name.ToString();
    }
}
