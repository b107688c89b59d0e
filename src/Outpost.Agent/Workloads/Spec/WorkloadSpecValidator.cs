using System.Text.RegularExpressions;

namespace Outpost.Agent.Workloads.Spec;

/// <summary>
/// Checks a parsed spec against the schema (docs/schemas/workload.schema.json) and the release folder. Every problem is
/// reported, each naming its field the way the operator wrote it: <c>workload.processes[1].probe.timeoutSeconds must be &gt; 0</c>.
/// </summary>
internal static partial class WorkloadSpecValidator
{
    public static void Validate(WorkloadSpec spec, string releaseDirectory)
    {
        var errors = new List<string>();
        if (!(spec.HealthWindowSeconds > 0))
        {
            errors.Add("workload.healthWindowSeconds must be > 0");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Processes.Count; i++)
        {
            var field = $"workload.processes[{i}]";
            if (spec.Processes[i] is not { } process)
            {
                errors.Add($"{field} must be an object");
                continue;
            }

            if (string.IsNullOrEmpty(process.Name))
            {
                errors.Add($"{field}.name is required");
            }
            else if (!ProcessName().IsMatch(process.Name))
            {
                errors.Add($"{field}.name '{process.Name}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }
            else if (!names.Add(process.Name))
            {
                errors.Add($"{field}.name '{process.Name}' is used by another process");
            }

            ValidateProcess(process, field, releaseDirectory, errors);
        }

        if (errors.Count > 0)
        {
            throw new WorkloadSpecException(string.Join("; ", errors));
        }
    }

    private static void ValidateProcess(ProcessSpec process, string field, string releaseDirectory, List<string> errors)
    {
        ValidateCommand(process.Command, process.Args, $"{field}.command", $"{field}.args", releaseDirectory, errors);
        foreach (var (key, value) in process.Env)
        {
            if (!EnvironmentName().IsMatch(key))
            {
                errors.Add($"{field}.env.{key} is not a valid environment variable name");
            }
            else if (key.StartsWith("OUTPOST_", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{field}.env.{key}: the OUTPOST_ prefix is reserved for the variables the agent sets");
            }

            if (value is null)
            {
                errors.Add($"{field}.env.{key} must be a string");
            }
        }

        var workingDirectory = ReleasePaths.Resolve(releaseDirectory, process.WorkingDirectory);
        if (workingDirectory is null)
        {
            errors.Add($"{field}.workingDirectory '{process.WorkingDirectory}' leaves the release folder");
        }
        else if (!Directory.Exists(workingDirectory))
        {
            errors.Add($"{field}.workingDirectory '{process.WorkingDirectory}' is not a folder of the release");
        }

        if (RestartPolicies.TryParse(process.Restart.Policy) is null)
        {
            errors.Add($"{field}.restart.policy '{process.Restart.Policy}' is unknown: expected {RestartPolicies.Expected}");
        }

        Positive(process.Restart.InitialBackoffSeconds, $"{field}.restart.initialBackoffSeconds", errors);
        if (!(process.Restart.MaxBackoffSeconds >= process.Restart.InitialBackoffSeconds))
        {
            errors.Add($"{field}.restart.maxBackoffSeconds must be >= restart.initialBackoffSeconds");
        }

        if (process.CrashLoop.MaxRestarts < 0)
        {
            errors.Add($"{field}.crashLoop.maxRestarts must be >= 0");
        }

        Positive(process.CrashLoop.WindowSeconds, $"{field}.crashLoop.windowSeconds", errors);
        Positive(process.StopTimeoutSeconds, $"{field}.stopTimeoutSeconds", errors);
        if (process.Logs.MaxBytes < 1024)
        {
            errors.Add($"{field}.logs.maxBytes must be >= 1024");
        }

        if (process.Logs.Files is < 1 or > 100)
        {
            errors.Add($"{field}.logs.files must be between 1 and 100");
        }

        if (process.Probe is { } probe)
        {
            ValidateProbe(probe, $"{field}.probe", releaseDirectory, errors);
        }
    }

    private static void ValidateProbe(ProbeSpec probe, string field, string releaseDirectory, List<string> errors)
    {
        var kinds = (probe.Http is null ? 0 : 1) + (probe.Tcp is null ? 0 : 1) + (probe.Exec is null ? 0 : 1);
        if (kinds != 1)
        {
            errors.Add($"{field} must have exactly one of http, tcp or exec (it has {kinds})");
        }

        if (probe.Http is { } http
            && (!Uri.TryCreate(http.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{field}.http.url '{http.Url}' must be an absolute http:// or https:// URL");
        }

        if (probe.Tcp is { } tcp)
        {
            if (string.IsNullOrWhiteSpace(tcp.Host))
            {
                errors.Add($"{field}.tcp.host is required");
            }

            if (tcp.Port is < 1 or > 65535)
            {
                errors.Add($"{field}.tcp.port must be between 1 and 65535");
            }
        }

        if (probe.Exec is { } exec)
        {
            ValidateCommand(exec.Command, exec.Args, $"{field}.exec.command", $"{field}.exec.args", releaseDirectory, errors);
        }

        Positive(probe.IntervalSeconds, $"{field}.intervalSeconds", errors);
        Positive(probe.TimeoutSeconds, $"{field}.timeoutSeconds", errors);
        if (probe.FailureThreshold < 1)
        {
            errors.Add($"{field}.failureThreshold must be >= 1");
        }

        if (!(probe.InitialDelaySeconds >= 0))
        {
            errors.Add($"{field}.initialDelaySeconds must be >= 0");
        }
    }

    private static void ValidateCommand(
        string? command, IReadOnlyList<string?> args, string field, string argsField, string releaseDirectory, List<string> errors)
    {
        if (string.IsNullOrEmpty(command))
        {
            errors.Add($"{field} is required");
        }
        else if (ReleasePaths.Resolve(releaseDirectory, command) is not { } path)
        {
            errors.Add($"{field} '{command}' leaves the release folder");
        }
        else if (!File.Exists(path))
        {
            errors.Add($"{field} '{command}' is not a file of the release");
        }

        for (var j = 0; j < args.Count; j++)
        {
            if (args[j] is null)
            {
                errors.Add($"{argsField}[{j}] must be a string");
            }
        }
    }

    private static void Positive(double value, string field, List<string> errors)
    {
        // Written as !(x > 0) so NaN fails too.
        if (!(value > 0))
        {
            errors.Add($"{field} must be > 0");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ProcessName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();
}
