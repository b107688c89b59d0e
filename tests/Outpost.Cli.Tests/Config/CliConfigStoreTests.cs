using Outpost.Cli.Config;

namespace Outpost.Cli.Tests.Config;

public sealed class CliConfigStoreTests
{
    [Fact]
    public void ResolvePath_OutpostConfigSet_WinsOverXdg()
    {
        var path = CliConfigStore.ResolvePath(Context(("OUTPOST_CONFIG", "/tmp/a/c.json"), ("XDG_CONFIG_HOME", "/x"), ("HOME", "/home/u")));

        Assert.Equal("/tmp/a/c.json", path);
    }

    [Fact]
    public void ResolvePath_XdgConfigHomeSet_UsesIt()
    {
        var path = CliConfigStore.ResolvePath(Context(("XDG_CONFIG_HOME", "/x/conf"), ("HOME", "/home/u")));

        Assert.Equal("/x/conf/outpost/config.json", path);
    }

    [Fact]
    public void ResolvePath_RelativeXdgConfigHome_IsIgnoredAsTheSpecSays()
    {
        var path = CliConfigStore.ResolvePath(Context(("XDG_CONFIG_HOME", "relative"), ("HOME", "/home/u")));

        Assert.Equal("/home/u/.config/outpost/config.json", path);
    }

    [Fact]
    public void ResolvePath_OnlyHome_UsesDotConfig()
    {
        Assert.Equal("/home/u/.config/outpost/config.json", CliConfigStore.ResolvePath(Context(("HOME", "/home/u"))));
    }

    [Fact]
    public void SaveThenLoad_RoundTrips_AndLoadOfAMissingFileIsNull()
    {
        var directory = Directory.CreateTempSubdirectory("outpost-cli-config-").FullName;
        try
        {
            var path = Path.Combine(directory, "nested", "config.json");
            Assert.Null(CliConfigStore.Load(path));

            CliConfigStore.Save(path, new CliConfig { Server = "http://h:1", Token = "t", CaFile = "/ca.crt" });

            Assert.Equal(new CliConfig { Server = "http://h:1", Token = "t", CaFile = "/ca.crt" }, CliConfigStore.Load(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static CliContext Context(params (string Name, string Value)[] variables) => new()
    {
        Output = TextWriter.Null,
        Error = TextWriter.Null,
        GetEnvironmentVariable = name => variables.FirstOrDefault(v => v.Name == name).Value,
    };
}
