using Outpost.Agent.Workloads;
using Outpost.Agent.Workloads.Processes;

namespace Outpost.Agent.Tests.Workloads;

public sealed class ProcessesTests
{
    [Fact]
    public void ProcStat_CommWithSpacesAndParentheses_ParsesTheFieldsAfterIt()
    {
        var stat = ProcStat.Parse("4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 100");

        Assert.Equal(new ProcStat(4242, 'S', 4242, 987654), stat);
    }

    [Fact]
    public void ProcStat_Self_IsAliveWithAStartTime()
    {
        var self = ProcStat.Read(Environment.ProcessId);

        Assert.True(self is { IsAlive: true, StartTime: > 0 });
        Assert.Null(ProcStat.Parse("garbage"));
    }

    [Fact]
    public void PidRecord_Line_RoundTrips()
    {
        var record = new PidRecord(1234, 5678, true, TimeSpan.FromSeconds(2.5), "app@1.0.0", "infer");

        Assert.Equal("1234 5678 1 2500 app@1.0.0 infer", record.ToLine());
        Assert.Equal(record, PidRecord.Parse(record.ToLine()));
        Assert.Null(PidRecord.Parse("1 2 3"));
    }

    [Fact]
    public void RotatingLog_ManyLines_KeepsAtMostFilesTimesMaxBytes()
    {
        using var temp = new TempDirectory();
        var path = temp.File("logs/p.log");
        using (var log = new RotatingLog(path, 1024, 2))
        {
            for (var i = 0; i < 1000; i++)
            {
                log.WriteLine(System.Text.Encoding.UTF8.GetBytes($"line {i}\n"));
            }

            log.WriteLine(new byte[5000]);
        }

        Assert.Equal(["p.log", "p.log.1"], Directory.GetFiles(temp.File("logs")).Select(Path.GetFileName).Order());
        Assert.Equal(1024, new FileInfo(path).Length);
        Assert.EndsWith("line 999\n", File.ReadAllText(path + ".1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model-v2.onnx", "MODEL_V2_ONNX")]
    [InlineData("app", "APP")]
    [InlineData("é.bin", "__BIN")]
    public void VariableName_ArtifactName_UpperCaseWithUnderscores(string name, string expected) =>
        Assert.Equal(expected, WorkloadEnvironment.VariableName(name));
}
