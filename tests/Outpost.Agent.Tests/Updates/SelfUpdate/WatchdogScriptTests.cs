using System.Diagnostics;
using Outpost.Agent.Updates.SelfUpdate;

namespace Outpost.Agent.Tests.Updates.SelfUpdate;

/// <summary>packaging/outpost-agent-watchdog run with sh in a temporary data folder, as systemd's ExecStartPre would.</summary>
public sealed class WatchdogScriptTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly AgentLayout _layout;

    public WatchdogScriptTests()
    {
        _layout = new AgentLayout(new AgentPaths(_data.Path).Agent);
    }

    private static string Script { get; } = Path.Combine(RepositoryRoot(), "src", "Outpost.Agent", "packaging", "outpost-agent-watchdog");

    public void Dispose() => _data.Dispose();

    private void InstallVersion(string release)
    {
        Directory.CreateDirectory(_layout.Version(release));
        File.WriteAllText(_layout.Binary(release), "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(_layout.Binary(release), (UnixFileMode)0b111_101_101);
    }

    /// <summary>previous → old, current → new (just switched by a passed trial), pending names new.</summary>
    private void SelfUpdated(string old = "app@1.0.0", string @new = "app@2.0.0")
    {
        InstallVersion(old);
        InstallVersion(@new);
        AgentLayout.Switch(_layout.Previous, old);
        AgentLayout.Switch(_layout.Current, @new);
        File.WriteAllText(_layout.Pending, $"release={@new}\nstarts=0\n");
    }

    private async Task<string> RunAsync(string? packaged = null)
    {
        var start = new ProcessStartInfo("sh", [Script, _data.Path, packaged ?? _data.File("no-packaged-binary")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        return error;
    }

    [Fact]
    public async Task Watchdog_ThreeUnconfirmedStarts_RevertsToPreviousOnTheFourthAndRecordsWhy()
    {
        SelfUpdated();

        for (var start = 1; start <= 3; start++)
        {
            await RunAsync();
            Assert.Equal("app@2.0.0", _layout.CurrentVersion);
            Assert.Equal($"{start}", AgentLayout.ReadRecord(_layout.Pending)["starts"]);
        }

        var log = await RunAsync();

        Assert.Equal("app@1.0.0", _layout.CurrentVersion);
        Assert.False(File.Exists(_layout.Pending));
        Assert.Equal(new AgentRevert("app@2.0.0", "started 3 times without checking in"), _layout.Revert());
        Assert.Contains("reverted agent binary app@2.0.0 to app@1.0.0", log, StringComparison.Ordinal);
        Assert.Equal(Path.Combine("versions", "app@1.0.0"), new FileInfo(_layout.Current).LinkTarget);
    }

    [Fact]
    public async Task Watchdog_ConfirmedInstall_LeftAlone()
    {
        SelfUpdated();
        await RunAsync();
        File.Delete(_layout.Pending); // the new agent checked in: confirmed

        for (var start = 0; start < 5; start++)
        {
            Assert.Equal("", await RunAsync());
        }

        Assert.Equal("app@2.0.0", _layout.CurrentVersion);
        Assert.Equal("app@1.0.0", _layout.PreviousVersion);
        Assert.Null(_layout.Revert());
        Assert.Empty(Directory.EnumerateFiles(_layout.Directory, "*.tmp"));
    }

    [Fact]
    public async Task Watchdog_FirstInstall_InstallsThePackagedBinaryAsCurrent()
    {
        var packaged = _data.File("usr-local-bin/outpost-agent");
        _data.Write("usr-local-bin/outpost-agent", "#!/bin/sh\nexit 0\n");
        _data.Write("usr-local-bin/libsodium.so", "native library");
        File.SetUnixFileMode(packaged, (UnixFileMode)0b111_101_101);

        await RunAsync(packaged);

        Assert.Equal("packaged", _layout.CurrentVersion);
        Assert.Equal("native library", await File.ReadAllTextAsync(Path.Combine(_layout.Version("packaged"), "libsodium.so"), TestContext.Current.CancellationToken));
        Assert.True(File.GetUnixFileMode(_layout.Binary("packaged")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task Watchdog_PendingForAReleaseThatNeverBecameCurrent_DropsThePendingOnly()
    {
        SelfUpdated();
        AgentLayout.Switch(_layout.Current, "app@1.0.0"); // as after a crash between writing pending and the switch

        await RunAsync();

        Assert.Equal("app@1.0.0", _layout.CurrentVersion);
        Assert.False(File.Exists(_layout.Pending));
        Assert.Null(_layout.Revert());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outpost.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Outpost.slnx not found above " + AppContext.BaseDirectory);
    }
}
